#!/usr/bin/env bash
# RevLens benchmark harness (docs/benchmarks.md). Not part of the tests.
#
#   bench/run.sh           all scales: ingest 10k/100k/1M opportunities, 1M/5M revenue lines (CSV),
#                          300k revenue lines (.xlsx at -Xmx256m); board report end to end at
#                          100k opps + 1M lines and 1M opps + 5M lines; the 100k report forced again
#                          with nothing changed (the unchanged rerun), and the sample company forced again unchanged;
#                          the one-off analysis of each real export in ../shared/datasets; the pandas comparison
#   bench/run.sh --quick   the small scales only (10k/100k opportunities, 1M lines, 100k-opps report)
#
# The 100k- and 1M-opportunity end-to-end folders also provide the 100k/1M opportunity and 1M/5M line files.
#
# Generated data goes to bench/data/ (git-ignored; REVLENS_BENCH_DATA moves it) and is reused.
# Every ingest figure is printed beside DuckDB's own read_csv of the same file, timed in the same
# process right after, so a busy machine slows both.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
quick=false
[ "${1:-}" = "--quick" ] && quick=true
data="${REVLENS_BENCH_DATA:-$root/bench/data}"
mkdir -p "$data" "$root/target/tmp"

# The runs keep their job history and compiled templates in a home of their own, new for each benchmark: the
# project's .revlens/ holds every run ever made on this machine, and a history of hundreds of runs makes each start
# and close slower (docs/benchmarks.md), so figures would depend on how many runs came before.
export REVLENS_HOME="$data/work/home"
rm -rf "$REVLENS_HOME"

# Every figure is taken through the launcher users run (./revlens: extracted jar, class-data-sharing
# archive); a throwaway run first builds the jar, writes the archive if it is missing and compiles the
# templates into the new home.
./revlens --version >/dev/null
./revlens demo --quiet --out "$root/target/tmp/bench-warmup" >/dev/null

echo "== Machine"
echo "cpu:    $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
echo "memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "java:   $(java -version 2>&1 | head -1)"
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min averages before the run)"
echo

# generate <name> <generate-sample options...>: once per name.
generate() {
  local name=$1; shift
  if [ ! -f "$data/$name/.complete" ]; then
    rm -rf "${data:?}/$name"
    echo "generating $name ($*) ..." >&2
    ./revlens generate-sample --out "$data/$name" "$@" >&2
    touch "$data/$name/.complete"
  fi
}

# ingest <label> <file> [extra JVM options...]
ingest() {
  local label=$1 file=$2; shift 2
  # Five alternating rounds: this VM's bursts can slow two rounds of one side in a row (each_s shows them),
  # which moves a median of three but not of five.
  local read_csv=(--read-csv --rounds 5)
  [[ "$file" == *.xlsx ]] && read_csv=(--rounds 1)  # no read_csv of a workbook: one timed load after the cold one
  local line
  line=$(REVLENS_JAVA_OPTS="$*" ./revlens bench-ingest "$file" --work "$data/work" "${read_csv[@]}" | tail -1)
  printf '%-26s %s\n' "$label" "$line"
}

echo "== Ingest (one file through the real load step; ratio = RevLens seconds / DuckDB read_csv seconds,"
echo "   medians of 5 alternating rounds after a cold load; cold_ratio = the JVM's first load / read_csv)"
# The end-to-end folders hold the larger files; each dataset is generated once.
generate opps-10k --opportunities 10000 --invoice-lines 1 --invoices-csv
generate e2e-100k --opportunities 100000 --invoice-lines 1000000 --invoices-csv
generate lines-300k-xlsx --opportunities 1 --invoice-lines 300000
ingest "opportunities 10k csv" "$data/opps-10k/hubspot-deals.csv"
ingest "opportunities 100k csv" "$data/e2e-100k/hubspot-deals.csv"
if ! $quick; then
  generate e2e-1m --opportunities 1000000 --invoice-lines 5000000 --invoices-csv
  ingest "opportunities 1M csv" "$data/e2e-1m/hubspot-deals.csv"
fi
ingest "revenue lines 1M csv" "$data/e2e-100k/invoice-lines.csv"
if ! $quick; then
  ingest "revenue lines 5M csv" "$data/e2e-1m/invoice-lines.csv"
fi
ingest "revenue lines 300k xlsx" "$data/lines-300k-xlsx/invoice-lines.xlsx" -Xmx256m
echo

# report <label> <data folder>: the monthly board report end to end, JVM start included, three times;
# the median wall time is the figure.
report() {
  local label=$1 input=$2
  local out="$data/work/report-$label"
  local walls=()
  for round in 1 2 3; do
    rm -rf "$out"
    local start end
    start=$(date +%s.%N)
    # peak memory (max resident set) of the run, from GNU time when the machine has it
    local timer=()
    [ -x /usr/bin/time ] && timer=(/usr/bin/time -f '%M' -o "$out.rss")
    "${timer[@]}" ./revlens run monthly-board-report --input "$input" --out "$out" --as-of 2026-10-31 \
      --force > "$out.log" 2>&1 || { echo "$label: run failed, see $out.log"; return; }
    end=$(date +%s.%N)
    walls+=("$(python3 -c "print(f'{$end - $start:.2f}')")")
    python3 - "$label (run $round)" "$out/run-summary.json" "$start" "$end" "$out.log" "$out.rss" <<'PY'
import json, os, re, sys
label, summary, start, end, log, rss = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), sys.argv[5], sys.argv[6]
s = json.load(open(summary))
steps = " ".join(f"{st['name']}={st['duration_seconds']:.2f}s" for st in s["steps"])
rows = sum(f.get("rows_read", 0) for f in s["files"])
peak = f" peak={int(open(rss).read().split()[-1]) / 1024:.0f}MB" if os.path.exists(rss) else ""
print(f"{label:<32} wall={end - start:.2f}s (JVM start included){peak} rows_read={rows} {steps}")
for line in open(log):
    m = re.search(r"Rendered (\S+): (.*)", line) or re.search(r"(Computed \d+ metric tables) in (.*)", line) \
        or re.search(r"(Wrote \d+ metric CSVs) in (.*)", line)
    if m:
        print(f"{'':<32} {m.group(1)}: {m.group(2)}")
