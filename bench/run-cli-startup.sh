#!/usr/bin/env bash
# Times `bin/reliably run` of an experiment of 500 http probes end to end, JVM start included:
# one untimed run first (it builds the CDS archive after a fresh build), then RUNS rounds; prints the
# median and minimum, beside three baselines timed in the same rounds: a fresh JVM sending the same
# requests in a bare loop with no engine (HttpURLConnection, then the JDK HttpClient), and a fresh JVM
# sending none. The probes call a loopback server running in its own JVM.
#
#   mvn -q -B package -DskipTests && bench/run-cli-startup.sh [RUNS=11] [PROBES=500]
#
# Extra bin/reliably flags can be given through RELIABLY_JAVA_OPTS / RELIABLY_CDS (see bin/reliably).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-11}"
probes="${2:-500}"
for f in cli/target/reliably.jar bench/target/reliably-bench.jar bench/target/classpath.txt; do
  [ -f "$f" ] || { echo "missing $f; build first: mvn -q -B package -DskipTests" >&2; exit 2; }
done

work="$(mktemp -d)"
server_pid=""
cleanup() {
  exec 3>&- 2>/dev/null || true
  if [ -n "$server_pid" ]; then wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

mkfifo "$work/in"
java -cp "bench/target/reliably-bench.jar:$(cat bench/target/classpath.txt)" io.reliably.bench.BenchServer \
  "$work/experiment.json" "$probes" <"$work/in" >"$work/server.out" &
server_pid=$!
exec 3>"$work/in"   # the server stops when this closes
for _ in $(seq 1 100); do grep -q ready "$work/server.out" 2>/dev/null && break; sleep 0.1; done
grep -q ready "$work/server.out" || { echo "the bench server did not start" >&2; exit 1; }

run() { bin/reliably run "$work/experiment.json" --journal-path "$work/journal.json" >/dev/null 2>&1; }
url="$(awk '/ready/ {print $2}' "$work/server.out")"
cp="bench/target/reliably-bench.jar:$(cat bench/target/classpath.txt)"
# Baselines: a fresh JVM (bin/reliably's JIT and GC flags, the JDK's own CDS archive) sending the same
# requests, no engine; and the same JVM doing nothing (start-up alone).
jvm=(-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:Tier3InvocationThreshold=100 -XX:Tier3CompileThreshold=1000
  -XX:+UseSerialGC -Xss512k -XX:-UsePerfData)
loop() { java "${jvm[@]}" -cp "$cp" io.reliably.bench.ColdHttpLoop "$url" "$1" "$2"; }

run   # untimed: creates cli/target/reliably.jsa after a build, warms the page cache
grep -q '"status" : "completed"\|"status": "completed"' "$work/journal.json" \
  || { echo "the warm-up run did not complete; see $work/journal.json" >&2; exit 1; }

labels=("bin/reliably run (engine)"
  "baseline: bare HttpURLConnection loop, fresh JVM"
  "baseline: bare JDK HttpClient loop, fresh JVM"
  "baseline: fresh JVM, no request (start-up alone)")
commands=("run" "loop urlconnection $probes" "loop httpclient $probes" "loop urlconnection 0")
# What Chaos Toolkit's http provider does for each probe (requests.request, a new connection each
# time), without the rest of Chaos Toolkit: a floor for `chaos run` on this machine. Only where
# Python has requests; the interpreter itself, not a pyenv shim, which adds about 0.25 s.
python="$(python3 -c 'import sys, requests; print(sys.executable)' 2>/dev/null || true)"
pyloop() {
  "$python" -c 'import sys, requests
for _ in range(int(sys.argv[2])):
    assert requests.request("GET", sys.argv[1], timeout=None).status_code == 200' "$url" "$probes"
}
if [ -n "$python" ]; then
  labels+=("floor for chaos run: bare Python requests loop")
  commands+=("pyloop")
fi
declare -A times
# Round-robin: every round times each command once, so a slower spell of a shared machine weighs on
# all of them alike.
for c in "${commands[@]}"; do $c; done   # warm the page cache
for _ in $(seq 1 "$runs"); do
  for i in "${!commands[@]}"; do
    start=$(date +%s%N); ${commands[$i]}; end=$(date +%s%N)
    times[$i]+="$(( (end - start) / 1000000 )) "
  done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo "$probes http probes, JVM start included, $runs rounds ($(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)):"
for i in "${!commands[@]}"; do
  printf '  %-50s median %6s ms  min %6s ms  (runs: %s)\n' "${labels[$i]}" "$(echo "${times[$i]}" | median)" \
    "$(echo "${times[$i]}" | tr ' ' '\n' | grep . | sort -n | head -1)" "${times[$i]% }"
done
awk -v run="$(echo "${times[0]}" | median)" -v bare="$(echo "${times[1]}" | median)" \
  -v jvm="$(echo "${times[3]}" | median)" 'BEGIN {
    printf "  ratio run / bare HttpURLConnection loop: %.2f; engine and CLI cost over that loop: %d ms (%.2f ms per probe)\n",
      run / bare, run - bare, (run - bare) / '"$probes"'
    printf "  start-up alone: %d ms; the bare loop spends %d ms on its requests\n", jvm, bare - jvm }'
if [ -n "$python" ]; then
  awk -v run="$(echo "${times[0]}" | median)" -v py="$(echo "${times[4]}" | median)" 'BEGIN {
    printf "  ratio bare Python requests loop / run: %.2f (Chaos Toolkit itself adds its imports and bookkeeping)\n", py / run }'
fi
