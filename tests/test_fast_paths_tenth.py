"""The tenth pass's faster readings (issue 18's 1 MB/s) give what the plain readings give:
- `status_batch.prepare` sums the status model's features of a document's figures at once; each sum is the sum of the
  weights of `status_model.features(…)` (within rounding), and `target_at` answers from it what `probability_at`
  answers, reading a sum too near 0 again in the old order;
- `status._page_adopts_plan` reads once per document and reach what was read for every figure."""
import json

from extractors import status, status_batch, status_model
from extractors.doc_context import DocContext
from extractors.sentences import split_sentences
from extractors.textdump import read_dump

from conftest import ROOT
from test_fast_paths_status import _figures, _passages


def _plain(text, s0, s1, a, b, prev, published="2024-06-01"):
    """The sum of the weights of the figure's features, as `features` lists them."""
    weights = status_model._weights()
    return sum(weights.get(x, 0.0) for x in status_model.features(text, s0, s1, a, b, published, prev))


def test_a_document_s_sums_read_at_once_are_the_sums_of_each_figure_s_features():
    assert status_model.load()
    n = skipped = 0
    for text in _passages():
        figures = list(_figures(text))
        cache = {}
        status_batch.prepare(cache, text, figures, "2024-06-01")
        batch = cache["batch"][1] if "batch" in cache else {}
        for s0, s1, a, b, prev in figures:
            args = (text, s0, s1, a, b, "2024-06-01", prev)
            total = batch.get((s0, s1, a, b))
            if total is None:
                skipped += 1   # (a window cut from a long sentence, a word cut by the figure, `_`: read alone)
            else:
                assert abs(total - _plain(text, s0, s1, a, b, prev)) < 1e-12, (text[s0:b][-80:])
                n += 1
            assert status_model.target_at(cache, *args) == (status_model.probability_at({}, *args) >= 0.5)
    assert n > 1000 and skipped > 0


def test_a_sum_read_at_once_too_near_0_is_read_again_in_the_old_order():
    text = next(p for p in _passages() if "kế hoạch" in p)
    figures = list(_figures(text))[:40]
    for made_up in (0.0, 1e-10, -1e-10):
        cache = {}
        status_batch.prepare(cache, text, figures, "2024-06-01")
        t, sums = cache["batch"]
        for key in sums:
            sums[key] = made_up   # (no real sum: the answer must come from the plain reading)
        for s0, s1, a, b, prev in figures:
            args = (text, s0, s1, a, b, "2024-06-01", prev)
            assert status_model.target_at(cache, *args) == (status_model.probability_at({}, *args) >= 0.5)
    # and a sum far from 0 is the answer itself
    cache = {}
    status_batch.prepare(cache, text, figures, "2024-06-01")
    key = next(iter(cache["batch"][1]))
    cache["batch"][1][key] = -5.0
    s0, s1, a, b = key
    assert status_model.target_at(cache, text, s0, s1, a, b, "2024-06-01", None) is False


def test_odd_documents_are_prepared_as_their_figures_read_alone():
    # a sentence without words, sentences of one word, a figure glued to words, the sentence before empty or absent
    texts = ["12%. 5. ... 7 xã; 8 ha đạt 9% (kế", "đạt 5%", "12xã 7%ha. (3%) ; : 4", "%%% 1 2 3 4 5 6 7 8 9 10"]
    n = 0
    for text in texts:
        figures = list(_figures(text))
        cache = {}
        status_batch.prepare(cache, text, figures, "2023-01-01")
        for key, total in cache.get("batch", (None, {}))[1].items():
            s0, s1, a, b = key
            prev = next(f[4] for f in figures if f[:4] == key)
            assert abs(total - _plain(text, s0, s1, a, b, prev, "2023-01-01")) < 1e-12, (text, key)
            n += 1
    assert n >= 8


def test_whether_the_page_adopts_a_plan_is_read_as_for_every_figure():
    texts = [d.text for p in sorted((ROOT / "corpus").glob("*.txt")) for d in read_dump(p)]
    rows = [json.loads(line) for line in (ROOT / "tests/gold/synthetic.jsonl").open(encoding="utf-8") if line.strip()]
    lead = ("Đại hội Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2025-2030 đã thông qua Nghị quyết với nhiều mục tiêu.\n\n")
    texts += [lead + "\n\n".join(r["context"] for r in rows[:8]), "Ngắn.\n\n" + lead + "Tiếp theo 5%.\n\n" + lead,
              "x" * 590 + " " + lead + "\n\n12%"]
    seen = set()
    for text in texts:
        sentences = split_sentences(text)
        ctx = DocContext(text, None, None, sentences)
        for s in sentences:
            plain = status._ADOPTS_PLAN.search(text[:ctx.paragraph_start(s)][:600]) is not None
            assert status._page_adopts_plan(ctx, s) == plain
            seen.add(plain)
    assert seen == {True, False}


