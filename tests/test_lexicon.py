"""The lexicon as data (extractors/lexicon/): every file loads, every entry has an example, and every
example goes through the code that reads the word and comes out as the entry says."""
import re

import pytest

from extractors import comparisons, cues, entities, indicator_context, indicator_counts, indicators, lexicon, owners, periods, status
from extractors.checks.targets import _polarity
from extractors.document import Document
from extractors.entities import DEPARTMENTS, EXPANSIONS, find_bodies, find_national
from extractors.extract import extract_document
from extractors.gazetteer import find_places, find_provinces, in_comparison
from extractors.indicators import INDICATOR_NAMES, INDICATORS, KEY_ALIASES, indicator_key
from extractors.mentions import find, kinds
from extractors.mentions.tail import CURRENCY_AFTER, CURRENCY_BEFORE, QUALIFIERS
from extractors.record import Mention
from extractors.units import COUNTED, MEASURES


def entries(name):
    return [pytest.param(row, ex, id=f"{name}:{ex}") for row in lexicon.rows(name) for ex in lexicon.examples(row)]


def one_mention(text):
    ms, _ = find(text)
    assert len(ms) == 1, f"{text!r}: {[(m.text, m.kind, m.unit, m.qualifier) for m in ms]}"
    return ms[0]


CHECKED = {"qualifiers", "qualifier_verbs", "currencies", "counted_nouns", "measures", "abbreviations", "indicators",
           "status_words", "lower_better", "bodies", "departments", "change_words", "ordinal_words",
           "context_words", "owner_words", "month_words", "former_districts", "district_upgrades",
           "counted_after_one"}


def test_every_file_loads_and_is_checked_here():
    assert set(lexicon.names()) == CHECKED, "a lexicon file without a test of its examples"
    for name in lexicon.names():
        rows = lexicon.rows(name)
        assert rows, name
        for row in rows:
            assert all(v == v.strip() for v in row.values()), (name, dict(row))
            assert lexicon.examples(row), f"{name}: {dict(row)} has no example"


@pytest.mark.parametrize("name, key", [("qualifiers", "word"), ("qualifier_verbs", "word"),
                                       ("counted_nouns", "noun"), ("measures", "unit")])
def test_no_entry_twice(name, key):
    keys = lexicon.column(name, key)
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1]


def test_currencies_once_per_side():
    rows = [(r["word"], r["side"]) for r in lexicon.rows("currencies")]
    assert len(rows) == len(set(rows))
    assert {r["side"] for r in lexicon.rows("currencies")} == {"after", "before"}


def test_the_code_reads_the_files():
    assert [w for w, _, _ in QUALIFIERS] == list(lexicon.column("qualifiers", "word"))
    assert CURRENCY_AFTER + CURRENCY_BEFORE == [(r["word"], r["unit"]) for r in lexicon.rows("currencies")]
    assert COUNTED == list(lexicon.column("counted_nouns", "noun"))
    assert MEASURES == set(lexicon.column("measures", "unit"))
    rows = lexicon.rows("indicators")
    assert INDICATORS == [(r["phrase"], r["key"]) for r in rows if r["use"] == "find"]
    assert KEY_ALIASES == [(r["phrase"], r["key"]) for r in rows if r["use"] == "group"]


@pytest.mark.parametrize("row, example", entries("qualifiers"))
def test_qualifier(row, example):
    m = one_mention(example)
    assert m.qualifier == row["qualifier"]
    assert m.text.startswith(row["word"])
    assert row["comparative"] in ("yes", "no")
    if row["comparative"] == "yes":
        # a comparative with `so với` after the figure is a difference, not a bound
        assert one_mention(example + " so với năm 2020").qualifier is None


@pytest.mark.parametrize("row, example", entries("qualifier_verbs"))
def test_qualifier_across_verb(row, example):
    m = one_mention(example)
    assert m.qualifier is not None and f" {row['word']} " in m.text


