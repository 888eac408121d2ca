"""`chitieu train-status`: train the status model (extractors/status_model.py) on the gold set.

It learns from the real development passages (tests/gold/real_dev_*.jsonl), the seeds and the synthetic
sentences; never from the held-out sets (real or self-written), which stay for measuring. Training is
plain logistic regression by full-batch gradient descent from zero weights, so the same gold gives the
same model, byte for byte. `--cv` reports how well a model trained without one part of the development
passages reads that part, for each part in turn: the estimate of how it reads passages it has never seen.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from extractors.sentences import sentence_at, sentence_starts, split_sentences
from extractors.status_model import MODEL_PATH, features, target_probability
from pipeline.evaluation.gold import load_gold

GOLD_DIR = Path(__file__).resolve().parents[2] / "tests" / "gold"
# documents trained on, by the start of their id: real development passages, seeds (000_…), synthetic sentences
TRAIN_PREFIXES = ("rdev-", "syn-", "000_", "001_", "002_", "003_", "004_")
EPOCHS, L2, STEP = 800, 1.0, 2.5
PRUNE = 1e-4  # weights smaller than this are left out of the file (they change no decision)


def examples(gold_dir: Path = GOLD_DIR, prefixes: tuple[str, ...] = TRAIN_PREFIXES) -> list[tuple[str, set[str], int]]:
    """(document id, features, 1 if target) for every gold figure of the training documents."""
    texts, meta, gold, _ = load_gold(gold_dir)
    sentences: dict[str, tuple[list, list[int]]] = {}
    rows = []
    for g in gold:
        if g.kind == "ignore" or not g.doc.startswith(prefixes) or g.data.get("status") not in ("actual", "target"):
            continue
        text = texts[g.doc]
        if g.doc not in sentences:
            sents = split_sentences(text)
            sentences[g.doc] = sents, sentence_starts(sents)
        sents, starts = sentences[g.doc]
        s = sentence_at(sents, g.start, starts)
        if s is None or not s.start <= g.start < max(s.end, s.start + 1):
            continue
        prev = sents[s.index - 1].text if s.index > 0 else None
        f = features(text, s.start, s.end, g.start, g.end, (meta.get(g.doc) or {}).get("published"), prev)
        rows.append((g.doc, f, 1 if g.data["status"] == "target" else 0))
    return rows


def train(rows: list[tuple[str, set[str], int]], epochs: int = EPOCHS, l2: float = L2,
          step: float = STEP) -> dict[str, float]:
    """Logistic regression weights, feature -> weight."""
    vocab: dict[str, int] = {}
    for _, f, _ in rows:
        for x in sorted(f):
            vocab.setdefault(x, len(vocab))
    n = len(rows)
    idx = np.array([vocab[x] for _, f, _ in rows for x in sorted(f)], dtype=np.int64)
    row_of = np.array([i for i, (_, f, _) in enumerate(rows) for _ in f], dtype=np.int64)
    y = np.array([r[2] for r in rows], dtype=float)
    w = np.zeros(len(vocab))
    for _ in range(epochs):
        z = np.bincount(row_of, weights=w[idx], minlength=n)
        err = 1.0 / (1.0 + np.exp(-z)) - y
        grad = np.bincount(idx, weights=err[row_of], minlength=len(vocab)) / n + l2 * w / n
        w -= step * grad
    return {x: round(float(w[i]), 6) for x, i in vocab.items() if abs(w[i]) >= PRUNE}


def part_of(doc: str) -> str:
    """The part a passage belongs to: `rdev-ab` for `rdev-ab007` (not `rdev-a`), `rdev-a` for `rdev-a012`."""
    return doc.rstrip("0123456789")


def cross_validate(rows: list[tuple[str, set[str], int]]) -> dict[str, tuple[int, int]]:
    """Right and total per development part (`rdev-a` …), each read by a model trained without it."""
    parts = sorted({part_of(doc) for doc, _, _ in rows if doc.startswith("rdev-")})
    out = {}
    for part in parts:
        weights = train([r for r in rows if part_of(r[0]) != part])
        test = [r for r in rows if part_of(r[0]) == part]
        right = sum((target_probability(f, weights) >= 0.5) == bool(y) for _, f, y in test)
        out[part] = (right, len(test))
    return out


def main(args: argparse.Namespace) -> int:
    gold_dir = Path(args.gold) if args.gold else GOLD_DIR
    rows = examples(gold_dir)
    if not rows:
        print(f"no training figures in {gold_dir}", file=sys.stderr)
        return 1
    targets = sum(y for _, _, y in rows)
    print(f"{len(rows)} figures from {len({d for d, _, _ in rows})} documents ({targets} targets)")
    if args.cv:
        total = defaultdict(int)
        for part, (right, n) in cross_validate(rows).items():
            print(f"  {part}: {right}/{n} = {right / n:.3f} (model trained without {part})")
            total["right"] += right
            total["n"] += n
        print(f"cross-validated status accuracy: {total['right'] / total['n']:.3f}; "
              f"all `actual`: {1 - sum(y for d, _, y in rows if d.startswith('rdev-')) / total['n']:.3f}")
    weights = train(rows)
    out = Path(args.out) if args.out else MODEL_PATH
    out.write_text(json.dumps({"about": "status model: logistic regression over words, `chitieu train-status`",
                               "trained_on": list(TRAIN_PREFIXES), "figures": len(rows),
                               "epochs": EPOCHS, "l2": L2, "weights": dict(sorted(weights.items()))},
                              ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(weights)} weights)")
    return 0
