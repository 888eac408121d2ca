"""How extraction time and memory grow with one document's length, and the inputs that once made it grow faster.

    python -m benchmarks.scaling [--quick] [--sizes 0.5,1,2,4,8] [--no-ner] [--no-big-file] [--adversarial-kb 100]

1. **Size -> time**: one document of 0.5, 1, 2, 4 and 8 MB (the benchmark corpus's articles, figures perturbed,
   joined into one text: `benchmarks.extractor.build_corpus`), extracted whole (`extract_document`), with the
   ratio of each time to the linear extrapolation of the first (1.00 is linear). Side by side, underthesea's
   `word_tokenize` over the same text's sentences, and its `ner()` over the first size only (it runs at about
   0.015 MB/s: 8 MB would take ten minutes); `ner()` is reported unavailable when its model is not installed
   (nothing is downloaded).
2. **Memory per MB**: the peak of Python's allocations (tracemalloc) while a fresh process extracts a 2 MB
   document, per MB of text (after a warm-up that also reads the old district names, which a process reads once).
3. **Adversarial runs**: 100 KB of `2/2/2/…`, `1/2%1/2%…`, dates in a row, number words in a row, `1.1.1…`,
   `1% 1% …`: seconds to extract each.
4. **The 17.6 MB one-line file**: one line, 400,000 figures, generated at run time (never committed), loaded by
   `chitieu run` (read, extract, store, check) into a fresh database: seconds (the issue's limit: 3 minutes).

One core (pinned), CPU seconds where the OS reports them. `--quick` runs every part at a small size.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent


def one_document(mb: float) -> str:
    """One text of about `mb` MB (UTF-8) made of the benchmark corpus's articles."""
    from benchmarks.extractor import build_corpus

    want = int(mb * 1024 * 1024)
    out, size = [], 0
    for d in build_corpus(want):
        out.append(d)
        size += len(d.encode("utf-8")) + 2
        if size >= want:
            break
    return "\n\n".join(out)


def cpu_seconds(fn, *args):
    c = time.process_time()
    out = fn(*args)
    return out, time.process_time() - c


def curve(sizes: list[float], ner_too: bool) -> list[dict]:
    from underthesea import word_tokenize

    from extractors.document import Document
    from extractors.entities import districts
    from extractors.extract import extract_document
    from extractors.sentences import split_sentences

    extract_document(Document(id="w", source="w", text="Năm 2022, tỉnh có 20/23 nhiệm vụ hoàn thành, đạt 87%."))
    districts()   # read once per process, as in `memory`
    word_tokenize("Năm 2022 tỉnh có 20 xã.")
    ner = None
    if ner_too:
        try:
            from underthesea import ner as _ner
            _ner("Năm 2022 tỉnh Vĩnh Phúc có 20 xã.")
            ner = _ner
        except Exception as e:  # noqa: BLE001 - a missing model: reported, never downloaded
            ner = f"unavailable ({type(e).__name__}: {str(e)[:80]})"
    rows = []
    for k, mb in enumerate(sizes):
        text = one_document(mb)
        real_mb = len(text.encode("utf-8")) / (1024 * 1024)
        ex, secs = cpu_seconds(extract_document, Document(id=f"d{mb}", source="bench", text=text))
        sentences = [s.text for s in ex.sentences]
        _, wt = cpu_seconds(lambda: [word_tokenize(s) for s in sentences])
        row = {"mb": real_mb, "seconds": secs, "sentences": len(sentences), "mentions": len(ex.mentions),
               "word_tokenize_s": wt}
        if k == 0 and callable(ner):
            _, row["ner_s"] = cpu_seconds(lambda: [ner(s) for s in sentences])
        rows.append(row)
    base = rows[0]["seconds"] / rows[0]["mb"]
    for r in rows:
        r["ratio_to_linear"] = r["seconds"] / (base * r["mb"])
    if isinstance(ner, str):
        rows[0]["ner_s"] = ner
    return rows


_MEMORY = r"""
import json, sys, tracemalloc
from benchmarks.scaling import one_document
from extractors.document import Document
from extractors.entities import districts
from extractors.extract import extract_document
extract_document(Document(id="w", source="w", text="Năm 2022, tỉnh có 20/23 nhiệm vụ hoàn thành, đạt 87%."))
districts()   # the old district names, read once per process (the first document naming one reads them)
text = one_document(float(sys.argv[1]))
mb = len(text.encode("utf-8")) / 2**20
tracemalloc.start()
ex = extract_document(Document(id="m", source="bench", text=text))
now, peak = tracemalloc.get_traced_memory()
print(json.dumps({"mb": mb, "peak_mib": peak / 2**20, "kept_mib": now / 2**20, "mentions": len(ex.mentions)}))
"""


def memory(mb: float) -> dict:
    """The memory one document of `mb` MB takes to extract, in a fresh process (the text already built):
    the peak of Python's allocations during `extract_document` (tracemalloc) and what its result keeps."""
    out = subprocess.run([sys.executable, "-c", _MEMORY, str(mb)], cwd=ROOT, capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)), check=True)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    r["mib_per_mb"] = r["peak_mib"] / r["mb"]
    return r


ADVERSARIAL = {"2/2/2/…": "2/", "1/2%1/2%…": "1/2%", "dates in a row": "1/1/2020 ", "number words": "một hai ba ",
               "1.1.1…": "1.", "1% 1% …": "1% ", "digits": "9"}


