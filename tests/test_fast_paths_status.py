"""The seventh pass's faster reading of the status model (issue 18's 1 MB/s) gives what the plain reading gives:
`target_at` sums the weights by word id (`status_model._ById`) where `probability_at` sums them by string, the
same features and weights added in another order; a sum that lies too near 0 for the order to be left out is read
again in `probability_at`'s order, so that every answer is `probability_at(…) >= 0.5`."""
import json
import random
import re

import pytest

from extractors import status_model
from extractors.sentences import split_sentences
from extractors.textdump import read_dump

from conftest import ROOT

_FIGURE = re.compile(r"\d[\d.,]*(?:/\d+)?%?")


def _passages():
    """Passages of the synthetic gold, the seed documents, and the cases the sums by id read otherwise: a figure
    that opens its sentence, a sentence longer than the model's window (words cut by its edges), brackets, clauses
    after `;` and `:`, words the model has no weight for, `_` and letters that lower-case to two (read the plain
    way)."""
    rows = [json.loads(line) for line in (ROOT / "tests/gold/synthetic.jsonl").open(encoding="utf-8") if line.strip()]
    out = ["\n\n".join(r["context"] for r in rows[k:k + 6]) for k in range(0, len(rows), 6)]
    out += [d.text for p in sorted((ROOT / "corpus").glob("*.txt")) for d in read_dump(p)]
    out += ["12 xã đạt chuẩn nông thôn mới. 5 xã phấn đấu đạt chuẩn năm 2025 (kế hoạch 7 xã); 3 huyện: 90%.",
            "Tỷ lệ hộ nghèo " + "giảm dần qua các năm liên tiếp " * 45 + "còn 2,1%, (kế hoạch 2% và 3%",
            "Năm 2024 file bao_cao_2024 đạt 7% (kế hoạch 8%). İstanbul và ΣΑΣ: thu ngân sách đạt 5.000 tỷ đồng.",
            "xyzzy qwerty 12 plugh 7% frobnicate (zork 5%) 9 quux; 3 blorp: 4 ha",
            "1% " * 64 + ". " + "Phấn đấu đến năm 2025 đạt " + "5% " * 30]
    return out


def _figures(text):
    """(sentence start, sentence end, figure start, figure end, the sentence before) of every figure, in order."""
    sentences = split_sentences(text)
    for k, s in enumerate(sentences):
        prev = sentences[k - 1].text if k else None
        for m in _FIGURE.finditer(s.text):
            yield s.start, s.end, s.start + m.start(), s.start + m.end(), prev


def _plain_sum(cache, *args):
    """The sum `probability_at(cache, *args)` reads (before its sigmoid), in its order."""
    weights = status_model._weights()
    tok, shared = status_model._shared_sum(weights, cache, *args)
    return shared + status_model._figure_sum(weights, tok, *args[:5])


def test_the_weights_by_id_are_the_weights_by_string():
    weights = status_model.load()
    t = status_model._by_id(weights)
    g = status_model._grouped(weights)
    n = 0
    for name in status_model._GROUPS:
        for word, weight in g[name].items():
            assert getattr(t, name)[t.vocab[word]] == weight, (name, word)
            n += 1
    for name in status_model._PAIR_GROUPS:
        table = getattr(t, name)
        for (a, b), weight in g[name].items():
            assert table[t.pairs([t.vocab[a], t.vocab[b]]).pop()] == weight, (name, a, b)
            n += 1
        assert len(table) == len(g[name])
    assert n > 50000 and t.bias == weights["BIAS"]
    # an id nobody's word has weighs nothing in every group, and a pair's key names one pair only
    assert all(getattr(t, name)[0] == 0.0 for name in status_model._GROUPS)
    ids = list(range(t.size))
    assert len(t.pairs(ids)) == t.size - 1 and len(t.pairs(ids[::-1])) == t.size - 1


def test_the_sums_by_id_are_the_sums_by_string_and_the_answers_the_same():
    assert status_model.load()
    n = 0
    for text in _passages():
        fast_cache, plain_cache = {}, {}
        for s0, s1, a, b, prev in _figures(text):
            args = (text, s0, s1, a, b, "2024-06-01", prev)
            fast = status_model.target_at(fast_cache, *args)
            plain = status_model.probability_at(plain_cache, *args)
            assert fast == (plain >= 0.5), (text[s0:a], text[a:b])
            tok = status_model._tokens(fast_cache, text, s0, s1)
            if tok is None:
                continue   # (read the plain way)
            t = status_model._by_id(status_model._weights())
            w0, w1 = status_model._window(s0, s1, a, b)
            by_id = fast_cache[w0, w1, t] + status_model._figure_sum_by_id(t, tok, s0, s1, a, b)
            assert by_id == pytest.approx(_plain_sum(plain_cache, *args), abs=1e-12), (text[s0:a], text[a:b])
            n += 1
    assert n > 1000


def test_a_sum_too_near_0_for_its_order_is_read_in_the_plain_order(monkeypatch):
    # weights made up for every feature of a passage's figures, then for each figure the bias that brings its sum (in
    # `probability_at`'s order) to 0: the sum by id lies within rounding of 0, and the answer must be the plain one
    plain_sums = []
    shared = status_model._shared_sum

    def counted(*args):
        plain_sums.append(args)
        return shared(*args)
    asked = 0
    try:
        for k, text in enumerate(_passages()[:12]):
            figures = list(_figures(text))[:8]
            names = sorted({f for s0, s1, a, b, prev in figures
                            for f in status_model.features(text, s0, s1, a, b, None, prev)})
            rng = random.Random(k)
            weights = {f: rng.choice([0.1, 0.2, 0.3, -0.7, 1e-3, 1 / 3]) for f in names}
            for s0, s1, a, b, prev in figures:
                args = (text, s0, s1, a, b, None, prev)
                status_model.use(weights | {"BIAS": 0.0})
                total = _plain_sum({}, *args)
                status_model.use(weights | {"BIAS": -total})
                monkeypatch.setattr(status_model, "_shared_sum", counted)
                before = len(plain_sums)
                fast = status_model.target_at({}, *args)
                assert len(plain_sums) == before + 1   # read again in the plain order
                monkeypatch.setattr(status_model, "_shared_sum", shared)
                assert fast == (status_model.probability_at({}, *args) >= 0.5), (text[s0:a], text[a:b])
                asked += 1
    finally:
        status_model.use(None)
    assert asked > 60


def test_the_first_sums_by_id_are_the_running_sums_of_first_ids():
    t = status_model._by_id(status_model.load())
    rng = random.Random(7)
    for _ in range(2000):
        ids = [rng.randrange(min(t.size, rng.choice([3, 40, t.size]))) for _ in range(rng.randrange(0, 120))]
        seen, total, plain = set(), 0.0, [0.0]
        for x in ids:
            if x not in seen:
                seen.add(x)
                total += t.SL[x]
            plain.append(total)
        tok = [None] * 11
        tok[7] = ids
        assert status_model._first_sums_by_id(t, tok) == plain   # (bit for bit)
