"""Time grows linearly with the input: long runs of digits, slashes, dashes, dots and commas, percent signs,
dates and number words (the inputs that make a regular expression backtrack) cost about four times as much
at four times the length, in the mention finder, the sentence splitter and the document's context (every
pattern that reads a whole sentence). Not a wall-clock limit: both sizes are timed in the same test and
only their ratio is asserted (quadratic growth gives 16, a linear one about 4). Speed itself is measured by
`make bench`; a figure's own rules read a bounded sentence (`sentences.MAX_SENTENCE_CHARS`)."""
from __future__ import annotations

import gc
import os
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.doc_context import DocContext
from extractors.gazetteer import PlacesIn, find_places
from extractors.mentions import find
from extractors.sentences import MAX_SENTENCE_CHARS, split_sentences

PIECES = ["2", "9", "123", "/", "-", "–", ".", ",", "%", " ", "1/1/2020", "một", "hai", "ba", "mười", "trăm",
          "nghìn", "tỷ", "chỉ tiêu", "phẩy", "(", ")", ";", ":"]
N = 3000          # characters of the short input; the long one is 4N
RATIO = 10        # linear: about 4; quadratic: about 16
FLOOR = 0.03      # seconds: a long input done in less is no backtracking, whatever the ratio (timer noise)
SCALE = int(os.environ.get("CHITIEU_HYPOTHESIS_SCALE", "1"))   # 20: a deeper search, by hand


def stages(text: str) -> None:
    find(text)
    sentences = split_sentences(text)
    DocContext.build(text, sentences, None, None)


def cost(text: str) -> float:
    """The least of three timings of CPU time (the machine may be shared), without the garbage collector."""
    best = None
    gc.disable()
    try:
        for _ in range(3):
            t = time.process_time()
            stages(text)
            dt = time.process_time() - t
            best = dt if best is None else min(best, dt)
    finally:
        gc.enable()
    return best


def assert_linear(unit: str) -> None:
    short = unit * (N // len(unit) + 1)
    long = unit * (4 * N // len(unit) + 1)
    a, b = cost(short), cost(long)
    assert b < FLOOR or b < RATIO * a, f"{unit!r}: {a:.4f} s at {len(short)} chars, {b:.4f} s at {len(long)}"


def test_the_runs_of_issue_18_grow_linearly():
    stages("warm up: Năm 2022 tỉnh có 20/23 nhiệm vụ hoàn thành, đạt 87%.")
    for unit in ("2/", "1/2%", "1/1/2020 ", "một hai ba ", "2-", "1.", "1,", "1.2,", "9", "1% ", "1 - 2 ",
                 "2/2-2.2,", "12 chỉ tiêu ", "quý I/"):
        assert_linear(unit)


@settings(max_examples=12 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=5))
def test_any_repeated_run_grows_linearly(pieces):
    assert_linear("".join(pieces))


@settings(max_examples=20, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["xã", "hộ", "đạt", "\n", "\n\n", ". "]), min_size=1, max_size=6),
       st.integers(min_value=1, max_value=3))
def test_no_sentence_is_longer_than_the_bound(pieces, k):
    text = "".join(pieces) * (k * MAX_SENTENCE_CHARS // max(1, len("".join(pieces))) + 1)
    for s in split_sentences(text):
        assert s.end - s.start <= MAX_SENTENCE_CHARS and text[s.start:s.end] == s.text


PLACE_PIECES = ["Hà Nội", "hà nội", " ", "Thanh Hoá", "Thanh Hóa", ", ", "tỉnh ", "Bắc Giang", "x", "1", "Huế",
                "Thừa Thiên Huế", "Thừa Thiên", "so với ", "Chủ tịch ", "Hồ Chí Minh", "TP ", "_", "Nam", "oà", ";"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PLACE_PIECES), min_size=1, max_size=14), st.data())
def test_places_found_once_per_sentence_are_those_of_the_stretch(pieces, data):
    """A figure's owner is looked for among the places its clause names: the sentence's province names are
    found once (`PlacesIn`) and give exactly what reading the stretch alone gives."""
    text = "".join(pieces)
    lo = data.draw(st.integers(min_value=0, max_value=len(text)))
    hi = data.draw(st.integers(min_value=lo, max_value=len(text)))
    assert PlacesIn(text).find(lo, hi) == find_places(text[lo:hi], comparisons=True)
