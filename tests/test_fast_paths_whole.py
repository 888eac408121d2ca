"""The whole extraction's faster readings (issue 18's 1 MB/s) give what the plain readings give: the period
patterns run only where the words each match holds are written, a sentence's brackets found by a scan for the
brackets only, a breakdown list's name matched from the last comma only, a cue pattern behind a look ahead for its
words' first letters, the status model's first sums built in C, a stretch of a sentence not normalized again (nor
one that keeps its old-style tone pairs), the lexicon's indicators behind one scan for any of them, a period's owners
read once per sentence, `weak`'s bracket test without a pattern per indicator, the count rules' literal gates."""
import json
import random
import re

from extractors import status_model
from extractors.attribution import _NAME_BEFORE, _name_before
from extractors.cues import TARGET_CUE, first_letters, words
from extractors.gazetteer import PlacesIn, find_places
from extractors.periods import brackets, find_periods

from conftest import ROOT

_PERIOD_WORDS = ["tháng", "Tháng", "THÁNG", "năm", "Năm", "NĂM", "nay", "ngoái", "qua", "vừa", "quý", "Quý", "quí",
                 "Qúy", "I", "II", "IV", "đến", "Đến", "ĐẾN", "tới", "TỚI", "tớı", "TỚı", "hết", "HẾT", "tính", "Tính",
                 "từ", "Từ", "đầu", "cuối", "2023", "2019", "2021-2025", "2021 - 2025", "9/2023", "30/6", "ngày", "6",
                 "9", "10", "sáu", "Sáu", "chín", "Nửa", "nửa", "bình quân", "lũy kế", "cộng dồn", "Trong", ",",
                 "so với", "cùng kỳ", "“", "”", "Nghị quyết", "tầm nhìn", "giai đoạn", "nhiệm kỳ", "khóa", "(", ")",
                 "đạt", "5%", "nhất", "Lũy kế"]


def _texts(k=4000, seed=18):
    rng = random.Random(seed)
    rows = [json.loads(line) for line in (ROOT / "tests/gold/synthetic.jsonl").open(encoding="utf-8") if line.strip()]
    out = [r["context"] for r in rows[:400]]
    out += [" ".join(rng.choice(_PERIOD_WORDS) for _ in range(rng.randrange(1, 16))) for _ in range(k)]
    return out


class _EveryWordIn(str):
    """A text that says it holds every word: each gate of `find_periods` lets its pattern run."""

    def __contains__(self, _):
        return True

    def replace(self, *args):
        return _EveryWordIn(str.replace(self, *args))

    def lower(self):
        return _EveryWordIn(str.lower(self))


def test_the_periods_are_those_every_pattern_finds_when_run_everywhere():
    n = 0
    for text in _texts():
        fast = find_periods(text)
        assert fast == find_periods(_EveryWordIn(text)), text
        n += bool(fast)
    assert n > 1000   # (the texts name periods)


def _plain_brackets(text):
    spans, stack = [], []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            spans.append((stack.pop(), i + 1))
    return sorted(spans + [(o, len(text)) for o in stack])


def test_brackets_found_by_their_scan_are_those_read_character_by_character():
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(["(", ")", "a", " ", "2", "((", "))"]) for _ in range(rng.randrange(0, 25)))
        assert brackets(text) == _plain_brackets(text), text


def test_a_breakdown_list_s_name_is_what_searching_the_whole_tail_finds():
    rng = random.Random(3)
    pieces = ["Thạnh", "Phú", "Mỏ Cày", "a", " ", "  ", "\t", "\n", ",", ";", ":", "(", ")", "12", "-", "–"]
    for _ in range(20000):
        tail = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
        plain, fast = _NAME_BEFORE.search(tail), _name_before(tail)
        assert (plain and (plain.span(), plain.groups())) == (fast and (fast.span(), fast.groups())), tail


