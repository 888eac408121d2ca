"""The faster ways the extraction reads (issue 18) give what the plain ways give: the status model's sums
without building the features' strings, and alternations of words written as trees of their letters."""
import json
import random
import re

import pytest

from extractors import status_model
from extractors.cues import first_letters, word_tree
from extractors.gazetteer import _province_re
from extractors.indicators import ACTION_VERBS

from conftest import ROOT


def _sentences():
    rows = [json.loads(line) for line in (ROOT / "tests/gold/synthetic.jsonl").open(encoding="utf-8") if line.strip()]
    out = [r["context"] for r in rows[:300]]
    # the cases the fast sums read the plain way or cut: `_` in a word, letters that lower to two or by context,
    # a sentence longer than the model's window, a bracket left open, clauses after `;` and `:`
    out += ["Năm 2024 file bao_cao_2024 đạt 7% (kế hoạch 8%); tăng 5%.",
            "İstanbul và ΣΑΣ: thu ngân sách đạt 5.000 tỷ đồng, tăng 12%.",
            "Tỷ lệ hộ nghèo " + "giảm dần qua các năm " * 40 + "còn 2,1%, (kế hoạch 2% và 3%",
            "Kết quả: 12 xã; 3 huyện, 4 thị xã (trong đó 2 thị xã mới) đạt 90%"]
    return out


def test_the_status_model_sums_are_the_features_sums():
    weights = status_model.load()
    assert weights
    n = 0
    for text in _sentences():
        cache = {}
        for m in re.finditer(r"\d[\d.,]*%?", text):
            fast = status_model.probability_at(cache, text, 0, len(text), m.start(), m.end(), "2024-06-01", text[:120])
            plain = status_model.target_probability(
                status_model.features(text, 0, len(text), m.start(), m.end(), "2024-06-01", text[:120]))
            assert fast == pytest.approx(plain, abs=1e-12), (text, m.group(0))
            n += 1
    assert n > 300


def _generated(words, k=1500, seed=18):
    rng = random.Random(seed)
    out = []
    for _ in range(k):
        parts = []
        for _ in range(8):
            w = rng.choice(words)
            w = rng.choice([w, w.upper(), w.title(), w[:rng.randrange(1, len(w) + 1)],
                            w.replace("s", "ſ").replace("k", "\u212a")])   # letters that match s and k ignoring case
            parts.append(w + rng.choice(["", " ", "x", "-", ".", " mới", "_", " của"]))
        out.append("".join(parts))
    return out


@pytest.mark.parametrize("words", [sorted(ACTION_VERBS, key=len, reverse=True),
                                   sorted(_province_re()[1], key=len, reverse=True)], ids=["verbs", "provinces"])
def test_a_tree_of_words_matches_what_their_alternation_matches(words):
    tree = word_tree(words)
    assert "|".join(re.escape(w) for w in words) != tree   # it is a tree
    plain = re.compile(rf"(?<![\w-])({'|'.join(re.escape(w) for w in words)})(?![\w-])", re.IGNORECASE)
    fast = re.compile(rf"{first_letters(words)}(?<![\w-])({tree})(?![\w-])", re.IGNORECASE)
    for text in _generated(words):
        assert [m.span(1) for m in plain.finditer(text)] == [m.span(1) for m in fast.finditer(text)], text


def test_a_tree_is_not_written_where_it_would_read_differently():
    # a shorter word tried before a longer one it begins with: the alternation matches the shorter
    assert word_tree(["tăng", "tăng thêm"]) == "tăng|tăng\\ thêm"
    assert re.match(word_tree(["tăng thêm", "tăng"]), "tăng thêm").group(0) == "tăng thêm"
    # two letters one letter of the text matches ignoring case (`ı` and `i` both match `I`)
    assert word_tree(["ıa", "ib"]) == "ıa|ib"


@pytest.mark.parametrize("name", ["PROGRAMME", "TARGETS_REVIEWED", "TARGET_AS_RESULT"])
def test_a_pattern_run_only_where_its_words_are_gives_what_the_pattern_gives(name):
    from extractors import cues, lexicon

    needs = getattr(cues, name)
    texts = _sentences() + [e for r in lexicon.rows("status_words") for e in lexicon.examples(r)]
    texts += ["trong 26 chỉ tiêu chủ yếu năm 2022, có 22 chỉ tiêu đạt", "có 18/21 chỉ tiêu chủ yếu đạt và vượt",
              "Chương trình mục tiêu quốc gia giảm nghèo", "chương trình MTQG", "Mục tiêu quốc gia",
              "thu ngân sách VƯỢT KẾ HOẠCH năm", "đạt Mục Tiêu đề ra", "Vượt kế hoạch"]
    hits = 0
    for text in texts:
        for m in needs.pattern.finditer(text):
            hits += 1
            assert needs._may(m.group(0)), (name, m.group(0))   # the words are in every match (as the pattern
            # reads them: ignoring case if it does)
        assert needs.sub(" ", text) == needs.pattern.sub(" ", text)
        assert bool(needs.search(text)) == bool(needs.pattern.search(text))
    assert hits > 0


