"""Batch rows: the corpus runner (``sahel_ner.corpus.run``, what ``sahel-ner
extract`` runs) with one and two processes, on short event notes and on long
articles, and its peak memory at 2,000 and 20,000 short notes.

    python benchmarks/batch_bench.py                     # every row, ~8 min on 2 cores
    python benchmarks/batch_bench.py --rows short-n1,short-n2

Each row runs in a fresh process; words/s is wall-clock from the first file
read to the last output written (pipeline loading excluded); peak memory is the
summed RSS of the process and its workers (see bench.py). Results are printed
as a Markdown table and saved to ``benchmarks/results/batch-<time>.json``.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bench import RESULTS, PeakRSS, _mib, machine  # noqa: E402
from make_corpus import ensure_corpus  # noqa: E402

# row -> (corpus: short notes or long articles, articles, processes)
ROWS = {
    "short-n1": (True, 2000, 1), "short-n2": (True, 2000, 2),
    "long-n1": (False, 300, 1), "long-n2": (False, 300, 2),
    "short20k-n1": (True, 20000, 1),
}


def child(row: str, batch_size: int) -> dict:
    import sahel_ner
    from sahel_ner.corpus import run

    short, n_articles, n_process = ROWS[row]
    folder = ensure_corpus(n_articles, short=short)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))
    nlp = sahel_ner.load()
    with tempfile.TemporaryDirectory() as out, PeakRSS() as peak:
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        report = run(folder, out, nlp=nlp, n_process=n_process, batch_size=batch_size)
        seconds = time.perf_counter() - started
        cpu = os.times()
    return {"row": row, "articles": report.articles, "ok": report.ok, "words": words, "seconds": round(seconds, 2),
            "words_per_s": round(words / seconds), "peak_rss_mib": _mib(peak.peak),
            "ru_maxrss_mib": _mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024),
            "cpu_s_parent": round(cpu.user + cpu.system, 1),
            "cpu_s_workers": round(cpu.children_user + cpu.children_system, 1), "relations": report.relations,
            "loadavg_1m": [round(load_before, 2), round(os.getloadavg()[0], 2)]}


def _idle_fraction(seconds: float = 3.0) -> float:
    def sample() -> tuple[int, int]:
        values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return values[3] + values[4], sum(values)  # idle + iowait, total

    idle0, total0 = sample()
    time.sleep(seconds)
    idle1, total1 = sample()
    return (idle1 - idle0) / max(1, total1 - total0)


def wait_until_quiet(limit_s: float = 900, idle: float = 0.9) -> float:
    """Wait (up to ``limit_s``) until the machine's CPUs are ``idle`` free: on a shared
    machine a row measured next to another job says nothing about -n 2 / -n 1."""
    deadline = time.monotonic() + limit_s
    fraction = _idle_fraction()
    while fraction < idle and time.monotonic() < deadline:
        fraction = _idle_fraction()
    return round(fraction, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", default=",".join(ROWS))
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--wait-quiet", action="store_true", help="before each row, wait until the CPUs are idle")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.batch_size)))
        return
    rows = {}
    for row in args.rows.split(","):
        idle_before = wait_until_quiet() if args.wait_quiet else None
        done = subprocess.run([sys.executable, __file__, "--child", row, "--batch-size", str(args.batch_size)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            print(f"{row} failed:\n{done.stderr[-2000:]}", file=sys.stderr)
            continue
        rows[row] = {**json.loads(done.stdout.strip().splitlines()[-1]), "idle_before": idle_before}
        print(json.dumps(rows[row]), flush=True)
    ratios = {}
    for kind in ("short", "long"):
        if f"{kind}-n1" in rows and f"{kind}-n2" in rows:
            ratios[f"{kind}: -n 2 / -n 1 (words/s)"] = round(rows[f"{kind}-n2"]["words_per_s"]
                                                             / rows[f"{kind}-n1"]["words_per_s"], 2)
    if "short-n1" in rows and "short20k-n1" in rows:
        ratios["peak memory 20,000 / 2,000 short notes"] = round(rows["short20k-n1"]["peak_rss_mib"]
                                                                 / rows["short-n1"]["peak_rss_mib"], 2)
    lines = ["| row | articles | words | seconds | words/s | peak RSS (MiB) | load avg |", "|---|---|---|---|---|---|---|"]
    lines += [f"| {r} | {d['articles']:,} | {d['words']:,} | {d['seconds']} | {d['words_per_s']:,} | "
              f"{d['peak_rss_mib']} | {d['loadavg_1m']} |" for r, d in rows.items()]
    lines += ["", *(f"- {name}: **{value}**" for name, value in ratios.items())]
    print("\n".join(lines))
    RESULTS.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"batch-{stamp}.json").write_text(json.dumps({"machine": machine(), "rows": rows, "ratios": ratios},
                                                            indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
