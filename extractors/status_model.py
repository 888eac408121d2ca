"""Whether a figure is a result or a target, read by a small trained model.

The hand-written status rules (extractors/status.py) fit the development passages they were written
on (status 0.97 there) but read new real passages worse (0.89 on the blind held-out set, no better than
before the rules were added). A linear model over the words around the figure, trained on the real
development passages (`chitieu train-status`), reads unseen passages better: 0.95 against 0.90 for the
rules written before those passages existed, in a cross-validation by part (README, "Accuracy").

The features are words, not rules: the words of the figure's clause before it (the last four by their
distance), the pairs of the last ten, the words since its last comma, the words of a bracket it is in and the two before it, the words right after it, the words of its sentence and of the
sentence before, and whether a year of the sentence lies before, at or after the document's date. The
weights are data (`extractors/data/status_model.json`), written by the training command; nothing is
downloaded. The rules still decide the figures that state no status (a heading, a label).
"""
from __future__ import annotations

import json
import math
import re
from array import array
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add, mul
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parent / "data" / "status_model.json"

_WORD = re.compile(r"\w+")
_NON_WORD = re.compile(r"(\W+)")
WINDOW = 500  # characters of the sentence read on each side of the figure
# a year 2000-2049 not within a longer number: `(?<!\d)(20[0-4]\d)(?!\d)`, its look back written after the `20`
# so that the engine scans for `20` (about 20x faster)
_YEAR = re.compile(r"(20(?<!\d20)[0-4]\d)(?!\d)")


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
    document) for its other figures: the same number, read once per sentence. The words of the sentence are
    found once (for the figures of the sentence in hand) and looked up in the weights split by group, the
    same features summed (`_figure_sum`, `_sentence_sum`)."""
    weights = _weights()
    if not weights:
        return None
    tok, shared = _shared_sum(weights, cache, text, sent_start, sent_end, start, end, published, prev_sentence)
    return _sigmoid(shared + _figure_sum(weights, tok, text, sent_start, sent_end, start, end))


def target_at(cache: dict, text: str, sent_start: int, sent_end: int, start: int, end: int,
              published: str | None, prev_sentence: str | None) -> bool | None:
    """Whether the model reads a target: `probability_at(…) >= 0.5` (None without a model). The sums are those of
    `probability_at`, read by word id (`_ById`): the same weights, added in another order, so that a sum may differ
    from `probability_at`'s in its last bits (about 1e-13 at most); where it lies that near 0 the sums are read
    again in `probability_at`'s order, so the answer is always `probability_at`'s. In a sentence of many figures
    (`1% 1% 1% …`, a table flattened into a line) the answer is often sure before the figure's own words are
    summed: the sentence's share and the figure's `SL:` words are known at once, and the rest lies between the sums
    of the negative and of the positive weights of the words and pairs of words the sentence holds (`_bounds`)."""
    weights = _weights()
    if not weights:
        return None
    t = _by_id(weights)
    batch = cache.get("batch")   # the sums of the document's figures, read at once (extractors/status_batch.py)
    if batch is not None and batch[0] is t:
        total = batch[1].get((sent_start, sent_end, start, end))
        if total is not None and (total > _SURE or total < -_SURE):
            return total > 0
    tok = _tokens(cache, text, sent_start, sent_end)
    if tok is None:
        tok, shared = _shared_sum(weights, cache, text, sent_start, sent_end, start, end, published, prev_sentence)
        return _sigmoid(shared + _figure_sum(weights, tok, text, sent_start, sent_end, start, end)) >= 0.5
    if tok[7] is None:
        tok[7] = ids = list(map(t.vocab.get, tok[3], repeat(0)))
        tok[9] = list(map(add, map(mul, ids, repeat(t.size)), ids[1:]))   # the pairs of neighbours, as keys
    w0, w1 = _window(sent_start, sent_end, start, end)
    key = (w0, w1, t)
    shared = cache.get(key)
    if shared is None:
        shared = cache[key] = _sentence_sum_by_id(t, tok, cache, text, sent_start, sent_end, w0, w1, published,
                                                  prev_sentence)
    if start - WINDOW <= sent_start and end + WINDOW >= sent_end:   # the window is the sentence
        tok[5] += 1   # (its figures asked about)
        if tok[5] >= _BOUNDS_FROM:
            sure = _sure(weights, tok, start - sent_start, end - sent_start, shared, t)
            if sure is not None:
                return sure
    total = shared + _figure_sum_by_id(t, tok, sent_start, sent_end, start, end)
    if total > _SURE:
        return True
    if total < -_SURE:
        return False
    # too near 0 for the order of the sums to be left out: `probability_at`'s sums, in its order
    tok, shared = _shared_sum(weights, cache, text, sent_start, sent_end, start, end, published, prev_sentence)
    return _sigmoid(shared + _figure_sum(weights, tok, text, sent_start, sent_end, start, end)) >= 0.5


def _shared_sum(weights: dict, cache: dict, text: str, sent_start: int, sent_end: int, start: int, end: int,
                published: str | None, prev_sentence: str | None):
    """The sentence's words (`_tokens`) and the sum of the features the figure shares with the other figures of its
    window of the sentence (`_sentence_sum`, kept in `cache`)."""
    w0, w1 = _window(sent_start, sent_end, start, end)
    key = (w0, w1, id(weights))
    tok = _tokens(cache, text, sent_start, sent_end)
    if key not in cache:
        cache[key] = _sentence_sum(weights, tok, cache, text, sent_start, w0, w1, published, prev_sentence)
    return tok, cache[key]


_SURE = 1e-9   # far beyond the rounding of a sum of a few hundred weights (about 1e-13)
# the bounds of a sentence are read once it has been asked about this many figures, and one for every four distinct
# words it holds (their cost): a sentence of few figures never pays for them
_BOUNDS_FROM = 4


def _sure(weights: dict, tok, b: int, e: int, shared: float, t: _ById) -> bool | None:
    """`shared + _figure_sum(…) >= 0` for the figure at [b, e) of the sentence (the window its whole), when the
    bounds of the sentence decide it; None when they do not, or when a word the sum reads is cut (by the figure) or
    a bracket is open before the figure (whose features the bounds leave out). Asked from the `_BOUNDS_FROM`th
    figure of the sentence on (`tok[5]` counts them)."""
    if tok[6] is None:
        tok[6] = len(set(tok[3]))   # (the distinct words, until the bounds are read)
    if type(tok[6]) is int and tok[5] * 4 < tok[6]:
        return None
    low, st, en = tok[0], tok[1], tok[2]
    j = bisect_left(st, b)
    k = bisect_right(en, e)
    if j and en[j - 1] > b or k < len(st) and st[k] < e or "(" in low and low.rfind("(", 0, b) > low.rfind(")", 0, b):
        return None
    g = _grouped(weights)
    if type(tok[6]) is int or tok[6][0] is not g:
        tok[6] = (g, *_bounds(g, tok[3]))
    _, rest_low, rest_high = tok[6]
    known = shared + _first_sums_by_id(t, tok)[j]
    if known + rest_low > _SURE:
        return True
    if known + rest_high < -_SURE:
        return False
    return None


def _bounds(g: dict, words: list[str]) -> tuple[float, float]:
    """The least and the most that the features of a figure other than `SL:` and a bracket's can add up to when
    every word they read is one of `words` (the sentence's): each group of distinct words (`L:`, `C1:`, `R:`) and of
    distinct pairs of neighbours (`LB:`, `RB:`) between the sum of its negative and of its positive weights, each
    word by its place (`L0:` … `R2:`) between its least and its greatest weight, 0 included."""
    distinct, pairs = set(words), set(zip(words, words[1:]))
    low = high = 0.0
    for name, keys in (("L", distinct), ("C1", distinct), ("R", distinct), ("LB", pairs), ("RB", pairs)):
        got = [x for x in map(g[name].get, keys) if x]
        low += sum(x for x in got if x < 0)
        high += sum(x for x in got if x > 0)
    for group in (*g["L at"], *g["R at"]):
        got = [x for x in map(group.get, distinct) if x] or [0.0]
        low += min(0.0, min(got))
        high += max(0.0, max(got))
    return low, high


# The features' sum without building their strings: the weights split once by group, `SL:` words as
# {word: weight}, `LB:` pairs as {(word, word): weight}
_GROUPS = ("L", "L0", "L1", "L2", "L3", "R", "R0", "R1", "R2", "C1", "PW", "BP", "SL", "S", "P")
_PAIR_GROUPS = ("LB", "RB", "SB")
_tables: list = [None, None]   # the weights they were read from, their groups


def _grouped(weights: dict[str, float]) -> dict[str, dict]:
    """The weights of each group of features by word (by pair of words for the pairs' groups). A pair's
    feature joins its words with `_`: only the features of words without `_` are kept (the sentences that
    hold one are read the plain way, `_tokens`)."""
    if _tables[0] is not weights:
        groups: dict[str, dict] = {g: {} for g in (*_GROUPS, *_PAIR_GROUPS)}
        for key, weight in weights.items():
            g, colon, rest = key.partition(":")
            if not colon or g not in groups:
                continue
            if g in _PAIR_GROUPS:
                first, _, second = rest.partition("_")
                if "_" in second:
                    continue
                groups[g][first, second] = weight
            else:
                groups[g][rest] = weight
        groups["L at"], groups["R at"] = [groups[k] for k in _GROUPS[1:5]], [groups[k] for k in _GROUPS[6:9]]
        _tables[:] = [weights, groups]
    return _tables[1]


def _sum(group: dict, keys) -> float:
    return sum(map(group.get, keys, repeat(0.0)))


def _tokens(cache: dict, text: str, sent_start: int, sent_end: int):
    """The sentence lowercased and its words with their offsets, kept in `cache` for the sentence in hand
    only; None where a slice of the lowercased sentence might not be the lowercased slice (a letter that
    lowercases to two, a Greek capital sigma) or where two pairs of words might join into one feature (`_`).
    The words are what `_WORD.findall` finds: the text split at the runs of non-word characters."""
    held = cache.get("tokens")
    if held is not None and held[0] == sent_start and held[1] == sent_end:
        return held[2]
    if held is not None:
        cache["before"] = held   # its words are the `P:` features of the sentence after it
    seg = text[sent_start:sent_end]
    split = split_words(seg)
    # then `_first_sums`, the figures asked about and the bounds of `_sure`, when asked for, the words' ids (`_ById`),
    # `_first_sums_by_id`, the keys of the pairs of neighbouring words and the set of the sentence's ids
    data = None if split is None else [*split, None, 0, None, None, None, None, None]
    cache["tokens"] = (sent_start, sent_end, data, seg)
    return data


def split_words(seg: str):
    """A sentence lower-cased, its words' starts and ends and its words (what `_WORD.findall` finds: the text split
    at the runs of non-word characters); None where a slice of the lower-cased sentence might not be the lower-cased
    slice or where two pairs of words might join into one feature (`_tokens`)."""
    low = seg.lower()
    if len(low) != len(seg) or "\u03a3" in seg or "_" in seg:
        return None
    parts = _NON_WORD.split(low)   # word, gap, word, …, word (the first and last may be empty)
    offsets = list(accumulate(map(len, parts), initial=0))
    words, starts, ends = parts[0::2], offsets[0:-1:2], offsets[1::2]
    if words and not words[-1]:
        del words[-1], starts[-1], ends[-1]
    if words and not words[0]:
        del words[0], starts[0], ends[0]
    return low, starts, ends, words


def _first_sums(sl: dict, tok) -> list[float]:
    """Per number k of the sentence's first words, the sum of the `SL:` weights of the distinct words among
    them (each counted where it first appears)."""
    if tok[4] is None:
        # (a word's weight where it first appears, 0.0 where it repeats: adding 0.0 leaves a sum as it was; each
        # step in C but the loop over the repeats)
        words = tok[3]
        values = list(map(sl.get, words, repeat(0.0)))
        first = dict(zip(reversed(words), range(len(words) - 1, -1, -1)))   # each word's first place
        if len(first) < len(words):
            for k in set(range(len(words))).difference(first.values()):
                values[k] = 0.0
        tok[4] = list(accumulate(values, initial=0.0))
    return tok[4]


def _words_in(tok, a: int, b: int, most: int | None = None) -> tuple[list[str], list[int]]:
    """The words of the lowercased sentence's slice [a, b) (offsets in the sentence), as `_WORD.findall` of
    the slice finds them (a word cut by the slice's edge cut too), with their starts; the first `most`."""
    low, st, en, wd = tok[:4]
    i = bisect_right(en, a)
    j = bisect_left(st, b)
    if most is not None:
        j = min(j, i + most)
    if i >= j:
        return [], []
    words, starts = wd[i:j], st[i:j]
    if starts[0] < a:
        words[0], starts[0] = low[a:en[i]], a
    if en[j - 1] > b:
        words[-1] = low[starts[-1]:b]
    return words, starts


def _figure_sum(weights: dict, tok, text: str, sent_start: int, sent_end: int, start: int, end: int) -> float:
    """The sum of the weights of `figure_features(…)`. The words left of the figure are read in place, as a range
    of the sentence's words (copied first only when the window's edge or the figure cuts a word)."""
    if tok is None:
        return sum(weights.get(x, 0.0) for x in figure_features(text, sent_start, sent_end, start, end))
    g = _grouped(weights)
    w0, w1 = _window(sent_start, sent_end, start, end)
    a, b, e, c = w0 - sent_start, start - sent_start, end - sent_start, w1 - sent_start
    low, st, en, wd = tok[:4]
    i, j = bisect_right(en, a), bisect_left(st, b)   # the left words: wd[i:j]
    whole = not (i < j and (st[i] < a or en[j - 1] > b))
    if not whole:
        wd, st = _words_in(tok, a, b)
        i, j = 0, len(wd)
    cut = max(low.rfind(";", a, b), low.rfind(":", a, b))
    near = wd[max(bisect_right(st, cut, i, j), j - 10):j]   # the last ten words of the clause
    after = _words_in(tok, e, c, 6)[0]
    total = sum(map(g["L"].get, set(near), repeat(0.0)))
    for group, w in zip(g["L at"], reversed(near[-4:])):   # L0 … L3
        total += group.get(w, 0.0)
    total += sum(map(g["LB"].get, set(zip(near, near[1:])), repeat(0.0)))
    total += sum(map(g["C1"].get, set(wd[bisect_right(st, max(cut, low.rfind(",", a, b)), i, j):j]), repeat(0.0)))
    paren = low.rfind("(", a, b)
    if paren > low.rfind(")", a, b):
        k = bisect_right(st, paren, i, j)
        inside = wd[k:j]
        total += weights.get("IN_PAREN", 0.0)
        total += _sum(g["PW"], set(inside))
        total += weights.get("PW0:" + "_".join(inside[:2]), 0.0)
        total += _sum(g["BP"], set(wd[max(i, k - 2):k]))
    total += sum(map(g["R"].get, set(after), repeat(0.0)))
    for group, w in zip(g["R at"], after[:3]):   # R0 … R2
        total += group.get(w, 0.0)
    total += sum(map(g["RB"].get, set(zip(after, after[1:])), repeat(0.0)))
    if a == 0 and whole:
        total += _first_sums(g["SL"], tok)[j]   # the left words are the sentence's first j, uncut
    else:
        total += _sum(g["SL"], set(wd[i:j]))
    return total


def _sentence_sum(weights: dict, tok, cache: dict, text: str, sent_start: int, w0: int, w1: int,
                  published: str | None, prev_sentence: str | None) -> float:
    """The sum of the weights of `sentence_features(…)` of the window [w0, w1)."""
    if tok is None:
        return sum(weights.get(x, 0.0) for x in sentence_features(text, w0, w1, published, prev_sentence))
    g = _grouped(weights)
    sentence = _words_in(tok, w0 - sent_start, w1 - sent_start)[0]
    total = weights.get("BIAS", 0.0)
    total += _sum(g["S"], set(sentence))
    total += _sum(g["SB"], set(zip(sentence, sentence[1:])))
    pub = int(published[:4]) if published and published[:4].isdigit() else None
    if pub:
        years = {"Y:" + ("future" if int(y) > pub else "same" if int(y) == pub else "past")
                 for y in _YEAR.findall(text[w0:w1])}
        total += sum(weights.get(y, 0.0) for y in years)
    if prev_sentence:
        before = cache.get("before")   # the sentence read before this one, if it is the one before
        if before is not None and before[2] is not None and len(prev_sentence) <= WINDOW \
                and before[3] == prev_sentence:
            total += _sum(g["P"], set(before[2][3]))   # its words, found already
        else:
            total += _sum(g["P"], set(_WORD.findall(prev_sentence[-WINDOW:].lower())))
    return total


class _ById:
    """The weights by word id: every word a feature names gets an id (1, 2, …; 0 for any other word), each group
    of words (`L`, `S`, …) an array of its weights by id (doubles: no float object to reach for each), each group of
    pairs (`LB`, `RB`, `SB`) a dictionary keyed by `first * size + second`. A sentence's words are looked up once
    (their ids, `target_at`); a figure's sums then index arrays and look up small integers, where the strings'
    dictionaries (`_grouped`) compared strings all over 57,614 weights. The same features, the same weights: only
    the order of each sum's terms differs."""

    def __init__(self, weights: dict[str, float]):
        g = _grouped(weights)
        words = sorted({w for name in _GROUPS for w in g[name]}
                       | {w for name in _PAIR_GROUPS for pair in g[name] for w in pair})
        self.vocab = {w: k for k, w in enumerate(words, 1)}
        self.size = size = len(words) + 1
        for name in _GROUPS:
            by_id = [0.0] * size
            for w, weight in g[name].items():
                by_id[self.vocab[w]] = weight
            setattr(self, name, array('d', by_id))
        for name in _PAIR_GROUPS:
            setattr(self, name, {self.vocab[a] * size + self.vocab[b]: weight for (a, b), weight in g[name].items()})
        self.L_at, self.R_at = [getattr(self, k) for k in _GROUPS[1:5]], [getattr(self, k) for k in _GROUPS[6:9]]
        self.weights = weights
        self.bias, self.in_paren = weights.get("BIAS", 0.0), weights.get("IN_PAREN", 0.0)

    def pairs(self, ids: list[int]) -> set[int]:
        """The distinct pairs of neighbours of `ids`, as keys of the pairs' groups."""
        return set(map(add, map(mul, ids, repeat(self.size)), ids[1:]))


_by_id_tables: list = [None, None]   # the weights they were read from, their `_ById`


def _by_id(weights: dict[str, float]) -> _ById:
    if _by_id_tables[0] is not weights:
        _by_id_tables[:] = [weights, _ById(weights)]
    return _by_id_tables[1]


def _ids_in(t: _ById, tok, a: int, b: int, most: int | None = None) -> tuple[list[int], list[str], list[int], set[int]]:
    """`_words_in(tok, a, b, most)` with the words' ids: (ids, words, starts, the keys of their distinct pairs)."""
    st, en = tok[1], tok[2]
    i = bisect_right(en, a)
    j = bisect_left(st, b)
    if most is not None:
        j = min(j, i + most)
    if i >= j:
        return [], [], [], set()
    if st[i] < a or en[j - 1] > b:   # a word cut by the slice's edge: its cut form's id
        words, starts = _words_in(tok, a, b, most)
        ids = list(map(t.vocab.get, words, repeat(0)))
        return ids, words, starts, t.pairs(ids)
    return tok[7][i:j], tok[3][i:j], st[i:j], set(tok[9][i:j - 1])


def _first_sums_by_id(t: _ById, tok) -> list[float]:
    """`_first_sums(…)` by id: per number k of the sentence's first words, the sum of the `SL:` weights of the
    distinct words among them (a word's weight where it first appears, 0.0 where it repeats)."""
    if tok[8] is None:
        seen = set()
        see, sl = seen.add, t.SL
        tok[8] = list(accumulate([0.0 if x in seen or see(x) else sl[x] for x in tok[7]], initial=0.0))
    return tok[8]


def _figure_sum_by_id(t: _ById, tok, sent_start: int, sent_end: int, start: int, end: int) -> float:
    """`_figure_sum(…)` by id: the sum of the weights of `figure_features(…)`, in another order."""
    w0, w1 = _window(sent_start, sent_end, start, end)
    a, b, e, c = w0 - sent_start, start - sent_start, end - sent_start, w1 - sent_start
    low, st, en = tok[0], tok[1], tok[2]
    i, j = bisect_right(en, a), bisect_left(st, b)   # the left words: ids[i:j]
    whole = not (i < j and (st[i] < a or en[j - 1] > b))
    if whole:
        ids, wd = tok[7], tok[3]
    else:
        ids, wd, st, _ = _ids_in(t, tok, a, b)
        i, j = 0, len(ids)
    cut = max(low.rfind(";", a, b), low.rfind(":", a, b))
    n0 = max(bisect_right(st, cut, i, j), j - 10)
    near = ids[n0:j]   # the last ten words of the clause
    after, _, _, after_pairs = _ids_in(t, tok, e, c, 6)
    total = sum(map(t.L.__getitem__, set(near)))
    for group, w in zip(t.L_at, reversed(near[-4:])):   # L0 … L3
        total += group[w]
    if whole:
        near_pairs = set(tok[9][n0:j - 1]) if n0 < j else ()
    else:
        near_pairs = t.pairs(near)
    total += sum(map(t.LB.get, near_pairs, repeat(0.0)))
    total += sum(map(t.C1.__getitem__, set(ids[bisect_right(st, max(cut, low.rfind(",", a, b)), i, j):j])))
    paren = low.rfind("(", a, b)
    if paren > low.rfind(")", a, b):
        k = bisect_right(st, paren, i, j)
        total += t.in_paren
        total += sum(map(t.PW.__getitem__, set(ids[k:j])))
        total += t.weights.get("PW0:" + "_".join(wd[k:min(j, k + 2)]), 0.0)
        total += sum(map(t.BP.__getitem__, set(ids[max(i, k - 2):k])))
    total += sum(map(t.R.__getitem__, set(after)))
    for group, w in zip(t.R_at, after[:3]):   # R0 … R2
        total += group[w]
    total += sum(map(t.RB.get, after_pairs, repeat(0.0)))
    if a == 0 and whole:
        total += _first_sums_by_id(t, tok)[j]   # the left words are the sentence's first j, uncut
    else:
        total += sum(map(t.SL.__getitem__, set(ids[i:j])))
    return total


def _sentence_sum_by_id(t: _ById, tok, cache: dict, text: str, sent_start: int, sent_end: int, w0: int, w1: int,
                        published: str | None, prev_sentence: str | None) -> float:
    """`_sentence_sum(…)` by id: the sum of the weights of `sentence_features(…)` of the window [w0, w1)."""
    ids, _, _, pairs = _ids_in(t, tok, w0 - sent_start, w1 - sent_start)
    distinct = set(ids)
    if w0 == sent_start and w1 == sent_end:
        tok[10] = distinct   # (the `P:` words of the sentence after it)
    total = t.bias
    total += sum(map(t.S.__getitem__, distinct))
    total += sum(map(t.SB.get, pairs, repeat(0.0)))
    pub = int(published[:4]) if published and published[:4].isdigit() else None
    if pub:
        years = {"Y:" + ("future" if int(y) > pub else "same" if int(y) == pub else "past")
                 for y in _YEAR.findall(text[w0:w1])}
        total += sum(t.weights.get(y, 0.0) for y in years)
    if prev_sentence:
        before = cache.get("before")   # the sentence read before this one, if it is the one before
        if before is not None and before[2] is not None and len(prev_sentence) <= WINDOW \
                and before[3] == prev_sentence:
            distinct = before[2][10] or set(map(t.vocab.get, before[2][3], repeat(0)))   # its words, found already
        else:
            distinct = set(map(t.vocab.get, _WORD.findall(prev_sentence[-WINDOW:].lower()), repeat(0)))
        total += sum(map(t.P.__getitem__, distinct))
    return total
