"""Throughput of the mention finder (`extractors.mentions.find`) and of the whole extraction
(`extractors.extract.extract_document`: sentences, figures, attribution) on one core.

The corpus (>= 5 MB by default) is built from the project's own text, deterministically:
the five seed documents (corpus/*.txt, read with the text-dump reader) and the synthetic gold
sentences (tests/gold/synthetic.jsonl, in blocks of 20 as one document) are repeated, and every
repetition r has its figures perturbed from a seed r: each digit of a grouped or decimal number
(`2.101`, `9,54`, `1.009.589`) or of a plain number of 2+ digits that is not a year (`415`, `07`)
is redrawn, formats kept, so no two copies are identical and every figure is still a figure.
Dates, years, codes are left as written.

    python -m benchmarks.extractor [--mb 5] [--repeat 1] [--quick]

prints a small table: documents, MB of text, mentions and skipped numbers found, seconds of CPU
time, mentions per second and MB per second; then the whole extraction's CPU seconds, MB per second and
sentences per second over the same documents. The process is pinned to one CPU where the OS allows.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
_NUM = re.compile(r"(?<![\d/.,:-])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d{2,})(?![\d/:-])")
_YEAR = re.compile(r"(?:19|20)\d{2}")


def sources() -> list[str]:
    from extractors.textdump import read_dump

    docs = []
    for p in sorted((ROOT / "corpus").glob("*.txt")):
        docs.extend(d.text for d in read_dump(p))
    syn = [json.loads(line)["context"] for line in (ROOT / "tests/gold/synthetic.jsonl").open(encoding="utf-8")
           if line.strip()]
    for k in range(0, len(syn), 20):
        docs.append("\n\n".join(syn[k:k + 20]))
    return docs


def perturb(text: str, rng: random.Random) -> str:
    """Redraw the digits of figures (not the first digit, so sizes stay; not years)."""
    def repl(m: re.Match) -> str:
        s = m.group(0)
        if _YEAR.fullmatch(s):
            return s
        return "".join(str(rng.randrange(10)) if c.isdigit() and k > 0 else c for k, c in enumerate(s))
    return _NUM.sub(repl, text)


def build_corpus(min_bytes: int) -> list[str]:
    base = sources()
    out: list[str] = []
    size = 0
    r = 0
    while size < min_bytes:
        rng = random.Random(r)
        for text in base:
            t = perturb(text, rng)
            out.append(t)
            size += len(t.encode("utf-8"))
        r += 1
    return out


def pin_one_core() -> tuple[str, set | None]:
    """Pin this process to one CPU: (what was done, the CPUs to restore afterwards)."""
    try:
        before = os.sched_getaffinity(0)
        cpu = min(before)
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}", before
    except (AttributeError, OSError):
        return "not pinned", None


def run(min_mb: float = 5.0, repeat: int = 1) -> dict:
    pinned, restore = pin_one_core()
    try:
        return _run(min_mb, repeat, pinned)
    finally:
        if restore:
            os.sched_setaffinity(0, restore)  # `make bench` runs other benchmarks in this process


def _run(min_mb: float, repeat: int, pinned: str) -> dict:
    from extractors.mentions import find

    t = time.perf_counter()
    docs = build_corpus(int(min_mb * 1024 * 1024))
    build_s = time.perf_counter() - t
    nbytes = sum(len(d.encode("utf-8")) for d in docs)
    # warm up: imports, underthesea's model and the counted-noun cache on one copy of the sources
    for d in docs[:len(sources())]:
        find(d)
    best = None
    for _ in range(repeat):
        mentions = skipped = 0
        c0, w0 = time.process_time(), time.perf_counter()
        for d in docs:
            ms, sk = find(d)
            mentions += len(ms)
            skipped += len(sk)
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        if best is None or cpu < best["cpu_s"]:
            best = {"cpu_s": cpu, "wall_s": wall, "mentions": mentions, "skipped": skipped}
    # the whole extraction (sentences, figures, attribution) of the same documents, the fastest pass
    from extractors.document import Document
    from extractors.extract import extract_document

    whole = None
    for _ in range(repeat):
        c0 = time.process_time()
        sentences = sum(len(extract_document(Document(id=str(k), source="bench", text=d)).sentences)
                        for k, d in enumerate(docs))
        cpu = time.process_time() - c0
        whole = cpu if whole is None else min(whole, cpu)
    mb = nbytes / (1024 * 1024)
    return {"extract_cpu_s": whole, "extract_mb_per_s": mb / whole, "sentences": sentences,
            "sentences_per_s": sentences / whole,
        "documents": len(docs), "mb": mb, "chars": sum(len(d) for d in docs), "build_s": build_s, "pinned": pinned,
        **best, "mentions_per_s": best["mentions"] / best["cpu_s"], "mb_per_s": mb / best["cpu_s"],
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Mention finder throughput on one core.")
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    ap.add_argument("--repeat", type=int, default=1, help="timed passes; the fastest is reported")
    ap.add_argument("--quick", action="store_true", help="a 0.5 MB corpus, to check the benchmark works")
    args = ap.parse_args(argv)
    r = run(0.5 if args.quick else args.mb, args.repeat)
    rows = [
        ("documents", f"{r['documents']:,}"),
        ("text (MB, UTF-8)", f"{r['mb']:.2f}"),
        ("mentions found", f"{r['mentions']:,}"),
        ("numbers skipped", f"{r['skipped']:,}"),
        ("CPU seconds", f"{r['cpu_s']:.2f}"),
        ("wall seconds", f"{r['wall_s']:.2f}"),
        ("mentions / s", f"{r['mentions_per_s']:,.0f}"),
        ("MB / s", f"{r['mb_per_s']:.3f}"),
        ("whole extraction: CPU seconds", f"{r['extract_cpu_s']:.2f}"),
        ("whole extraction: MB / s", f"{r['extract_mb_per_s']:.3f}"),
        ("whole extraction: sentences / s", f"{r['sentences_per_s']:,.0f}"),
    ]
    w = max(len(k) for k, _ in rows)
    print(f"extractor benchmark: find() and extract_document() over a perturbed corpus ({r['pinned']}; corpus built in {r['build_s']:.1f} s)")
    for k, v in rows:
        print(f"  {k:<{w}}  {v:>12}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
