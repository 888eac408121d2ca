"""Benchmark of the NLP stage on one core: segmentation, tagging, chitieu's pipeline vs underthesea's ner().

    python -m benchmarks.nlp [--repeat N]

The sentences are those of the bundled corpus (the five seeds) and the gold set's synthetic
sentences, so every stage sees the same text. Timings are wall-clock on one process.
"""
from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_documents():
    from extractors.textdump import read_dump
    from extractors.document import Document

    docs = [d for f in sorted((ROOT / "corpus").glob("*.txt")) for d in read_dump(f)]
    syn = [json.loads(l) for l in (ROOT / "tests/gold/synthetic.jsonl").open(encoding="utf-8") if l.strip()]
    text = "\n\n".join(r["context"] for r in syn)
    docs.append(Document(id="synthetic", source="tests/gold/synthetic.jsonl", text=text))
    return docs


def timed(fn, *args):
    t = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    except (AttributeError, OSError):
        pass
    from underthesea import ner, pos_tag, word_tokenize

    import extractors.nlp as vn
    from extractors.sentences import split_sentences
    from extractors.extract import extract_document

    docs = load_documents()
    sentences = [s.text for d in docs for s in split_sentences(d.text)]
    numeric = [s for s in sentences if any(c.isdigit() for c in s)]
    n = len(sentences)
    # warm up models
    word_tokenize(sentences[0]); pos_tag(sentences[0]); ner(sentences[0]); extract_document(docs[0])
    nlp = vn.pipeline()
    nlp(docs[0].text)

    rows = []

    def run(name, fn, count):
        best = min(timed(fn)[1] for _ in range(args.repeat))
        rows.append((name, count, best, count / best))

    run("segmentation (sent_tokenize + word_tokenize), all sentences",
        lambda: [word_tokenize(s.text) for d in docs for s in split_sentences(d.text)], n)
    run("POS tagging (pos_tag), all sentences", lambda: [pos_tag(s) for s in sentences], n)
    run("POS tagging, only sentences with a number", lambda: [pos_tag(s) for s in numeric], n)
    run("chitieu pipeline (extract_document: sentences, mentions, attribution)",
        lambda: [extract_document(d) for d in docs], n)
    run("chitieu spaCy pipeline (underthesea Doc, tagger, entities, mentions, attribution)",
        lambda: [nlp(d.text) for d in docs], n)
    run("underthesea ner() over every sentence", lambda: [ner(s) for s in sentences], n)

    print(f"\n{n} sentences ({len(numeric)} with a number) from {len(docs)} documents, one core\n")
    print(f"{'stage':<85}{'seconds':>9}{'sent/s':>10}")
    for name, count, secs, rate in rows:
        print(f"{name:<85}{secs:>9.2f}{rate:>10.0f}")
    ner_rate = rows[-1][3]
    for name, _, _, rate in rows[3:5]:
        print(f"\n{name.split(' (')[0]}: {rate / ner_rate:.1f}x the speed of ner()")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
