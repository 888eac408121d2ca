"""Whether a figure is a result or a target, read by a small trained model.

The hand-written status rules (extractors/status.py) fit the development passages they were written
on (status 0.97 there) but read new real passages worse (0.89 on the blind held-out set, no better than
before the rules were added). A linear model over the words around the figure, trained on the real
development passages (`chitieu train-status`), reads unseen passages better: 0.95 against 0.90 for the
rules written before those passages existed, in a cross-validation by part (README, "Accuracy").

The features are words, not rules: the words of the figure's clause before it (the last four by their
distance), the pairs of words there, the words since its last comma, the words of a bracket it is in and the two before it, the words right after it, the words of its sentence and of the
sentence before, and whether a year of the sentence lies before, at or after the document's date. The
weights are data (`extractors/data/status_model.json`), written by the training command; nothing is
downloaded. The rules still decide the figures that state no status (a heading, a label).
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parent / "data" / "status_model.json"

_WORD = re.compile(r"\w+")
WINDOW = 500  # characters of the sentence read on each side of the figure
_YEAR = re.compile(r"(?<!\d)(20[0-4]\d)(?!\d)")


def _window(sent_start: int, sent_end: int, start: int, end: int) -> tuple[int, int]:
    return max(sent_start, start - WINDOW), min(sent_end, end + WINDOW)


def figure_features(text: str, sent_start: int, sent_end: int, start: int, end: int) -> set[str]:
    """The features of the figure's own place: its clause before it, a bracket it is in, the words after."""
    sent_start, sent_end = _window(sent_start, sent_end, start, end)
    left, right = text[sent_start:start].lower(), text[end:sent_end].lower()
    clause = re.split(r"[;:]", left)[-1]
    clause_words = _WORD.findall(clause)
    near = clause_words[-10:]
    after = _WORD.findall(right)[:6]
    f = set()
    for i, w in enumerate(reversed(near)):
        f.add("L:" + w)
        if i < 4:
            f.add(f"L{i}:{w}")
    f.update("LB:" + a + "_" + b for a, b in zip(near, near[1:]))
    f.update("CB:" + a + "_" + b for a, b in zip(clause_words, clause_words[1:]))
    f.update("C1:" + w for w in _WORD.findall(clause.split(",")[-1]))   # since the clause's last comma
    paren = left.rfind("(")
    if paren > left.rfind(")"):  # inside a bracket: `7,02% (kế hoạch 7-7,5%)`, `(giảm 4%)`
        inside = _WORD.findall(left[paren:])
        f.add("IN_PAREN")
        f.update("PW:" + w for w in inside)
        f.add("PW0:" + "_".join(inside[:2]))
        f.update("BP:" + w for w in _WORD.findall(left[:paren])[-2:])
    for i, w in enumerate(after):
        f.add("R:" + w)
        if i < 3:
            f.add(f"R{i}:{w}")
    f.update("RB:" + a + "_" + b for a, b in zip(after, after[1:]))
    f.update("SL:" + w for w in _WORD.findall(left))
    return f


def sentence_features(text: str, sent_start: int, sent_end: int, published: str | None,
                      prev_sentence: str | None) -> set[str]:
    """The features every figure of the (windowed) sentence shares: its words and pairs of words, the
    years it names against the document's date, the words of the end of the sentence before."""
    f = {"BIAS"}
    sentence = _WORD.findall(text[sent_start:sent_end].lower())
    f.update("S:" + w for w in sentence)
    f.update("SB:" + a + "_" + b for a, b in zip(sentence, sentence[1:]))
    pub = int(published[:4]) if published and published[:4].isdigit() else None
    if pub:
        for y in _YEAR.findall(text[sent_start:sent_end]):
            f.add("Y:" + ("future" if int(y) > pub else "same" if int(y) == pub else "past"))
    if prev_sentence:
        f.update("P:" + w for w in _WORD.findall(prev_sentence[-WINDOW:].lower()))
    return f


def features(text: str, sent_start: int, sent_end: int, start: int, end: int, published: str | None,
             prev_sentence: str | None) -> set[str]:
    """The features of the figure at text[start:end] in the sentence text[sent_start:sent_end]. Only a
    window of the sentence around the figure (and the end of the sentence before) is read, so that a figure
    costs the same in a sentence of any length."""
    w0, w1 = _window(sent_start, sent_end, start, end)
    return figure_features(text, sent_start, sent_end, start, end) | \
        sentence_features(text, w0, w1, published, prev_sentence)


_in_use: dict[str, float] | None = None


def use(weights: dict[str, float] | None) -> None:
    """Read statuses with these weights instead of the shipped model (None: the shipped one again); for
    the training command's cross-validation and for tests."""
    global _in_use
    _in_use = weights


@lru_cache(maxsize=4)
def load(path: Path = MODEL_PATH) -> dict[str, float]:
    """The trained weights (feature -> weight); empty when no model has been trained."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return data["weights"]


def _weights() -> dict[str, float]:
    return _in_use if _in_use is not None else load()


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def target_probability(feats: set[str], weights: dict[str, float] | None = None) -> float | None:
    """The model's probability that the figure with these features is a target; None without a model."""
    weights = _weights() if weights is None else weights
    if not weights:
        return None
    return _sigmoid(sum(weights.get(x, 0.0) for x in feats))


def probability_at(cache: dict, text: str, sent_start: int, sent_end: int, start: int, end: int,
                   published: str | None, prev_sentence: str | None) -> float | None:
    """`target_probability(features(…))`, with the sentence's share of the sum kept in `cache` (one per
    document) for its other figures: the same number, read once per sentence."""
    weights = _weights()
    if not weights:
        return None
    w0, w1 = _window(sent_start, sent_end, start, end)
    key = (w0, w1, id(weights))
    if key not in cache:
        cache[key] = sum(weights.get(x, 0.0) for x in sentence_features(text, w0, w1, published, prev_sentence))
    local = figure_features(text, sent_start, sent_end, start, end)
    return _sigmoid(cache[key] + sum(weights.get(x, 0.0) for x in local))
