#!/usr/bin/env bash
# The PKI of the single third-party certificate mode, made with the openssl command line (issue 27's fixtures):
#   root.cer (self-signed), inter.cer (issuing CA under it), inter-expired.cer (the same CA, expired),
#   leaf / renewed / expired / soon .cer .key .pfx: end-entity certificates for the same names (subject and
#   DNS:ic1.example.com) under inter, each with its own key: leaf valid from 30 days ago for a year, renewed from
#   yesterday for two, expired ended 35 days ago, soon ends in 10 days; PFX password "store-test";
#   Certificates/: a certificates folder whose ServerGroup slot holds leaf with its key, and the local trusted file.
# Dates are relative to now. One definition for every user: TestSupport's StorePki runs it (Core's tests, the store
# tests on Windows), and build/windows-tests.sh runs it before the store tests under Wine, which cannot start openssl.
# usage: store-pki.sh DIR
set -euo pipefail
dir=${1:?usage: store-pki.sh DIR}
mkdir -p "$dir"
cd "$dir"
# Git's bash on Windows would rewrite "/C=US/..." subjects into paths.
export MSYS_NO_PATHCONV=1 MSYS2_ARG_CONV_EXCL='*'
pass=store-test
leaf_subject="/C=US/O=Example Corp/CN=ic1.example.com"
ca_ext=$'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid'
leaf_ext=$'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=DNS:ic1.example.com,IP:10.0.0.5'

at() { date -u -d "$1 days" +%Y%m%d%H%M%SZ; }
key() { openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1.key" 2>/dev/null; }

# openssl ca rather than x509 -req: it sets both dates (x509 of openssl 3.0 only counts days from now).
mkdir -p ca-db; : > ca-db/index.txt; echo 1000 > ca-db/serial
issue() { # name subject issuer extensions from-days to-days [key-of]
  local name=$1 subject=$2 issuer=$3 ext=$4 from=$5 to=$6 keyof=${7:-$1}
  printf '[ca]\ndefault_ca = d\n[d]\ndatabase = ca-db/index.txt\nnew_certs_dir = ca-db\nserial = ca-db/serial\ndefault_md = sha256\npolicy = p\nunique_subject = no\nemail_in_dn = no\n[p]\ncountryName = optional\norganizationName = optional\ncommonName = supplied\n[x]\n%s\n' "$ext" > "$name.cnf"
  openssl req -new -key "$keyof.key" -subj "$subject" -out "$name.csr"
  openssl ca -batch -notext -preserveDN -config "$name.cnf" -cert "$issuer.cer" -keyfile "$issuer.key" -in "$name.csr" \
    -out "$name.cer" -startdate "$(at "$from")" -enddate "$(at "$to")" -extensions x 2>/dev/null
}

key root
openssl req -x509 -new -key root.key -subj "/C=US/O=Example Trust/CN=Example Store Root CA" -days 3650 -sha256 \
  -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign -addext subjectKeyIdentifier=hash -out root.cer
key inter
issue inter "/C=US/O=Example Trust/CN=Example Store Issuing CA" root "$ca_ext" -1000 3000
issue inter-expired "/C=US/O=Example Trust/CN=Example Store Issuing CA" root "$ca_ext" -2000 -1 inter
for spec in leaf:-30:365 renewed:-1:730 expired:-800:-35 soon:-355:10; do
  IFS=: read -r name from to <<<"$spec"
  key "$name"
  issue "$name" "$leaf_subject" inter "$leaf_ext" "$from" "$to"
  # 3DES and a SHA-1 MAC: the PKCS#12 form every crypt32 imports (Wine's included), as certutil exports it.
  openssl pkcs12 -export -in "$name.cer" -inkey "$name.key" -name "$name" -passout "pass:$pass" \
    -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1 -out "$name.pfx"
done

mkdir -p Certificates/ServerGroup Certificates/Client/Local_Subsystems
cp leaf.cer Certificates/ServerGroup/ServerGroupCertificate.cer
cp leaf.key Certificates/ServerGroup/ServerGroupPrivateKey.bin
chmod 600 Certificates/ServerGroup/ServerGroupPrivateKey.bin
cat inter.cer root.cer > Certificates/Client/Local_Subsystems/ic1_TrustedCertificate.cer
touch made
