"""Whether a figure is a result (`actual`) or a target (`target`): the cue words of its clause, its sentence
and its paragraph (extractors/cues.py), and whether the period in force lies after the document.
"""
from __future__ import annotations

import re
from typing import Callable

from extractors.cues import (ACTUAL_CUE, BODY_WITH_CUE, PAREN_TARGET, PLAN_IS, PROGRAMME, TARGET_AS_RESULT,
                             TARGET_CUE, TARGET_RIGHT_BEFORE, TARGETS_REVIEWED, Needs, alt, led)
from extractors.doc_context import DocContext
from extractors.record import Mention
from extractors.sentences import Sentence
from extractors.normalize import UPPER


# a review of what a plan achieved so far: `Sau 2 năm thực hiện …`, `Qua 5 năm triển khai thực hiện …`
_AFTER_YEARS_OF = re.compile(r"(?<!\w)(?:[Ss]au|[Qq]ua)\s+(?:\d{1,2}|hai|ba|bốn|năm|mười|nhiều)\s+năm\s+"
                             r"(?:triển khai\s+)?(?:thực hiện|triển khai)(?!\w)")
_AFTER_YEARS_OF = led(_AFTER_YEARS_OF)   # (tried only where a character one of its matches starts with stands: `cues.led`)


# a bracket right after the plan a result is measured against: `… so với nghị quyết đề ra (23.600 tỷ đồng)`
_PLAN_IN_BRACKET = re.compile(r"(?<!\w)(?:so với|bằng)\s+(?:kế hoạch|nghị quyết|dự toán|chỉ tiêu|mục tiêu)"
                              r"[^()\d,;]{0,30}\(\s*$", re.IGNORECASE)