def test_sentences_are_cut_where_underthesea_cuts_them():
    from extractors.sentences import _sent_tokenize

    fast = _sent_tokenize()
    tokenizer = fast.__self__
    plain = type(tokenizer).__mro__[1].sentences_from_text   # underthesea's own loop, one character at a time
    if fast.__func__ is plain:
        pytest.skip("underthesea's tokenizer is not the one this reads faster")
    rng = random.Random(9)
    pieces = ["a", "B", "1", ".", "..", "...", "?", "!", " ", "\n", "\t", "TP.", "ông.", "Đ", "2.500", "…", "\r", "...."]
    texts = _sentences() + ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40))) for _ in range(3000)]
    for text in texts:
        assert fast(text) == plain(tokenizer, text), text


def test_the_ends_read_from_the_end_are_what_the_patterns_find():
    from extractors.attribution import _after_a_comma
    from extractors.period_choice import _opens_a_label

    rng = random.Random(3)
    pieces = ["a", "năm", "năm ", " ", "\n", "\t", ",", ";", ":", "(", "x" * 30, "đ", "\u00a0", "2020"]
    texts = ["", "\n", " ", "(\n", "năm\n", "a,\n", "a," + "b" * 80 + "\n", "a," + "b" * 79 + "\n", "a," + "b" * 81]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12))) for _ in range(20000)]
    for text in texts:
        assert _opens_a_label(text) == bool(re.search(r"(?:^|[(,;]\s*|năm\s+)$", text)), repr(text)
        assert _after_a_comma(text[-82:]) == bool(re.search(r"[,;:][^,;:]{1,80}$", text[-82:])), repr(text)


def test_a_clause_is_found_from_its_sentence_s_marks_as_by_reading_them_all():
    from extractors.attribution import clause_bounds
    from extractors.sentences import Sentence

    def plain(sentence, start, end):   # the reading before the marks were kept per sentence
        s, rel_s, rel_e = sentence.text, start - sentence.start, end - sentence.start
        cs = max([0] + [m.end() for m in re.finditer(r"[;:]\s|\n", s) if m.end() <= rel_s])
        ce = next((m.start() for m in re.finditer(r";|\n", s) if m.start() >= rel_e), len(s))
        return sentence.start + cs, sentence.start + ce

    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(["a", " ", ";", ": ", ":", "\n", "12", "; "]) for _ in range(rng.randrange(1, 30)))
        sentence = Sentence(0, 5, 5 + len(text), text, 0)
        for a in range(len(text)):
            b = rng.randrange(a, len(text) + 1)
            assert clause_bounds(sentence, 5 + a, 5 + b) == plain(sentence, 5 + a, 5 + b), (text, a, b)


def test_the_country_is_looked_for_only_where_its_words_are_written(monkeypatch):
    from extractors import entities, lexicon

    words = [w for role in ("national", "leadership", "party_board") for w in lexicon.role_words("bodies", role)]
    words += ["đứng thứ 8", "so với bình quân", "Chính phủ giao", "Theo", ",", " ", "dẫn đầu", "cả", "nước", "Cả nước",
              "CẢ NƯỚC", "Toàn Quốc", "toàn", "quốc", "Việt", "nam", "ta", "Trung", "ương", "VİỆT NAM", "Chính phủ"]
    rng = random.Random(11)
    texts = [" ".join(rng.choice(words) for _ in range(rng.randrange(0, 8))) for _ in range(3000)]
    guarded = [entities.find_national(t) for t in texts]
    monkeypatch.setattr(entities, "_NATIONAL_PIECES", re.compile(""))   # every text passes: the pattern decides
    assert guarded == [entities.find_national(t) for t in texts]
    monkeypatch.setattr(entities, "_national_words_written", lambda text: True)   # (and every phrase's words)
    assert guarded == [entities.find_national(t) for t in texts]
    assert any(guarded) and not all(guarded)