@pytest.mark.parametrize("row, example", entries("currencies"))
def test_currency(row, example):
    m = one_mention(example)
    assert m.kind in ("money", "range") and m.unit == row["unit"]
    word = row["word"]
    if (word, row["side"]) == ("US$", "before"):
        word = "$"  # the scan starts no figure at `US` (not one of nonfigures._START_CODES): `$` reads `US$25`
    assert word in m.text
    if row["side"] == "before":
        assert m.text.startswith(word)


@pytest.mark.parametrize("row, example", entries("counted_nouns"))
def test_counted_noun(row, example):
    assert one_mention(example).unit == row["noun"]


@pytest.mark.parametrize("row, example", entries("measures"))
def test_measure(row, example):
    reads_as = row["reads_as"] or row["unit"]
    if reads_as == "none":
        assert find(example)[0] == []
    else:
        assert one_mention(example).unit == reads_as


@pytest.mark.parametrize("row, example", entries("abbreviations"))
def test_abbreviation(row, example):
    """A counted abbreviation is the unit of the count it follows; another is never a unit."""
    ms, _ = find(example)
    units = [m.unit for m in ms]
    if row["counted"] == "yes":
        assert row["abbreviation"] in units or f"{row['abbreviation']} mới" in units, (example, units)
    else:
        assert row["abbreviation"] not in units, (example, units)


def test_indicators_one_name_per_key_and_each_phrase_once():
    rows = lexicon.rows("indicators")
    assert {r["use"] for r in rows} == {"find", "group"}
    for r in rows:
        assert INDICATOR_NAMES[r["key"]] == r["name_vi"], f"{r['key']} has two Vietnamese names"
    phrases = [r["phrase"].lower() for r in rows]
    assert len(phrases) == len(set(phrases))
    assert {r["key"] for r in rows if r["use"] == "group"} <= {k for _, k in INDICATORS}


@pytest.mark.parametrize("row, example", entries("indicators"))
def test_indicator(row, example):
    """The example's one figure is measured by the entry's phrase (as written; after a count, with the counted
    noun: `171/182 xã đạt chuẩn nông thôn mới`) and grouped under its key."""
    ex = extract_document(Document(id="t", source="test", text=example, province="Nghệ An", published="2024-01-15"))
    (m,) = ex.mentions
    assert m.indicator.lower() in (row["phrase"].lower(), f"{m.unit} {row['phrase']}".lower())
    assert indicator_key(m.indicator) == row["key"]


def _figures(text):
    ms, _ = find(text)
    assert ms, text
    return ms


def _percent(text):
    return next(m for m in _figures(text) if m.kind == "percent")


