# Shared by the bench scripts: publishing certharness, the openssl corpus, and measuring whole processes.
# Figures: wall (ms, from date +%s%N), CPU = user + sys (ms, GNU time), peak RSS (MB, GNU time's %M, as in time -v).
out=${BENCH_OUT:-artifacts/bench}
mkdir -p "$out"

# publish_jit: framework-dependent ReadyToRun certharness in $out/jit (what bench/chains.sh always measured).
publish_jit() {
  echo "publishing certharness (Release, ReadyToRun, JIT runtime)..." >&2
  dotnet publish harness/CertInstaller.Harness -c Release -r linux-x64 -p:PublishAot=false --self-contained false -o "$out/jit" -nologo -v q >/dev/null
  jit="$out/jit/certharness"
}

# publish_aot: NativeAOT certharness in $out/aot via build/aot.sh; empty $aot when clang is missing.
publish_aot() {
  aot=""
  if [ ! -x build/aot.sh ] || ! command -v clang >/dev/null 2>&1; then
    echo "NativeAOT skipped: clang is not installed (apt-get install -y clang lld)" >&2
    return 0
  fi
  echo "publishing certharness (NativeAOT)..." >&2
  build/aot.sh "$out/aot" >/dev/null
  aot="$out/aot/certharness"
}

# make_corpus DIR N: openssl-made RSA 2048 root -> intermediate -> N leaves (DIR/root.pem, DIR/inter.pem, DIR/leaves/*.pem).
make_corpus() {
  local dir n=$2
  dir=$(realpath -m "$1")
  if [ -f "$dir.done" ] && [ "$(cat "$dir.done")" = "$n" ]; then return 0; fi
  echo "making the corpus with openssl: root -> intermediate -> $n leaves in $dir..." >&2
  rm -rf "$dir" "$dir-ca" "$dir.done"; mkdir -p "$dir/leaves" "$dir-ca"
  (
    cd "$dir"
    cat >ca.cnf <<'CNF'
[ca]
default_ca = inter
[inter]
dir = .
database = index.txt
serial = serial
new_certs_dir = leaves
certificate = inter.pem
private_key = inter.key
default_md = sha256
default_days = 730
policy = any
unique_subject = no
x509_extensions = leaf
[any]
commonName = supplied
[leaf]
basicConstraints = CA:FALSE
keyUsage = digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[root_ext]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[inter_ext]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
    for k in root inter leaf; do openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out keys-$k.key 2>/dev/null; done
    mv keys-inter.key inter.key
    openssl req -x509 -new -key keys-root.key -subj "/C=US/O=Bench/CN=Bench Root" -days 3650 -config ca.cnf -extensions root_ext -out root.pem
    openssl req -new -key inter.key -subj "/C=US/O=Bench/CN=Bench Intermediate" -out inter.csr
    openssl x509 -req -in inter.csr -CA root.pem -CAkey keys-root.key -set_serial 2 -days 3650 -extfile ca.cnf -extensions inter_ext -out inter.pem 2>/dev/null
    openssl req -new -key keys-leaf.key -subj "/C=US/O=Bench/CN=bench-leaf" -out leaf.csr
    : >index.txt; echo 1000 >serial
    local args=(); for ((i = 0; i < n; i++)); do args+=(leaf.csr); done
    openssl ca -config ca.cnf -batch -notext -infiles "${args[@]}" >/dev/null 2>ca.log
    # Only the certificates stay in the scanned folder (the CA's database and keys move aside).
    mv ca.cnf index.txt* serial* ca.log *.key *.csr "$dir-ca/"
  )
  echo "$n" >"$dir.done"
}

# run_once CMD...: sets W (wall ms), C (CPU ms), RK (peak RSS KB, GNU time's unit), R (the same in whole MB, rounded
# down), RC (exit code); output in $out/run.out, $out/run.err. Ratios of memory use RK: whole MB rounded down moved a
# 6.5 MB openssl to 6 and a 19.5 MB scan to 19.
run_once() {
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -f "%U %S %M" -o "$out/time.txt" "$@" >"$out/run.out" 2>"$out/run.err"
  RC=$?
  t1=$(date +%s%N)
  local u s m
  read -r u s m < <(tail -1 "$out/time.txt")
  W=$(( (t1 - t0) / 1000000 ))
  C=$(echo "($u + $s) * 1000 / 1" | bc)
  RK=$m
  R=$(( m / 1024 ))
}

# mb KB: KB as MB with one decimal.
mb() { echo "scale=2; $1 / 1024" | bc | xargs printf '%.1f'; }

# measure LABEL RUNS CMD...: best wall, best CPU and the largest peak RSS over RUNS runs; sets BW BC BR (MB) BRK (KB),
# prints a row.
measure() {
  local label=$1 runs=$2; shift 2
  BW=""; BC=""; BR=0; BRK=0
  local walls=()
  for ((i = 1; i <= runs; i++)); do
    run_once "$@"
    if [ "$RC" -ne 0 ] && [ "${ALLOW_EXIT:-0}" != "$RC" ]; then
      echo "$label: exit $RC: $(head -c 400 "$out/run.err")" >&2
      return 1
    fi
    walls+=("$W")
    if [ -z "$BW" ] || [ "$W" -lt "$BW" ]; then BW=$W; fi
    if [ -z "$BC" ] || [ "$C" -lt "$BC" ]; then BC=$C; fi
    if [ "$R" -gt "$BR" ]; then BR=$R; fi
    if [ "$RK" -gt "$BRK" ]; then BRK=$RK; fi
  done
  local median
  median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%-58s %8d ms %8d ms %6s MB   (median wall %d ms, %d runs)\n' "$label" "$BW" "$BC" "$(mb "$BRK")" "$median" "$runs"
}

# measure_short LABEL BATCH RUNS CMD...: for processes of a few ms: BATCH runs back to back in one timed loop, the
# per-process wall and CPU as the batch's over BATCH (best batch of RUNS), peak RSS from a single run. Sets BW BC BR BRK.
measure_short() {
  local label=$1 batch=$2 runs=$3; shift 3
  local bw="" bc=""
  for ((j = 1; j <= runs; j++)); do
    run_once bash -c 'n=$1; shift; for ((i = 0; i < n; i++)); do "$@" >/dev/null 2>&1; done' _ "$batch" "$@"
    local w100=$(( W * 100 / batch )) c100=$(( C * 100 / batch ))
    if [ -z "$bw" ] || [ "$w100" -lt "$bw" ]; then bw=$w100; fi
    if [ -z "$bc" ] || [ "$c100" -lt "$bc" ]; then bc=$c100; fi
  done
  run_once "$@"
  BW=$bw; BC=$bc; BR=$R; BRK=$RK
  printf '%-58s %5d.%02d ms %5d.%02d ms %6s MB   (per process, best batch of %d, %d batches)\n' "$label" $((bw / 100)) $((bw % 100)) $((bc / 100)) $((bc % 100)) "$(mb "$BRK")" "$batch" "$runs"
}

# ratio A B: A / B with one decimal.
ratio() { echo "scale=2; $1 / ($2 + 0.0001)" | bc | xargs printf '%.1f'; }

header() { printf '%-58s %11s %11s %9s\n' "$1" "wall" "CPU" "peak RSS"; }