def status_of(m: Mention, clause_before: str, sent_before: str, just_before: str, ctx: DocContext,
              s: Sentence, model: Callable[[], str | None] | None = None) -> str | None:
    """`actual`, `target`, or None for a heading or a label that states no figure; `model` reads the
    figure's status with the trained model (None when there is no model)."""
    # names that hold cue words are not cues: `Sở Kế hoạch và Đầu tư`, `Chương trình mục tiêu quốc gia`,
    # and neither is the quoted title of a resolution (`Nghị quyết 01 “Về phát triển … định hướng đến 2030”`)
    # and neither are targets counted as met (`với 17/22 chỉ tiêu chủ yếu đạt và vượt kế hoạch`)
    # (blanked once per sentence, keeping offsets, so that a long list costs linear time)
    cleaned = _cleaned_sentence(ctx, s)
    end = m.start - s.start
    clause_before, sent_before = cleaned[end - len(clause_before):end], cleaned[:end]
    if ctx.heading(s):
        # a title or section heading may announce targets, or state a result with its verb (`Phú Thọ giữ vị
        # trí số 10`, `Chỉ số sản xuất công nghiệp toàn ngành tăng 20,2%`); a bare label states nothing
        if TARGET_CUE.search(TARGET_AS_RESULT.sub(" ", sent_before)):
            return "target"
        return "actual" if _HEADING_VERB.search(sent_before) else None
    if not sent_before.strip() and re.match(r"[^\d,;.()]{0,40}:", ctx.text[m.end:s.end]):
        return None  # a label that opens a list, `Ba khâu đột phá: (1) …`, states no figure
    if PAREN_TARGET.search(just_before):
        return "target"  # a bracket that opens with a plan word gives the plan: `7,02% (kế hoạch 7-7,5%)`
    if "(" in just_before and _PLAN_IN_BRACKET.search(ctx.text, max(s.start, m.start - 60), m.start):
        return "target"  # `đạt 51,8% so với nghị quyết đề ra (23.600 tỷ đồng)`: the plan's amount, in brackets
    if ("thực hiện" in sent_before or "triển khai" in sent_before) and _AFTER_YEARS_OF.search(sent_before) \
            and not TARGET_CUE.search(TARGET_AS_RESULT.sub(" ", clause_before)):   # (each match holds one of the two)
        return "actual"  # `Sau 2 năm thực hiện Nghị quyết …, tốc độ tăng trưởng công nghiệp đạt 19%`: what it achieved
    if _PLAN_TITLE.match(ctx.title or "") and not _RESULT_IN_TITLE.search(ctx.title) \
            and not _RESULTS_IN_LEAD.search(ctx.text[:300]) \
            and not re.search(r"(?<!\w)(?:đã|đạt được)(?!\w)", sent_before) and not _past_year_named(s.text, ctx):
        return "target"  # a page titled `Mục tiêu phát triển kinh tế - xã hội của năm 2019`: the plan's figures
    if s.paragraph > 0 and _page_adopts_plan(ctx, s) \
            and not re.search(r"(?<!\w)(?:đã|đạt được|qua|vừa qua|trước)(?!\w)", sent_before) \
            and not _past_year_named(s.text, ctx) and not ctx.heading(s):
        # `Đại hội … nhiệm kỳ 2025-2030 đã thông qua Nghị quyết …, nhất trí mục tiêu …` opens the page; then `Tốc độ tăng
        # trưởng … bình quân đạt 10%`: the congress's targets
        return "target"
    if _CLAIMS_EXCEEDED.match(ctx.text, m.end, min(s.end, m.end + 60)) \
            and not TARGET_CUE.search(TARGET_AS_RESULT.sub(" ", clause_before)):
        return "actual"  # `bình quân mỗi năm giảm trên 2,4%, vượt mục tiêu đề ra`: a result said to have beaten its plan
    # Otherwise the trained model reads result or target (extractors/status_model.py): on real passages it
    # has never seen it reads better than the rules below, which decide only when no model is present.
    decided = model() if model is not None else None
    if decided is not None:
        return decided
    if s.paragraph in ctx.plan_paragraphs and not re.search(r"(?<!\w)(?:đã|đạt được)(?!\w)", sent_before):
        return "target"  # `Hằng năm, tỷ lệ … hoàn thành tốt nhiệm vụ đạt 80% trở lên` after a plan's paragraph
    exceeded = _EXCEEDED_RIGHT_BEFORE.search(clause_before[-60:])
    if PAREN_TARGET.search(just_before) or TARGET_RIGHT_BEFORE.search(just_before) and not exceeded \
            or PLAN_IS.search(_EXCEEDED.sub(" ", clause_before)[-90:]):
        return "target"  # `(kế hoạch 8%)`, `chưa đạt mục tiêu từ 20% trở lên`
    if m.kind == "percent" and re.search(r"(?<!\w)chỉ tiêu\s+(?:[^\s,;:\d%]+\s+){1,3}(?:từ|trên|dưới|tối thiểu|ít nhất)?\s*$",
                                         clause_before[-60:]):
        return "target"  # the level a target sets: `hoàn thành chỉ tiêu giải quyết trên 90% đơn thư`
    if m.kind in ("quantity", "fraction") and _PLAN_AFTER_COUNT.match(ctx.text[m.end:m.end + 80]):
        return "target"  # `2 huyện Bạch Thông và Chợ Đồn phấn đấu đến năm 2025 hoàn thành …`: the plan's subject
    counts_targets = m.kind == "quantity" and (m.unit or "").lower().startswith(("chỉ tiêu", "nhiệm vụ", "mục tiêu"))
    if m.kind == "fraction":
        # `giải ngân 5.230/6.100 tỷ đồng kế hoạch`: a share of the plan achieved is a result
        cb = TARGET_AS_RESULT.sub(" ", clause_before)
        return "target" if _FRACTION_TARGET.search(cb) else "actual"
    cb = _SHARE_OF_PLAN.sub(" ", TARGET_AS_RESULT.sub(" ", clause_before))
    sb = _SHARE_OF_PLAN.sub(" ", TARGET_AS_RESULT.sub(" ", sent_before))
    paren = sent_before.rfind("(")
    if paren > sent_before.rfind(")") and _names_target(sent_before[max(0, paren - 50):paren]) \
            and not counts_targets:
        return "target"  # `gần đạt mục tiêu của cả nhiệm kỳ (từ 2 đến 2,5 tỷ USD)`
    if TARGET_CUE.search(cb) and not counts_targets and not _done_after_plan(cb):
        return "target"
    colon = sb.rfind(":")
    if colon > 0 and TARGET_CUE.search(sb[:colon]) and not counts_targets and not re.search(r"(?<!\w)đã(?!\w)", cb):
        return "target"  # `một số chỉ tiêu lớn là: … đạt trên 90%; …`
    if ACTUAL_CUE.search(cb):
        return "actual"
    own_year = re.search(r"(?<!\w)(?<!so với )(?<!so )năm\s+((?:19|20)\d{2})(?!\d)", cb)   # not a base
    past = own_year and (ctx.pub_year is None or int(own_year.group(1)) < ctx.pub_year)
    if TARGET_CUE.search(sb) and not ACTUAL_CUE.search(sb[-60:]) and not counts_targets and not past \
            and not _done_after_plan(sb):
        return "target"  # not `… dự kiến giai đoạn 2016-2018 tăng 16,51%; trong đó, năm 2016 tăng 21,4%`
    has = re.search(r"(?<!\w)(?:hiện\s+)?có\s*(?:\S+\s+)?$", cb)   # `Tỉnh … có 23 xã đạt chuẩn`: a state of things
    if ctx.para_target[s.index] and not ACTUAL_CUE.search(sb) and _future_period(s, ctx, m.start) and not has:
        return "target"
    return "actual"