# Each role of status_words.tsv: the rule that reads it, and the text of the example that rule is given.
STATUS_RULES = {
    # the text before the second figure (indicators: `tăng 7,2% (kế hoạch 8%)`)
    "paren_target": (cues.PAREN_TARGET.search, lambda ex: ex[:_figures(ex)[1].start][-20:]),
    # the text after a percentage (checks.arithmetic._share_of_total)
    "of_target": (cues.OF_TARGET.match, lambda ex: ex[_percent(ex).end:][:20]),
    # the clause before the last figure (checks.targets._target_share)
    "target_before": (cues.TARGET_BEFORE.search, lambda ex: ex[:_figures(ex)[-1].start].split(";")[-1]),
    "plan_before": (cues.PLAN_BEFORE.search, lambda ex: ex[:_figures(ex)[0].start][-40:]),
    "target_base": (cues.TARGET_BASE_AFTER.match, lambda ex: ex[_percent(ex).end:][:25].lower()),
    # the gap between a result and its plan (checks.targets._result_target_in_sentence)
    "plan_between": (cues.PLAN_BETWEEN.match, lambda ex: ex[_figures(ex)[0].end:_figures(ex)[1].start]),
    "plan_between_tail": (cues.PLAN_BETWEEN.match, lambda ex: ex[_figures(ex)[0].end:_figures(ex)[1].start]),
    # the clause of a result (checks.targets._claim)
    "claim_met": (cues.CLAIM_MET.search, str),
    "claim_not_met": (cues.CLAIM_NOT_MET.search, str),
    "claim_below": (cues.CLAIM_BELOW.search, str),
    "claim_above": (cues.CLAIM_ABOVE.search, str),
    "claim_object": (lambda t: cues.CLAIM_MET.search(t) or cues.CLAIM_BELOW.search(t), str),
    "claim_object_strict": (lambda t: cues.CLAIM_NOT_MET.search(t) or cues.CLAIM_ABOVE.search(t), str),
    # attribution's status rules (extractors/status.py, doc_context.py), given the text before the figure
    "target_cue": (cues.TARGET_CUE.search, str),
    "as_result_verb": (cues.TARGET_AS_RESULT.search, str),
    "as_result_object": (cues.TARGET_AS_RESULT.search, str),
    "as_result_tail": (cues.TARGET_AS_RESULT.search, str),
    "plan_is": (cues.PLAN_IS.search, lambda ex: ex[:_figures(ex)[0].start]),
    "actual_cue": (cues.ACTUAL_CUE.search, str),
    # the text right before the first number (a bound such as `trên` may be read into the figure's text)
    "right_before_plan": (cues.TARGET_RIGHT_BEFORE.search, lambda ex: ex[:re.search(r"\d", ex).start()]),
    "right_before_tail": (cues.TARGET_RIGHT_BEFORE.search, lambda ex: ex[:re.search(r"\d", ex).start()]),
    "right_before_bound": (cues.TARGET_RIGHT_BEFORE.search, lambda ex: ex[:re.search(r"\d", ex).start()]),
    "target_sentence": (cues.TARGET_SENTENCE.search, str),
    "programme": (cues.PROGRAMME.search, str),
    "body_with_cue": (cues.BODY_WITH_CUE.search, str),
    # the first base of comparisons.COMPARED that the text names (comparisons.comparison_base)
    "compared_plan": (lambda t: next((p.search(t) for p, label in comparisons.COMPARED if label and p.search(t)), None),
                      str),
    # the status rules of extractors/status.py, given the clause before the figure
    "share_of_plan": (status._SHARE_OF_PLAN.search, str),
    "done": (status._DONE.search, str),
    "fraction_target": (status._FRACTION_TARGET.search, lambda ex: ex[:_figures(ex)[0].start]),
    "new_predicate": (status._NEW_PREDICATE.search, str),
}
# roles read as tuples of words (the mention finder, the indicator of a count): tested by what they do
STATUS_TUPLE_ROLES = {"target_after_slash", "target_unit", "takes_targets", "achieves_targets", "adopts_targets"}


def test_every_status_role_is_read():
    roles = lexicon.column("status_words", "role")
    assert set(roles) == set(STATUS_RULES) | STATUS_TUPLE_ROLES
    assert kinds._TARGET_AFTER_SLASH == cues.words("target_after_slash")
    assert (indicators._TARGET_UNITS, indicators._TAKES_TARGETS) == (cues.words("target_unit"), cues.words("takes_targets"))
    pairs = list(zip(lexicon.column("status_words", "word"), roles))
    assert len(pairs) == len(set(pairs))
    assert cues.TARGET_BASES == set(cues.words("target_base"))


@pytest.mark.parametrize("row, example", entries("status_words"))
def test_status_word(row, example):
    """The rule that reads the word finds it in the example, in the text the rule is given; a plan after
    `71,5%/` makes the next percentage its denominator; a count of targets after a verb that does not take
    them is measured by the verb alone (`kết nạp`), after one that does by the targets (`hoàn thành chỉ tiêu`)."""
    if row["role"] in STATUS_TUPLE_ROLES:
        if row["role"] == "target_after_slash":
            m = one_mention(example)
            assert m.kind == "fraction" and m.denominator == 65 and row["word"] in m.text.lower()
            return
        ex = extract_document(Document(id="t", source="test", text=example, province="Nghệ An", published="2024-01-15"))
        (m,) = ex.mentions
        if row["role"] in ("achieves_targets", "adopts_targets"):
            # the run of verbs right before the count, the word among them, leads its indicator, the targets after
            pattern = indicator_counts._ACHIEVED_AT_END if row["role"] == "achieves_targets" else indicator_counts._ADOPTED_AT_END
            run = pattern.search(example[:m.start]).group(1)
            assert row["word"] in run.lower()
            assert m.indicator.startswith(run) and m.unit in m.indicator and len(m.indicator) > len(run) + len(m.unit)
            return
        verb = example[:m.start].split(" được")[0].strip()
        if row["role"] == "target_unit":
            assert m.unit == row["word"] and m.indicator == verb
        else:
            assert verb.startswith(row["word"]) and m.indicator != verb and m.unit in m.indicator
        return
    rule, text_of = STATUS_RULES[row["role"]]
    text = text_of(example)
    hit = rule(text)
    assert hit is not None, (text, row["role"])
    assert row["word"].lower() in hit.group(0).lower(), (hit.group(0), row["word"])


