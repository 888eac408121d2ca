"""The seventh pass's faster readings (issue 18's 1 MB/s) outside the status model (tests/test_fast_paths_status.py)
give what the plain readings give: the province names found in the lower-cased text read as written
(`gazetteer._province_hits`), `TARGETS_REVIEWED` and six other patterns behind a look ahead for their first letters,
the letters odd to lower-casing looked for with `in` (`endings.OddLetters`), an indicator's blanks joined by `split`
(`indicator_phrases._ws`), the old-style tone pairs by first letter, and `find_periods`' narrowed gates."""
import json
import random

from extractors import gazetteer
from extractors.gazetteer import PlacesIn, _province_hits, _province_re, find_provinces

from conftest import ROOT


def _sentences():
    rows = [json.loads(line) for line in (ROOT / "tests/gold/synthetic.jsonl").open(encoding="utf-8") if line.strip()]
    return [r["context"] for r in rows]


def _plain_hits(norm):
    return [(m.start(1), m.end(1), m.group(1)) for m in _province_re()[0].finditer(norm)]


def _texts(rng, k=6000):
    """Province names in every case, glued to letters, digits, `_` and marks, with the letters lower-casing reads
    otherwise (`İ` lower-cases to two, `ı` and `ſ` match `i` and `s` ignoring case only, `Σ` by its place, `K` the
    kelvin sign), and real passages cut anywhere."""
    names = sorted(_province_re()[1])
    pieces = ["", " ", "  ", ",", "(", ")", "-", "_", "x", "1", "Σ", "ΣΑ", "İ", "ı", "ſ", "\u212a", "tỉnh ", "TP.", "và ",
              "ở ", "\n"]
    out = []
    for _ in range(k):
        parts = []
        for _ in range(rng.randrange(1, 6)):
            name = rng.choice(names)
            name = rng.choice([name, name.upper(), name.title(), name.capitalize(), name.replace("i", "ı"),
                               name.replace("s", "ſ"), name.replace("k", "\u212a"), name.replace("i", "İ"),
                               name[:rng.randrange(1, len(name) + 1)]])
            parts.append(rng.choice(pieces) + name + rng.choice(pieces))
        out.append("".join(parts))
    for text in _sentences():
        cut = rng.randrange(len(text) + 1)
        out += [text, text[:cut], text[cut:]]
    return out


def test_province_names_found_in_the_lower_cased_text_are_those_found_ignoring_case(monkeypatch):
    rng = random.Random(17)
    found = lowered = 0
    for text in _texts(rng):
        got = _province_hits(text)
        assert got == _plain_hits(text), text
        found += len(got)
        low = text.lower()
        lowered += len(low) == len(text) and _province_re_odd().search(text) is None
    assert found > 2500 and lowered > 2500, (found, lowered)
    # and every reader of them, with the lower-cased reading off
    texts = _texts(random.Random(18), k=1500)
    fast = [(find_provinces(t), PlacesIn(t).hits) for t in texts]
    monkeypatch.setattr(gazetteer, "LOWER_CASED_NAMES", False)
    gazetteer._find_provinces.cache_clear()
    try:
        assert fast == [(find_provinces(t), PlacesIn(t).hits) for t in texts]
    finally:
        gazetteer._find_provinces.cache_clear()


def _province_re_odd():
    return gazetteer._province_re_lower()[1]


def test_a_letter_and_its_lower_case_are_word_characters_alike():
    # (what the lower-cased reading's look behind and look ahead rely on, over every character lower-casing keeps one)
    import re
    word = re.compile(r"\w")
    for cp in range(0x110000):
        c = chr(cp)
        low = c.lower()
        if len(low) == 1:
            assert (word.match(c) is None) == (word.match(low) is None), hex(cp)


