"""The indicator of a count (`_counted`): from the verb that governs it (`bổ nhiệm lại 7 đồng chí`), the predicate after
it (`171/182 xã đạt chuẩn nông thôn mới`), the subject a copula leads to it, or, for a change against a base
(`tăng 2.000 người so với cùng kỳ`), the figure before it with the same counted noun or the noun it counts."""
from __future__ import annotations

import re

from extractors import lexicon
from extractors.endings import EndsWith
from extractors.indicator_keys import known_indicator
from extractors.indicator_phrases import (_AFTER_MODIFIER, _coordinated_tail, _ENDS_WITH_COPULA, _FILLER_ONLY,
    _HAS_PREDICATE, _is_participant, _joined_subject, _modifiers, _names_owner, _only_target_words, _same_group,
    _subject, _TAKES_TARGETS, _TARGET_UNITS, _verb_phrase, _VERB_ALT, _VERB_RE)
from extractors.normalize import UPPER


# the end of the part before a count (each asked only where its words are written)
_CHANGE_AT_END = re.compile(r"(?<!\w)(tăng|giảm)(?:\s+thêm)?\s*$")
_OF_AT_END = re.compile(r"(?<!\w)của\s+(?:các\s+)?$")
_GOVERNED = re.compile(r"(?<!\w)(?:cho|với|đối với|đến)\s+(?:các\s+|những\s+)?$")
# who speaks for the people counted is no act done for them: `đại biểu đại diện cho hơn 58.000 đảng viên`
_REPRESENTED = re.compile(r"(?<!\w)(?:đại diện|thay mặt)\s+cho\s+(?:(?:hơn|gần|trên|khoảng)\s+)?$")
_STANDS_FOR = re.compile(r"(?<!\w)(?:đại diện|thay mặt)$")
_FOR_AT_END = re.compile(r"(?<!\w)cho\s+(?:các\s+|những\s+)?$")
_GIVEN_AT_END = re.compile(r"(?<!\w)được\s+giao\s*$")


# a run of verbs that say what was done with a count of targets, right before it (lexicon/status_words.tsv, role
# `achieves_targets`): `thực hiện đạt và vượt 27/31 chỉ tiêu`, `hoàn thành và hoàn thành vượt mức 13/15 chỉ tiêu`
_ACHIEVES = lexicon.alternation("status_words", "achieves_targets")
_ACHIEVED_AT_END = re.compile(rf"(?<!\w)((?:{_ACHIEVES})(?:(?:\s*,\s*|\s+và\s+|\s+)(?:{_ACHIEVES}|tốt|mức))*)"
                              r"(?:\s+(?:được|toàn bộ|cả))?\s*$", re.IGNORECASE)

# an act that ends the part before a comma, listed with the act right before a count: `Trong đó, cấp mới, gia hạn 1.924
# thẻ BHYT`
_ACT_BEFORE_COMMA = re.compile(rf"(?<![\w-])((?:{_VERB_ALT}))\s*,\s*$", re.IGNORECASE)
# the act that adopts the targets counted, right before them (lexicon/status_words.tsv, role `adopts_targets`): `Nghị quyết Đại hội đã đề ra 22 chỉ tiêu chủ yếu`, `Đại hội
# biểu quyết 12 chỉ tiêu quan trọng`
_ADOPTED_AT_END = re.compile(rf"(?<!\w)((?:quyết định\s+)?(?:{lexicon.alternation('status_words', 'adopts_targets')}))\s*$",
                             re.IGNORECASE)
# who set the targets counted, right after them: `… chỉ tiêu đã đề ra`, `… nhiệm vụ được đề ra tại Nghị quyết Đại hội`
_SET_BY = re.compile(r"\s*((?:(?:đã|được)\s+)*(?:đề ra|đặt ra|giao)(?![\w])(?:\s+[^\s,;:.()\d]+){0,10})")


# the group a count of people are the members of (lexicon/context_words.tsv, role `member_group`): named right
# before `gồm`, or after `bầu … vào`
_GROUP = lexicon.alternation("context_words", "member_group")
_GROUP_BEFORE_GOM = re.compile(rf"(?<!\w)((?:{_GROUP})\s[^,;:()\d]{{2,100}}?)\s+gồm(?:\s+có)?\s*$")
_ELECTED_INTO = re.compile(rf"\s*vào\s+((?:{_GROUP})\s[^,;:.()\d]{{2,80}})")