def test_target_cue_code_pieces():
    """The pieces of the target cue kept in code: `cần` not in a place name or capitalised, `kế hoạch` not as
    the name of a five-year plan, `xác định N chỉ tiêu`."""
    assert cues.TARGET_CUE.search("xác định 12 chỉ tiêu chủ yếu")
    assert not cues.TARGET_CUE.search("thành phố Cần Thơ có 85 xã")
    assert not cues.TARGET_CUE.search("Cần tăng 8%")
    assert not cues.TARGET_CUE.search("thực hiện kế hoạch 5 năm")


@pytest.mark.parametrize("row, example", entries("change_words"))
def test_change_word(row, example):
    """The word right before the example's first number gives the figure's direction (a multiplier's text
    begins at `gấp`, so the rule is given the text before the number)."""
    assert comparisons.CHANGE_WORDS == list(zip(lexicon.column("change_words", "word"),
                                                lexicon.column("change_words", "direction")))
    assert comparisons.change_direction(example[:re.search(r"\d", example).start()]) == row["direction"]


def _polarity_of(indicator):
    return _polarity(Mention(0, 1, "1", "quantity", value=1.0, indicator=indicator))


@pytest.mark.parametrize("row, example", entries("lower_better"))
def test_lower_is_better(row, example):
    assert _polarity_of(example) == -1
    assert _polarity_of("số doanh nghiệp thành lập mới") == 1


BODY_ROLES = {"leadership", "party_board", "party_office", "committee", "level", "government", "district", "commune", "national"}


def test_bodies_roles_and_spellings():
    rows = lexicon.rows("bodies")
    assert {r["role"] for r in rows} == BODY_ROLES
    pairs = [(r["word"], r["role"]) for r in rows]
    assert len(pairs) == len(set(pairs))
    assert {(w.strip(), c.strip()) for w, c in EXPANSIONS} == {(r["word"], r["canonical"]) for r in rows if r["canonical"]}
    assert sorted(DEPARTMENTS) == sorted(lexicon.column("departments", "department"))


@pytest.mark.parametrize("row, example", entries("bodies"))
def test_body(row, example):
    """The example names one body, found by the entry's word, with the canonical name the entry gives."""
    if row["role"] == "national":
        assert find_national(example) and not row["body"]
        return
    (body,) = find_bodies(example, "Nghệ An")
    assert body.name == row["body"]
    if row["canonical"]:
        assert body.name.startswith(row["canonical"])


@pytest.mark.parametrize("row, example", entries("departments"))
def test_department(row, example):
    (body,) = find_bodies(example, "Nghệ An")
    assert (body.type, body.name) == ("department", row["body"])


def test_ordinal_words_roles():
    assert set(lexicon.column("ordinal_words", "role")) == {"ordinal", "after_ten", "extent_before_thu",
                                                            "field_after_thu"}
    pairs = list(zip(lexicon.column("ordinal_words", "word"), lexicon.column("ordinal_words", "role")))
    assert len(pairs) == len(set(pairs))