def _extracted(doc_text, **meta):
    from extractors.document import Document
    from extractors.extract import extract_document

    ex = extract_document(Document(id="d", source=meta.pop("source", ""), text=doc_text, **meta))
    return [(m.start, m.end, m.kind, m.text, m.value, m.unit, m.indicator, m.entity, m.period, m.status, m.compared_to,
             m.direction, sorted((k, repr(v)) for k, v in m.extra.items())) for m in ex.mentions], \
        [repr(s) for s in ex.skipped]


def _wordless_documents():
    """Documents whose sentences without a letter (figures, signs, brackets, quotes, dashes, years) stand among real
    sentences (periods, places, targets, labels, `Trong đó, …`), with and without a date, a title and a province."""
    rng = random.Random(18)
    real = _sentences()[:120] + ["Tỷ lệ hộ nghèo:", "Kế hoạch năm 2025 của tỉnh Hà Tĩnh: phấn đấu đạt", "Trong đó,",
                                 "Đến nay, toàn huyện có", "Thu ngân sách đạt 5.000 tỷ đồng; tỷ lệ", "chiếm"]
    pieces = ["1", "2", "12", "2,5", "12.345", "2021", "2025", "1/2", "3/4", "20/23", "5%", "1/2%", "45,5%", "7-8%",
              "2.000-3.000", "I", " ", " ", "  ", ", ", ": ", "; ", ".", "-", "–", "+", "=", "/", "(", ")", "(2021)",
              "“", "”", '"', "×", "\n", "\u00a0", "%"]
    # a few words among them, so that some sentences have letters between their figures
    words = [" bình quân ", " đến nay ", " Hiện ", " toàn huyện ", " tỉnh Hà Tĩnh ", " cả nước ", " năm ", " tăng ",
             " so với năm 2020", " kế hoạch ", " tỷ lệ ", " Trong đó, ", " phấn đấu "]
    docs = [(unit * n, {}) for unit, n in (("2/", 300), ("2/3 ", 400), ("1/2%", 500), ("1% ", 700), ("1/1/2020 ", 60),
                                           ("1.", 500))]
    # the cases where a rule reads more than the figure's sentence: a label the previous piece of a long sentence ends
    # with (`Thu ngân sách: ` right before the cut, extractors/sentences.py), a rate named in the next paragraph, a
    # first figure that opens a label (no status) beside figures the model reads, a multiple's base year
    label = "Kết quả chung " + "thu chi " * 246 + "\n- Thu ngân sách: "   # 2,000 characters: cut right after
    assert len(label) == 2000
    docs += [(label + "1% 2% 3% 4%", {}), (label + "2/2/2/2/2/2", {"published": "2023-05-01"}),
             ("Doanh thu tăng gấp 2 lần 2021.", {}),
             # a piece of a long sentence that ends with a figure, the plan's year right after it (period_choice)
             ("Năm 2024, trong 9 tháng năm 2024, tỉnh đạt nhiều kết quả. " + "1% " * 666 + "kế hoạch năm 2024 đề ra.",
              {"published": "2024-10-01"}), ("1% 2% đã tiêm đủ 2 mũi.", {}), ("Doanh thu tăng    5%.", {}),
             ("Dân số 2 triệu người.\n\n1% 2%\n\ntỷ lệ hộ nghèo giảm còn 3%.", {}),
             ("Giai đoạn 2021-2025, tỉnh phấn đấu tăng trưởng bình quân 7%/năm.\n\n5% : 1% 2% 3%.",
              {"published": "2023-05-01"}),
             ("Kế hoạch năm 2025: phấn đấu đạt 9%. Năm 2023 đạt 7%.\n\n5%: 1% 2%; 3%.", {"published": "2024-02-01"}),
             ("Doanh thu tăng gấp 2 lần 2021, đạt 5% 2022.", {"published": "2023-05-01"})]
    for k in range(70):
        parts = []
        for _ in range(rng.randrange(2, 9)):
            if rng.random() < 0.4:
                parts.append(rng.choice(real))
            else:
                parts.append("".join(rng.choice(words if rng.random() < 0.02 else pieces)
                                     for _ in range(rng.randrange(1, 60))))
        text = rng.choice([" ", "\n", "\n\n", ". "]).join(parts)
        meta = [{}, {"published": "2024-03-05"},
                {"title": "Kết quả năm 2023 của huyện Chư Sê", "published": "2024-01-20"},
                {"province": "Hà Tĩnh", "published": "2023-07-01"}][k % 4]
        docs.append((text, dict(meta)))
    return docs


