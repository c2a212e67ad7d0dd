"""RevLens end to end against bench/pandas_baseline.py on the same folder: alternating rounds of each (RevLens into a
fresh output folder every round), wall and CPU seconds and peak memory per process, the figures checked equal, and the
RevLens / pandas ratios (docs/benchmarks.md).

    python3 bench/compare_pandas.py <folder> <as-of> <rounds> <work folder>
"""
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

PANDAS_PYTHON = "/usr/bin/python3"  # Debian's python3-pandas


def timed(command, log):
    """Runs a command; wall seconds, CPU seconds (user + system) and peak resident MB of that process."""
    started = time.monotonic()
    with open(log, "w") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed, see {log}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def revlens_figures(out):
    def row(name):
        with open(f"{out}/metrics/{name}.csv") as f:
            return next(csv.DictReader(f))
    c, w = row("concentration_summary"), row("win_rate_summary")
    return {"total_revenue_t12m": float(c["total_revenue_t12m"]), "customer_count": int(c["customer_count"]),
            "top1_share": float(c["top1_share"]), "top5_share": float(c["top5_share"]), "hhi": float(c["hhi"]),
            "won_count": int(w["won_count"]), "lost_count": int(w["lost_count"]), "win_rate": float(w["win_rate"]),
            "median_cycle_days": float(w["median_cycle_days"])}


def same(a, b):
    return all(abs(a[k] - b[k]) <= 1e-9 * max(1.0, abs(b[k])) for k in b)


def main(folder, as_of, rounds, work):
    os.makedirs(work, exist_ok=True)
    runs = {"revlens": [], "pandas": []}
    for r in range(rounds):
        out = f"{work}/revlens-out"
        # A fresh folder each round: into the same one, a forced run would keep the earlier round's loads, metrics
        # and reports (an unchanged rerun, timed by bench/run.sh on its own), while the script computes everything.
        shutil.rmtree(out, ignore_errors=True)
        runs["revlens"].append(timed(["./revlens", "run", "monthly-board-report", "--input", folder, "--out", out,
                                      "--as-of", as_of, "--force", "--quiet"], f"{work}/revlens-{r}.log"))
        runs["pandas"].append(timed([PANDAS_PYTHON, "bench/pandas_baseline.py", folder, as_of], f"{work}/pandas-{r}.log"))
    mine, theirs = revlens_figures(f"{work}/revlens-out"), json.loads(open(f"{work}/pandas-{rounds - 1}.log").read())
    if not same(mine, theirs):
        sys.exit(f"figures differ:\n  RevLens {mine}\n  pandas  {theirs}")
    med = {side: [statistics.median(x[i] for x in runs[side]) for i in range(3)] for side in runs}
    each = {side: " ".join(f"{x[0]:.2f}" for x in runs[side]) for side in runs}
    print(f"  figures equal ({', '.join(f'{k}={v:.6g}' for k, v in theirs.items())})")
    for side in ("revlens", "pandas"):
        print(f"  {side:<8} wall={med[side][0]:.2f}s cpu={med[side][1]:.2f}s peak={med[side][2]:.0f}MB (walls: {each[side]})")
    print(f"  ratio RevLens/pandas: wall {med['revlens'][0] / med['pandas'][0]:.2f}x, cpu {med['revlens'][1] / med['pandas'][1]:.2f}x"
          f" (goal: wall <= 0.7x)")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])
