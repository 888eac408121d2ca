"""Every example of Duckling's Vietnamese corpora (../shared/peers/duckling_vi.jsonl) read to the same value.

- numerals: `find(text, bare_numbers=True)` gives exactly one `quantity` mention covering the
  example, with Duckling's value and no unit (a lone numeral is not a figure in running text, so
  the default finder may refuse `hai`; the bare mode reads it);
- money: the default `find(text)` gives exactly one mention covering the example, with its value
  and currency (Dollar -> USD, Cent -> cent, Pound -> GBP; ISO codes as they are); intervals are
  `range` with low/high; `at_most` is qualifier `under`/`at_most`, `at_least` is `over`/`at_least`;
- ordinals: `read_ordinal(text)` gives Duckling's value.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from extractors.mentions import find, read_numeral
from extractors.numbers import read_ordinal

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "peers" / "duckling_vi.jsonl"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/peers/duckling_vi.jsonl")
EXAMPLES = [json.loads(line) for line in CORPUS.open(encoding="utf-8") if line.strip()]
CURRENCY = {"Dollar": "USD", "Cent": "cent", "Pound": "GBP", "VND": "VND", "USD": "USD", "EUR": "EUR",
            "INR": "INR", "GBP": "GBP", "AED": "AED"}


def _close(a, b) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _covering(text: str, **kw):
    mentions, _ = find(text, **kw)
    assert len(mentions) == 1, f"{text!r}: {[(m.text, m.kind) for m in mentions]}"
    m = mentions[0]
    assert text[m.start:m.end] == m.text
    # the mention covers the example (a sentence-final full stop aside: `1 AED.`)
    assert m.text == text.strip().rstrip("."), f"{text!r}: mention {m.text!r}"
    return m


def _ids(dim):
    return [e["text"] for e in EXAMPLES if e["dimension"] == dim]


def test_corpus_is_complete():
    dims = {e["dimension"] for e in EXAMPLES}
    assert dims == {"numeral", "amount-of-money", "ordinal"}
    assert len(EXAMPLES) >= 120


@pytest.mark.parametrize("ex", [e for e in EXAMPLES if e["dimension"] == "numeral"], ids=_ids("numeral"))
def test_numeral(ex):
    m = _covering(ex["text"], bare_numbers=True)
    assert m.kind == "quantity"
    assert m.unit is None
    assert _close(m.value, ex["value"]), (m.value, ex["value"])
    assert _close(read_numeral(ex["text"]), ex["value"])


@pytest.mark.parametrize("ex", [e for e in EXAMPLES if e["dimension"] == "amount-of-money"],
                         ids=_ids("amount-of-money"))
def test_money(ex):
    m = _covering(ex["text"])
    assert m.unit == CURRENCY[ex["currency"]], (m.unit, ex["currency"])
    if "low" in ex:
        assert m.kind == "range"
        assert m.value is None
        assert _close(m.low, ex["low"]) and _close(m.high, ex["high"]), (m.low, m.high)
        return
    assert m.kind == "money"
    if "value" in ex:
        assert _close(m.value, ex["value"]), (m.value, ex["value"])
        assert m.qualifier is None
    elif "at_most" in ex:
        assert _close(m.value, ex["at_most"])
        assert m.qualifier in ("under", "at_most")
    elif "at_least" in ex:
        assert _close(m.value, ex["at_least"])
        assert m.qualifier in ("over", "at_least")
    else:  # pragma: no cover - the corpus has no other form
        pytest.fail(f"unknown example form: {ex}")


@pytest.mark.parametrize("ex", [e for e in EXAMPLES if e["dimension"] == "ordinal"], ids=_ids("ordinal"))
def test_ordinal(ex):
    assert read_ordinal(ex["text"]) == ex["value"]


def test_ordinal_is_not_a_figure_in_running_text():
    # `thứ 1` alone is an ordinal: skipped, with its reason, not reported as a figure
    mentions, skipped = find("Đây là lần thứ 1 tỉnh tổ chức.")
    assert mentions == []
    assert [(s.text, s.reason) for s in skipped] == [("lần thứ 1", "ordinal")]


def test_money_of_numeral_words_in_running_text():
    # the real finder (not the bare mode) reads money written in words inside a sentence
    mentions, _ = find("Mỗi suất quà trị giá năm trăm nghìn đồng.")
    assert [(m.text, m.kind, m.value, m.unit) for m in mentions] == [
        ("năm trăm nghìn đồng", "money", 500000.0, "VND")]
