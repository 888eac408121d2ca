"""Whose figure, of what, when, and whether it is a result or a target.

For each mention: `indicator` (the phrase it measures), `entity` (the owning body or place),
`period` (the time it is about), `status` (`actual`/`target`), `compared_to` (the base of a change)
and a change `direction`. Rules read the mention's clause first, then its sentence, then what the
document has said so far (the running period of the section, a paragraph that sets out targets),
then the document's own date.

This module runs the rules for each figure (`attribute_all`, `attribute`); each rule lives in its own module:
`status` (actual or target, from the cue words of `cues`), `comparisons` (`compared_to`, `direction`),
`period_choice` (which period, from those `periods` finds in the text), `owners` (the entity) and
`indicators`; `doc_context.DocContext` holds what the document has said so far.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from extractors.comparisons import change_direction, comparison_base
from extractors.cues import ACTUAL_CUE, BREAKDOWN_OPEN, first_letters, led
from extractors.doc_context import DocContext
from extractors.indicator_context import repair as repair_indicator, spell_out
from extractors.indicators import Attributed, indicator_of
from extractors.owners import as_party, company_of, entity_of, holder_after, place_after
from extractors.period_choice import period_of
from extractors.periods import bracket_at, find_periods
from extractors.record import Mention
from extractors.sentences import Sentence, sentence_at
from extractors.status import after_the_document, status_of
from extractors import lexicon
from extractors.status_batch import prepare as prepare_status_sums
from extractors.status_model import target_at
from extractors.wordless import wordless

# `DocContext` and `find_periods` are imported from here by extractors/extract.py and the claim checker
__all__ = ["DocContext", "attribute", "attribute_all", "clause_bounds", "find_periods"]


def clause_bounds(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    """The clause (between `;`/`:`) of the sentence that holds [start, end)."""
    s = sentence.text
    rel_s, rel_e = start - sentence.start, end - sentence.start
    marks = _clause_marks[0]
    if marks is None or marks[0] is not s:   # the sentence's marks are found once for all its figures
        # (each pattern read only where one of its marks is written: most sentences hold none)
        closing = ";" in s or "\n" in s
        marks = _clause_marks[0] = (s, [m.end() for m in _CLAUSE_OPENS.finditer(s)] if closing or ":" in s else [],
                                    [m.start() for m in _CLAUSE_CLOSES.finditer(s)] if closing else [])
    opens, closes = marks[1], marks[2]
    k = bisect_right(opens, rel_s)
    cs = opens[k - 1] if k else 0            # the last clause opening at or before the figure
    k = bisect_left(closes, rel_e)
    ce = closes[k] if k < len(closes) else len(s)   # the first close at or after its end
    return sentence.start + cs, sentence.start + ce


_clause_marks: list = [None]   # (the sentence in hand, where its clauses open, where they close)
# (a colon after a copula opens no clause: `tổng số hộ nghèo toàn tỉnh là: 36.537 hộ`)
_CLAUSE_OPENS, _CLAUSE_CLOSES = re.compile(r";\s|(?<!(?<!\w)là):\s|\n"), re.compile(r";|\n")
_CLAUSE_OPENS = led(_CLAUSE_OPENS)   # (tried only where a character one of its matches starts with stands: `cues.led`)


def attribute_all(mentions: list[Mention], ctx: DocContext, check=None) -> None:
    """Fill the attribution fields of every mention of one document, in place; `check()`, if given, is called
    before each figure (the time budget's clock: extractors/budget.py)."""
    done = Attributed()
    held = [sentence_at(ctx.sentences, m.start, ctx.sentence_starts) for m in mentions]
    for m, s in zip(mentions, held):
        if s is not None:
            ctx.figure_spans.setdefault(s.index, []).append((m.start - s.start, m.end - s.start))
    try:
        for k, (m, s) in enumerate(zip(mentions, held)):
            if k % _SUMS_AT_ONCE == 0:
                # the status model's sums of the next figures, read at once (each figure's answer is the one
                # `target_at` reads alone; a few hundred at a time: the memory stays bounded in a long document)
                prepare_status_sums(ctx.status_model_sums, ctx.text,
                                    [(x.start, x.end, d.start, d.end, ctx.sentences[x.index - 1].text if x.index else None)
                                     for d, x in zip(mentions[k:k + _SUMS_AT_ONCE], held[k:k + _SUMS_AT_ONCE])
                                     if x is not None], ctx.published)
            if s is None:
                continue
            if check is not None:
                check()
            nxt = mentions[k + 1].start if k + 1 < len(mentions) else None
            attribute(m, s, ctx, done, nxt)
            done.append(m)
    finally:
        _held[:] = [None, None, {}, None, None]   # (the document is not kept)


_SUMS_AT_ONCE = 256   # figures whose status model sums are read at once (`status_batch.prepare`)


# a sentence that breaks down or goes on with the one before: `Trong đó, …`, `Cụ thể, …`
_CONTINUES = re.compile(r"\s*(?:Trong đó|Cụ thể|Riêng|Bao gồm|Gồm)\b")


# a list that breaks a figure down by place or body: `Trong đó, Thạnh Phú 121 đảng viên, Mỏ Cày Nam 121, …`
_NAME_BEFORE = re.compile(r"[,;:]\s*((?:[^\s,;:()]+\s+){0,6}[^\s,;:()]+)\s*$")


def _name_before(tail: str):
    """`_NAME_BEFORE.search(tail)`, tried at the last `,`/`;`/`:` only: nothing after the mark that opens the
    pattern can be one, so no other place can open a match."""
    k = max(tail.rfind(","), tail.rfind(";"), tail.rfind(":"))
    return _NAME_BEFORE.match(tail, k) if k >= 0 else None


def _after_a_comma(tail: str) -> bool:
    r"""`re.search(r"[,;:][^,;:]{1,80}$", tail)`, read from the last `,`/`;`/`:` instead of trying every place."""
    k = max(tail.rfind(","), tail.rfind(";"), tail.rfind(":"))
    n = len(tail) - 1 - k
    return k >= 0 and (1 <= n <= 80 or n == 81 and tail.endswith("\n"))


def _named_item(m: Mention, text: str, s: Sentence, done: list[Mention]) -> None:
    """A figure right after a name in a breakdown list belongs to that place or body and measures what the
    figure broken down measures: `… kết nạp được 957/1.679 đảng viên mới. Trong đó, Thạnh Phú 121 đảng viên,
    Mỏ Cày Nam 121, …`."""
    if m.kind not in ("quantity", "percent", "money"):
        return
    before = text[max(s.start, m.start - 400):m.start]   # bounded: the cost stays linear in the document
    if not _after_a_comma(before[-82:]):
        return
    tail = before[-120:]
    name = _name_before(tail)
    if not name or len(name.group(1).split()) < 2 \
            or not all(w[:1].isupper() or w in ("-", "–") for w in name.group(1).split()) \
            or not BREAKDOWN_OPEN.search(before[:len(before) - len(tail) + name.start() + 1]):
        return
    m.entity, m.extra["entity_source"] = name.group(1).strip(), "sentence"
    # the list's head: the first figure of this sentence that is no list item, else (`Trong đó, …`) the first
    # figure of the sentence before; a walk back over these two sentences only
    same, prev = [], []
    for d in reversed(done):
        index = d.extra.get("sentence_index")
        if index == s.index and not d.extra.get("named_item"):
            same.append(d)
        elif index == s.index - 1:
            prev.append(d)
        elif index is not None and index < s.index - 1:
            break
    head = same[-1] if same else prev[-1] if prev and _CONTINUES.match(s.text) else None
    if head is not None and head.indicator:
        m.indicator, m.extra["indicator_source"] = head.indicator, "context: the figure broken down"
    m.extra["named_item"] = True


def _the_change(m: Mention, done: list[Mention] | None, s: Sentence) -> Mention | None:
    """The percentage change before a bracketed figure when the bracket gives that change in units: the level before
    the change, of the bracket's unit, less the level the change implies for the base is the bracket's value (within
    5%); None when the bracket is the base's level (`tăng 4% so với cùng kỳ năm 2023 (255.013 lượt)`) or no level is
    there to tell."""
    if not done or m.value is None or not m.unit:
        return None
    change = done[-1]
    if change.kind != "percent" or change.value is None or change.extra.get("sentence_index") != s.index \
            or change.direction not in ("increase", "decrease"):
        return None
    level = next((d for d in reversed(done[-6:-1]) if d.extra.get("sentence_index") == s.index and d.unit == m.unit
                  and d.value and not d.extra.get("aside")), None)
    if level is None:
        return None
    rate = change.value / 100.0
    base = level.value / (1 + rate) if change.direction == "increase" else level.value / max(1e-9, 1 - rate)
    delta = abs(level.value - base)
    return change if delta and abs(m.value - delta) <= 0.05 * delta else None


# figures of a party's membership: new members, candidates, members on the rolls
_MEMBERSHIP = re.compile(first_letters(("đảng viên", "ĐV", "quần chúng", "kết nạp")) +
                         r"(?:(?<!\w)(?:đảng viên|ĐV|quần chúng|kết nạp)(?!\w))", re.IGNORECASE)


def attribute(m: Mention, s: Sentence, ctx: DocContext, done: Attributed | None = None,
              next_start: int | None = None) -> None:
    """Attribute one mention; `done` holds the document's mentions before it, already attributed."""
    if done is None:
        done = Attributed()
    text = ctx.text
    cs, ce = clause_bounds(s, m.start, m.end)
    clause_before = text[cs:m.start]
    clause_after = text[m.end:ce]
    sent_before = text[s.start:m.start]

    read_by_model = []

    def model() -> str | None:
        target = target_at(ctx.status_model_sums, text, s.start, s.end, m.start, m.end, ctx.published,
                           ctx.sentences[s.index - 1].text if s.index > 0 else None)
        if target is None:
            return None
        read_by_model.append(target)
        return "target" if target else "actual"
    m.status = status_of(m, clause_before, sent_before, text[max(s.start, m.start - 20):m.start], ctx, s, model)
    m.extra["status_source"] = None if m.status is None else "model" if read_by_model else "rules"
    m.compared_to = comparison_base(m, clause_after, next_start, clause_before)
    m.direction = change_direction(clause_before)
    plain = letter_free(m, s)
    m.period, m.extra["period_source"] = _period_of(m, s, ctx, cs, plain)
    if m.status == "actual" and after_the_document(m.period, ctx) and not ACTUAL_CUE.search(clause_before):
        m.status = "target"  # `Đến năm 2030, thu nhập bình quân … từ 75-80 triệu đồng`: no result yet
        m.extra["status_source"] = "rules"
        m.period, m.extra["period_source"] = _period_of(m, s, ctx, cs, plain)
    if m.extra.pop("base_in_brackets", False):
        change = _the_change(m, done, s)
        if change is not None:
            # `… là 62.700 ha, … tăng 6,65% so với năm 2018 (3.912 ha)`: the bracket is the change in units, of the
            # change's time, not the base year's level
            m.period, m.extra["period_source"] = change.period, change.extra.get("period_source")
    spans = ctx.sentence_brackets[s.index]
    if spans and bracket_at(spans, m.start - s.start, s.text) is not None:
        m.extra["aside"] = True   # `(quý I/2023 đạt 4,11%)`: a figure in brackets, beside the sentence's own
    before = None
    continues = m.extra["period_source"] in ("document", None) and _CONTINUES.match(s.text)   # (asked first: cheap)
    for d in reversed((done or [])[-8:]) if continues else ():   # the figure before, not one of an aside
        if not d.extra.get("aside"):
            before = d
            break
    if before is not None and before.extra.get("sentence_index") == s.index:
        # (a figure after another of its own sentence: the breakdown is of the last figure of the sentence before)
        before = next((d for d in reversed(done[-12:]) if d.extra.get("sentence_index") == s.index - 1
                       and not d.extra.get("aside")), None)
    if continues and before is not None and before.status == m.status \
            and before.period and before.extra.get("sentence_index") == s.index - 1:
        # `… hiện có 57.180 hộ nghèo. Trong đó, hộ nghèo về thu nhập là 50.868 hộ`: the breakdown of the
        # figure before, of its time
        m.period, m.extra["period_source"] = before.period, "paragraph"
    if m.extra["period_source"] != "sentence" and "tổng số" in s.text:
        earlier = _restated_total(m, s, done)
        if earlier is not None:
            # `Trong tổng số 37.267 người đã được đào tạo nghề, có 455 người …` after `từ năm 2016 đến nay, … đào tạo
            # 37.267 người`: the total said again, and its parts, are of the time the total was given
            m.period, m.extra["period_source"] = earlier.period, "document"
    m.entity, m.extra["entity_source"] = _entity_of(text, cs, m, s, ctx, plain)
    if m.extra["entity_source"] in ("document", "site") and s.index > 0 and done:
        district = _district_goes_on(m, s, ctx, done)
        if district:
            # `Riêng Phú Quốc có 2.963.395 lượt khách …. Doanh thu đạt 3.955,9 tỷ đồng`: a sentence that names no owner
            # goes on about the district the sentence before it, in its paragraph, was about
            m.entity, m.extra["entity_source"] = district, "paragraph"
    if m.entity and ctx.province and m.kind in ("quantity", "fraction") and _DISTRICTS_COUNTED.match(m.unit or "") \
            and _DISTRICT_OWNER.match(m.entity) and not _DISTRICTS_OF_IT.match(text, m.end, m.end + 40):
        # `… xét công nhận huyện Cao Lãnh đạt chuẩn …, phấn đấu 2 huyện: Châu Thành, Lấp Vò đạt chuẩn`: districts are
        # counted across the province, not within one of them
        m.entity, m.extra["entity_source"] = ctx.province, "site" if ctx.province_source == "site" else "document"
    if m.entity and m.entity.startswith(("thành phố ", "thị xã ")) and m.period and m.period[:4].isdigit():
        m.entity = _kind_then(m.entity, int(m.period[:4]))   # (`Phú Quốc` in 2017: `huyện Phú Quốc`)
    prev_sentence = ctx.sentences[s.index - 1].text if s.index > 0 else None
    m.indicator = indicator_of(m, text, s.start, cs, ce, done, prev_sentence)
    repair_indicator(m, text, s.start, ctx.paragraph_start(s), done, ctx.title, prev_sentence)
    if not plain:   # (a list's item is named in words: `Trong đó, Thạnh Phú 121 đảng viên`)
        _named_item(m, text, s, done)
    m.indicator = spell_out(m.indicator, m.unit)
    if m.entity and _MEMBERSHIP.search(f"{m.unit or ''} {m.indicator or ''}"):
        m.entity = as_party(m.entity)   # `Huyện ủy Xuân Lộc kết nạp được 358 đảng viên`: the district's party's


# a count of districts (`2 huyện`, `3/8 huyện, thị xã`, `6/9 đơn vị cấp huyện`), and one that says whose they are
_DISTRICTS_COUNTED = re.compile(r"(?:huyện|thị xã|quận|đơn vị cấp huyện)(?:\s*,|\s|$)")
_DISTRICTS_OF_IT = re.compile(r"\s*(?:của|thuộc)\s")


# districts that changed kind, with the kind they had before (extractors/lexicon/district_upgrades.tsv)
_UPGRADED = {row["district"]: (row["before"], int(row["since"])) for row in lexicon.rows("district_upgrades")}


def _kind_then(entity: str, year: int) -> str:
    """A district named with the kind it had in `year`: `thành phố Phú Quốc` is `huyện Phú Quốc` before 2021, `thị xã
    Việt Yên` `huyện Việt Yên` before 2024."""
    upgraded = _UPGRADED.get(entity)
    if upgraded is None or year >= upgraded[1]:
        return entity
    return f"{upgraded[0]} {entity.split(' ', 2)[2]}"


# a total said again before its parts: `Trong tổng số 37.267 người đã được đào tạo nghề, có 455 người …`
_RESTATED_TOTAL = re.compile(r"(?<!\w)[Tt]rong\s+tổng\s+số\s+(\d[\d.,]*)\s")


def _restated_total(m: Mention, s: Sentence, done) -> Mention | None:
    """The figure of an earlier sentence that `m`'s sentence restates as a total before `m` (or as `m` itself),
    when its period was given by its own sentence."""
    total = _RESTATED_TOTAL.search(s.text, 0, m.end - s.start)
    if total is None:
        return None
    number = total.group(1)
    for d in reversed(done[-40:] if done else []):
        if d.extra.get("sentence_index", s.index) < s.index and number in d.text.split() and d.period \
                and d.extra.get("period_source") == "sentence":
            return d
    return None


# Figures in a sentence without a letter (`1% 1% 1% …`, `1/2%1/2%…`: hostile input, tens of thousands of figures in
# 100 KB; extractors/wordless.py). Every rule that reads a figure's sentence for its period or its owner looks for
# words there (a period, `bình quân`, `đến nay`, `so với năm`, a body, a place, `cả nước`, `toàn huyện`, `Cụ thể,` …),
# so in such a sentence neither depends on which figure it is: the period on the figure's status alone (with what
# the document said before the sentence), the owner on the document alone. They are read once per sentence and
# status (the period) and once per document (the owner) instead of once per figure.
#
# `_held`: the sentence in hand, whether it holds a letter, its figures' periods by status; the document in hand,
# the owner of its figures in sentences without letters (emptied when the document is done: `attribute_all`)
_held: list = [None, None, {}, None, None]


def letter_free(m: Mention, s: Sentence) -> bool:
    """Whether figure `m` lies in sentence `s` and neither the sentence nor the figure's unit holds a letter."""
    if not s.start <= m.start <= m.end <= s.end or not wordless(m.unit or ""):
        return False
    if _held[0] is not s:
        _held[0:3] = [s, wordless(s.text), {}]
    return _held[1]


def _period_of(m: Mention, s: Sentence, ctx: DocContext, cs: int, plain: bool) -> tuple[str | None, str | None]:
    """`period_of(m, s, ctx, cs)`, read once per status in a sentence without letters or periods (for every figure
    but the one that ends it)."""
    if not plain or ctx.sentence_periods[s.index] or not ctx.text[m.end:s.end].strip():
        return period_of(m, s, ctx, cs)   # (the rules may read past the sentence's last figure: `… kế hoạch năm 2024`)
    got = _held[2].get(m.status)
    if got is None:   # (`_held[0]` is `s`: `letter_free` was asked first)
        got = _held[2][m.status] = period_of(m, s, ctx, cs)
    return got


_COMPANY_REACH = 400   # characters before a figure read for the company or plant it is of (linear in a long sentence)


_DISTRICT_OWNER = re.compile(r"(?:huyện|thị xã|quận|thành phố)\s")
# words that make a sentence the province's or another's again
_OWNER_WORDS = re.compile(r"(?<!\w)(?:tỉnh|toàn|cả nước|thành phố|huyện|xã|phường|quận|thị xã|Đảng bộ|UBND|HĐND)(?!\w)",
                          re.IGNORECASE)
_OWNER_WORDS = led(_OWNER_WORDS)   # (tried only where a character one of its matches starts with stands: `cues.led`)


def _district_goes_on(m: Mention, s: Sentence, ctx: DocContext, done: list[Mention]) -> str | None:
    """The district the figures of the sentence before `s` (in its paragraph) belong to, by their own sentence, when
    `s` writes no word of an owner before the figure; else None."""
    prev = ctx.sentences[s.index - 1]
    if prev.paragraph != s.paragraph or _OWNER_WORDS.search(ctx.text, s.start, m.start):
        return None
    before = [d for d in done[-12:] if d.extra.get("sentence_index") == s.index - 1]
    if not before:
        return None
    last = before[-1]
    if not (last.entity and _DISTRICT_OWNER.match(last.entity) and all(d.entity == last.entity for d in before)
            and last.extra.get("entity_source") in ("sentence", "paragraph")):
        return None   # (not a list of districts, each with its figure)
    if ctx.province and last.entity.endswith(ctx.province):
        return None   # (`thành phố Hà Nội`: the province itself)
    return last.entity


def _entity_of(text: str, cs: int, m: Mention, s: Sentence, ctx: DocContext,
               plain: bool) -> tuple[str | None, str | None]:
    """`entity_of(…)` of the figure, read once per document for the figures of sentences without letters."""
    if m.kind == "rank" and (holder := holder_after(text, m.end)):
        return holder, "sentence"       # `Đứng thứ nhì là tỉnh Bắc Giang`
    if m.kind == "quantity" and m.unit and (place := place_after(text, m.end, m.unit)):
        return place, "sentence"        # `63 hộ của xã Krông Pa đã thoát nghèo`
    lo = max(s.start, m.start - _COMPANY_REACH)
    if text.find("của", lo, m.start) >= 0 and (company := company_of(text, lo, m.start)):
        return company, "sentence"      # `sản lượng điện của Nhà máy Nhiệt điện Vũng Áng I … tăng 68%`
    if not plain or _held[3] is not ctx:
        got = entity_of(text, cs, m.start, s, ctx, m.unit if m.kind == "quantity" else None,
                        rank=m.kind == "rank" or (m.unit or "").startswith("bậc"))
        if not plain:
            return got
        _held[3:5] = [ctx, got]
    return _held[4]
