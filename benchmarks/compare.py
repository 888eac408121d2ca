"""The whole extraction (`extract_document`: sentences, figures, attribution) of two checkouts, side by side.

    python -m benchmarks.compare --base DIR [--docs 400] [--repeat 3]

DIR is another checkout of chitieu (e.g. `git worktree add /tmp/base <commit>`). Both run the same
documents, in separate processes pinned to one core, alternately, `--repeat` times each; the best time of
each is reported. The documents are this checkout's `benchmarks.corpus` documents (the seeds and the
synthetic sentences with their figures perturbed) and the real development passages of tests/gold/real_dev_*.jsonl (never the held-out ones), so
both sides read exactly the same text. Speed is measured here, never asserted in tests.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run inside each checkout: import its own extract_document wherever that version keeps it.
_TIMER = r"""
import json, os, sys, time
try:
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
except (AttributeError, OSError):
    pass
try:
    from extractors.extract import extract_document
    from extractors.document import Document
except ImportError:
    from pipeline.extract import extract_document
    from pipeline.document import Document
docs = [Document(id=str(i), source=d["source"], text=d["text"], title=d["title"], published=d["published"])
        for i, d in enumerate(json.load(open(sys.argv[1], encoding="utf-8")))]
extract_document(docs[0])
t = time.process_time()
n = sum(len(extract_document(d).mentions) for d in docs)
print(json.dumps({"seconds": time.process_time() - t, "mentions": n}))
"""


def documents(n: int) -> list[dict]:
    from benchmarks.corpus import document_text

    docs = [{"source": f"bench-{i}", "text": document_text(i), "title": None, "published": None} for i in range(n)]
    for path in sorted((ROOT / "tests" / "gold").glob("real_dev_*.jsonl")):
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            docs.append({"source": row.get("url") or "", "text": row["text"], "title": row.get("title"),
                         "published": row.get("published")})
    return docs


def time_checkout(checkout: Path, docs_file: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(checkout), OMP_NUM_THREADS="1")
    out = subprocess.run([sys.executable, "-c", _TIMER, docs_file], cwd=checkout, env=env, capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--base", required=True, help="another checkout of chitieu to compare with")
    ap.add_argument("--docs", type=int, default=400, help="benchmark documents besides the real passages")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    base = Path(args.base).resolve()
    if not (base / "extractors").is_dir():
        print(f"benchmarks.compare: {base} is not a chitieu checkout", file=sys.stderr)
        return 2
    docs = documents(args.docs)
    mb = sum(len(d["text"].encode("utf-8")) for d in docs) / 1e6
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(docs, f, ensure_ascii=False)
    best: dict[str, dict] = {}
    for _ in range(args.repeat):
        for name, checkout in (("base", base), ("this", ROOT)):
            r = time_checkout(checkout, f.name)
            if name not in best or r["seconds"] < best[name]["seconds"]:
                best[name] = r
    os.unlink(f.name)
    print(f"{len(docs)} documents, {mb:.2f} MB, one core, best of {args.repeat}\n")
    print(f"{'checkout':<10}{'seconds':>9}{'mentions':>10}{'mentions/s':>12}{'MB/s':>8}")
    for name, r in best.items():
        print(f"{name:<10}{r['seconds']:>9.2f}{r['mentions']:>10}{r['mentions'] / r['seconds']:>12.0f}"
              f"{mb / r['seconds']:>8.3f}")
    print(f"\nthis / base time: {best['this']['seconds'] / best['base']['seconds']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
