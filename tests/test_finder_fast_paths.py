"""The mention finder's faster readings (issue 18) give what the plain readings give: skip patterns tried only
where they may start (a token that may open them, a lead found by one scan), against each pattern run over the
same windows."""
import json
import random
import re
import sys

from conftest import ROOT


def _texts(k=4000, seed=18):
    rows = [json.loads(line) for line in (ROOT / "tests/gold/synthetic.jsonl").open(encoding="utf-8") if line.strip()]
    out = [r["context"] for r in rows[:400]]
    # the words the patterns open with, as words, inside words, in other cases, glued to digits, signs and `_`
    pieces = ["0", "1", "12", "2020", "+84", " ", "  ", "\n", "/", "-", "–", ".", ",", ":", ";", "(", ")", "%", "h",
              "a", "_", "²", "x", "Số", "số", "sốx", "xsố", "năm", "Năm", "NĂM", "nămx", "năm_", "ngày", "từ", "tổng",
              "tổ", "Tổ", "Quyết định", "quyết định số", "thứ", "Thứ", "khóa", "IV", "giờ", "Km", "km", "Top", "thôn",
              "COVID", "Covid", "Covidx", "Covid-", "SEA Games", "Seagames", "Ban Chỉ đạo", "QĐ", "Đại hội", "XIII",
              "đầu tiên", "nhất", "hai", "mùng", "Mồng", "hai con số", "2 con số", " con", "xếp ", "giai đoạn", "Giai đoạn", "vụ", "niên độ", "mùa vụ",
              "đường", "đường tỉnh", "rạng sáng", "tháng", "quý", "II", "lần thứ", "nhiệm kỳ", "Chủ nhật", "Thứ Hai",
              "ABC-1", "x-1", "Trường", "số hiệu", "tha\u0301ng", "1900", "1800 ", "19", "20", "—", "‑", "g", "(1)", "a)",
              "đ)", "X)", "01", "0", "3", "31", "9"]
    rng = random.Random(seed)
    out += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 40))) for _ in range(k)]
    # what each pattern reads, from the comments beside the patterns, in a sentence and in a list
    examples = ["371-QĐ/TU, 115/2020/QH14, 02/NQ-CP, 07-NQ/TU, 1532/QĐ-UBND", "Quyết định số 1532, Điều 5",
                "theo quyết định số 12", "số 12 đường Lê Lợi", "số hiệu 5, Số 12/3", "1900 1234, 1800.1234.56",
                "0211.3862.345, 0239 3855 123, +84 912 345 678, 0912345678", "10:24, 8h30, 8 giờ 30, 14 giờ",
                "1-3/9, từ 28-30/12/2023", "22/9/2021, 31-12-2022, 10.01.2022", "tháng 12/2022, quý III năm 2023",
                "ngày 5/6, sáng nay 7", "Tính đến 31-12, từ 1/7", "2020-2025, (2016- 2020)", "năm 2022, vụ 2023",
                "kỳ họp thứ 7, lần thứ 12, giai đoạn 2", "xếp thứ 5, thứ 3 trong nhóm", "Ban Chỉ đạo 35, COVID-19",
                "Top 10 doanh nghiệp", "đường 5, tổ 3", "km 15+200, Km15+200", "thôn 3, xóm 12, tổ dân phố 7",
                "Thứ Hai, 5/6", "Đại hội XIII", "khóa XV, Thứ nhất", "hai con số", "tăng trưởng 2 con số", "(1) a, (2) b",
                "vào thời điểm 01/6; 13/6 và 21/6/2022", "dịch Covid -19", "cụm công nghiệp số 3, Trường THPT số 2",
                "mạng 5G, 4G", "Điều 5, khoản 2 Luật Đầu tư, Mục 3, Chương II", "ngày mùng 9 Tết, Mồng 4",
                "vụ mùa 2019, vụ Đông Xuân 2020", "Hôm nay (17/10)"]
    out += examples + ["\n".join(examples), "\n1) Tăng 5%; 2) giảm 3%: 3) x\n4. y\n a) b) đ) c)"]
    return out