PY
  done
  printf '%-32s median wall=%ss of %s\n' "$label" \
    "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 2p)" "${walls[*]}"
}

# unchanged <label> <data folder>: the same month forced again into the folder report() left, nothing changed
# (every file kept as loaded, metrics and reports kept), three times; the median wall time is the figure.
unchanged() {
  local label=$1 input=$2
  local out="$data/work/report-$label"
  local walls=()
  for round in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    ./revlens run monthly-board-report --input "$input" --out "$out" --as-of 2026-10-31 \
      --force > "$out.unchanged.log" 2>&1 || { echo "$label: rerun failed, see $out.unchanged.log"; return; }
    end=$(date +%s.%N)
    walls+=("$(python3 -c "print(f'{$end - $start:.2f}')")")
  done
  python3 - "$out/run-summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
r = s.get("reused", {})
print(f"{'':<32} kept: {r.get('files')} of {len(s['files'])} files, metrics={r.get('metrics')}, reports={r.get('reports')}; "
      + " ".join(f"{st['name']}={st['duration_seconds']:.2f}s" for st in s["steps"]))
PY
  printf '%-32s unchanged forced rerun: median wall=%ss of %s\n' "$label" \
    "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 2p)" "${walls[*]}"
}

echo "== Monthly board report end to end (goals: peak memory at 1M opps + 5M lines under 1.5 GB; an unchanged"
echo "   forced rerun in 2 s or less)"
report "100k opps + 1M lines" "$data/e2e-100k"
unchanged "100k opps + 1M lines" "$data/e2e-100k"
if ! $quick; then
  report "1M opps + 5M lines" "$data/e2e-1m"
fi
# the sample company of the README's first command, run once and then forced again unchanged
rm -rf "$data/work/report-sample"
./revlens run monthly-board-report --input "$root/sample-data" --out "$data/work/report-sample" --as-of 2026-10-31 \
  --quiet >/dev/null
unchanged "sample" "$root/sample-data"
echo

# The one-off analysis of a client's dump, on the real public exports beside the project (../shared/datasets, when
# present): small files, so the figure is what every run costs whatever its size (start, recognition, the metric
# tables, the PDF, the workbook, the CSVs), which is most of what a small company's run costs.
shared="$root/../shared/datasets"
if [ -d "$shared" ]; then
  echo "== One-off analysis of real public exports (../shared/datasets; three runs each into a fresh folder)"
  # a throwaway run compiles the analysis template into the benchmark's home
  ./revlens analyze "$(ls -d "$shared"/*/ | head -1)" --out "$data/work/analyze-warmup" --quiet >/dev/null 2>&1 || true
  for dataset in "$shared"/*/; do
    name=$(basename "$dataset")
    out="$data/work/analyze-$name"
    walls=()
    for round in 1 2 3; do
      rm -rf "$out"
      start=$(date +%s.%N)
      ./revlens analyze "$dataset" --out "$out" > "$out.log" 2>&1 || { echo "$name: analyze failed, see $out.log"; break; }
      end=$(date +%s.%N)
      walls+=("$(python3 -c "print(f'{$end - $start:.2f}')")")
    done
    [ -f "$out/run-summary.json" ] || continue
    python3 - "$name" "$out/run-summary.json" "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 2p)" "${walls[*]}" <<'PY'
import json, sys
name, summary, median, walls = sys.argv[1:5]
s = json.load(open(summary))
rows = sum(f.get("rows_read", 0) for f in s["files"])
steps = " ".join(f"{st['name']}={st['duration_seconds']:.2f}s" for st in s["steps"])
print(f"{name:<32} median wall={median}s of {walls} rows_read={rows} files={len(s['files'])}; last run: {steps}")
PY
  done
  echo
fi

# Against the pandas script a consultant would write instead (bench/pandas_baseline.py, Debian's python3-pandas):
# the same core figures from the same files, checked equal, alternating rounds, RevLens / pandas ratios.
if /usr/bin/python3 -c "import pandas" 2>/dev/null; then
  echo "== End to end against a pandas script (board report's core figures; goal: RevLens wall <= 0.7x pandas)"
  echo "100k opps + 1M lines, 5 alternating rounds:"
  python3 bench/compare_pandas.py "$data/e2e-100k" 2026-10-31 5 "$data/work/pandas-100k"
  if ! $quick; then
    echo "1M opps + 5M lines, 1 round each:"
    python3 bench/compare_pandas.py "$data/e2e-1m" 2026-10-31 1 "$data/work/pandas-1m"
  fi
else
  echo "== End to end against a pandas script: skipped (apt-get install python3-pandas)"
fi