def test_the_look_aheads_put_before_look_behinds_change_no_match():
    import re

    from extractors import doc_context

    texts = [d.text for p in sorted((ROOT / "corpus").glob("*.txt")) for d in read_dump(p)]
    texts += ["Hợp tác xã Tân Phú, xã Tam Đôn, Phường Hòa Thuận và thị trấn Phú Phong; THỊ TRẤN X, Xã A B C D",
              "HĐND tỉnh nhiệm kỳ 2021-2026 đã thông qua Nghị quyết; Đại hội nhiệm kỳ 2020 - 2025 nhất trí mục tiêu",
              "ĐạiHội, xHĐND nhiệm kỳ 2021-2026 thông qua mục tiêu. tácxã Phú"]
    n = 0
    texts += ["so với cùng kỳ năm 2022, So với năm 1989, so với tháng 9/2017; soso với năm 2018, Từ tháng 4-2023 từ năm 2021, xtừ năm 2020",
              "Đại hội Đảng bộ tỉnh nhiệm kỳ 2020-2025; ĐĐại hội nhiệm kỳ 2015 - 2020"]
    for fast, start in ((doc_context._COMMUNE, "(?=[XxPpTt])"), (status._ADOPTS_PLAN, "(?=[ĐH])"),
                        (doc_context._LATER_THAN, "(?=[sS])"), (doc_context._NOT_BEFORE, "(?=[Tt])"),
                        (doc_context.CONGRESS_OPENS, "(?=Đ)")):
        assert fast.pattern.startswith(start)
        plain = re.compile(fast.pattern[len(start):], fast.flags)
        for text in texts:
            got = [m.span() for m in fast.finditer(text)]
            assert got == [m.span() for m in plain.finditer(text)]
            n += len(got)
    assert n >= 17


def test_the_communes_are_found_where_their_words_are_as_by_a_scan_of_every_place():
    from extractors import doc_context

    texts = [d.text for p in sorted((ROOT / "corpus").glob("*.txt")) for d in read_dump(p)]
    texts += ["xã Xã Tân Phú Xã A", "Hợp tác xã Phú Hòa, thị trấn Phú Phong, thị  trấn Hai", "phường Phường Phường B C D E",
              "Thị trấn Xã Phường Hòa xã", "", "xã", "Xã Ân Hảo Tây Nam và xã Ân Tín"]
    n = 0
    for text in texts:
        got = [m.span() for m in doc_context._commune_matches(text)]
        assert got == [m.span() for m in doc_context._COMMUNE.finditer(text)], text[:80]
        n += len(got)
    assert n >= 8


def test_this_span_is_searched_only_in_windows_that_hold_its_words_and_found_as_before():
    import random

    from extractors import period_choice

    rng = random.Random(10)
    phrases = ["giai đoạn này", "Thời kỳ nói trên", "THỜI GIAN TRÊN", "nhiệm kỳ này", "nhiệm  kỳ trên", "giai đoạn 2021",
               "thời gian qua", "kỳ này", "đoạn trên", "gian này", "NHIỆM KỲ NÀY", "thời gıan này"]
    texts = [" ".join(rng.choice(phrases + ["tỉnh đạt 5%", "trên", "này", ",", "xã"]) for _ in range(rng.randint(1, 30)))
             for _ in range(3000)]
    texts += [d.text[:3000] for p in sorted((ROOT / "corpus").glob("*.txt")) for d in read_dump(p)]
    found = 0
    for text in texts:
        for end in range(0, len(text) + 1, 7):
            lo = max(0, end - 120)
            plain = period_choice._THIS_SPAN.search(text, lo, end)
            gated = plain if period_choice._THIS_SPAN_WORDS._may(text[lo:end]) else None
            assert (gated is None) == (plain is None), text[lo:end]
            found += plain is not None
    assert found > 1000


def test_up_to_a_date_is_found_behind_its_words_look_ahead_as_without_it():
    import random
    import re

    from extractors import periods

    look = r"(?=.(?:ính|ến|ới|ết))"
    assert look in periods._UP_TO.pattern
    plain = re.compile(periods._UP_TO.pattern.replace(look, ""), periods._UP_TO.flags)
    rng = random.Random(18)
    parts = ["Tính đến", "tính  tới", "ĐẾN HẾT", "hết", "tới", "đến", "Hết quý", "ngày", "30/9/2023", "tháng 12/2022",
             "năm 2024", "quý II/2024", "cuối", "thời điểm", "tinh đen", "31-12", "đếnhết", "xã", "tính"]
    texts = [" ".join(rng.choice(parts) for _ in range(rng.randint(1, 12))) for _ in range(4000)]
    texts += [d.text for p in sorted((ROOT / "corpus").glob("*.txt")) for d in read_dump(p)]
    n = 0
    for text in texts:
        got = [(m.span(), m.groups()) for m in periods._UP_TO.finditer(text)]
        assert got == [(m.span(), m.groups()) for m in plain.finditer(text)], text[:100]
        n += len(got)
    assert n > 1000


def test_a_document_extracts_the_same_with_its_sums_read_at_once_in_any_batches_or_not_at_all(monkeypatch):
    import dataclasses

    from extractors import attribution
    from extractors.document import Document
    from extractors.extract import extract_document

    rows = [json.loads(line) for line in (ROOT / "tests/gold/synthetic.jsonl").open(encoding="utf-8") if line.strip()]
    text = "\n\n".join(r["context"] for r in rows[:120]) + "\n\n" + "1% " * 40 + "."

    def extracted():
        ex = extract_document(Document(id="d", source="", text=text, published="2024-06-01"))
        return [dataclasses.asdict(m) for m in ex.mentions]

    batched = extracted()
    assert len(batched) > 290
    monkeypatch.setattr(attribution, "_SUMS_AT_ONCE", 7)
    assert extracted() == batched
    monkeypatch.setattr(attribution, "prepare_status_sums", lambda *a: None)   # every figure read alone
    assert extracted() == batched
