#!/usr/bin/env bash
# Times `bin/reliably run` of an experiment of 500 http probes end to end, JVM start included:
# one untimed run first (it builds the AppCDS archive after a fresh build), then RUNS timed runs;
# prints the median and minimum, beside two baselines: a fresh JVM sending the same requests in a
# bare loop, no engine (JDK HttpClient, then HttpURLConnection). The probes call a loopback server
# running in its own JVM.
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
# Baselines: a fresh JVM (same flags as bin/reliably, no CDS archive) sending the same requests, no engine.
loop() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$cp" io.reliably.bench.ColdHttpLoop "$url" "$1" "$probes"; }

run   # untimed: creates cli/target/reliably.jsa after a build, warms the page cache
grep -q '"status" : "completed"\|"status": "completed"' "$work/journal.json" \
  || { echo "the warm-up run did not complete; see $work/journal.json" >&2; exit 1; }

timed() { # label command...
  local label="$1"; shift
  local times=() start end
  for _ in $(seq 1 "$runs"); do
    start=$(date +%s%N); "$@"; end=$(date +%s%N)
    times+=("$(( (end - start) / 1000000 ))")
  done
  local sorted median
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(echo "$sorted" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
  printf '  %-52s median %6s ms  min %6s ms  (runs: %s)\n' "$label" "$median" "$(echo "$sorted" | head -1)" "${times[*]}"
}

echo "$probes http probes, JVM start included, $runs runs each ($(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)):"
loop httpclient; loop urlconnection   # warm the page cache
timed "bin/reliably run (engine, JDK HttpClient)" run
timed "baseline: bare JDK HttpClient loop, fresh JVM" loop httpclient
timed "baseline: bare HttpURLConnection loop, fresh JVM" loop urlconnection
