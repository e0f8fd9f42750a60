#!/usr/bin/env bash
# Times `bin/reliably run` of an experiment of 500 http probes end to end, JVM start included:
# one untimed run first (it builds the AppCDS archive after a fresh build), then RUNS timed runs;
# prints each and the median. The probes call a loopback server running in its own JVM.
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

run   # untimed: creates cli/target/reliably.jsa after a build, warms the page cache
grep -q '"status" : "completed"\|"status": "completed"' "$work/journal.json" \
  || { echo "the warm-up run did not complete; see $work/journal.json" >&2; exit 1; }

echo "bin/reliably run, $probes http probes, JVM start included ($(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)):"
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  run
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "  run $i: ${ms} ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
min=$(printf '%s\n' "${times[@]}" | sort -n | head -1)
echo "median: ${median} ms, min: ${min} ms over $runs runs"
