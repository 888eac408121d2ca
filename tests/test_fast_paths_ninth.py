"""The ninth pass's faster readings (issue 18's 5 MB/s and 1 MB/s) give what the plain readings give: the tokens that
may start a number found in the skip patterns' pass over the tokens (`nonfigures.token_starts`), the skip patterns
that get no place to start left out, the digit of a skip match not searched for where the pattern reads one in every
match (`openers.holds_digit`), `_names_the_owner`'s forms read once, the look aheads put before `_THIS_SPAN` and
`_COMPARISON_BEFORE`, and `find_periods`' gates for a span of years. (The gates of `EndsWith` and `Needs` this pass
added are compared with their patterns by tests/test_fast_paths_gates.py, which finds every one.)"""
import random
import re

from test_fast_paths_seventh import assert_same_matches
from test_finder_fast_paths import _texts


def test_the_tokens_that_may_start_a_number_are_those_the_plain_test_picks():
    from extractors.mentions import nonfigures as nf
    from extractors.mentions.openers import Openers
    from extractors.mentions.tokens import tokenize

    plain_openers = Openers(nf._OPENERS.openings)   # the patterns' openers alone, no test of numbers
    for text in _texts(k=2000):
        toks = tokenize(text)
        got = nf.token_starts(toks)
        assert len(got) == len(nf._PLANS) + 1
        assert got[-1] == [i for i, w in enumerate(toks.text) if nf.starts_a_number(w)], text
        assert got[:-1] == plain_openers.word_starts(toks), text


def test_skips_found_with_the_patterns_that_cannot_start_left_out_are_those_of_every_pattern():
    from extractors.mentions import nonfigures as nf
    from extractors.mentions.tokens import tokenize

    texts = _texts(k=2000) + ["", "Không có số nào ở đây.", "năm", "12", "Thứ nhất, khóa XV"]
    for text in texts:
        toks = tokenize(text)
        # every pattern asked, as before the pass: each over the same windows, its matches taken in order
        windows = nf.windows_of_runs(toks, len(text))
        starts = nf._starts_of(toks, text, windows)
        skips, taken = [], []
        for k, (reason, pat) in enumerate(nf.SKIP_PATTERNS):
            nf._take(nf._found(k, pat, nf._LEADS[k], text, windows, starts), reason, taken, skips, with_digit=True)
        for k, (reason, pat) in enumerate(nf.WORD_SKIP_PATTERNS, len(nf.SKIP_PATTERNS)):
            nf._take(nf._found(k, pat, None, text, [(0, len(text))], starts), reason, taken, skips)
        skips.sort(key=lambda s: s.start)
        assert nf.find_skips(text, toks) == skips, text
        assert nf.find_skips(text, toks, nf.token_starts(toks)) == skips, text


def test_a_pattern_said_to_read_a_digit_in_every_match_does():
    from extractors.mentions import nonfigures as nf
    from extractors.mentions.openers import holds_digit

    for pattern, holds in ((r"\d", True), (r"[0-9]+", True), (r"a\d{1,2}", True), (r"(?:x|\d)\d", True),
                           (r"a|\d", False), (r"(?=\d)a", False), (r"\d?", False), (r"\d*", False), (r"[\d.]", False),
                           (r"(?<=\d)a", False), (r"[a-z]+", False), (r"(?:\d|x)", False), (r"1900", True)):
        assert holds_digit(re.compile(pattern)) is holds, pattern
    assert sum(nf._HOLDS_DIGIT) >= 25   # (most of them: `quý IV`, `giai đoạn II`, `a)` read none)
    found = 0
    for text in _texts(k=3000):
        for (reason, pat), holds in zip(nf.SKIP_PATTERNS, nf._HOLDS_DIGIT):
            if holds:
                for m in pat.finditer(text):
                    assert re.search(r"\d", m.group()), (reason, pat.pattern[:40], text)
                    found += 1
    assert found > 500