def test_targets_counted_as_met_behind_a_look_ahead_are_found_where_the_plain_pattern_finds_them():
    import re

    from extractors.cues import TARGETS_REVIEWED
    fast = TARGETS_REVIEWED.pattern
    ahead = re.match(r"\(\?=[^)]*\)\(\?:", fast.pattern)   # (the look ahead, then the pattern as it was)
    assert ahead and fast.pattern.endswith(")")
    plain = re.compile(fast.pattern[ahead.end():-1], fast.flags)
    rng = random.Random(19)
    pieces = ["chỉ tiêu", "Chỉ tiêu", "chủ yếu", "lớn", "có", "đều", "đã", "đạt", "hoàn thành", "vượt", "12", "3/4", "٣",
              "18 / 21", " ", "  ", ",", ".", ";", "năm 2022", "x", "c", "5"]
    found = 0
    texts = ["".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randrange(1, 14))) for _ in range(8000)]
    for text in texts + _sentences():
        spans = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in fast.finditer(text)] == spans, text
        assert fast.sub(" ", text) == plain.sub(" ", text), text
        found += len(spans)
    assert found > 250


def test_the_odd_letters_are_looked_for_with_in_as_their_pattern_finds_them():
    import re

    from extractors.endings import case_odd

    def plain(words):   # the pattern `case_odd` gave before (the characters of its class, found by a scan)
        letters = {c for w in words for c in w if c.lower() != c.upper()}
        if not letters:
            return re.compile("(?!)")
        lower = {c.lower() for c in letters}
        matching = re.compile("[" + "".join(sorted(re.escape(c) for c in letters)) + "]", re.IGNORECASE)
        odd = [c for c in matching.findall("".join(map(chr, range(0x10000)))) if c.lower() not in lower]
        return re.compile("[" + "".join(re.escape(c) for c in odd) + "]") if odd else re.compile("(?!)")

    rng = random.Random(20)
    for words in (["so với", "các"], ["kế hoạch"], ["123"], ["nay", "hiện"], ["Việt Nam", "toàn quốc"], ["k", "s"]):
        fast, slow = case_odd(words), plain(words)
        for _ in range(3000):
            text = "".join(rng.choice(["a", " ", "ı", "İ", "ſ", "\u212a", "K", "ß", "Σ", "i", "s", "k", "đ"])
                           for _ in range(rng.randrange(0, 12)))
            assert (fast.search(text) is not None) == (slow.search(text) is not None), (words, text)


def test_patterns_behind_a_look_ahead_for_their_first_letters_find_what_they_find_without():
    import re

    from extractors import attribution, cues, owners, periods
    ahead = re.compile(r"(?:\(\?-i:)?\(\?=\[[^\]]*\]\)\)?\(\?:")   # `(?-i:(?=[…]))(?:` or `(?=[…])(?:`, then the pattern
    patterns = {"_COUNTRY": owners._COUNTRY.pattern, "_THIS_PROVINCE": owners._THIS_PROVINCE.pattern,
                "_WHOLE_DISTRICT": owners._WHOLE_DISTRICT.pattern, "_WHOLE_PROVINCE": owners._WHOLE_PROVINCE,
                "_MEMBERSHIP": attribution._MEMBERSHIP, "TARGET_AS_RESULT": cues.TARGET_AS_RESULT.pattern,
                "_UP_TO": periods._UP_TO}
    words = ["cả nước", "toàn quốc", "nước ta", "tỉnh", "Tỉnh", "TỈNH", "này", "nói trên", "địa phương", "Địa phương",
             "toàn", "cả", "Toàn", "CẢ", "huyện", "Huyện", "thị xã", "ta", "Đảng bộ", "UBND", "HĐND", "Huyện ủy", "Bến Tre",
             "đảng viên", "ĐV", "Đv", "quần chúng", "kết nạp", "Kết Nạp", "vượt", "Vượt", "đạt", "hoàn thành", "so với",
             "bằng", "kế hoạch", "dự toán", "mục tiêu", "đề ra", "ı", "İ", "ſ", "\u212a", "x", "_", "-", ",", " ", "  ",
             "Tính đến", "đến hết", "tới", "HẾT", "ngày 30/6", "tháng 9/2023", "năm 2023", "quý I/2024", "30-6"]
    rng = random.Random(21)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randrange(1, 10))) for _ in range(4000)] + _sentences()
    for name, fast in patterns.items():
        m = ahead.match(fast.pattern)
        assert m and fast.pattern.endswith(")"), name
        assert_same_matches(name, fast, re.compile(fast.pattern[m.end():-1], fast.flags), texts, least=20)