def test_skip_patterns_tried_where_their_words_open_find_what_the_patterns_find():
    from extractors.mentions import nonfigures as nf
    from extractors.mentions.tokens import tokenize

    patterns = nf.SKIP_PATTERNS + nf.WORD_SKIP_PATTERNS
    leads = nf._LEADS + nf._WORD_LEADS
    assert all(plan != (None, False, None) for plan in nf._PLANS)   # no pattern is searched for over the text
    found = [0] * len(patterns)
    for text in _texts():
        toks = tokenize(text)
        for windows in (nf._digit_windows(text), [(0, len(text))], [(len(text) // 3, len(text) - 1)]):
            starts = nf._starts_of(toks, text, windows)
            for k, ((reason, pat), lead) in enumerate(zip(patterns, leads)):
                fast = [m.span() for m in nf._found(k, pat, lead, text, windows, starts)]
                assert fast == [m.span() for ws, we in windows for m in pat.finditer(text, ws, we)], \
                    (reason, pat.pattern[:40], text)
                found[k] += len(fast)
        assert nf.find_skips(text, tokenize(text)) == nf.find_skips(text)
    assert all(found), found   # every pattern matched somewhere


def test_the_words_a_pattern_opens_with():
    from extractors.mentions.openers import opening_words

    assert opening_words(re.compile(r"\b(?:tháng|Tháng)\s+\d")) == (frozenset({"tháng", "Tháng"}), ())
    # letters may follow `Covid` (`\s*` may read nothing, `số` is letters): a token starting with it may open it
    assert opening_words(re.compile(r"\b(?:Covid|Ban Chỉ đạo)\s*(?:số\s+)?\d")) == (frozenset({"Ban"}), ("Covid",))
    assert opening_words(re.compile(r"(?=[Tt]hứ)(?<!xếp )\b[Tt]hứ\b")) == (frozenset({"Thứ", "thứ"}), ())
    for pattern in (r"\b\d+", r"(?:năm)\s+\d", r"\b[A-Za-z]+-\d", r"(?i)\bnăm\s+\d", r"\bnăm|\d", r"\b\w+"):
        assert opening_words(re.compile(pattern)) is None, pattern


def test_tokens_worked_out_from_character_classes_are_those_of_the_token_pattern(monkeypatch):
    """`tokenize` finds where tokens start and end from each character's class (numpy), a piece at a time: the
    tokens, kinds, offsets and lower-cased texts of `TOKEN_RE.finditer`, for digits of other scripts, letters
    above U+FFFF, lone surrogates, marks that combine, letters that lower to two, and pieces of any length."""
    from extractors.mentions import tokens

    chars = list(" \n\t\u00a0\u2028\x1c\u3000.,12kKMG%/-aĐđ_x²٣İΣς\u0301𝐀𝟘\U0001F600\ud800") + \
        ["ab", "   ", "\r\n", "5.3", ".5", "5k", "5km", ",,", "..", "1.234,5", "x.5.3"]
    rng = random.Random(11)
    for piece in (7, 1 << 15):
        monkeypatch.setattr(tokens, "_PIECE", piece)
        for _ in range(8000):
            text = "".join(rng.choice(chars) for _ in range(rng.randrange(0, 40)))
            assert [(t.kind, t.text, t.start, t.end, t.low) for t in tokens.tokenize(text)] == \
                [(m.lastgroup, m.group(), m.start(), m.end(), m.group().lower()) for m in tokens.TOKEN_RE.finditer(text)], \
                repr(text)
    toks = tokens.tokenize("Năm 2023 năm NĂM")
    assert list(toks.run_start) == [4] and list(toks.run_end) == [8] and not toks.grouped
    assert toks.low[2] is toks.text[2]
    again = tokens.tokenize("Năm x\n" + "y " * 20 + "Năm")   # (two pieces)
    assert again.text[0] is again.text[-1]   # a text met again is the first one
    assert [tokens.kind_of(w) for w in ("Năm", "2023", ".5", ".", "%", "_")] == ["word", "num", "num", "sym", "sym", "sym"]


def test_a_table_of_token_texts_decides_each_new_text_once():
    """`tokens.Table` (a lookup a token in C, a decision for each text met for the first time), which the
    tokenizer, the finder's starts and the openers map over a text's tokens."""
    from collections import Counter

    from extractors.mentions.tokens import Table

    rng = random.Random(2)
    asked: Counter = Counter()

    def decide(w):
        asked[w] += 1
        return (len(w),) if len(w) % 2 else ()

    table = Table(decide)
    table.update({"a": (5,), "b": ()})
    for _ in range(300):
        texts = [rng.choice(["a", "b", "c", "dd", "eee", "f" * rng.randrange(1, 9)]) for _ in range(rng.randrange(30))]
        before = dict(table)
        assert list(map(table.__getitem__, texts)) == \
            [before[t] if t in before else ((len(t),) if len(t) % 2 else ()) for t in texts]
        assert all(table[t] == v for t, v in before.items())
    assert asked and set(asked.values()) == {1} and not {"a", "b"} & set(asked)   # each new text decided once


def test_digit_runs_read_off_the_tokens_give_the_windows_and_number_style_the_patterns_give(monkeypatch):
    """The digit windows of the skip patterns and where `number_style` looks are read off the tokenizer's
    character classes (`Tokens.run_start`, `run_end`, `grouped`): what `_DIGIT_CLUSTER` and `_GROUPED_NUMBER_AT`
    find, for digits of other scripts, marks, letters and `_` before digits, runs far apart and close, and pieces
    of any length."""
    from extractors.mentions import nonfigures as nf, reader, tokens

    chars = list(" \n\u00a0.,12_x%/-aĐ٣𝟘\U0001F600") + ["0.5", "1,2", ".5.3", "x1.2", "_1,2", "1.2.3", "a" * 150,
                                                           " " * 200, "9.54%", "1.234,5", "1,234.5", "12k"]
    rng = random.Random(7)
    texts = [d for d in _finder_texts()[:300]]
    texts += ["".join(rng.choice(chars) for _ in range(rng.randrange(0, 60))) for _ in range(6000)]
    for piece in (7, 1 << 15):
        monkeypatch.setattr(tokens, "_PIECE", piece)
        for text in texts:
            toks = tokens.tokenize(text)
            assert [(a, b) for a, b in zip(toks.run_start, toks.run_end)] == \
                [m.span() for m in re.finditer(r"\d+", text)], repr(text)
            assert list(toks.grouped) == [m.start() for m in reader._GROUPED_NUMBER_AT.finditer(text)], repr(text)
            assert nf.windows_of_runs(toks, len(text)) == nf._digit_windows(text), repr(text)
            assert reader.number_style(text, toks) == reader.number_style(text), repr(text)


def test_the_sign_scan_is_tried_at_every_place_it_matches():
    """`_sign_candidates` (runs of digits picked by their length, first digit and what follows them, and `(`, `+`
    before one) holds every place `_SIGN_SCAN` matches at, in text made of each lead's pieces."""
    from extractors.mentions import nonfigures as nf
    from extractors.mentions.tokens import tokenize

    pieces = ["0", "1", "2", "5", "9", "00", "12", "19", "20", "123", "1800", "1900", "2020", "2023", "08", "٣", "𝟘",
              " ", "  ", "\u00a0", "\u2028", "\x1c", "\u3000", "\n", "/", "-", "–", "—", "‑", ".", ",", ":", ")", "(",
              "+", "+84", "h", "g", "c", "con", " con ", "x", "_", "a", "Đ", "%"]
    rng = random.Random(3)
    texts = _texts(800) + ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30))) for _ in range(20000)]
    tried = 0
    for text in texts:
        candidates = nf._sign_candidates(text, tokenize(text))
        assert candidates == sorted(set(candidates))
        found = [m.start() for m in nf._SIGN_SCAN.finditer(text)]
        assert set(found) <= set(candidates), (text, sorted(set(found) - set(candidates)))
        tried += len(found)
    assert tried > 10000


