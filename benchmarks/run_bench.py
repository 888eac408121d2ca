"""Benchmark of a whole run: N documents (default 20,000) built by benchmarks.corpus, timed end to end
and per stage, then a second run over the unchanged corpus.

    python -m benchmarks.run_bench [--docs N] [--executor process|inline|dask] [--workers W]
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from benchmarks.corpus import write_corpus
from pipeline.orchestration.run import run_corpus

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=20000)
    ap.add_argument("--executor", default="process")
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--out", default=str(ROOT / "output" / "bench"))
    args = ap.parse_args(argv)
    out = Path(args.out)
    corpus = out / f"corpus-{args.docs}"
    t = time.perf_counter()
    write_corpus(corpus, args.docs)
    build = time.perf_counter() - t
    size = sum(p.stat().st_size for p in corpus.glob("*.txt")) / 1e6
    db = out / f"run-{args.docs}.db"
    for p in out.glob(f"run-{args.docs}.db*"):
        p.unlink()
    results = []
    for label in ("first run", "second run (unchanged)"):
        timings: dict = {}
        t = time.perf_counter()
        run_corpus(corpus, db, quiet=True, executor=args.executor, workers=args.workers, timings=timings)
        timings["total"] = time.perf_counter() - t
        results.append((label, timings))
    print(f"\ncorpus: {args.docs} documents, {size:.1f} MB (built in {build:.0f} s by benchmarks.corpus)")
    first = results[0][1]
    print(f"executor: {first['executor']}, {first['workers']} worker(s)\n")
    stages = ("read", "compare", "extract+load", "load", "checks", "total")
    print(f"{'run':<26}" + "".join(f"{s:>14}" for s in stages) + f"{'docs/s':>10}")
    for label, tm in results:
        print(f"{label:<26}" + "".join(f"{tm.get(s, 0):>13.1f}s" for s in stages)
              + f"{args.docs / tm['total']:>10.0f}")
    c1, c2 = results[0][1]["counts"], results[1][1]["counts"]
    print(f"\nfirst run: {c1['documents_new']} new documents, {c1['mentions_added']} mentions")
    print(f"second run: {c2['documents_unchanged']} unchanged, {c2['mentions_added']} mentions added; "
          f"cost {100 * results[1][1]['total'] / results[0][1]['total']:.1f}% of the first run")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
