#!/usr/bin/env bash
# Retired: it compared one certharness process with openssl started once per file, which no expert does.
# bench/compare.sh compares with ONE `openssl verify -CAfile root -untrusted inter leaves/*.pem` process instead.
exec "$(dirname "$0")/compare.sh" "$@"
