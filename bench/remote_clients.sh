#!/usr/bin/env bash
# Clients per minute through remote workers (docs/scaling.md, docs/benchmarks.md). Not part of the tests.
#
#   REVLENS_HISTORY_URL=jdbc:postgresql://localhost:5432/revlens REVLENS_HISTORY_USER=revlens \
#   REVLENS_HISTORY_PASSWORD=... REVLENS_BROKER_URL=amqp://guest:guest@localhost:5672 bench/remote_clients.sh [CLIENTS]
#
# CLIENTS (default 12) copies of the sample company (8,673 rows each) run with 1, 2 and 3 worker
# processes on this machine (concurrency 1 each), then once with `run-clients --threads 2` here, each in
# fresh output and working folders so that every client really runs. Clients per minute = clients / wall
# time of the manager command (workers already started and waiting, as they are in service).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
clients_n="${1:-12}"
: "${REVLENS_HISTORY_URL:?set REVLENS_HISTORY_URL (jdbc:postgresql://...) and the user and password}"
: "${REVLENS_BROKER_URL:?set REVLENS_BROKER_URL (amqp://user:password@host:5672)}"
data="${REVLENS_BENCH_DATA:-$root/bench/data}/remote"
rm -rf "$data" && mkdir -p "$data/clients"
for i in $(seq -w 1 "$clients_n"); do
  mkdir -p "$data/clients/client$i"
  cp sample-data/*.csv sample-data/*.xlsx "$data/clients/client$i/"
done
./revlens --version >/dev/null
queue="revlens.bench.$$"

echo "== Machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $clients_n clients of 8,673 rows each (the sample company), board report as of 2026-10-31"
printf '%-22s %10s %16s\n' "mode" "wall s" "clients/min"

measure() {  # measure <label> <run-clients options...>
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  ./revlens run-clients monthly-board-report --clients "$data/clients" --as-of 2026-10-31 "$@" \
    > "$data/$label.log" 2>&1 || { echo "$label failed:"; tail -20 "$data/$label.log"; exit 1; }
  end=$(date +%s.%N)
  awk -v l="$label" -v s="$start" -v e="$end" -v n="$clients_n" \
    'BEGIN { w = e - s; printf "%-22s %10.1f %16.1f\n", l, w, n / w * 60 }'
}

for workers in 1 2 3; do
  pids=()
  for w in $(seq 1 "$workers"); do
    ./revlens worker --queue "$queue" --work "$data/work-$workers" > "$data/worker-$workers-$w.log" 2>&1 &
    pids+=($!)
  done
  for w in $(seq 1 "$workers"); do
    until grep -q "waiting for clients" "$data/worker-$workers-$w.log"; do sleep 0.2; done
  done
  measure "remote, $workers worker(s)" --remote --queue "$queue" --out "$data/out-remote-$workers"
  kill "${pids[@]}" && wait "${pids[@]}" 2>/dev/null || true
done
measure "local, --threads 2" --threads 2 --out "$data/out-local"