def assert_same_matches(name, fast, plain, texts, least):
    """`fast` finds what `plain` finds in every text, more than `least` matches in all."""
    found = 0
    for text in texts:
        spans = [x.span() for x in plain.finditer(text)]
        assert [x.span() for x in fast.finditer(text)] == spans, (name, text)
        found += len(spans)
    assert found > least, name


def test_an_indicator_s_blanks_joined_by_split_are_those_the_pattern_joined():
    import re

    from extractors.indicator_phrases import _LEFT_OVER, _ws

    def plain(s):   # `_ws` as it was: white space runs made one space by a pattern
        if s is None:
            return None
        s = re.sub(r"\s+", " ", s).strip(" ,;:-–“”\"'‘’")
        s = _LEFT_OVER.sub("", s).strip()
        return s or None

    # (`\s` and `str.split` read the same characters as white space, over every character)
    space = re.compile(r"\s")
    assert all((space.match(chr(cp)) is not None) == chr(cp).isspace() for cp in range(0x110000))
    rng = random.Random(22)
    pieces = [" ", "  ", "\u00a0", "\u2003", "\n", "\t", "\x1c", "\x85", "\u3000", ",", ";", "-", "“", "'", ")", "và",
              "đã", "là", "có", "số", "tỷ lệ", "hộ nghèo", "x"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 10))) for _ in range(6000)] + [None]
    for text in texts:
        assert _ws(text) == plain(text), repr(text)


def test_the_old_tone_pairs_by_first_letter_are_the_alternation_of_every_pair():
    import itertools
    import re

    from extractors.normalize import _OLD_TONE_RE, _OLD_TONES
    plain = re.compile("|".join(sorted(_OLD_TONES, key=len, reverse=True)) + "|" + "|".join(k.upper() for k in _OLD_TONES)
                       + "|" + "|".join(k.capitalize() for k in _OLD_TONES))
    letters = set("".join(_OLD_TONES)) | set("".join(_OLD_TONES).upper()) | set("aeiyqQ ıİ")
    for a, b, c in itertools.product(sorted(letters), repeat=3):
        text = a + b + c
        assert [m.span() for m in _OLD_TONE_RE.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    for text in _sentences():
        assert [m.span() for m in _OLD_TONE_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_periods_behind_the_seventh_pass_s_gates_are_those_every_pattern_finds():
    # (`find_periods` with every gate forced open, on the periods whose gates this pass narrowed: since a year, up to a
    # month's end, the month and year gone by, a term's span with each dash)
    from extractors.periods import find_periods
    from test_fast_paths_whole import _EveryWordIn

    rng = random.Random(23)
    pieces = ["Từ năm 2021 đến nay", "từ 2019 tới nay", "Từ đầu năm 2020  đến   nay", "từ năm 2018 đến hết",
              "Đến hết tháng 9/2023", "hết tháng 6", "HẾT THÁNG 3", "tháng qua", "Tháng vừa qua", "năm qua", "Năm vừa qua",
              "5 năm qua", "trong tháng qua", "giai đoạn 2021-2025", "2016 – 2020", "2015—2020", "2020‑2025", "2020 - 2025",
              "nay", "đến", "tới", "hết", "ết", ",", ".", " ", "đạt 12%", "năm 2023", "so với năm 2022"]
    found = 0
    for _ in range(3000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randrange(1, 7)))
        fast = find_periods(text)
        assert fast == find_periods(_EveryWordIn(text)), text
        found += len(fast)
    assert found > 3000
