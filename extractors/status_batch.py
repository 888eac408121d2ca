"""The status model's sums for every figure of a document at once (extractors/status_model.py).

`target_at` sums, figure by figure, the weights of the words round a figure (a dozen small sums of sets in Python)
and, once per sentence, those of its sentence. `prepare` reads the same features of all the figures of a document
at once with numpy: each feature group of each figure (the last ten words of its clause, the words since its last
comma, those of a bracket it is in, the six after it, its sentence's words and pairs of words, the words of the
sentence before, …) is a range of one array of the document's word ids (or of the keys of their pairs of
neighbours); the ranges are gathered, each (group, word, figure) kept once (sorted: a set's sum counts a word once),
the words' weights read by id from one table of the groups' arrays, the pairs' looked up in a sorted table of their
keys, and summed per figure (`np.bincount`). A few hundred figures at a time (`attribution._SUMS_AT_ONCE`).

The sums are those of `status_model._figure_sum_by_id` and `_sentence_sum_by_id`, the same features and weights,
added in another order: `target_at` answers from them only where they lie farther from 0 than rounding can move a
sum (`status_model._SURE`) and reads the others again in the old order, so every answer is the old one. Only
figures whose window is their whole sentence, in a sentence `_tokens` reads, and that cut no word, are prepared;
`target_at` reads the others as before, and so the figures of a sentence of more than `MOST` figures (`1% 1% 1% …`),
where the bounds of its words often decide before any sum is read (`status_model._sure`).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from itertools import repeat

import numpy as np

from extractors import status_model as sm

_ARRAY_GROUPS = sm._GROUPS            # L, L0…L3, R, R0…R2, C1, PW, BP, SL, S, P: an array of weights by word id
_PAIR_GROUPS = sm._PAIR_GROUPS        # LB, RB, SB: weights by the key of a pair of ids
_CODE = {name: k for k, name in enumerate((*_ARRAY_GROUPS, *_PAIR_GROUPS))}
# a sentence of more figures than this (`1% 1% 1% …`, a table flattened into a line) is read figure by figure, where
# the bounds of its words often decide a figure before its sums (`status_model._sure`)
MOST = 16
_tables: list = [None, None]          # the `_ById` they were read from; (sorted keys, their weights, key span)


def _table(t) -> tuple[np.ndarray, np.ndarray, int]:
    """Every non-zero weight of the pairs' groups of `t` keyed `group code × span + pair key`, sorted (the words'
    groups are read by id from `_dense`)."""
    if _tables[0] is not t:
        span = t.size * t.size   # (a pair's key `first × size + second` is below it)
        keys, values = [], []
        for name in _PAIR_GROUPS:
            base = _CODE[name] * span
            for pair, weight in getattr(t, name).items():
                if weight:
                    keys.append(base + pair)
                    values.append(weight)
        order = np.argsort(np.array(keys, np.int64), kind="stable")
        _tables[:] = [t, (np.array(keys, np.int64)[order], np.array(values, np.float64)[order], span)]
    return _tables[1]


def prepare(cache: dict, text: str, figures: list[tuple[int, int, int, int, str | None]],
            published: str | None) -> None:
    """The sums of the features of every figure (`sent_start, sent_end, start, end, prev_sentence`) of one document
    that `target_at` may read from them, kept in `cache` (the document's) as `cache["batch"]`."""
    weights = sm._weights()
    if not weights or not figures:
        return
    t = sm._by_id(weights)
    keys, values, span = _table(t)
    vocab, size, window = t.vocab.get, t.size, sm.WINDOW
    pub = int(published[:4]) if published and published[:4].isdigit() else None
    ids: list[int] = []      # the document's word ids, sentence after sentence (then the words of sentences before)
    sentences: dict = {}     # (start, end) -> (row, offset in `ids`, lower-cased, starts, ends, words) or None
    rows: list = []          # per row (figures', then sentences'): the part summed in Python
    id_ranges: list = []     # (row, group code, lo, hi) over `ids`, flat
    pair_ranges: list = []   # the same over the keys of the pairs of neighbouring words
    got: list = []           # (figure key, its row, its sentence's row)
    code = _CODE
    L, LB, C1, PW, BP, R, RB, SL = (code[k] for k in ("L", "LB", "C1", "PW", "BP", "R", "RB", "SL"))
    L_at, R_at = [code[k] for k in ("L0", "L1", "L2", "L3")], [code[k] for k in ("R0", "R1", "R2")]
    (L0, L1, L2, L3), (R0, R1, R2) = L_at, R_at
    S, SB, P = code["S"], code["SB"], code["P"]
    sentence_rows = []       # (row, prev_sentence) of each sentence read
    read_words: dict = {}    # a sentence read whole, by its text -> where its words are in `ids`, how many
    per_sentence = Counter((f[0], f[1]) for f in figures)
    for sent_start, sent_end, start, end, prev in figures:
        if start - window > sent_start or end + window < sent_end or per_sentence[sent_start, sent_end] > MOST:
            continue   # (a window cut from a long sentence, a sentence of many figures: read figure by figure)
        held = sentences.get((sent_start, sent_end), 0)
        if held == 0:
            read = sm.split_words(text[sent_start:sent_end])
            if read is None:
                held = None
            else:
                low, st, en, wd = read
                off = len(ids)
                word_ids = list(map(vocab, wd, repeat(0)))
                ids += word_ids
                held = (len(rows), off, low, st, en, wd)
                rows.append(0.0)
                sentence_rows.append((held[0], prev, sent_start, sent_end, len(wd)))
            sentences[(sent_start, sent_end)] = held
            if held is not None and sent_end - sent_start <= window:
                read_words[text[sent_start:sent_end]] = (off, len(wd))   # (the `P:` words of the sentence after)
        if held is None:
            continue
        srow, off, low, st, en, wd = held
        b, e = start - sent_start, end - sent_start
        j = bisect_left(st, b)
        if j and en[j - 1] > b:
            continue   # (the figure cuts a word)
        i2 = bisect_right(en, e)
        j2 = min(len(st), i2 + 6)
        if i2 < j2 and st[i2] < e:
            continue
        row = len(rows)
        cut = max(low.rfind(";", 0, b), low.rfind(":", 0, b))
        n0 = max(bisect_right(st, cut, 0, j), j - 10)
        q = off + j
        c1 = bisect_right(st, max(cut, low.rfind(",", 0, b)), 0, j)
        id_ranges.extend((row, L, off + n0, q, row, C1, off + c1, q, row, SL, off, q))
        if j - n0 >= 4:   # (the four last words by their place: one call for the most figures)
            id_ranges.extend((row, L0, q - 1, q, row, L1, q - 2, q - 1, row, L2, q - 3, q - 2, row, L3, q - 4, q - 3))
        else:
            for group, p in zip(L_at, range(q - 1, off + n0 - 1, -1)):
                id_ranges.extend((row, group, p, p + 1))
        if n0 < j - 1:
            pair_ranges.extend((row, LB, off + n0, q - 1))
        extra = 0.0
        paren = low.rfind("(", 0, b)
        if paren > low.rfind(")", 0, b):
            k = bisect_right(st, paren, 0, j)
            extra += t.in_paren
            id_ranges.extend((row, PW, off + k, off + j))
            extra += weights.get("PW0:" + "_".join(wd[k:min(j, k + 2)]), 0.0)
            id_ranges.extend((row, BP, off + max(0, k - 2), off + k))
        a2 = off + i2
        if j2 - i2 >= 3:
            id_ranges.extend((row, R, a2, off + j2, row, R0, a2, a2 + 1, row, R1, a2 + 1, a2 + 2, row, R2, a2 + 2, a2 + 3))
        else:
            id_ranges.extend((row, R, a2, off + j2))
            for group, p in zip(R_at, range(a2, off + j2)):
                id_ranges.extend((row, group, p, p + 1))
        if i2 < j2 - 1:
            pair_ranges.extend((row, RB, a2, off + j2 - 1))
        rows.append(extra)
        got.append(((sent_start, sent_end, start, end), row, srow))
    if not got:
        return
    for srow, prev, sent_start, sent_end, n in sentence_rows:
        off = sentences[(sent_start, sent_end)][1]
        extra = t.bias
        if pub:
            years = {"Y:" + ("future" if int(y) > pub else "same" if int(y) == pub else "past")
                     for y in sm._YEAR.findall(text[sent_start:sent_end])}
            extra += sum(weights.get(y, 0.0) for y in years)
        rows[srow] = extra
        id_ranges.extend((srow, S, off, off + n))
        if n > 1:
            pair_ranges.extend((srow, SB, off, off + n - 1))
        if prev:
            got_before = read_words.get(prev)   # (its words read already: `_WORD.findall` of it lower-cased)
            if got_before is not None:
                id_ranges.extend((srow, P, got_before[0], got_before[0] + got_before[1]))
            else:
                before = list(map(vocab, sm._WORD.findall(prev[-window:].lower()), repeat(0)))
                id_ranges.extend((srow, P, len(ids), len(ids) + len(before)))
                ids += before
    nrows = len(rows)
    id_array = np.array(ids, np.int64)
    found = [_gathered(id_array, id_ranges, span, nrows)]
    if pair_ranges:
        # at each place, the key of the pair of its word and the next (a range of pairs stays inside its sentence)
        found.append(_gathered(id_array[:-1] * size + id_array[1:], pair_ranges, span, nrows))
    u = np.sort(np.concatenate(found))   # (by feature first: the weights are then read in their table's order)
    if len(u) > 1:
        u = u[np.concatenate(([True], u[1:] != u[:-1]))]   # each (feature, row) once
    key = u // nrows
    row_of = u - key * nrows
    split = int(np.searchsorted(key, len(_ARRAY_GROUPS) * span))   # the array groups' features, then the pairs'
    w = np.empty(len(u))
    group = key[:split] // span
    w[:split] = _dense(t)[group, key[:split] - group * span]
    if split < len(u):
        pk = key[split:]
        at = np.minimum(np.searchsorted(keys, pk), len(keys) - 1)
        w[split:] = np.where(keys[at] == pk, values[at], 0.0)
    sums = (np.bincount(row_of, weights=w, minlength=nrows) + np.array(rows, np.float64)).tolist()
    cache["batch"] = (t, {k: sums[row] + sums[srow] for k, row, srow in got})


_dense_tables: list = [None, None]


def _dense(t) -> np.ndarray:
    """The array groups' weights as one table [group code, word id]."""
    if _dense_tables[0] is not t:
        _dense_tables[:] = [t, np.array([np.frombuffer(getattr(t, name), np.float64) for name in _ARRAY_GROUPS])]
    return _dense_tables[1]


def _gathered(source: np.ndarray, ranges: list, span: int, nrows: int) -> np.ndarray:
    """`(group code × span + source[x]) × nrows + row` for every x of every range (row, group code, lo, hi)."""
    r = np.array(ranges, np.int64).reshape(-1, 4)   # (flat: four numbers a range)
    lens = r[:, 3] - r[:, 2]
    keep = lens > 0
    r, lens = r[keep], lens[keep]
    total = int(lens.sum())
    firsts = np.cumsum(lens) - lens
    where = np.repeat(r[:, 2] - firsts, lens) + np.arange(total)
    return np.repeat(r[:, 1] * span * nrows + r[:, 0], lens) + source[where] * nrows