def _members_of(last: str, after: str) -> str | None:
    """The group a count of people make up: `Ban Chấp hành Đảng bộ tỉnh khóa XV` for `Ban Chấp hành Đảng bộ tỉnh
    khóa XV gồm 55 đồng chí`, `Ủy ban Kiểm tra Tỉnh ủy` for `bầu 11 đồng chí vào Ủy ban Kiểm tra Tỉnh ủy`."""
    if "gồm" in last:
        found = _GROUP_BEFORE_GOM.search(last)
        if found:
            return found.group(1).strip()
    if "vào" in after[:8] and re.search(r"(?<!\w)bầu(?:\s+bổ sung)?(?:\s+(?:được|thêm))?\s*$", last):
        found = _ELECTED_INTO.match(after)
        if found:
            return found.group(1).strip()
    return None


# who a count belongs to, at the end of the text before it: `với sự tham dự của gần 8.000 đại biểu`, `… của các`
_OWNER_AT_END = EndsWith(re.compile(r"(?:(?:sự|với sự)\s+([^\s,;:]+(?:\s+[^\s,;:]+)?)\s+)?của\s+(?:các\s+)?$"),
                         ("của", "các"))
# the owner right after a group, before what it did: `9/9 huyện, thành phố của tỉnh Hà Tĩnh đã thành lập …`
_ITS_OWNER_AFTER = re.compile(r"^\s*(?:của|thuộc)\s+(?:tỉnh|thành phố|huyện)?\s*(?:" + UPPER + r"\w*\s*)+")


