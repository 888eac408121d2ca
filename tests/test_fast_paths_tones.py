"""The eighth speed pass (issue 18's 1 MB/s): `PlacesIn` scans a sentence once for the old-style tone pairs and hands
the spans to `new_style_tones`, to its plain test and to the pairs it keeps, where it scanned three times. Each reading
is compared with the plain one: `new_style_tones(text, old_tone_spans(text))` with `new_style_tones(text)`, and a
sentence's `PlacesIn` (its normal form, plain test, kept pairs and the places of its stretches) with what the three
separate calls give."""
import json
import random

from extractors.gazetteer import PlacesIn, find_places
from extractors.normalize import may_have_old_tones, new_style_tones, nfc, old_tone_spans

from conftest import ROOT

# pairs `new_style_tones` rewrites or keeps, in every case, with the letters that decide (`q` before, a letter after)
_PIECES = ["hoà", "Hoà", "HOÀ", "hoá", "thuỷ", "Thuỷ", "THUỶ", "uỷ", "Uỷ", "quý", "Quý", "QUÝ", "quỹ", "hoàng",
           "Hoàng", "HOÀNG", "hòa", "Hóa", "thủy", "q", "Q", "u", "ý", "oà", "Oà", "ng", " ", "  ", ",", "(", ")",
           "Thanh Hoá", "Hoà Bình", "Thanh Hóa", "Hòa Bình", "Quảng Ninh", "Hà Nội", "tăng 5%", "\n",
           "Ho\u0301a", "Ho\u0300a", "Ðắk Nông"]


def _texts(k=3000, seed=8):
    rng = random.Random(seed)
    rows = [json.loads(line) for line in (ROOT / "tests/gold/synthetic.jsonl").open(encoding="utf-8") if line.strip()]
    out = [r["context"] for r in rows[:300]]
    out += ["".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 14))) for _ in range(k)]
    return out


def test_new_style_tones_given_the_spans_is_new_style_tones():
    rewritten = 0
    for text in _texts():
        spans = old_tone_spans(text)
        assert new_style_tones(text, spans) == new_style_tones(text), text
        rewritten += new_style_tones(text) != text
    assert rewritten > 500   # (the texts rewrite pairs and keep them both)


def test_a_sentence_s_places_read_with_one_scan_for_the_pairs_are_the_plain_ones():
    rng = random.Random(3)
    kinds = {"plain": 0, "kept": 0, "rewritten": 0}
    for text in _texts(1500):
        places = PlacesIn(text)
        norm = new_style_tones(nfc(text))
        assert places.norm == norm, text
        assert places.plain == (norm == text and not may_have_old_tones(text)), text
        if places.plain:
            kinds["plain"] += 1
        elif norm == text:
            spans = old_tone_spans(text)
            assert places.kept == (dict(spans), {b: a for a, b in spans}), text
            kinds["kept"] += 1
        else:
            assert places.kept is None, text
            kinds["rewritten"] += 1
        for _ in range(8):
            lo = rng.randrange(0, len(text) + 1)
            hi = rng.randrange(lo, len(text) + 1)
            assert places.find(lo, hi) == find_places(text[lo:hi], comparisons=True), (text, lo, hi)
    assert min(kinds.values()) > 100, kinds   # (each of the three readings is asked)
