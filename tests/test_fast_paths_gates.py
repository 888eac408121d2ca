"""The sixth pass's faster readings (issue 18's 1 MB/s) give what the plain readings give: every pattern anchored
at the end that runs only where the text ends with its words (`endings.EndsWith`), every pattern that runs only
where its words are written (`cues.Needs`, the words looked for with `in`, in the lower-cased text when it ignores
case unless the text holds a character `endings.case_odd` names), `_HERE_AND_NOW` behind a look ahead, and whether a sentence sets out targets read once per sentence (`DocContext.target_sentence`)."""
import importlib
import json
import pkgutil
import random
import re

import extractors
from extractors import endings
from extractors.cues import Needs
from extractors.doc_context import DocContext, is_target_sentence
from extractors.endings import EndsWith
from extractors.sentences import split_sentences

from conftest import ROOT

# characters that match a letter ignoring case without lower-casing to it, blanks, marks, digits
_ODD = ["ı", "İ", "ſ", "K", "Ǆ", "ß", "\u00a0", "\n", " ", "  ", ",", ";", ":", "(", ")", "…", "...", "2023", "12",
        "%", "x", "_"]


def _gated(kind):
    """Every gate of `kind` the extractors define at module level, with where it is defined."""
    found = {}
    for info in pkgutil.walk_packages(extractors.__path__, "extractors."):
        if info.name.startswith(("extractors.nlp", "extractors.checks")):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, kind):
                found.setdefault(id(value), (f"{info.name}.{name}", value))
    return list(found.values())


def _sentences():
    rows = [json.loads(line) for line in (ROOT / "tests/gold/synthetic.jsonl").open(encoding="utf-8") if line.strip()]
    return [s.text for r in rows[:300] for s in split_sentences(r["context"])]


def _texts(words, rng, k=1500):
    """Random texts of the gate's words (as written, in capitals, with odd letters put in), blanks and marks, and the
    starts of real sentences."""
    pieces = list(words) + [w.upper() for w in words] + [w.replace("i", "ı").replace("s", "ſ") for w in words] \
        + [w.capitalize() for w in words] + _ODD + ["năm", "so", "với", "các", "của", "đạt", "tăng", "Hà Nội"]
    out = [" ".join(rng.choice(pieces) for _ in range(rng.randrange(1, 9))) + rng.choice(["", " ", "  ", "\n", " \n"])
           for _ in range(k)]
    for s in _sentences()[:400]:
        cut = rng.randrange(len(s) + 1)
        out += [s[:cut], s]
    return out


def _same(a, b):
    return (a is None) == (b is None) and (a is None or (a.span(), a.groups()) == (b.span(), b.groups()))


def test_every_pattern_anchored_at_the_end_finds_what_it_finds_without_its_gate():
    gates = _gated(EndsWith)
    assert len(gates) >= 14
    rng = random.Random(18)
    shut = 0
    for name, gate in gates:
        for text in _texts(gate.words, rng):
            assert _same(gate.search(text), gate.pattern.search(text)), (name, text)
            assert gate.sub("", text) == gate.pattern.sub("", text), (name, text)
            shut += not gate.may(text)
    assert shut > 1000   # (the gates turn texts away)


def test_the_characters_odd_to_lower_casing_are_those_that_match_ignoring_case_only():
    odd = endings.case_odd(["so với", "các", "kế hoạch"])
    assert {c for c in "ıİſ" if odd.search(c)} == set("ıİſ")
    assert not odd.search("SO VỚI CÁC KẾ HOẠCH \u212a")   # (the Kelvin sign lower-cases to `k`)
    assert endings.case_odd(["123"]).search("ı") is None


def test_the_gates_can_be_turned_off():
    gate = next(g for _, g in _gated(EndsWith))
    endings.GATES = False
    try:
        assert gate.may("no such ending here")
    finally:
        endings.GATES = True
    assert not gate.may("no such ending here")


def test_every_pattern_that_needs_its_words_finds_what_it_finds_without_its_gate():
    gates = _gated(Needs)
    assert len(gates) >= 5
    rng = random.Random(6)
    shut = 0
    for name, gate in gates:
        for text in _texts(gate.words, rng):
            assert _same(gate.search(text), gate.pattern.search(text)), (name, text)
            assert gate.sub(" ", text) == gate.pattern.sub(" ", text), (name, text)
            plain = re.compile("|".join(re.escape(w) for w in gate.words), gate.pattern.flags & re.IGNORECASE)
            if plain.search(text) is not None:   # (a text with an odd letter, `ı`, is let through either way)
                assert gate._may(text), (name, text)
            else:
                shut += not gate._may(text)
    assert shut > 1000