def _page_adopts_plan(ctx: DocContext, s: Sentence) -> bool:
    """Whether `_ADOPTS_PLAN` matches in the text before the paragraph of `s`, its first 600 characters at most
    (`ctx.text[:ctx.paragraph_start(s)][:600]`): the same text for every paragraph that starts past them, so read
    once per document and reach (it was read, and the document's text up to the paragraph copied, for every figure)."""
    reach = min(ctx.paragraph_start(s), 600)
    memo = ctx.status_memo
    got = memo.get(reach)
    if got is None:
        got = memo[reach] = _ADOPTS_PLAN.search(ctx.text[:reach]) is not None
    return got


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))


def _cleaned_sentence(ctx: DocContext, s: Sentence) -> str:
    """The sentence with names holding cue words, quoted titles and targets counted as met blanked out."""
    cache = ctx.status_cleaned
    if s.index not in cache:
        cache.clear()   # the figures come in order: only the sentence in hand is kept (memory)
        x = ctx.text[s.start:s.end]
        for pattern in (BODY_WITH_CUE, PROGRAMME, _QUOTED, TARGETS_REVIEWED):
            x = pattern.sub(_blank, x)
        cache[s.index] = x
    return cache[s.index]


# a page that sets out a plan, by its title: `Mục tiêu phát triển kinh tế - xã hội của năm 2019`, `Các chỉ tiêu chủ yếu
# và những chương trình trọng điểm` (not `Mục tiêu cao nhất là phục vụ Nhân dân`, nor a plan met: `… đạt mục tiêu`)
_PLAN_TITLE = re.compile(r"\s*(?:(?:Các|Những|Nhiều)\s+)?(?:[Mm]ục tiêu|[Cc]hỉ tiêu)(?:,?\s+(?:nhiệm vụ|chủ yếu|phát triển|"
                         r"kinh tế|tăng trưởng))", re.IGNORECASE)
# words that report results, in a title or a lead (`Báo cáo kết quả thực hiện …`, `… nhiều ấn tượng`)
_REPORTS_RESULTS = r"kết quả|ấn tượng|tích cực|khả quan|nổi bật|về đích"
# a lead that reports results (`… vượt so với kế hoạch`)
_RESULTS_IN_LEAD = re.compile(rf"(?<!\w)(?:{_REPORTS_RESULTS}|đạt được|vượt so với)(?!\w)", re.IGNORECASE)
# a page that opens on a congress or council adopting its plan for a term
_ADOPTS_PLAN = re.compile(r"(?=[ĐH])(?<!\w)(?:Đại hội|HĐND|Hội đồng nhân dân)[^.]{0,120}?nhiệm kỳ\s*(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}"
                          r"[^.]{0,80}?(?:thông qua|nhất trí)[^.]{0,60}?(?:Nghị quyết|mục tiêu)")
# a title that reports results (`… đạt mục tiêu`, `… vượt kế hoạch`)
_RESULT_IN_TITLE = re.compile(rf"(?<!\w)(?:{_REPORTS_RESULTS}|đạt|vượt|hoàn thành|cao nhất)(?!\w)", re.IGNORECASE)


def _past_year_named(sentence: str, ctx: DocContext) -> bool:
    """The sentence names a year before the document's (`năm 2018 đạt …` on a 2019 plan page)."""
    now = ctx.year_spoken_from
    return now is not None and any(int(y) < now for y in re.findall(r"(?<!\d)((?:19|20)\d{2})(?!\d)", sentence)
                                   if not re.search(rf"so(?: với)?\s+(?:năm\s+)?{y}", sentence))


# a plan exceeded: what follows `là` is the excess, not the plan (`vượt kế hoạch đề ra là 0,34%`)
_EXCEEDED = re.compile(r"(?<!\w)vượt\s+(?:\S+\s+){0,2}?(?:kế hoạch|mục tiêu|chỉ tiêu|dự toán)", re.IGNORECASE)
_EXCEEDED_RIGHT_BEFORE = re.compile(_EXCEEDED.pattern + r"(?:\s+\S+){0,3}?\s*(?:là\s*)?$", re.IGNORECASE)
# a count whose own clause goes on with a plan for it: `2 huyện Bạch Thông và Chợ Đồn phấn đấu đến năm 2025 …`
# a figure followed, in its clause, by the claim it beat its plan (`…, vượt mục tiêu đề ra`, `, đạt và vượt kế hoạch`)
_CLAIMS_EXCEEDED = re.compile(r"[^;.()\d]{0,30}?,\s*(?:đã\s+)?(?:đạt và\s+)?vượt\s+(?:\S+\s+){0,2}?"
                              r"(?:kế hoạch|mục tiêu|chỉ tiêu|dự toán)(?!\w)", re.IGNORECASE)
