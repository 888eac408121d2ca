"""The eleventh pass's faster readings (issue 18's 1 MB/s) give what the plain readings give:
- the page's names said to be communes (`Hướng Hiệp là xã …`) are looked for only where `là xã`, `là phường` or
  `là thị trấn` is written;
- `find_national` reads its two tests (all of them are asked) in the cheaper order."""
import random

from extractors import doc_context, entities
from extractors.doc_context import DocContext
from extractors.sentences import split_sentences

from conftest import passage_texts


def _texts():
    """The seeds, the synthetic and development passages, and made-up texts with names said to be communes."""
    texts = passage_texts()
    rng = random.Random(11)
    pieces = ["Hướng Hiệp là xã", "Tân Phú là phường", "Phú Phong  là\nthị trấn", "A Bung là xãhội", "là xã", " là ",
              "Xã Tham Đôn", "và Húc Nghì là thị trấn", "Hòa Thuận là Xã", "cả nước", "Cả Nước có", "toàn quốc",
              "đứng thứ 8 cả nước", "so với bình quân cả nước", "ước tăng 5%", ",", ". ", "Trên phạm vi cả nước"]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 25))) for _ in range(2000)]
    return texts


def test_communes_named_by_what_they_are_are_found_behind_the_gate_as_without_it():
    found = 0
    try:
        for text in _texts():
            doc_context.GATE_COMMUNE_NAMES = True
            gated = DocContext(text, None, None, split_sentences(text)).communes if text.strip() else {}
            doc_context.GATE_COMMUNE_NAMES = False
            plain = DocContext(text, None, None, split_sentences(text)).communes if text.strip() else {}
            assert gated == plain, text[:120]
            found += any(" là " in text and m for m in doc_context._NAME_IS_COMMUNE.finditer(text))
    finally:
        doc_context.GATE_COMMUNE_NAMES = True
    assert found > 300


def test_the_national_test_reads_the_same_in_either_order():
    n = 0
    for text in _texts():
        for lo in range(0, len(text), 97):
            seg = text[lo:lo + 300]
            plain = bool(entities._NATIONAL_PIECES.search(seg)) and entities._national_words_written(seg)
            cheaper = entities._national_words_written(seg) and bool(entities._NATIONAL_PIECES.search(seg))
            assert plain == cheaper
            n += plain
    assert n > 100


def test_a_target_sentence_is_looked_for_only_where_every_word_of_a_phrase_is_written_as_behind_first_words():
    from extractors.doc_context import is_target_sentence

    rng = random.Random(18)
    pieces = ["mục tiêu", "Mục Tiêu", "MỤC TIÊU", "phấn đấu", "PHẤN ĐẤU", "chỉ tiêu chủ yếu", "chỉ tiêu lớn", "Chỉ tiêu",
              "chỉ số", "chỉ đạo", "dự kiến", "DỰ KIẾN", "dự án", "đặt mục tiêu", "mục", "tiêu", "chủ yếu", "lớn", "kiến",
              "Chương trình mục tiêu quốc gia", "vượt kế hoạch", "đạt mục tiêu đề ra", "có 18/21 chỉ tiêu chủ yếu đạt",
              "17 chỉ tiêu đều hoàn thành", "tıêu", "TİÊU", "Sở Kế hoạch và Đầu tư", "tỉnh", "đạt 5%", ",", "."]
    texts = [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(6000)]
    texts += [s.text for t in _texts() for s in split_sentences(t)]
    sets = 0
    try:
        for text in texts:
            doc_context.ALL_TARGET_WORDS = True
            fast = is_target_sentence(text)
            doc_context.ALL_TARGET_WORDS = False
            assert fast == is_target_sentence(text), text
            sets += fast
    finally:
        doc_context.ALL_TARGET_WORDS = True
    assert sets > 1000


def test_bodies_are_looked_for_only_where_a_word_of_their_gates_is_written_as_by_every_gate():
    rng = random.Random(5)
    words = [w for _, gate in entities.BODY_GATES for w in gate.words]
    pieces = words + [w.lower() for w in words] + [w.upper() for w in words] + [w[1:] for w in words] + [
        "Bến Tre", "Tam Đảo", "Phú Phong", "Vĩnh Phúc", "Hà Tĩnh", "đạt 5%", "năm 2023", ",", ".", "(", "", " "]
    texts = ["".join(rng.choice(pieces) + rng.choice(["", " ", "  "]) for _ in range(rng.randint(0, 9)))
             for _ in range(6000)]
    texts += [text[lo:lo + 200] for text in _texts()[:2500] for lo in range(0, len(text), 150)]
    plain = entities._find_bodies.__wrapped__
    found = 0
    try:
        for text in texts:
            for province in (None, "Bến Tre", "Hà Nội"):
                entities.BODY_WORDS_GATE = True
                fast = plain(text, province)
                entities.BODY_WORDS_GATE = False
                assert fast == plain(text, province), text
                found += bool(fast)
    finally:
        entities.BODY_WORDS_GATE = True
    assert found > 3000