def test_whether_a_sentence_sets_out_targets_is_read_once_and_the_same():
    text = "\n\n".join(_sentences()[:600])
    sentences = split_sentences(text)
    ctx = DocContext.build(text, sentences, "Vĩnh Phúc", None)
    targets = [is_target_sentence(s.text) for s in sentences]
    assert [ctx.target_sentence(s) for s in sentences] == targets
    assert 20 < sum(targets) < len(targets)
    assert len(ctx._target_sentences) == len(sentences)
    assert ctx.doc_year == DocContext.build(text, sentences, "Vĩnh Phúc", None).doc_year


def test_here_and_now_behind_its_look_ahead_matches_where_the_plain_pattern_does():
    from extractors.normalize import UPPER
    from extractors.period_choice import _HERE_AND_NOW, _NOW_WORDS
    plain = re.compile(r"(?<!\w)(?:đến nay|hiện nay|hiện tại|tính đến nay|cho đến nay|hiện có|hiện còn)(?!\w)|^\s*Hiện\b|"
                       r"(?<!\w)hiện\s+(?:" + UPPER + r"\w*\s+){1,3}(?:có|còn)(?!\w)", re.IGNORECASE)
    rng = random.Random(98)
    found = 0
    for text in _texts(_NOW_WORDS + ("hiện", "Hiện", "HIỆN", "Sở Y tế", "có", "CÒN", "tính", "ĐẾN"), rng, k=4000):
        assert (plain.search(text) is None) == (_HERE_AND_NOW.search(text) is None), text
        found += plain.search(text) is not None
    assert found > 500


def test_whether_a_sentence_is_a_heading_is_read_once_and_the_same():
    from extractors.doc_context import is_heading
    from extractors.sentences import Sentence
    paragraphs = _sentences()[:200]
    text = "\n\n".join(p if k % 5 else p.rstrip(".") for k, p in enumerate(paragraphs))   # (some lose their stop)
    sentences = split_sentences(text)
    ctx = DocContext.build(text, sentences, None, "2023-05-01")
    heads = [is_heading(s, ctx) for s in sentences]
    assert [ctx.heading(s) for s in sentences] == heads
    assert 5 < sum(heads) < len(heads)
    other = Sentence(3, sentences[3].start, sentences[3].end, sentences[3].text, sentences[3].paragraph)
    assert ctx.heading(other) == is_heading(other, ctx)   # (a sentence not the context's: read the plain way)


def test_the_body_patterns_behind_a_look_ahead_find_what_they_find_without():
    from extractors.entities import BODY_PATTERNS
    ahead = re.compile(r"^\(\?-i:\(\?=\[[^\]]*\]\)\)")
    gated = [(kind, p, re.compile(ahead.sub("", p.pattern), p.flags)) for kind, p in BODY_PATTERNS if ahead.match(p.pattern)]
    assert [kind for kind, _, _ in gated] == ["party", "commune"]
    rng = random.Random(7)
    words = ["Tỉnh ủy", "Huyện uỷ", "Đảng bộ", "Đảng bộ tỉnh", "xã", "Xã", "phường", "thị trấn", "Thị trấn", "tác",
             "Tác", "Hợp tác xã", "Nam Thanh", "Hà Tĩnh", "Vĩnh Phúc", "Lập Thạch", "huyện", "NTM", "Ban", "đảng bộ"]
    found = 0
    for text in _texts(words, rng, k=3000):
        for kind, fast, plain in gated:
            spans = [(m.span(), m.span("name")) for m in plain.finditer(text)]
            assert [(m.span(), m.span("name")) for m in fast.finditer(text)] == spans, (kind, text)
            found += len(spans)
    assert found > 500


def test_the_body_patterns_run_only_where_their_words_are_find_what_they_find_everywhere():
    # (the seventh pass) each body pattern runs only where one of the words each of its matches holds is written
    from extractors import lexicon
    from extractors.entities import BODY_GATES, BODY_PATTERNS
    assert [p for _, p in BODY_PATTERNS] == [g.pattern for _, g in BODY_GATES]
    # every word of the bodies' lexicon (not the gates' words: those are what is tested), names and others
    words = [w for role in ("leadership", "committee", "party_board", "party_office", "level", "government", "district",
                            "commune") for w in lexicon.role_words("bodies", role)]
    words += ["Đảng bộ", "Đảng", "Ban", "Sở", "Quân sự", "Khối cơ quan", "Nghệ An", "Nam Đàn", "Tài chính",
              "Kế hoạch và Đầu tư", "Hợp tác xã", "Vĩnh Phúc"]
    rng = random.Random(8)
    found = shut = 0
    for kind, gate in BODY_GATES:
        pattern = gate.pattern
        for text in _texts(words, rng, k=3000):
            got = [(m.span(), m.groupdict()) for m in gate.finditer(text)]
            assert got == [(m.span(), m.groupdict()) for m in pattern.finditer(text)], (kind, text)
            found += len(got)
            shut += not gate._may(text)
    assert found > 3000 and shut > 3000