def _counted(m, text, seg, last, after, unit, participant, done, sprev, before=""):
    """The indicator of a count, from the verb that governs it or the predicate after it: `seg` is its
    clause since the figure before, `last` the part of that after its last comma, `before` the clause before it."""
    if participant:
        group = _members_of(last, after)
        if group:
            return group, "group"                             # `Ban Thường vụ Tỉnh ủy gồm 15 đồng chí`
    if _ENDS_WITH_COPULA.search(last):
        subject = _subject(last)
        if subject and _only_target_words(subject) and sprev is not None and sprev.indicator and sprev.unit \
                and _same_group(sprev.unit, unit):
            return sprev.indicator, "inherited"               # `…, trong khi kế hoạch đặt ra là 120 cơ sở`
        if subject and not _FILLER_ONLY.match(subject) and not _only_target_words(subject) \
                and not re.match(r"(?:bình quân\s+)?mỗi\b", subject, re.IGNORECASE) \
                and not (sprev is not None and text[sprev.end:m.start].lstrip(" ").startswith(subject)):
            # (not the predicate of the count before, left over: `99 trường đạt chuẩn quốc gia mức độ 2 và hiện chỉ
            # còn 59 trường chưa được công nhận …`)
            if (sprev is None or sprev.end < m.start - len(seg)) and last.strip().startswith(subject.split()[0]) \
                    and not _HAS_PREDICATE.match(subject):
                subject = _joined_subject(seg, subject)   # `tổng lượt khách tham quan, du lịch … đạt 6,6 triệu lượt`
            return subject, "subject"                         # `nâng tổng số đảng viên lên 99.776 đồng chí`
    change = _CHANGE_AT_END.search(last) if "tăng" in last or "giảm" in last else None   # (the cheap test first)
    if change:
        subject = _subject(last[:change.start()])
        if subject and not _FILLER_ONLY.match(subject) and not _only_target_words(subject):
            return subject, "subject"                         # `số vụ tai nạn giao thông … giảm 14 vụ`
        # a change against a base (`So với năm 2002, tăng 27 tổ chức cơ sở Đảng`, `tăng 2.000 người so với cùng
        # kỳ`) is a change of the figure before it, or of the thing it counts; not a change done (`sắp xếp, giảm`)
        compared = _COMPARED_BEFORE.search(before) or _COMPARED_AFTER.match(after)
        of_what_it_counts = compared and not _VERB_RE.search(last[:change.start()])
        if sprev is None:
            if of_what_it_counts:
                return unit, "unit"                           # `So với …, tăng 27 tổ chức cơ sở Đảng`
            # `đã sắp xếp, giảm 1.132 chi bộ`; a count of things with its noun (`giảm 1.432 hộ nghèo`)
            return (change.group(1) if participant else f"{change.group(1)} {unit}"), "verb"
        if not (sprev.unit and _same_group(sprev.unit, unit)):
            same = _last_of_group(done, m, unit, text, compared is not None)
            if same is not None:
                return same.indicator, "inherited"            # `xảy ra 112 vụ tai nạn giao thông, …; so với cùng kỳ giảm 14 vụ`
            if of_what_it_counts:
                return unit, "unit"                           # `…, so với cùng kỳ năm 2019, tăng 7.024 thẻ`
            return f"{change.group(1)} {unit}{_modifiers(after)}", "verb"   # `…, chiếm tỷ lệ 19,93%, giảm 1.432 hộ nghèo`
    if not participant and "của" in last and _OF_AT_END.search(last):
        return unit, "unit"                                   # `nhiều chỉ tiêu của 5 nhóm nhiệm vụ được giao`
    if participant and _REPRESENTED.search(last):
        # `349 đại biểu chính thức đại diện cho hơn 33 nghìn đảng viên trong toàn Đảng bộ`: those the delegates stand
        # for, by who they are
        return f"{unit}{_modifiers(after)}", "unit"
    if participant:
        # the same group named again (`12 Giám đốc sở` … `12 Giám đốc các sở hoàn thành …`)
        if not _VERB_RE.search(last):
            d = done.last_activity(m.value, unit)
            if d is not None:
                return d.indicator, "inherited"
        # the rest of a list after a verb: `cho 3 nhóm đối tượng, gồm 11 người …; 12 Giám đốc sở`
        if sprev is not None and sprev.indicator and sprev.extra.get("indicator_source") in ("verb", "inherited") \
                and sprev.unit and _is_participant(sprev.unit.split("/")[0]) \
                and not _VERB_RE.search(text[sprev.end:m.start]) \
                and not re.search(r"(?<!\w)có(?!\w)", text[sprev.end:m.start]) \
                and not (re.fullmatch(r"\s*và\s*", text[sprev.end:m.start]) and _AFTER_MODIFIER.match(after)):
            return sprev.indicator, "inherited"   # (not `làm chết 35 người và 59 người bị thương`: its own predicate)
        owner = _OWNER_AT_END.search(last)
        if owner:
            if owner.group(1):
                mods = _modifiers(after)
                if mods.strip() and not re.search(r"\d", mods):
                    return f"{unit}{mods}", "verb"            # `với sự tham dự của 399 đại biểu chính thức`: who they are
                return owner.group(1), "verb"                 # `với sự tham dự của gần 8.000 đại biểu`
            if sprev is not None and sprev.indicator:
                return sprev.indicator, "inherited"           # `31 đề án … của 22 sở, ngành`
    if not participant and unit.lower().split(",")[0] in _TARGET_UNITS:
        achieved = _ACHIEVED_AT_END.search(last) or _ADOPTED_AT_END.search(last)
        if achieved:
            # what was done with the targets counted, and which they are: `thực hiện đạt và vượt 27/31 chỉ tiêu,
            # nhiệm vụ được đề ra …` -> `thực hiện đạt và vượt chỉ tiêu, nhiệm vụ được đề ra …`
            mods = _modifiers(after)
            rest = _past_modifiers(after, mods.strip()) if mods else after
            set_by = _SET_BY.match(rest) if rest is not None else None
            tail = f" {set_by.group(1)}" if set_by else _short_predicate(after, mods)
            return f"{achieved.group(1)} {unit}{mods}{tail}", "verb"
    governed = ("cho" in last or "với" in last or "đến" in last) and _GOVERNED.search(last) is not None
    # a list governed by a preposition takes the whole activity (`thực hiện giao nhiệm vụ … với`);
    # a figure right after its verb takes that verb (`bổ nhiệm, giới thiệu ứng cử 12 đồng chí`)
    verb = _verb_phrase(last, first=participant and governed)
    if verb and last.strip() == verb and "," in seg and (acts := _ACT_BEFORE_COMMA.search(seg, 0, len(seg) - len(last))):
        verb = f"{acts.group(1)}, {verb}"   # `cấp mới, gia hạn 1.924 thẻ BHYT`: the acts listed together
    if verb is None and participant and governed:
        # the verb that governs the list is earlier in the clause: `giao nhiệm vụ … cho 3 nhóm`
        pieces = re.split(r"(?<=[,;])", seg)
        for k in range(len(pieces) - 2, -1, -1):
            head = "".join(pieces[k:])
            verb = _verb_phrase(head, first=True)
            if verb:
                break
            if ";" in pieces[k]:
                break
    if verb is None and governed and (not participant or _FOR_AT_END.search(last)):
        # `Điều chỉnh vốn cho 127 dự án`, `điều chỉnh tăng vốn cho 2 dự án`: the act done for the group; for people,
        # the act alone (`phát thẻ đảng viên cho 75 đồng chí`, `Chuyển sinh hoạt Đảng cho 185 lượt đảng viên`)
        act = re.search(r"(?:^|(?<=[\s,;:]))((?:[^\W\d_]+\s+){1,4}?)(?:cho|đối với)\s+(?:các\s+|những\s+)?$",
                        last.strip(" ") + " ")
        act_words = act.group(1).strip() if act else ""
        if act_words and not _FILLER_ONLY.match(act_words) and not re.match(r"(?:đó|này|ra|vào|và)$", act_words) \
                and not _names_owner(act_words) and not (participant and _STANDS_FOR.search(act_words)):
            return (act_words if participant else f"{act_words} {unit}"), "verb"
    if verb and sprev is not None and sprev.extra.get("indicator_source") == "after" and _AND_AT_END.search(last) \
            and _AFTER_MODIFIER.match(after):
        # `… có 3 thành phố, thị xã hoàn thành nhiệm vụ xây dựng nông thôn mới và 3/8 huyện đạt chuẩn huyện nông thôn
        # mới`: the verb before `và` was the item before's; this count says what it did after it
        verb = None
    if verb:
        low = verb.lower()
        if "giao" in last and _GIVEN_AT_END.search(last) and not participant:
            return f"{unit} được giao", "verb"                # `được giao 3 nhóm nhiệm vụ`
        if participant:
            # `kết nạp 2.520 đảng viên`: verb and noun when together they name a known indicator
            together = f"{verb} {unit}"
            if not governed and verb.endswith(" mới") and known_indicator(f"{verb[:-4]} {unit}"):
                return f"{verb[:-4]} {unit} mới", "verb"      # `kết nạp mới 111 đảng viên`: new members admitted
            return (together if not governed and known_indicator(together) else verb), "verb"
        if unit.lower() in _TARGET_UNITS and not low.startswith(_TAKES_TARGETS):
            mods = _modifiers(after)
            if mods and not _PLAN_WORDS.match(mods):
                return f"{verb} {unit}{mods}", "verb"           # `thông qua 33 chỉ tiêu chủ yếu`: the targets themselves
            return verb, "verb"                               # `kết nạp được 2.101/2.000 chỉ tiêu`
        mods = _modifiers(after)
        return f"{verb} {unit}{mods}{_short_predicate(after, mods)}", "verb"   # `duy trì hơn 2.700 câu lạc bộ thể thao …`
    # the predicate after the group, past its owner: `9/9 huyện, thành phố của tỉnh Hà Tĩnh đã thành lập …`
    rest = _ITS_OWNER_AFTER.sub(" ", after)
    am = _AFTER_MODIFIER.match(rest)
    mods = ""
    if am is None and unit.lower() not in _PEOPLE and unit.lower() not in _TARGET_UNITS:
        # the predicate after the counted noun's own modifiers: `109/196 trường tiểu học đạt chuẩn quốc gia` (a
        # short one, with no figure in it and not `có`: `270 dự án đầu tư thứ cấp có tổng vốn …` is what they hold)
        mods = _modifiers(rest).strip()
        past = _past_modifiers(rest, mods) if mods else None
        am = _AFTER_MODIFIER.match(past) if past else None
        if am and (re.search(r"\d", am.group("vp")) or len(am.group("vp").split()) > 8
                   or re.match(r"(?:(?:đã|được|đều|cũng)\s+)*có\b", am.group("vp"))):
            am = None
        rest = past if am else rest
        mods = mods if am else ""
    if am and _SHARE_AFTER.match(am.group("vp")):
        am = None   # `250 người đạt 125% kế hoạch năm`: a share of the count, not what the counted did
    if am and not (unit.lower() in _TARGET_UNITS and re.match(r"\s*được giao", after)):
        vp = _VP_STOP.sub("", am.group("vp").strip())
        if vp == am.group("vp").strip():
            vp += _coordinated_tail(rest[am.end():])
        vp = _TIME_WORD_AT_END.sub("", vp)   # (`… xã chỉ đạo xây dựng NTM giai đoạn 2011 - 2015`: its time, not what)
        if unit.lower() not in _PEOPLE:
            vp = f"{unit} {mods} {vp}" if mods else f"{unit} {vp}"   # `171/182 xã đạt chuẩn nông thôn mới`: the counted and what they did
        return vp, "after"
    return None