def adversarial(kb: float) -> list[tuple[str, float, int]]:
    from extractors.document import Document
    from extractors.extract import extract_document

    rows = []
    for name, unit in ADVERSARIAL.items():
        text = unit * int(kb * 1024 / len(unit.encode("utf-8")))
        ex, secs = cpu_seconds(extract_document, Document(id=name, source="bench", text=text))
        rows.append((name, secs, len(ex.mentions)))
    return rows


def one_line_file(path: Path, mb: float, figures: int) -> int:
    """One line of `mb` MB (10^6 bytes) holding about `figures` figures: short reporting sentences of two figures
    each (a count and its share), padded to the length that gives that density; the bytes written."""
    rng = random.Random(18)
    target = int(mb * 1_000_000)
    per_sentence = 2 * target // figures
    parts, size, k = ["Báo cáo tổng hợp số liệu các xã: "], 0, 0
    while size < target:
        k += 1
        a, b, c = rng.randrange(10, 9999), rng.randrange(1, 99), rng.randrange(10, 99)
        s = f"Thôn thứ {k} có {a} hộ nghèo, chiếm {b},{c}% tổng số hộ"
        while len(s.encode("utf-8")) < per_sentence - 2:
            s += " của xã"
        s += ". "
        parts.append(s)
        size += len(s.encode("utf-8"))
    path.write_text("".join(parts), encoding="utf-8")
    return path.stat().st_size


def big_file(mb: float, figures: int) -> dict:
    from pipeline.orchestration.run import run_corpus

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        size = one_line_file(corpus / "one_line.txt", mb, figures)
        timings: dict = {}
        t = time.perf_counter()
        rc = run_corpus(corpus, Path(tmp) / "big.db", quiet=True, executor="inline", timings=timings,
                        doc_timeout=0)
        wall = time.perf_counter() - t
        import sqlite3
        db = sqlite3.connect(Path(tmp) / "big.db")
        mentions = db.execute("select count(*) from mentions").fetchone()[0]
        errors = db.execute("select error from run_errors").fetchall()
        db.close()
    return {"bytes": size, "seconds": wall, "rc": rc, "mentions": mentions, "errors": errors,
            "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            **{k: timings.get(k) for k in ("read", "extract+load", "checks")}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="every part at a small size, to check it works")
    ap.add_argument("--sizes", default=None, help="MB of the one-document curve (default 0.5,1,2,4,8)")
    ap.add_argument("--no-ner", action="store_true", help="skip underthesea's ner() (the slowest column)")
    ap.add_argument("--no-big-file", action="store_true", help="skip the 17.6 MB one-line file")
    ap.add_argument("--adversarial-kb", type=float, default=None, help="size of each adversarial run (default 100)")
    args = ap.parse_args(argv)
    try:
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        pinned = f"pinned to CPU {cpu}"
    except (AttributeError, OSError):
        pinned = "not pinned"
    sizes = [float(x) for x in (args.sizes or ("0.05,0.1,0.2" if args.quick else "0.5,1,2,4,8")).split(",")]

    print(f"scaling benchmark ({pinned}; CPU seconds)\n")
    print("one document, size -> time (extract_document), against underthesea on the same sentences")
    rows = curve(sizes, not args.no_ner)
    print(f"  {'MB':>6} {'sentences':>10} {'mentions':>9} {'seconds':>8} {'MB/s':>6} {'ratio to linear':>16}"
          f" {'word_tokenize s':>16} {'ner() s':>9}")
    for r in rows:
        ner = r.get("ner_s")
        ner = f"{ner:9.1f}" if isinstance(ner, float) else ("" if ner is None else f"  {ner}")
        print(f"  {r['mb']:6.2f} {r['sentences']:10,} {r['mentions']:9,} {r['seconds']:8.2f} "
              f"{r['mb'] / r['seconds']:6.2f} {r['ratio_to_linear']:16.2f} {r['word_tokenize_s']:16.2f} {ner}")
    first = rows[0]
    print(f"  extraction: {first['sentences'] / first['seconds']:,.0f} sentences/s; word_tokenize "
          f"{first['sentences'] / first['word_tokenize_s']:,.0f} sentences/s"
          + (f"; ner() {first['sentences'] / first['ner_s']:,.0f} sentences/s"
             if isinstance(first.get("ner_s"), float) else ""))

    mem = memory(0.2 if args.quick else 2.0)
    print(f"\nmemory: extracting a {mem['mb']:.2f} MB document allocates at most {mem['peak_mib']:.0f} MiB "
          f"({mem['mib_per_mb']:.1f} MiB per MB of text); its extraction keeps {mem['kept_mib']:.0f} MiB "
          f"({mem['mentions']:,} mentions)")

    kb = args.adversarial_kb or (10 if args.quick else 100)
    print(f"\nadversarial runs, {kb} KB each (extract_document, seconds):")
    for name, secs, n in adversarial(kb):
        print(f"  {name:<16} {secs:8.2f} s  {n:,} mentions")

    if not args.no_big_file:
        mb, figures = (0.5, 11_000) if args.quick else (17.6, 400_000)
        r = big_file(mb, figures)
        print(f"\none-line file: {r['bytes'] / 1e6:.1f} MB, one line, {r['mentions']:,} figures stored: "
              f"chitieu run (inline) {r['seconds']:.1f} s (read {r['read']:.1f} s, extract+load "
              f"{r['extract+load']:.1f} s, checks {r['checks'] or 0:.1f} s), exit {r['rc']}"
              + (f", errors: {r['errors']}" if r["errors"] else "") + f"; peak memory {r['peak_mib']:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