class _Everything:
    def __contains__(self, item):
        return True


def _finder_texts():
    rows = [json.loads(line) for line in (ROOT / "tests/gold/synthetic.jsonl").open(encoding="utf-8") if line.strip()]
    out = [r["context"] for r in rows]
    for name in ("real_dev_a", "real_dev_b"):
        out += [json.loads(line)["text"] for line in (ROOT / f"tests/gold/{name}.jsonl").open(encoding="utf-8")
                if line.strip()]
    # the words the shortcuts decide on, before and after numbers, in other cases, with letters that lower
    # by what stands around them (`Σ`) or to two letters (`İ`)
    pieces = ["12", "2,5", "1.234", " ", " ", "  ", "\n", "%", ",", "-", "/", "đạt", "Đạt", "là", "hơn", "gần",
              "khoảng", "xấp xỉ", "trên", "ước đạt", "lên tới", "ở mức", "đạt mức", "tăng", "giảm", "xếp", "thứ",
              "hạng", "vị trí", "tư", "đầu tư", "không", "một", "năm", "lăm", "mốt", "nhăm", "phần", "ba", "tỷ",
              "đồng", "xã", "hộ", "người", "thập kỷ", "thế kỷ", "thập", "thế", "kỷ", "tháng", "so với", "ĐV", "ha",
              "tấn", "A", "Xã", "x", "các", "ΣΑΣ", "İ", "đạtΣ", "ΣΣ", "gấp", "lần", "trong tổng số", "trở lên",
              "triệu", "nghìn", "rưỡi", "phẩy", "chấm", "5", "$", "USD", "VN$", "Rs.", "5k", "1,5M", "phần trăm",
              "điểm phần trăm", "điểm", "đô la", "won", "đ", "đồng chí"]
    rng = random.Random(5)
    out += [" ".join(rng.choice(pieces) for _ in range(rng.randrange(1, 25))) for _ in range(3000)]
    out += ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 25))) for _ in range(1000)]
    return out