def test_figures_without_a_letter_near_them_are_read_as_by_every_rule(monkeypatch):
    # extractors/wordless.py: the rules that give nothing where no letter is skip such text; with the shortcuts off
    # every rule reads every figure, and every field of every figure must come out the same
    from extractors import wordless

    docs = _wordless_documents()
    fast = [_extracted(text, **meta) for text, meta in docs]
    monkeypatch.setattr(wordless, "SHORTCUTS", False)
    plain = [_extracted(text, **meta) for text, meta in docs]
    for (text, _), f, p in zip(docs, fast, plain):
        assert f == p, text[:200]
    figures = sum(len(f[0]) for f in fast)
    assert figures > 3000
    monkeypatch.setattr(wordless, "SHORTCUTS", True)
    assert wordless.wordless("1% (2/3) – 2021; “5”") and not wordless.wordless("1% hộ") \
        and not wordless.wordless("1_2") and not wordless.wordless("1% Đ")


def test_the_status_model_reads_what_its_sum_reads_when_the_sentence_s_bounds_decide(monkeypatch):
    # `target_at` answers from the bounds of a sentence's words (`_sure`) where they decide: it must answer what
    # the whole sum answers, and the bounds must decide in a sentence of many figures
    rng = random.Random(5)
    texts = _sentences()[:150]
    texts += [" ".join(rng.choice(["1%", "2%", "12", "1/2%", "45,5%", "2021", "7", "(", ")", ";", ",", "-", "3 ha",
                                   "12ha", "đạt", "kế hoạch", "tăng", "phấn đấu", "x_y", "năm 2025"])
                       for _ in range(rng.randrange(5, 200))) for _ in range(150)]
    # sentences of many figures (64 at most, extractors/sentences.py), some longer than the model's window
    texts += ["1% " * 64, "1/2%" * 64, "2/3 " * 64, "Phấn đấu đến năm 2025 đạt " + "5% " * 60, "1% " * 300,
              "Năm 2023 đã đạt " + "7% " * 40 + "(kế hoạch 8%) " + "6% " * 20]
    pieces = ["1%", "2%", "3%", "12", "7,5%", ";", ",", "12ha", "(", ")", "(5%)", "3/4"]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.choice([64, 64, 64, 300]))) for _ in range(40)]
    decided = [0]
    sure = status_model._sure

    def counted(*args):
        got = sure(*args)
        decided[0] += got is not None
        return got
    monkeypatch.setattr(status_model, "_sure", counted)
    n = 0
    for text in texts:
        fast_cache, plain_cache = {}, {}
        for m in re.finditer(r"\d[\d.,]*(?:/\d+)?%?", text):
            args = (text, 0, len(text), m.start(), m.end(), "2024-06-01", "Năm 2024, tỉnh phấn đấu đạt kế hoạch.")
            fast = status_model.target_at(fast_cache, *args)
            plain = status_model.probability_at(plain_cache, *args) >= 0.5
            assert fast == plain, (text[:80], m.start(), m.group(0))
            n += 1
    assert n > 10000 and decided[0] > 400
    # and with made-up weights of one sign for every feature of a sentence's figures, the bias set so that half of
    # them read a target: many sums near the edge, and the bounds tight where the sentence has few distinct words
    # (a figure in a word, in brackets, a window that leaves out the sentence's first words are read the plain way)
    dense = texts[-40:-30] + ["1% " * 64, "1% 2% " * 32, "1/2%" * 64, "12ha " * 40, "(1%) " * 40, "7 8 9 " + "1% " * 400]
    try:
        for k, text in enumerate(dense):
            figures = [(m.start(), m.end()) for m in re.finditer(r"\d[\d.,]*(?:/\d+)?%?", text)]
            names = sorted({f for a, b in figures for f in status_model.features(text, 0, len(text), a, b, None, None)})
            for sign in (-1, 1):
                rng = random.Random(k)
                weights = {f: sign * rng.uniform(0.05, 0.5) for f in names}
                status_model.use(weights)
                feats = [status_model.features(text, 0, len(text), a, b, None, None) for a, b in figures]
                sums = sorted(sum(weights.get(f, 0.0) for f in fs) for fs in feats)
                status_model.use(weights | {"BIAS": weights.get("BIAS", 0.0) - sums[len(sums) // 2]})
                fast_cache, plain_cache = {}, {}
                for a, b in figures:
                    args = (text, 0, len(text), a, b, None, None)
                    assert status_model.target_at(fast_cache, *args) == \
                        (status_model.probability_at(plain_cache, *args) >= 0.5), (sign, text[:80], a)
    finally:
        status_model.use(None)
