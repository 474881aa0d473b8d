#!/usr/bin/env bash
# Test step "regenerate the certificates folder like an IC install does": writes a fresh self-signed IC certificate
# set (new keys on every run) that the sample product ships as components, so installing, upgrading, repairing or
# adding the optional feature overwrites whatever the certificates folder held, exactly like IC regenerating it.
#
# usage: regenerate-certificates.sh <output-dir> [server-name]
#   <output-dir>/ServerGroup/ServerGroupCertificate.cer, ServerGroupPrivateKey.bin, ServerGroupPublicKey.bin
#   <output-dir>/ICCertificateAuthority/<server>_ICCertificateAuthorityCertificate.cer, ...PrivateKey.bin
#   <output-dir>/Client/Local_Subsystems/<server>_ServerCertificate.cer, <server>_ServerPrivateKey.bin  (optional feature)
# Needs openssl (Linux: Debian package; Windows runners: Git for Windows' openssl). Test keys only.
set -euo pipefail
out=${1:?usage: regenerate-certificates.sh <output-dir> [server-name]}
server=${2:-ICSERVER1}
export MSYS_NO_PATHCONV=1 MSYS2_ARG_CONV_EXCL='*'
rm -rf "$out"
mkdir -p "$out/ServerGroup" "$out/ICCertificateAuthority" "$out/Client/Local_Subsystems"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

key() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1" 2>/dev/null; }
ext() { printf '%s\n' "$@" > "$tmp/ext.cnf"; }

sg="$out/ServerGroup"
key "$sg/ServerGroupPrivateKey.bin"
openssl pkey -in "$sg/ServerGroupPrivateKey.bin" -pubout -out "$sg/ServerGroupPublicKey.bin"
ext "basicConstraints=critical,CA:TRUE" "keyUsage=critical,keyCertSign,cRLSign" "subjectKeyIdentifier=hash"
openssl req -new -x509 -sha256 -days 3650 -key "$sg/ServerGroupPrivateKey.bin" -subj "/CN=ServerGroup/O=ININ Self-Signed" \
  -set_serial "0x$(openssl rand -hex 8)" -extensions v3 -config <(printf '[req]\ndistinguished_name=dn\n[dn]\n[v3]\n'; cat "$tmp/ext.cnf") \
  -out "$sg/ServerGroupCertificate.cer"

ca="$out/ICCertificateAuthority"
key "$ca/${server}_ICCertificateAuthorityPrivateKey.bin"
openssl pkey -in "$ca/${server}_ICCertificateAuthorityPrivateKey.bin" -pubout -out "$ca/${server}_ICCertificateAuthorityPublicKey.bin"
openssl req -new -key "$ca/${server}_ICCertificateAuthorityPrivateKey.bin" -subj "/CN=${server} IC Certificate Authority/O=ININ Self-Signed" -out "$tmp/ca.csr"
ext "basicConstraints=critical,CA:TRUE,pathlen:0" "keyUsage=critical,keyCertSign,cRLSign" "subjectKeyIdentifier=hash" "authorityKeyIdentifier=keyid"
openssl x509 -req -sha256 -days 3650 -in "$tmp/ca.csr" -CA "$sg/ServerGroupCertificate.cer" -CAkey "$sg/ServerGroupPrivateKey.bin" \
  -set_serial "0x$(openssl rand -hex 8)" -extfile "$tmp/ext.cnf" -out "$ca/${server}_ICCertificateAuthorityCertificate.cer" 2>/dev/null

ls="$out/Client/Local_Subsystems"
key "$ls/${server}_ServerPrivateKey.bin"
openssl req -new -key "$ls/${server}_ServerPrivateKey.bin" -subj "/CN=${server}/O=ININ Self-Signed" -out "$tmp/srv.csr"
ext "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" "extendedKeyUsage=serverAuth,clientAuth" "subjectAltName=DNS:${server}"
openssl x509 -req -sha256 -days 3650 -in "$tmp/srv.csr" -CA "$ca/${server}_ICCertificateAuthorityCertificate.cer" \
  -CAkey "$ca/${server}_ICCertificateAuthorityPrivateKey.bin" -set_serial "0x$(openssl rand -hex 8)" -extfile "$tmp/ext.cnf" \
  -out "$ls/${server}_ServerCertificate.cer" 2>/dev/null