@pytest.mark.parametrize("row, example", entries("ordinal_words"))
def test_ordinal_word(row, example):
    """An ordinal is read as the rank its value gives (`xếp thứ nhì`) or skipped as no figure (`Kỳ họp thứ hai`;
    always, when it has no value); an extent before `thứ N` or a field after it makes `thứ N` a rank."""
    ms, skips = find(example)
    if row["role"] in ("extent_before_thu", "field_after_thu"):
        (m,) = ms
        assert m.kind == "rank" and m.text.startswith("thứ"), (m.text, m.kind)
        word_at = example[:m.start].split()[-1] if row["role"] == "extent_before_thu" else example[m.start:]
        assert row["word"] in word_at
    elif ms:
        assert row["value"], example
        (m,) = ms
        assert m.kind == "rank" and m.value == float(row["value"]) and m.text.endswith(f"thứ {row['word']}")
    else:
        (skip,) = skips
        word = f"mười {row['word']}" if row["role"] == "after_ten" else row["word"]
        assert skip.reason == "ordinal" and skip.text.lower().endswith(f"thứ {word}"), skip


# Each role of context_words.tsv: the rule of extractors/indicator_context.py that reads it, given the example.
CONTEXT_RULES = {
    "link_verb": indicator_context._LINKING.match, "share_word": indicator_context._LINKING.match,
    "share_link": indicator_context._LINKING.match, "linking": indicator_context._LINKING.match,
    "discourse": indicator_context._DISCOURSE.match, "bare_change": indicator_context._DISCOURSE.match,
    "back_reference": indicator_context._BACK_REFERENCE.search,
    "rate_word": indicator_context._RATE_NAMED.search, "index": indicator_context._INDEXES.search,
    "member_group": lambda example: (indicator_counts._GROUP_BEFORE_GOM.search(example.split(" gồm ")[0] + " gồm ")
                                     or indicator_counts._ELECTED_INTO.search(example)),
}


def test_every_context_role_is_read():
    assert set(lexicon.column("context_words", "role")) == set(CONTEXT_RULES) | {"rate_end", "index_unit", "measure_of"}
    pairs = list(zip(lexicon.column("context_words", "word"), lexicon.column("context_words", "role")))
    assert len(pairs) == len(set(pairs))


@pytest.mark.parametrize("row, example", entries("context_words"))
def test_context_word(row, example):
    """The rule that reads the word finds it in the example (a linking phrase or a discourse word makes the
    indicator weak); a rate's name ends at its end word; an index unit's figure takes the index named before."""
    if row["role"] == "rate_end":
        (hit,) = indicator_context._RATE_NAMED.finditer(example)
        assert example[hit.end():].split() == [row["word"]]
        return
    if row["role"] == "measure_of":
        # the measure is of the thing named before `với`: the indicator is the measure and that thing
        ex = extract_document(Document(id="t", source="test", text=example, published="2024-01-15"))
        m = ex.mentions[-1]
        thing = example.split(" với ")[0].split()[-2:]
        assert m.indicator.lower().startswith(row["word"] + " ") and " ".join(thing) in m.indicator, m.indicator
        return
    if row["role"] == "index_unit":
        m = one_mention(example)
        assert m.unit == row["word"] and m.unit in indicator_context._INDEX_UNITS
        ex = extract_document(Document(id="t", source="test", text=example, province="Nghệ An", published="2024-01-15"))
        (m,) = ex.mentions
        assert "PCI" in m.indicator
        return
    hit = CONTEXT_RULES[row["role"]](example)
    assert hit is not None, (example, row["role"])
    assert row["word"].replace(" ", "").lower() in hit.group(0).replace(" ", "").lower(), (hit.group(0), row["word"])
    if row["role"] == "member_group":
        (m,) = extract_document(Document(id="t", source="test", text=example)).mentions
        assert m.indicator.startswith(row["word"]), (m.indicator, row["word"])   # the group, not the members' noun
    elif row["role"] not in ("rate_word", "index") and row["word"] != ")":   # weak() strips a bracket first
        assert indicator_context.weak(example)


OWNER_ROLES = {"counts_provinces", "country", "not_place_before", "comparison_before", "after_standing", "after_ranked",
               "assigner", "assigned_plan", "national_organisation", "rank_frame", "rank_frame_link", "frame_country"}


def test_owner_words_roles():
    assert set(lexicon.column("owner_words", "role")) == OWNER_ROLES
    pairs = list(zip(lexicon.column("owner_words", "word"), lexicon.column("owner_words", "role")))
    assert len(pairs) == len(set(pairs))


