"""The mention finder's faster readings (issue 18) give what the plain readings give: skip patterns tried only
where a token that may open them starts, against each pattern run over the same windows."""
import json
import random
import re

from conftest import ROOT


def _texts(k=4000, seed=18):
    rows = [json.loads(line) for line in (ROOT / "tests/gold/synthetic.jsonl").open(encoding="utf-8") if line.strip()]
    out = [r["context"] for r in rows[:400]]
    # the words the patterns open with, as words, inside words, in other cases, glued to digits, signs and `_`
    pieces = ["0", "1", "12", "2020", "+84", " ", "  ", "\n", "/", "-", "–", ".", ",", ":", ";", "(", ")", "%", "h",
              "a", "_", "²", "x", "Số", "số", "sốx", "xsố", "năm", "Năm", "NĂM", "nămx", "năm_", "ngày", "từ", "tổng",
              "tổ", "Tổ", "Quyết định", "quyết định số", "thứ", "Thứ", "khóa", "IV", "giờ", "Km", "km", "Top", "thôn",
              "COVID", "Covid", "Covidx", "Covid-", "SEA Games", "Seagames", "Ban Chỉ đạo", "QĐ", "Đại hội", "XIII",
              "đầu tiên", "nhất", "hai", "hai con số", "xếp ", "giai đoạn", "Giai đoạn", "vụ", "niên độ", "mùa vụ",
              "đường", "đường tỉnh", "rạng sáng", "tháng", "quý", "II", "lần thứ", "nhiệm kỳ", "Chủ nhật", "Thứ Hai",
              "ABC-1", "x-1", "Trường", "số hiệu", "tha\u0301ng"]
    rng = random.Random(seed)
    out += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 40))) for _ in range(k)]
    return out


def test_skip_patterns_tried_where_their_words_open_find_what_the_patterns_find():
    from extractors.mentions import nonfigures as nf
    from extractors.mentions.tokens import tokenize

    patterns = nf.SKIP_PATTERNS + nf.WORD_SKIP_PATTERNS
    leads = nf._LEADS + nf._WORD_LEADS
    assert sum(o is not None for o in nf._OPENINGS) >= 20   # most patterns are read off the tokens
    found = 0
    for text in _texts():
        starts = nf._OPENERS.word_starts(tokenize(text))
        for windows in (nf._digit_windows(text), [(0, len(text))], [(len(text) // 3, len(text) - 1)]):
            for k, ((reason, pat), lead) in enumerate(zip(patterns, leads)):
                fast = [m.span() for m in nf._found(k, pat, lead, text, windows, starts)]
                assert fast == [m.span() for ws, we in windows for m in pat.finditer(text, ws, we)], \
                    (reason, pat.pattern[:40], text)
                found += len(fast)
        assert nf.find_skips(text, tokenize(text)) == nf.find_skips(text)
    assert found > 1000


def test_the_words_a_pattern_opens_with():
    from extractors.mentions.openers import opening_words

    assert opening_words(re.compile(r"\b(?:tháng|Tháng)\s+\d")) == (frozenset({"tháng", "Tháng"}), ())
    # letters may follow `Covid` (`\s*` may read nothing, `số` is letters): a token starting with it may open it
    assert opening_words(re.compile(r"\b(?:Covid|Ban Chỉ đạo)\s*(?:số\s+)?\d")) == (frozenset({"Ban"}), ("Covid",))
    assert opening_words(re.compile(r"(?=[Tt]hứ)(?<!xếp )\b[Tt]hứ\b")) == (frozenset({"Thứ", "thứ"}), ())
    for pattern in (r"\b\d+", r"(?:năm)\s+\d", r"\b[A-Za-z]+-\d", r"(?i)\bnăm\s+\d", r"\bnăm|\d", r"\b\w+"):
        assert opening_words(re.compile(pattern)) is None, pattern