def test_the_finder_s_shortcuts_find_what_the_full_readings_find(monkeypatch):
    """Each place where the finder decides early (no phrase can end with the token before a number, no counted
    noun starts with this word, a lone number word that is never a figure, no duration of two words after
    the number, digits that nothing goes on with, no currency before a number) gives the `find()` of the
    full reading, on real passages, the synthetic set and generated text."""
    from extractors import units
    from extractors.mentions import finder, kinds, reader, tail

    texts = _finder_texts()
    fast = [find_all(t) for t in texts]
    monkeypatch.setattr(reader, "ends_none", lambda toks, i, last: False)
    monkeypatch.setattr(tail, "ends_none", lambda toks, i, last: False)
    monkeypatch.setattr(units, "starts_none", lambda toks, j: False)
    monkeypatch.setattr(finder, "NEVER_ALONE", ())
    monkeypatch.setattr(kinds, "_DURATION_FIRST", _Everything())
    monkeypatch.setattr(reader, "_GOES_ON", _Everything())          # every number read by the loop
    monkeypatch.setattr(finder, "CURRENCY_STARTS", _Everything())   # a currency looked for before every number
    for text, got in zip(texts, fast):
        assert find_all(text) == got, text


class _Forgetful(dict):
    """A cache that keeps nothing: every question is read again."""
    def __setitem__(self, key, value):
        pass


class _HasEverything(dict):
    """A table that says it holds every key (its `get` still finds only what it holds)."""
    def __contains__(self, key):
        return True


def _plain_settle(f, d):
    """The STEPS of `kinds`, each called in turn (what `kinds.settle` runs only where each can do something)."""
    from extractors.mentions.kinds import STEPS

    for step in STEPS:
        got = step(f, d)
        if got is not None:
            return got
    return None


def _plain_qualifier_before(f, i):
    """`tail.qualifier_before` as it read before the phrases before a number were looked at once: a qualifier
    by `phrase_before`, else a verb by `phrase_before`, then a qualifier before the verb."""
    from extractors.mentions import tail

    if i >= 1 and tail.ends_none(f.toks, i, tail._QUAL_LAST):
        return None, None, False
    phrases = tail._QUALIFIER_MAP
    hit = f.phrase_before(i, phrases)
    if hit is None:
        verb = f.phrase_before(i, tail._QUAL_VERBS)
        if verb is None:
            return None, None, False
        hit = f.phrase_before(verb[0], phrases)
        if hit is None or phrases[hit[1]][1] or hit[1] in ("trên", "hơn", "dưới", "độ"):
            return None, None, False
    return tail.qualifier_at(f, *hit)


def test_the_finder_s_fifth_pass_shortcuts_find_what_the_plain_readings_find(monkeypatch):
    """The fifth pass's shortcuts give the `find()` of the plain readings they replace, on real passages, the
    synthetic set and generated text: the steps called only where each can do something (`kinds.settle`)
    against every step in turn, one look at the phrases before a number for its qualifier against the calls
    of `phrase_before`, a run of number words read from the cache against read each time, and `Tail` deciding
    at once that no percent or currency follows against reading on."""
    from extractors.mentions import draft, finder, kinds, reader, tail

    texts = _finder_texts()
    fast = [find_all(t) for t in texts]
    monkeypatch.setattr(finder, "settle", _plain_settle)
    for module in (tail, draft, kinds):
        monkeypatch.setattr(module, "qualifier_before", _plain_qualifier_before)
    monkeypatch.setattr(reader, "_WORDS_READ", _Forgetful())
    monkeypatch.setattr(tail, "_CURRENCY_AFTER_TOKS", _HasEverything(tail._CURRENCY_AFTER_TOKS))
    for text, got in zip(texts, fast):
        assert find_all(text) == got, text


def find_all(text):
    from extractors.mentions import find
    return [(repr(find(text, style, bare))) for style in (None, "en") for bare in (False, True)]


def test_phrases_before_a_token_are_its_phrases_lowered_one_by_one():
    from extractors.mentions.reader import Reader

    for text in _finder_texts()[-4000:]:
        r = Reader(text)
        toks = r.toks
        for i in range(len(toks.kind)):
            fast = r._phrases_before(i)
            plain = [(s, text[toks.start[s]:toks.end[i - 1]].lower()) for s, _ in fast[:-1]] + fast[-1:]
            assert fast == plain, (text, i)


def test_finding_in_threads_while_the_caches_are_replaced_finds_what_one_thread_finds(monkeypatch):
    """The finder keeps what it decides once per distinct token text from text to text; caches that grow past
    their limit are replaced, never emptied, so a text read in another thread meanwhile is read the same."""
    from concurrent.futures import ThreadPoolExecutor

    from extractors.mentions import find, tokens

    texts = _finder_texts()[:400]
    alone = [repr(find(t)) for t in texts]
    monkeypatch.setattr(tokens, "CACHE_LIMIT", 20)   # replaced every few texts
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)                       # threads taking turns as often as they can
    try:
        with ThreadPoolExecutor(4) as pool:
            assert list(pool.map(lambda t: repr(find(t)), texts * 3)) == alone * 3
    finally:
        sys.setswitchinterval(interval)