_AND_AT_END = re.compile(r"(?<!\w)và\s*$")


# a word of time the predicate ends on, its years cut off at the figure's digits: `giai đoạn`, `năm`, `nhiệm kỳ`
_TIME_WORD_AT_END = re.compile(r"\s+(?:trong\s+)?(?:giai đoạn|thời kỳ|nhiệm kỳ|năm|tháng|quý)\s*$")


def _past_modifiers(after: str, mods: str) -> str | None:
    """What follows a counted noun's modifiers `mods` (`_modifiers`, stripped) at the head of `after`, or None when
    `after` does not open with them."""
    rest = after.lstrip()
    return rest[len(mods):] if rest.startswith(mods) else None


def _short_predicate(after: str, mods: str) -> str:
    """What the counted things are, said right after them and their modifiers, when short and figure-free: `công
    nhận thêm 09 trường đạt chuẩn quốc gia` -> ` đạt chuẩn quốc gia`; `` when there is none."""
    rest = _past_modifiers(after, mods.strip()) if mods else after
    am = _AFTER_MODIFIER.match(rest) if rest is not None else None
    if am is None:
        return ""
    vp = _VP_STOP.sub("", am.group("vp").strip())
    if re.search(r"\d", vp) or len(vp.split()) > 6 or re.match(r"(?:(?:đã|được|đều|cũng)\s+)*(?:có|là|đạt\s+(?:tỷ|tỉ) lệ)\b", vp):
        return ""
    return f" {vp}"