def test_the_target_cue_behind_its_look_ahead_finds_what_it_finds_without():
    lead = first_letters((*words("target_cue"), "xác định"))
    assert TARGET_CUE.pattern.startswith(lead)
    plain = re.compile(TARGET_CUE.pattern[len(lead):], TARGET_CUE.flags)
    rng = random.Random(5)
    cues = [*words("target_cue"), "xác định 3 chỉ tiêu", "Cần Thơ", "giải ngân kế hoạch", "đã phấn đấu"]
    for _ in range(3000):
        parts = [rng.choice([w, w.upper(), w.title(), w.replace("k", "\u212a"), "x" + w]) for w in rng.sample(cues, 4)]
        text = rng.choice([" ", ", ", "", "; "]).join(parts)
        assert [m.span() for m in TARGET_CUE.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_the_status_model_s_first_sums_are_the_running_sums_of_first_words():
    sl = status_model._grouped(status_model.load())["SL"]
    vocab = list(sl)[:200] + ["không_có_1", "không_có_2"]
    rng = random.Random(11)
    for _ in range(2000):
        sentence = [rng.choice(vocab[:rng.randrange(1, len(vocab))]) for _ in range(rng.randrange(0, 120))]
        seen, total, plain = set(), 0.0, [0.0]
        for w in sentence:
            if w not in seen:
                seen.add(w)
                total += sl.get(w, 0.0)
            plain.append(total)
        assert status_model._first_sums(sl, [None, None, None, sentence, None]) == plain   # (bit for bit)


def test_a_stretch_of_a_sentence_gives_the_places_the_stretch_alone_gives():
    rng = random.Random(2)
    sentences = ["Tỉnh Thanh Hóa và Hòa Bình đạt 5%, Quảng Ninh (tỉnh Quảng Ninh) tăng 3%.",
                 "Tỉnh Thanh Hoá và Hoà Bình đạt 5%, thuỷ sản Quảng Ninh tăng 3%; quý I Hà Nội giảm.",
                 "Sở Kế hoạch tỉnh Nghệ An: Hà Tĩnh toàn tỉnh đạt 12 xã, TP Hồ Chí Minh 3 xã.",
                 "Tỉnh Thanh Ho\u0301a (Ho\u0300a Bình) và Quảng Ninh."]   # (decomposed tone marks)
    for s in sentences:
        places = PlacesIn(s)
        for _ in range(400):
            lo = rng.randrange(0, len(s) + 1)
            hi = rng.randrange(lo, len(s) + 1)
            assert places.find(lo, hi) == find_places(s[lo:hi], comparisons=True), (s, lo, hi)


def test_a_stretch_that_keeps_its_old_style_tone_pairs_gives_the_places_the_stretch_alone_gives():
    # new-style text holding pairs `new_style_tones` keeps (`Quý`, `hoàng`: by the `q` before, the letter after): a
    # stretch that cuts the `q` or the letter off must be normalized the plain way
    from extractors import gazetteer
    rng = random.Random(4)
    sentences = ["Quý I/2024 Thanh Hóa tăng 3%, quý II Hòa Bình và hoàng hôn ở Quảng Ninh; Hà Nội giảm.",
                 "Hà Tĩnh quý III đạt 5%, Hoàng Mai (Nghệ An) và QUÝ IV Quảng Trị, Quỳnh Lưu Hòa Bình",
                 "quý Quảng Nam quý quý Thanh Hóa hoàng Hoàng HOÀNG Đà Nẵng"]
    assert all(PlacesIn(s).kept is not None for s in sentences)   # (the fast reading is asked)
    for s in sentences:
        for on in (True, False):
            gazetteer.TONES_BY_STRETCH = on
            try:
                places = PlacesIn(s)
                for _ in range(600):
                    lo = rng.randrange(0, len(s) + 1)
                    hi = rng.randrange(lo, len(s) + 1)
                    assert places.find(lo, hi) == find_places(s[lo:hi], comparisons=True), (s, lo, hi, on)
            finally:
                gazetteer.TONES_BY_STRETCH = True


def test_the_lexicon_s_indicators_behind_one_scan_are_those_every_phrase_finds():
    from extractors import indicator_keys
    from extractors.indicator_keys import INDICATORS, _last_part, known_indicator
    rng = random.Random(9)
    phrases = [p for p, _ in INDICATORS]
    pieces = ["tỷ lệ", "hộ", "nghèo", "Tỷ Lệ", "thu", "ngân sách", "đạt", "vốn", ",", ", ", ";", ":", " ", "  ", "\t",
              "\n", "2023", "tăng", "x" * 30]
    n = 0
    for _ in range(6000):
        parts = [rng.choice(phrases) if rng.random() < 0.25 else rng.choice(pieces) for _ in range(rng.randrange(0, 14))]
        before = rng.choice(["", " "]).join(parts)
        whole = rng.random() < 0.3
        assert _last_part(before) == len(before) - len(re.split(r"[,;:]\s*", before)[-1]), before
        fast = known_indicator(before, whole)
        indicator_keys.ANY_GATE = False
        try:
            assert known_indicator(before, whole) == fast, before
        finally:
            indicator_keys.ANY_GATE = True
        n += fast is not None
    assert 1000 < n < 5000   # (both kinds of clause are asked)


def test_a_period_s_owners_read_once_per_sentence_are_those_read_per_figure():
    from extractors.extract import extract_document
    from extractors.document import Document
    from extractors.doc_context import DocContext
    from extractors.period_choice import _owned_by_other, _owners
    from extractors.mentions import find
    from extractors.sentences import cut_at_figures, split_sentences
    rows = [json.loads(line) for line in (ROOT / "tests/gold/synthetic.jsonl").open(encoding="utf-8") if line.strip()]
    text = "\n\n".join(r["context"] for r in rows[:300])
    mentions = find(text)[0]
    sentences = cut_at_figures(text, split_sentences(text), [m.start for m in mentions])
    ctx = DocContext.build(text, sentences, None, "2024-05-01")
    for m in mentions:
        s = next((x for x in sentences if x.start <= m.start < x.end), None)
        if s is not None:
            ctx.figure_spans.setdefault(s.index, []).append((m.start - s.start, m.end - s.start))
    asked = owned = 0
    for s in sentences:
        spans = ctx.figure_spans.get(s.index, [])
        for a, _ in spans:
            pairs = _owners(ctx, s)
            assert [p for p, _ in pairs] == ctx.sentence_periods[s.index]
            for p, owners in pairs:
                plain = _owned_by_other(s.text, p, spans, a)
                assert plain == any(o != a for o in owners), (s.text, p, a)
                asked += 1
                owned += plain
    assert asked > 300 and owned > 0
    assert extract_document(Document(id="x", source="", text=text)).mentions   # (the whole path runs)


def test_weak_s_bracket_test_is_the_pattern_it_stands_for():
    from extractors.indicator_context import _before_a_bracketed_number, weak
    rng = random.Random(6)
    pieces = ["Hội", "Hội Nhà văn", "Nhà", " ", "(", ")", "1", "a", "  (", "( 2", "\n", "văn"]
    for _ in range(5000):
        ind = "".join(rng.choice(pieces[:4] + ["(", "a"]) for _ in range(rng.randrange(1, 4)))
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 25)))
        plain = re.search(re.escape(ind) + r"\s*\(\s*\d", text) is not None
        assert _before_a_bracketed_number(ind, text) == plain, (ind, text)
        # and a stretch of the text read in place (`repair` asks about the text round a figure, not copied)
        lo, hi = rng.randrange(len(text) + 2), rng.randrange(len(text) + 3)
        stretch = re.search(re.escape(ind) + r"\s*\(\s*\d", text[lo:hi]) is not None
        assert _before_a_bracketed_number(ind, text, lo, hi) == stretch, (ind, text, lo, hi)
        assert weak(ind, text, lo, hi) == weak(ind, text[lo:hi]), (ind, text, lo, hi)


def test_the_count_rules_gated_patterns_match_only_where_their_words_are_written():
    from extractors import indicator_counts as ic
    gated = [(ic._CHANGE_AT_END, ("tăng", "giảm")), (ic._OF_AT_END, ("của",)),
             (ic._GOVERNED, ("cho", "với", "đến")), (ic._GIVEN_AT_END, ("giao",))]
    rng = random.Random(8)
    pieces = ["tăng", "giảm", "thêm", "của", "các", "cho", "với", "đối với", "đến", "những", "được", "giao", "xã",
              " ", "  ", "\u00a0", ",", "TĂNG", "Của"]
    hits = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 8)))
        for pattern, needed in gated:
            if pattern.search(text):
                hits += 1
                assert any(w in text for w in needed), (pattern.pattern, text)
    assert hits > 500   # (each pattern is asked where it matches)