def test_an_indicator_that_names_the_owner_is_read_as_by_the_plain_forms():
    from extractors import indicator_context as ic
    from extractors.normalize import new_style_tones

    def plain(indicator, entity):   # `_names_the_owner` before the pass: each form made for every figure
        if not indicator or not entity:
            return False
        ind, ent = (re.sub(r"^(?:tp\.?|thành phố|huyện|thị xã|tỉnh|quận)\s*", "",
                           new_style_tones(x.strip(" ,;:()")).lower()) for x in (indicator, entity))
        ind = re.sub(r"\s+(?:thực hiện|đạt|có|là|được)$", "", ind)
        return len(ind) >= 3 and ent.endswith(ind) and re.search(r"[a-zđà-ỹ]", ind) is not None

    rng = random.Random(91)
    pieces = ["Tuyên Hóa", "Tuyên Hoá", "huyện", "Huyện", "TP.", "tp", "thành phố", "Đồng Hới", "thực hiện", "đạt",
              "có", "là", "được", "tỉnh", "Quảng Bình", "(", ")", ",", " ", "  ", "ab", "Uỷ ban", "Ủy ban", "x", "đ", "12"]
    hits = 0
    for _ in range(6000):
        ind = " ".join(rng.choice(pieces) for _ in range(rng.randrange(0, 5)))
        ent = " ".join(rng.choice(pieces) for _ in range(rng.randrange(0, 5)))
        got = ic._names_the_owner(ind, ent)
        assert got == plain(ind, ent), (ind, ent)
        hits += got
    assert hits > 20


def test_patterns_behind_the_look_ahead_for_their_first_letters_find_what_they_find_without():
    from extractors import gazetteer, lexicon, period_choice
    from extractors.cues import first_letters

    cases = {
        "_THIS_SPAN": (period_choice._THIS_SPAN, ("giai đoạn", "thời kỳ", "thời gian", "nhiệm kỳ")),
        "_COMPARISON_BEFORE": (gazetteer._COMPARISON_BEFORE, lexicon.role_words("owner_words", "comparison_before")),
    }
    words = ["giai đoạn", "Giai đoạn", "GIAI ĐOẠN", "thời kỳ", "thời gian", "Nhiệm kỳ", "này", "nói trên", "trên",
             "so với", "So với", "đứng trên", "xếp sau", "chỉ sau", "sau", "trước", "hơn", "vượt qua", "cùng với", "như",
             "Nam Định", "các tỉnh", "tỉnh", ",", "và", "ı", "İ", "ſ", "\u212a", "x", "_", "-", " ", "  ", "2021-2025"]
    rng = random.Random(92)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randrange(1, 10))) for _ in range(4000)]
    for name, (fast, opening) in cases.items():
        ahead = first_letters(opening)
        assert fast.pattern.startswith(ahead), name
        assert_same_matches(name, fast, re.compile(fast.pattern[len(ahead):], fast.flags), texts, least=100)


def test_the_spans_of_years_behind_their_gates_are_those_every_pattern_finds():
    from extractors.periods import find_periods
    from test_fast_paths_whole import _EveryWordIn

    rng = random.Random(93)
    pieces = ["Từ năm 2010 đến tháng 6.2016", "từ năm 2016 đến hết năm 2020", "từ 2019 tới 2021", "Qua 2 năm (2018-2019)",
              "trong 02 năm (2021 và 2022)", "ba năm (2020 đến 2022)", "(2016- 2020)", "năm 2023", "đến", "tới", "từ",
              "(", ")", ",", " ", "giai đoạn 2021-2025", "đạt 12%"]
    found = 0
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randrange(1, 6)))
        fast = find_periods(text)
        assert fast == find_periods(_EveryWordIn(text)), text
        found += sum(p.kind == "term" for p in fast)
    assert found > 1000


def test_a_sentence_sets_out_targets_as_the_plain_reading_says_where_its_words_are_not_written():
    from extractors.cues import PROGRAMME, TARGET_AS_RESULT, TARGET_SENTENCE, TARGETS_REVIEWED
    from extractors.doc_context import is_target_sentence
    from test_fast_paths_gates import _sentences

    def plain(s):   # `is_target_sentence` before the pass: every sentence blanked and searched
        return bool(TARGET_SENTENCE.search(TARGET_AS_RESULT.sub(" ", TARGETS_REVIEWED.sub(" ", PROGRAMME.sub(" ", s)))))

    rng = random.Random(94)
    pieces = ["mục tiêu", "Mục Tiêu", "MỤC TIÊU", "phấn đấu", "chỉ tiêu chủ yếu", "chỉ tiêu lớn", "dự kiến", "đặt mục tiêu",
              "mục", "tiêu", "vượt kế hoạch", "Chương trình mục tiêu quốc gia", "có 18/21 chỉ tiêu chủ yếu đạt và vượt",
              "17 chỉ tiêu đều hoàn thành", "đạt mục tiêu đề ra", "x", "ı", "İ", "ſ", ",", " ", "2025", "tăng 8%"]
    texts = ["".join(rng.choice(pieces + [" "] * 4) for _ in range(rng.randrange(1, 12))) for _ in range(5000)]
    texts += _sentences()
    targets = 0
    for text in texts:
        got = is_target_sentence(text)
        assert got == plain(text), text
        targets += got
    assert targets > 500