_PLAN_AFTER_COUNT = re.compile(r"(?:\s+" + UPPER + r"[^\s,;.()]*|\s+và)*\s+(?:phấn đấu|dự kiến|sẽ|đăng ký phấn đấu)(?!\w)")
# a verb by which a heading states a result
_HEADING_VERB = re.compile(r"(?<!\w)(?:tăng|giảm|đạt|có|giữ|xếp|đứng|vươn lên|thu|kết nạp|đón|hoàn thành|vượt|còn|"
                           r"thu hút|giải ngân|xuất khẩu)(?!\w)", re.IGNORECASE)
# a quoted name or title, closed before the figure
_QUOTED = Needs(re.compile(r"“[^”“%]{3,200}”|\"[^\"%]{3,200}\""), ("“", '"'))   # (run only where a quote is written)
# a share of a plan stated after another figure (`…, 46,1% dự toán HĐND tỉnh giao và 92,6% …`): a result
# (the words of these rules: extractors/lexicon/status_words.tsv)
_SHARE_OF_PLAN = re.compile(rf"\d[\d.,]*\s*%\s*(?:so với\s+)?(?:{alt('share_of_plan')})")
# words that report something done, not planned
_DONE = re.compile(rf"(?<!\w)(?:{alt('done')})(?!\w)", re.IGNORECASE)
# in the clause of a fraction, a target: `phấn đấu giải ngân 5.230/6.100 tỷ đồng`
_FRACTION_TARGET = re.compile(rf"(?<!\w)(?:{alt('fraction_target')})(?!\w)")
# a new predicate between a plan word and a bracket: `vượt kế hoạch và đứng thứ 2 cả nước (sau …)`
_NEW_PREDICATE = re.compile(rf"(?<!\w)(?:{alt('new_predicate')})(?!\w)|[;()\d]")


def _done_after_plan(clause_before: str) -> bool:
    """A result reported after the plan in one clause: `Chỉ tiêu đề ra là 1.500 đảng viên, đến nay đã
    kết nạp 1.410 …`, `phấn đấu thu hút 500 triệu USD, trong đó 6 tháng đầu năm đã thu hút …`."""
    plans = [c.end() for c in TARGET_CUE.finditer(clause_before)]
    done = [d.start() for d in _DONE.finditer(clause_before)]
    return bool(plans and done and done[-1] > plans[-1])


def _names_target(before_paren: str) -> bool:
    """A parenthesis that gives a target's value: `so với mục tiêu (95%)`, `kế hoạch năm (400 triệu
    USD)`, `mục tiêu của cả nhiệm kỳ (từ 2 đến 2,5 tỷ USD)`; not one after a new predicate (`vượt kế
    hoạch và đứng thứ 2 cả nước (sau …)`)."""
    cues = list(TARGET_CUE.finditer(before_paren))
    if not cues:
        return False
    between = before_paren[cues[-1].end():]
    return not _NEW_PREDICATE.search(between)


def after_the_document(period: str | None, ctx: DocContext) -> bool:
    """A period that begins after the year the document was published: nothing in it is a result yet."""
    return bool(period and ctx.pub_year and period[:4].isdigit() and int(period[:4]) > ctx.pub_year)


def _future_period(s: Sentence, ctx: DocContext, at: int) -> bool:
    """The period in force at `at` (the figure's offset in the document) is after the document's year
    (targets for the coming year), or unknown. Of the sentence's periods, the last one before the figure
    is in force: `năm 2021 đạt 11,9% …, 9 tháng của năm 2022 ước đạt 12,3%`."""
    ps = ctx.sentence_periods[s.index]
    ps = [p for p in ps if s.start + p.pos < at] or ps or ctx.running[s.index]
    per = ps[-1].value if ps else None
    if ps and ps[-1].kind in ("half", "nine", "months", "month", "quarter") and "NOW" not in per:
        return False   # `trong 6 tháng đầu năm 2021, …`: a report of part of a year gone by
    if per is None or ctx.pub_year is None:
        return True
    try:
        return int(per[:4]) >= ctx.pub_year or "-" in per and int(per[-4:]) > ctx.pub_year
    except ValueError:
        return True
