"""`make bench`: every benchmark of the project, one after another, each printing its table.

    python -m benchmarks.all [--quick]

--quick runs each at a small size (to check they work); without it, the sizes the README reports.
"""
from __future__ import annotations

import argparse
import importlib
import sys
import time

BENCHMARKS = [
    # (module, full-size arguments, quick arguments)
    ("benchmarks.extractor", ["--repeat", "3"], ["--quick"]),   # the fastest of three passes, as the README reports
    ("benchmarks.scaling", [], ["--quick"]),
    ("benchmarks.nlp", ["--repeat", "2"], ["--repeat", "1"]),
    ("benchmarks.run_bench", ["--docs", "20000"], ["--docs", "200"]),
    ("benchmarks.datasette_bench", [], ["--mentions", "50000"]),
    ("benchmarks.crawl_bench", ["--repeat", "3"], ["--repeat", "1", "--articles", "5"]),
]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", nargs="*", help="module names to run (e.g. benchmarks.nlp)")
    args = ap.parse_args(argv)
    failed = 0
    for module, full, quick in BENCHMARKS:
        if args.only and module not in args.only:
            continue
        try:
            mod = importlib.import_module(module)
        except ImportError as e:
            print(f"\n### {module}: not available ({e})")
            continue
        print(f"\n### {module} {' '.join(quick if args.quick else full)}", flush=True)
        t = time.perf_counter()
        try:
            rc = mod.main(quick if args.quick else full)
        except SystemExit as e:
            rc = e.code
        print(f"### {module}: {time.perf_counter() - t:.0f} s", flush=True)
        failed += bool(rc)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