@pytest.mark.parametrize("row, example", entries("owner_words"))
def test_owner_word(row, example):
    """A count of provinces (the example is its unit) or of places across the country is the country's; a
    province after an organisation word is no place, after a comparison word a standard of comparison; the
    country who assigns a plan, names an organisation or frames a ranking is not the owner."""
    role, word = row["role"], row["word"]
    if role == "counts_provinces":
        assert owners._COUNTS_PROVINCES.fullmatch(example) and example.startswith(word)
    elif role == "country":
        assert word in owners._COUNTRY.search(example).group(0)
    elif role == "not_place_before":
        assert find_provinces(example) and not find_places(example, comparisons=True)
        assert word in example[:find_provinces(example)[-1][0]]
    elif role in ("comparison_before", "after_standing", "after_ranked"):
        start = find_provinces(example)[0][0]
        assert in_comparison(example, start) and f" {word} " in f" {example[:start]}"
        assert find_places(example, comparisons=True) and not find_places(example)
    else:
        assert entities.NATIONAL_RE.search(example) and not entities.find_national(example)
        frame = entities._RANK_FRAME if role.startswith(("rank_frame", "frame")) else entities._NOT_OWNER
        assert word in frame.search(example).group(0)


@pytest.mark.parametrize("row, example", entries("month_words"))
def test_month_word(row, example):
    """`mười tháng đầu năm 2022` is the first ten months of 2022 (the first three, the first quarter)."""
    assert periods._MONTH_WORDS == {w: int(n) for w, n in zip(lexicon.column("month_words", "word"),
                                                              lexicon.column("month_words", "months"))}
    (p,) = periods.find_periods(example)
    n = int(row["months"])
    assert p.kind == "months" and p.value.endswith("Q1" if n == 3 else f"{n}M")


@pytest.mark.parametrize("row, example", entries("former_districts"))
def test_former_district(row, example):
    """A district the administrative-units data no longer lists is a district of its province, and owns the
    figure of its example."""
    kind, _, name = row["name"].partition(" ")
    assert entities.districts_of(row["province"]).get(name) == row["name"]
    ex = extract_document(Document(id="t", source="", text=example, title=None, published="2023-05-01"))
    assert ex.mentions and all(m.entity == row["name"] for m in ex.mentions), [(m.text, m.entity) for m in ex.mentions]


@pytest.mark.parametrize("row, example", entries("district_upgrades"))
def test_district_upgrade(row, example):
    """A district that changed kind is named with the kind it had in the year of the figure: its example, of an
    earlier year, with the old kind; the same sentence in the year of the change, with the new one."""
    kind, _, name = row["district"].partition(" ")
    before = f"{row['before']} {name.split(' ', 1)[-1] if kind in ('thành', 'thị') else name}"
    title = f"Du lịch {row['province']}"
    ex = extract_document(Document(id="t", source="", text=example, title=title, published=None))
    assert [m.entity for m in ex.mentions] == [before], [(m.text, m.entity, m.period) for m in ex.mentions]
    later = re.sub(r"(?:19|20)\d{2}", row["since"], example)
    ex = extract_document(Document(id="t", source="", text=later, title=title, published=None))
    assert [m.entity for m in ex.mentions] == [row["district"]], [(m.text, m.entity, m.period) for m in ex.mentions]


@pytest.mark.parametrize("row, example", entries("counted_after_one"))
def test_one_counted(row, example):
    """`một` before the noun is a figure, 1, of that noun; after `từ` or `là` the same words are an article."""
    ms = [m for m in find(example)[0] if m.text.lower().split()[-1] == row["noun"].split()[-1] or "một" in m.text.lower()]
    one = [m for m in ms if "một" in m.text.lower()]
    assert len(one) == 1 and one[0].value == 1 and one[0].unit == row["noun"], [(m.text, m.unit) for m in ms]
    assert not any("một" in m.text.lower() for m in find(f"Từ một {row['noun']} nghèo, nay đã khá.")[0])
    assert not any("một" in m.text.lower() for m in find(f"Đây là một {row['noun']} khó khăn.")[0])