# what after `chỉ tiêu` makes it the plan a result is measured against, not the targets themselves
_PLAN_WORDS = re.compile(r"\s*(?:được giao|giao|đề ra|kế hoạch|năm|cả năm|tỉnh giao|trên giao|cấp trên giao)(?!\w)")
# where a predicate after a count stops: at the next figure (`thoát nghèo và trên 14 nghìn hộ …`, `tham gia xuất
# khẩu đến 53 thị trường`) or at what goes with it (`cấp mới với tổng vốn đầu tư đăng ký …`)
_VP_STOP = re.compile(r"\s+(?:(?:và|với|,|đến|tới|cho|ở|tại)\s*(?:có\s+)?(?:(?:trên|hơn|gần|khoảng|từ)\s+)*[\d.,]+\s.*|"
                      r"chiếm(?!\w).*|"
                      r"với\s+(?:tổng\s+)?(?:số\s+)?(?:vốn|kinh phí|tổng).*|(?:gồm|bao gồm|như sau)(?!\w).*)$")
# a predicate that is only a share or change of the count (`… 250 người đạt 125% kế hoạch`)
_SHARE_AFTER = re.compile(r"(?:(?:đã|được|đều|cũng)\s+)*(?:đạt|chiếm|bằng|tăng|giảm)(?:\s+(?:tỷ lệ|tỉ lệ|khoảng|gần|"
                          r"trên|hơn|xấp xỉ))*\s+\(?[\d.,]+\s*%", re.IGNORECASE)
# counted words that only say "people" (`52 đồng chí được trao Huy hiệu …`): the predicate alone is the indicator
_PEOPLE = {"đồng chí", "người", "lượt người", "cá nhân", "trường hợp", "lượt", "em", "người dân"}


def _last_of_group(done, m, unit: str, text: str, compared_after: bool = False):
    """The last figure of the same counted noun in `m`'s sentence, back to its start (a few figures at most), when
    the words between restate a comparison (`so với cùng kỳ`), or the change is compared right after it (`25.500
    lượt người, đạt 102% kế hoạch, tăng 2.000 người so với cùng kỳ`): its change is of that figure."""
    for d in reversed(done[-6:]):
        if "\n" in text[d.end:m.start] or "." in re.sub(r"\d\.\d", "", text[d.end:m.start]):
            return None
        if d.unit and d.indicator and _same_group(d.unit, unit) and d.kind == "quantity" \
                and (compared_after and ";" not in text[d.end:m.start]
                     or re.search(r"(?<!\w)so\s+(?:với\s+)?cùng kỳ", text[d.end:m.start])):
            return d
    return None
# a comparison that frames a change: before it in its clause (`So với năm 2002, tăng …`), or right after it
_COMPARED_BEFORE = re.compile(r"(?<!\w)so\s+với(?!\w)", re.IGNORECASE)
_COMPARED_AFTER = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?so\s+(?:với\s+)?(?:cùng kỳ|năm|kỳ|tháng|quý|đầu năm|"
                             r"cuối năm|khi|thời điểm|trước)", re.IGNORECASE)
