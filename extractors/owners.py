"""Whose figure: the body or place that owns it (`entity`), the nearest named in its clause, else in its
sentence, else the document's province; a count of provinces or ministries, or a figure of `cả nước`,
is the country's.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors import lexicon
from extractors.cues import Needs, first_letters, led
from extractors.doc_context import DocContext
from extractors.endings import EndsWith
from extractors.entities import district_anywhere, district_named, district_names, districts_of, find_bodies, national_at
from extractors.gazetteer import find_provinces, in_comparison
from extractors.sentences import Sentence
from extractors.normalize import UPPER


def _governs(between: str) -> bool:
    """A place named just before a figure, with no clause break between, owns it even inside a
    comparison: `(sau tỉnh Bắc Giang tăng trưởng 13,85%)`, `như Trà Vinh (40,5%)`."""
    if re.match(r"\s*(?:để|nhằm)(?!\w)", between):
        return False   # `Nghệ An đã vượt Bắc Ninh, Đồng Nai để đứng thứ 6`: what the subject overtook them for
    return len(between.split()) <= 6 and not re.search(r"[,;:()]", between) or re.fullmatch(r"\s*\(\s*", between) is not None


# counted nouns that count provinces or ministries: such a count is the country's (the words:
# extractors/lexicon/owner_words.tsv)
# the country's surveys of its provinces, who answer them, and the provinces' mean
_INDEX_NAMED = re.compile(r"(?<!\w)(?:PCI|PAPI|PAR INDEX|PAR Index|SIPAS|PGI|DGI)(?!\w)")
_RESPONDENTS = {"doanh", "cử", "người", "lượt"}   # (the first word: `doanh nghiệp`, `cử tri`, `người dân`, `lượt …`)
_SURVEYED = re.compile(r"(?<!\w)(?:phản hồi|khảo sát|điều tra|ý kiến)(?!\w)", re.IGNORECASE)
_AVERAGE_OF_PROVINCES = re.compile(r"(?<!\w)(?:của\s+)?các\s+(?:tỉnh,\s*thành(?:\s+phố)?|địa phương)(?!\w)"
                                   r"[^.;]{0,120}?trung bình(?!\w)")
_COUNTS_PROVINCES = re.compile(
    rf"(?:{lexicon.alternation('owner_words', 'counts_provinces', code={'tỉnh, thành': r'tỉnh, thành(?: phố)?'})})")
# (each of these behind a look ahead for what its matches start with: its look behind was tried at every place)
# (and run only where one of its words is written, ignoring case)
_COUNTRY = Needs(re.compile(rf"{first_letters(lexicon.role_words('owner_words', 'country'))}"
                            rf"(?:(?<!\w)(?:{lexicon.alternation('owner_words', 'country')})(?!\w))", re.IGNORECASE),
                 lexicon.role_words("owner_words", "country"))


_COMMITTEE_OF = {"Tỉnh ủy": "tỉnh", "Huyện ủy": "huyện", "Thành ủy": "thành phố", "Thị ủy": "thị xã"}


def as_party(name: str) -> str:
    """The party organisation of a party committee: a membership figure of `Tỉnh ủy Ninh Thuận` (`kết nạp 288 đảng
    viên`) is `Đảng bộ tỉnh Ninh Thuận`'s (the committee's own bodies, `Ban Thường vụ Tỉnh ủy …`, stay)."""
    for short, level in _COMMITTEE_OF.items():
        if name == short or name.startswith(short + " "):
            return f"Đảng bộ {level}{name[len(short):]}"
    return name


# a bloc's party named short, after it was named in full: `Đảng bộ Khối`, `Đảng ủy Khối`
_BLOC_SHORT = re.compile(r"Đảng (?:bộ|ủy|uỷ) Khối(?!\s+(?:các|cơ quan|doanh nghiệp|Doanh nghiệp|Cơ quan|\w+\s+tỉnh))(?!\w)")
# a body named as the source of the news: `Theo (báo cáo của) Ban Tổ chức Tỉnh ủy,`, `Tin từ Sở … cho biết`
_SOURCE_BEFORE = re.compile(r"(?:^|[\s,(])(?:[Tt]heo|[Tt]in từ|[Nn]guồn tin từ|[Tt]hông tin từ)(?:\s+(?:báo cáo|thông tin|"
                            r"số liệu|thống kê|công bố)(?:\s+\S+){0,3}?\s+(?:của|từ))?\s*$")
_PLAN_OF = re.compile(r"(?<!\w)(?:dự toán|kế hoạch|chỉ tiêu|mục tiêu|[Nn]ghị quyết)(?:\s+(?:được|do|của|đã))?\s*$")


def _reports_or_plans(before: str) -> bool:
    """A body named as the source of the news (`Theo Ban Tổ chức Tỉnh ủy, …`) or as who set a plan (`đạt 111,6%
    dự toán HĐND tỉnh điều chỉnh`), by what stands before it: not an owner."""
    return bool(_SOURCE_BEFORE.search(before) or _PLAN_OF.search(before))


_SOURCE_AFTER = re.compile(r"[^,.;:]{0,30}?\s+(?:cho biết|thông tin|báo cáo cho biết|công bố)(?!\w)")
# the place a place belongs to, named after it: `… thuộc thành phố Hà Nội`
_PARENT_BEFORE = re.compile(r"(?<!\w)(?:thuộc|trực thuộc)\s+(?:tỉnh|thành phố|TP\.?)?\s*$")
# a district's province named right after it: `huyện Cai Lậy, tỉnh Tiền Giang có 15/15 xã`
_ITS_PROVINCE_AFTER = re.compile(r"\s*,\s*(?:tỉnh|thành phố|TP\.?)\s*")
# a name right before the bracket its figure opens: `Đắk Song (13.984 ha)`
_NAME_BRACKETED = re.compile(r"(?<!\w)((?:" + UPPER + r"[^\W\d_]*)(?:\s+" + UPPER + r"[^\s\d(),;:]*){0,2})\s*\($")
_LEADING_NAME = re.compile(r"[\s\-–—:]*(?:và\s+|[Rr]iêng\s+|như\s+|(?:[Tt]rong đó|[Cc]ụ thể),?\s+)?(?:TP\.?\s*)?"
                           r"((?:" + UPPER + r"[^\W\d_]*)(?:\s+" + UPPER + r"[^\W\d_]*){0,2})\s*"
                           r"(?:(?:giảm|tăng|đạt|có|là|còn|thực hiện|đón|thu hút|kết nạp|(?:thu hoạch|gieo trồng|gieo cấy) được)\s+)?"
                           r"(?:(?:gần|hơn|trên|khoảng)\s+)?(?:từ\s+)?(?:\d|$)")


def _district_leading(seg: str, province: str) -> str | None:
    """A district of the document's province named bare at the head of a clause part, right before its
    figure (`Tuyên Hóa 4,5-5,0%` in a list of a province's districts): `huyện Tuyên Hóa`."""
    m = _LEADING_NAME.match(seg)
    if not m:
        return None
    return district_named(m.group(1), province)


_STANDS_FOR = re.compile(r"(?<!\w)(?:đại biểu|ứng cử|bầu cử)\s*(?:\S+\s+){0,3}$")
_PROVINCE_WORD_AT_END = EndsWith(re.compile(r"(?<!\w)tỉnh\s*$"), ("tỉnh",))


def entity_of(text: str, cs: int, ms: int, s: Sentence, ctx: DocContext, unit: str | None = None,
              rank: bool = False) -> tuple[str | None, str | None]:
    """The nearest owning body or place named in the clause before the figure, else the
    sentence before it, else the document's province; with where it was found (`sentence`,
    `document`, `site`)."""
    if _COUNTS_PROVINCES.fullmatch(unit or "") or unit == "địa phương" and _COUNTRY.search(s.text):
        return "Việt Nam", "sentence"  # `12 Bộ`, `54 tỉnh, thành phố trên cả nước`: a count across the country
    if (unit or "").split(" ")[0] in _RESPONDENTS and _INDEX_NAMED.search(s.text) \
            and _SURVEYED.search(text, s.start, ms) and not ctx.places_in(s, cs, ms):
        # `Báo cáo PCI năm 2022 được xây dựng trên thông tin phản hồi từ 11.872 doanh nghiệp`: who answered the
        # country's survey
        return "Việt Nam", "sentence"
    if "trung bình" in text[cs:ms] and _AVERAGE_OF_PROVINCES.search(text, cs, ms):
        # `Chỉ số CCHC năm 2023 của các tỉnh, thành phố … với giá trị trung bình đạt 86,98%`: the provinces' mean
        return "Việt Nam", "sentence"
    line = text.rfind("\n", s.start, ms) + 1   # a list item on a line of its own is its own sentence here
    for lo in dict.fromkeys((cs, max(s.start, line))):   # (the same stretch twice finds nothing new)
        seg = text[lo:ms]
        best = None
        district_end = None   # where the nearest body, if a district, ends
        owners = []   # (start, end) of every owner taken in the stretch
        figures = ctx.figure_spans.get(s.index, ()) if ctx.figure_spans else ()
        for b in find_bodies(seg, ctx.province):
            if figures and any(fs <= lo - s.start + b.start < fe for fs, fe in figures):
                continue  # `… trong đó có 25 Đảng bộ xã, thị trấn, 3 Đảng bộ khối cơ quan`: a count's noun, not an owner
            if _STANDS_FOR.search(seg[:b.start]):
                continue  # `người ứng cử đại biểu Quốc hội và HĐND tỉnh`: what they stand for, not the owner
            if _reports_or_plans(seg[:b.start]) or _SOURCE_AFTER.match(seg[b.end:]):
                continue  # `Tin từ Sở Du lịch cho biết, …`: who reports or set the plan, not whose
            if _UNDER_AT_END.search(seg, max(0, b.start - 14), b.start):
                continue  # `6 chi bộ trực thuộc Đảng ủy`: the body the counted hang under, not whose count it is
            if _guests_with(seg, b.start, b.end):
                continue  # `Lãnh đạo các huyện Si Ma Cai và huyện Xín Mần tỉnh Hà Giang cùng 235 đại biểu`: guests
            if best is not None and _PARENT_BEFORE.search(seg, max(0, b.start - 30), b.start):
                continue  # `quận Long Biên thuộc thành phố Hà Nội`: the parent of the owner named before
            owners.append((b.start, b.end))
            if best is None or b.start >= best[0]:
                best = (b.start, b.name, b.start + len(b.name) + 5)   # its canonical name may add the province
                district_end = b.end if b.type == "district" or _DISTRICT_IN_NAME.search(b.name) else None
        for ps, pe, p in ctx.places_in(s, lo, ms):
            if in_comparison(seg, ps) and not _governs(seg[pe:]) or _guests_with(seg, ps, pe):
                continue  # `đứng trên Nam Định, Thái Bình`: a standard of comparison owns nothing (nor guests' places)
            if best is not None and _PARENT_BEFORE.search(seg, max(0, ps - 30), ps):
                continue  # `quận Long Biên thuộc thành phố Hà Nội với diện tích 6.038,24ha`: the parent of the owner
            if district_end is not None and _ITS_PROVINCE_AFTER.fullmatch(seg, district_end, ps):
                continue  # `huyện Cai Lậy, tỉnh Tiền Giang có 15/15 xã`: the district's province, not the owner
            name = p.name
            if ctx.province and name != ctx.province and not _PROVINCE_WORD_AT_END.search(seg[:ps]):
                # `Quảng Ninh 2,2-2,5%` in a list of Quảng Bình's districts: huyện Quảng Ninh
                name = district_named(name, ctx.province) or name
            if best is None or ps > best[0]:
                # `huyện X` of a body wins over the province inside it
                # the province inside a body's name (`UBND tỉnh Vĩnh Phúc`) does not replace the body; a place
                # named after another place (`(Thừa Thiên-Huế tăng 2,06%, Đà Nẵng giảm 9,77%`) does
                if best is None or not (best[0] <= ps < best[2]):
                    best = (ps, name, pe)
                    owners.append((ps, pe))
        if lo == cs and ctx.province:
            # `…; Tuyên Hóa 4,5-5,0% (1.070-1.190 hộ); …`: a district listed by name, nearer than any named before
            part_at = max(seg.rfind(";"), seg.rfind(","), seg.rfind("("), seg.rfind(")")) + 1
            va = seg.rfind(" và ")
            if va > part_at and re.search(r"\d", seg[max(part_at, va - 25):va]):
                part_at = va + 1   # `…, thành phố Bến Tre 356 người và Chợ Lách 279 người`
            district = _district_leading(seg[part_at:], ctx.province) if best is None or best[0] < part_at else None
            bracketed = _NAME_BRACKETED.search(seg) if district is None and seg.endswith("(") else None
            if bracketed and (best is None or best[0] < bracketed.start(1)):
                # `… ở các huyện: Đắk Song (13.984 ha), Đắk R’lấp (5.410 ha)`: a district named, its figure in brackets
                district = district_named(bracketed.group(1), ctx.province)
            if district is None and best is None:
                district = _district_leading(seg, ctx.province)
            if district:
                return district, "sentence"
        elif best is None and ctx.province and seg[:12].lstrip().startswith(("Riêng ", "riêng ")):
            # `Riêng Phú Quốc có 454.960 lượt khách …; trong đó, khách quốc tế 43.730 lượt`: the sentence is the
            # district's it opens with
            district = _district_leading(seg, ctx.province)
            if district:
                return district, "sentence"
        bloc = _BLOC_SHORT.search(seg)
        if bloc and (best is None or best[0] <= bloc.start()):
            # `Đảng ủy Khối đã xét kết nạp 90 đảng viên`: the bloc's party the text named in full before
            for b in reversed(find_bodies(text[max(0, ms - 3000):lo + bloc.start()], ctx.province)):
                if re.match(r"Đảng (?:bộ|ủy) Khối", b.name):
                    best = (bloc.start(), "Đảng bộ" + b.name[len("Đảng ủy"):], bloc.end())
                    break
        if best and _UNNAMED_DISTRICT_BODY.fullmatch(best[1]):
            # `Đảng bộ huyện đã lãnh đạo … hoàn thành 13/15 chỉ tiêu` on a page about one district: that district
            district = _district_before(text, ms, ctx)
            if district:
                return _body_of(best[1], district), "document"
        if best and ctx.province and len(owners) > 1 and _joined_owners(seg, owners, best[0]):
            # `Đảng bộ Bộ đội Biên phòng Tỉnh và huyện Hàm Tân đạt 100%`: owners named together share the figure; it
            # is their province's
            return ctx.province, "site" if ctx.province_source == "site" else "document"
        if best:
            later = [c.start() for c in _COUNTRY.finditer(seg[best[0]:])] if lo == cs and not rank else []
            if rank or not later or best[0] + later[-1] < len(seg) - 40 or national_at(seg[best[0]:]) is None:
                return best[1], "sentence"
            return "Việt Nam", "sentence"  # `… của cả nước (10,13 tỉ USD)`: the country's, named after the place
        # (a rank's `cả nước`, `63 tỉnh` is the field it is ranked in: `đứng thứ 13/63 tỉnh, thành phố`)
        nat = national_at(seg.replace("đại biểu Quốc hội", " ")) if not rank else None
        if nat is not None and not _guests_with(seg, nat, nat + 1) \
                and not (_ATTENDED_BY.search(seg, 0, nat) and _JOINED_AT_END.search(seg)):
            # (not the centre's guests beside the delegates counted: `đại diện lãnh đạo các ban, bộ, ngành Trung ương;
            # … cùng 358 đại biểu chính thức`)
            return "Việt Nam", "sentence"
    if s.index > 0 and _THIS_PROVINCE.search(text[s.start:ms]):
        # `Xếp thứ hai trong PAPI 2020 là Đồng Tháp … Tỉnh này dẫn đầu cả nước ở tiêu chí … với 5,202 điểm`: the
        # province the sentence before named
        prev = ctx.sentences[s.index - 1]
        owner = _owner_named_in(prev, ctx) if prev.paragraph == s.paragraph else None
        if owner:
            return owner, "paragraph"
    if s.index > 0 and _GOES_ON.match(s.text):
        # `GRDP tỉnh Hải Dương ước tăng 11,59%. Cụ thể, khu vực nông nghiệp tăng 6,65%`: the owner the sentence
        # it goes on from named
        prev = ctx.sentences[s.index - 1]
        if prev.paragraph == s.paragraph:
            owner = _owner_named_in(prev, ctx)
            if owner:
                return owner, "paragraph"
    commune = _commune_named_bare(text[s.start:ms], ctx.communes_in(s)) if ctx.communes else None
    if commune is None and len(ctx.communes) == 1 and _THE_COMMUNE.search(text, s.start, ms):
        commune = next(iter(ctx.communes.values()))   # `thu nhập bình quân đầu người của xã`: the one commune named
    if commune:
        # `Xã Tham Đôn … vừa được công nhận …. Tham Đôn chỉ có 5/19 tiêu chí`: the commune the page named in full
        return commune, "document"
    opens = ctx.paragraph_start(s)
    topic = _paragraph_district(text, opens, ctx.province) \
        if s.start > opens and not _WHOLE_PROVINCE.search(text, s.start, ms) else None
    if topic:
        # `Đối với huyện đảo Lý Sơn, tình hình kinh tế … ổn định. Tổng giá trị sản xuất … hơn 900 tỷ đồng`: a
        # paragraph that opens on a district is about it
        return topic, "paragraph"
    if _WHOLE_DISTRICT.search(text[s.start:ms]):
        # `Năm 2016, toàn huyện đã kết nạp được 300 đảng viên mới`: the district the text named last
        district = _district_before(text, ms, ctx)
        if district:
            return district, "document"
    titled = title_district(ctx)
    if titled:
        return titled, "document"   # a page about one district: its figures that name no owner are the district's
    if ctx.site_district and not _WHOLE_PROVINCE.search(text, s.start, ms):
        return ctx.site_district, "site"   # a district's own site (`duclinh.binhthuan.dcs.vn`): the district's figures
    if ctx.province is None:
        return None, None
    return ctx.province, "site" if ctx.province_source == "site" else "document"


# what joins two owners named together as one subject: `và`, a comma, past a bracket (`huyện Lạng Giang (tiểu học,
# THCS), Yên Dũng (mầm non, tiểu học) có`)
_JOINED = re.compile(r"\s*(?:\([^()\d]{0,40}\)\s*,|(?:\([^()\d]{0,40}\))?\s*(?:,\s*)?và)\s*")   # (a bare comma: `Sau Lai Châu, Hà Tĩnh`)


def _joined_owners(seg: str, owners: list[tuple[int, int]], best_start: int) -> bool:
    """Whether the owner at `best_start` is named together with the one before it (`X và Y`), and nothing but a
    predicate follows them up to the figure (no figure of the first one between: `Bến Tre 356 người và Chợ Lách`)."""
    before = [(a, b) for a, b in owners if b <= best_start]
    if not before:
        return False
    a, b = max(before)
    return _JOINED.fullmatch(seg, b, best_start) is not None and not re.search(r"\d", seg[best_start:])


# the commune a page is about, unnamed: `của xã`, `toàn xã`, `xã ta`, `xã này`
_THE_COMMUNE = re.compile(r"(?<!\w)(?:(?:của|toàn|cả)\s+xã(?!\s*(?:" + UPPER + r"|hội|viên|đạt|nông thôn|điểm|biên giới|"
                          r"khó khăn|vùng|thuộc|trong|trên|,))|xã\s+(?:ta|này|nhà)(?!\w))")


def _commune_named_bare(before: str, communes: dict[str, str]) -> str | None:
    """The last commune, ward or town of the page (`xã Tham Đôn`) named bare (`Tham Đôn`) in `before`, among `communes`
    (those the sentence writes)."""
    found = None
    for bare, full in communes.items():
        k = before.rfind(bare)
        while k >= 0 and not _bare_at(before, k, len(bare)):
            k = before.rfind(bare, 0, k)
        if k >= 0 and (found is None or k > found[0]):
            found = (k, full)
    return found[1] if found else None


def _bare_at(text: str, k: int, n: int) -> bool:
    """`text[k:k+n]` is a whole name: no letter on either side, no capitalised word right after."""
    return not (k > 0 and text[k - 1].isalnum()) and not (k + n < len(text) and text[k + n].isalnum()) \
        and not re.match(r"\s+" + UPPER, text[k + n:k + n + 3])


# the province just named, pointed back to: `Tỉnh này`, `địa phương này`
_THIS_PROVINCE = Needs(re.compile(r"(?=[TtĐđ])(?:(?<!\w)(?:[Tt]ỉnh|[Đđ]ịa phương)\s+(?:này|nói trên)(?!\w))"),
                       ("này", "nói trên"))   # (run only where one is written: every match holds one)
# a sentence that goes on with the one before: `Cụ thể, …`, `Trong đó, …`
_GOES_ON = re.compile(r"\s*(?:Cụ thể|Trong đó|Theo đó)\s*,")


# a standing whose holder is named after it: `Đứng thứ nhì là tỉnh Bắc Giang`, `xếp thứ 3 là Thái Nguyên`
_HOLDER_AFTER = re.compile(r"\s+(?:(?:trong|của)\s+[^,;.:()]{1,30}?\s+)?là\s+(?:(?:tỉnh|thành phố|TP\.?)\s+)?(?=\S)")


def holder_after(text: str, end: int) -> str | None:
    """The province a rank ending at `end` is said to be held by, right after it (`… là tỉnh Bắc Giang`)."""
    m = _HOLDER_AFTER.match(text, end, end + 70)
    if m is None:
        return None
    found = find_provinces(text[m.end():m.end() + 40])
    return found[0][2].name if found and found[0][0] == 0 else None


# a count of a place named right after it: `63 hộ của xã Krông Pa đã thoát nghèo`, `… 120 hộ của huyện Tuy Đức`
_PLACE_AFTER = re.compile(r"\s+(?:của|thuộc|tại)\s+((?:xã|phường|thị trấn|huyện|thị xã|quận)\s+(?:" + UPPER +
                          r"[\w’'-]*(?:\s+|$|(?=[.,;:)]))){1,4})")


# the party organisation whose members a count is, named after it: `đại diện cho trên 29 nghìn đảng viên trong toàn Đảng
# bộ tỉnh Lai Châu`
_PARTY_AFTER = re.compile(r"\s+(?:trong\s+(?:toàn\s+)?|của\s+(?:toàn\s+)?|thuộc\s+|tại\s+)(Đảng bộ\s+(?:tỉnh|huyện|thành phố|thị xã|quận)"
                          r"\s+(?:" + UPPER + r"[\w’'-]*(?:\s+|$|(?=[.,;:)]))){1,4})")


_UNDER_AT_END = re.compile(r"(?<!\w)(?:trực thuộc|thuộc)\s+$")
# guests named before those they join: `Lãnh đạo các huyện … tỉnh Hà Giang cùng 235 đại biểu ưu tú`
_GUESTS_BEFORE = re.compile(r"(?<!\w)(?:[Ll]ãnh đạo|[Đđ]ại diện lãnh đạo|[Kk]hách mời|[Đđ]oàn công tác)(?!\w)[^,;:()]{0,80}$")
_JOINED_TAIL = r"cùng(?:\s+với)?\s+(?:(?:gần|hơn|trên|khoảng)\s+)?$"   # `… cùng 235 đại biểu`: joined to the group counted
_JOINED_BY = re.compile(r"[^,;:()\d]{0,40}?\s" + _JOINED_TAIL)


# who attended, listed before the figure's group: `Tham dự đại hội còn có đại diện lãnh đạo các ban, bộ, ngành Trung ương;
# … cùng 358 đại biểu chính thức`
_ATTENDED_BY = re.compile(r"(?<!\w)(?:[Tt]ham dự|[Dd]ự)(?!\w)[^.;]{0,40}?(?<!\w)có(?!\w)")
_JOINED_AT_END = re.compile(r"(?<!\w)" + _JOINED_TAIL)


def _guests_with(seg: str, start: int, end: int) -> bool:
    """A place or body named among guests that `cùng` joins to the figure's group (not the group's owner)."""
    return "cùng" in seg[end:] and _JOINED_BY.fullmatch(seg, end) is not None and _GUESTS_BEFORE.search(seg, 0, start) is not None


def place_after(text: str, end: int, unit: str | None = None) -> str | None:
    """The commune or district a counted figure ending at `end` belongs to, named right after it (or, for a count of
    party members or their delegates, the party organisation)."""
    m = _PLACE_AFTER.match(text, end, end + 60)
    if m is None and unit and unit.split()[0] in ("đảng", "đại", "quần") \
            and unit.startswith(("đảng viên", "đại biểu", "quần chúng")):
        m = _PARTY_AFTER.match(text, end, end + 70)
    return m.group(1).strip() if m else None


# a company or plant whose figure it is, named after `của` before the figure in its sentence: `sản lượng điện của Nhà máy
# Nhiệt điện Vũng Áng I trong 3 tháng đầu năm tăng 68%`, `sản lượng thép của Công ty TNHH Gang thép … sụt giảm`
_COMPANY_OF = re.compile(r"(?<!\w)của\s+((?:Nhà máy|Công ty|Tập đoàn|Tổng công ty|Tổng Công ty)(?:\s+(?!(?:" +
                         r"trong|tăng|giảm|đạt|chưa|sụt|là|có|đã|được|với|tại|ở|năm|quý|tháng|và|của|mới|vẫn|ước|chiếm|"
                         r"đóng|cho|so|từ|đến|luôn|tiếp|trên)(?!\w))[^\s,.;:()]+){1,8})")
_COMPANY_OF = led(_COMPANY_OF)   # (tried only where a character one of its matches starts with stands: `cues.led`)


def company_of(text: str, lo: int, hi: int) -> str | None:
    """The company or plant named after the last `của` between lo and hi, when nothing is named after it."""
    found = None
    for m in _COMPANY_OF.finditer(text, lo, hi):
        found = m
    if found is None or find_provinces(text[found.end():hi]) \
            or _REVENUE_FROM.search(text, max(lo, found.start() - 40), found.start()):
        return None   # (`số thu từ hoạt động của Công ty …`: what the province collects from it, the province's)
    return found.group(1)


_REVENUE_FROM = re.compile(r"(?<!\w)(?:thu|nộp|nộp ngân sách)\s+từ(?:\s+hoạt động)?\s*$")


def _owner_named_in(prev: Sentence, ctx: DocContext) -> str | None:
    """The last province or body a sentence names as an owner (not in a comparison), or None."""
    best = None
    for b in find_bodies(prev.text, ctx.province):
        if _reports_or_plans(prev.text[:b.start]) or _EVENT_NAMED.search(prev.text[max(0, b.start - 60):b.start]):
            continue
        best = (b.start, b.name) if best is None or b.start >= best[0] else best
    for ps, pe, p in ctx.places_in(prev, prev.start, prev.end):
        if in_comparison(prev.text, ps) and not _governs(prev.text[pe:pe + 40]):
            continue
        if _EVENT_NAMED.search(prev.text[max(0, ps - 60):ps]):
            continue   # `Tuần lễ văn hóa - du lịch huyện Châu Thành lần 2-2024`: a place in an event's name owns nothing
        if best is None or ps > best[0]:
            best = (ps, p.name)
    if best and _UNNAMED_DISTRICT_BODY.fullmatch(best[1]):
        # `UBND huyện tổ chức hội nghị … Cụ thể, tổng giá trị sản xuất …` on a district's page: that district's
        district = _district_before(ctx.text, prev.end, ctx)
        return _body_of(best[1], district) if district else best[1]
    return best[1] if best else None


# the name of an event up to a place named in it (within its item of a list)
_EVENT_NAMED = re.compile(r"(?:Tuần lễ|Lễ hội|Hội thi|Hội chợ|Ngày hội|Liên hoan|Festival|Hội khỏe|Hội thao|Cuộc thi|Giải)"
                          r"[^,;:()]{0,50}$")


# the district as a whole, unnamed: `toàn huyện`, `cả huyện`, `huyện ta`, `Đảng bộ huyện`, `Huyện ủy` (no name after)
_WHOLE_DISTRICT = Needs(re.compile(r"(?=[tchĐUH])(?:(?<!\w)(?:(?:toàn|cả)\s+(?:huyện|thị xã)|(?:huyện|thị xã)\s+ta|"
                                   r"(?:Đảng bộ|UBND|HĐND)\s+(?:huyện|thị xã)(?!\s+" + UPPER + r")|[Hh]uyện ủy(?!\s+" + UPPER +
                                   r"))(?!\w))"),
                        ("uyện", "thị xã"))   # (run only where one is written: every match holds `huyện`, `Huyện` or `thị xã`)
_UNNAMED_DISTRICT_BODY = re.compile(r"(?:Đảng bộ|Đảng ủy|UBND|HĐND|Ủy ban nhân dân|Hội đồng nhân dân)\s+(?:huyện|thị xã)|"
                                    r"[Hh]uyện ủy|[Tt]hị ủy")
_DISTRICT_IN_NAME = re.compile(r"(?:huyện|thị xã)\s+" + UPPER + r"\w*(?:\s+" + UPPER + r"\w*){0,2}")


_WHOLE_PROVINCE = re.compile(first_letters(("toàn", "cả", "tỉnh"))
                             + r"(?:(?<!\w)(?:toàn|cả)\s+tỉnh|(?<!\w)tỉnh\s+ta(?!\w))", re.IGNORECASE)
# a paragraph's opening that makes a district its topic: `Đối với huyện đảo Lý Sơn, …`, `Riêng huyện Ba Bể, …`
_TOPIC_OPENER = re.compile(r"\s*(?:Đối với|Riêng|Tại|Ở|Về)\s+(?=[Hh]uyện|[Tt]hị xã|[Qq]uận|[Tt]hành phố)")


def _body_of(body: str, district: str) -> str:
    """An unnamed district body with its district's name: `Đảng bộ huyện` → `Đảng bộ huyện Chương Mỹ`, `Huyện ủy` →
    `Huyện ủy Chương Mỹ`."""
    kind = next((k for k in ("thị xã", "thành phố", "huyện", "quận") if district.startswith(k + " ")), "")
    name = district[len(kind):].strip()
    if body.lower().endswith(("huyện ủy", "thị ủy")):
        return f"{body} {name}"
    if body.endswith(kind):
        return f"{body[:-len(kind)]}{district}"
    return district


def _paragraph_district(text: str, start: int, province: str | None) -> str | None:
    """The district a paragraph starting at `start` opens on (`Đối với huyện đảo Lý Sơn, …`), or None."""
    opener = _TOPIC_OPENER.match(text, start)
    if not opener:
        return None
    head = text[opener.end():opener.end() + 60]
    bodies = find_bodies(head, province)
    if not bodies or bodies[0].start != 0 or bodies[0].type != "district" \
            or not re.match(r"\s*,", head[bodies[0].end:]):
        return None
    return bodies[0].name


def _district_before(text: str, upto: int, ctx: DocContext) -> str | None:
    """The last district named in the 3,000 characters before `upto` (the figure), else the district the title
    names, else one named bare at the head of the lead (`(QBĐT) - Quảng Trạch có 47 tổ chức cơ sở đảng`)."""
    window = text[max(0, upto - 3000):upto]
    for b in reversed(find_bodies(window, ctx.province)):
        district = _district_of_body(b.name)
        if district:
            return district
    titled = title_district(ctx) or ctx.site_district
    if titled:
        return titled
    lead = _LEADING_NAME.match(re.sub(r"^\s*(?:\([^()]{1,30}\)|[^\s-]{1,30})?\s*[-–—]\s+", "", text[:200]))
    return district_named(lead.group(1), ctx.province) if lead and ctx.province else None


def _district_of_body(name: str) -> str | None:
    """`huyện Chư Sê` for `Đảng bộ huyện Chư Sê`, `Huyện ủy Chư Sê`, `huyện Chư Sê`; `thị xã Kinh Môn` for
    `Thị ủy Kinh Môn`; None for a body of the province."""
    named = _DISTRICT_IN_NAME.search(name)
    if named:
        return named.group(0)
    for committee, kind in _COMMITTEE_OF.items():
        if kind not in ("huyện", "thị xã"):
            continue   # a province's or city's committee names no district
        at = name.find(committee + " ")
        if at >= 0 and name[at + len(committee) + 1:].strip():
            return f"{kind} {name[at + len(committee) + 1:].strip()}"
    return None


def _capitalised_runs(text: str):
    """(where it starts, its words) for each run of up to three capitalised words: `Chư Sê` in `… ở Chư Sê vượt …`
    (capitals are told by `str.isupper`: a range such as `[A-ZĐÀ-Ỹ]` holds lower-case letters too)."""
    run: list[str] = []
    start = 0
    for w in re.finditer(r"[^\W\d_]+", text):
        if w.group(0)[:1].isupper() and len(run) < 3 and (not run or text[end:w.start()].strip() == ""):
            if not run:
                start = w.start()
            run.append(w.group(0))
        else:
            if run:
                yield start, run
            run = [w.group(0)] if w.group(0)[:1].isupper() else []
            start = w.start()
        end = w.end()
    if run:
        yield start, run


def title_district(ctx: DocContext) -> str | None:
    """The one district of the document's province its title is about (`Nhiệm kỳ 2015-2020, huyện Chư Sê kết nạp
    được 1.500 đảng viên`, `Số đảng viên mới kết nạp ở Kinh Môn …`), or None (none, or several)."""
    if not ctx.title:
        return None
    if ctx.title.isupper():
        return _capitals_title_district(ctx.title, ctx.province)
    return _title_district(ctx.title, ctx.province) if ctx.province else _title_district_anywhere(ctx.title)


@lru_cache(maxsize=256)
def _capitals_title_district(title: str, province: str | None) -> str | None:
    """The one district a title in capitals names with its kind (`HUYỆN BẠCH THÔNG KẾT NẠP 93 ĐẢNG VIÊN MỚI`): of
    the document's province, or, when nothing tells the province, of the country when no other has that name."""
    low = f" {' '.join(title.lower().split())} "
    if province:
        found = {full for full in districts_of(province).values() if f" {full.lower()} " in low}
    else:
        found = set()
        for name in district_names():
            hit = district_anywhere(name) if f" {name.lower()} " in low else None
            if hit and f" {hit[0].lower()} " in low:   # named with its kind: `huyện bạch thông`
                found.add(hit[0])
    return next(iter(found)) if len(found) == 1 else None


@lru_cache(maxsize=256)
def _title_district_anywhere(title: str) -> str | None:
    """On a page whose province nothing tells (a national site), the district its title names bare when no other
    district of the country has that name: `Văn Chấn vượt khó vươn lên khởi sắc` → `huyện Văn Chấn`."""
    found = set()
    for _, words in _capitalised_runs(title):
        if words[0] in ("Quận", "Huyện"):
            words = words[1:]
        if len(words) < 2 or find_provinces(" ".join(words)):
            continue   # one capitalised word is too often just the first of a title; a province is no district
        hit = district_anywhere(" ".join(words))
        if hit:
            found.add(hit[0])
    return next(iter(found)) if len(found) == 1 else None


@lru_cache(maxsize=256)
def _title_district(title: str, province: str) -> str | None:
    # read once per document, not once for each of its figures that name no owner
    found = {d for d in (_district_of_body(b.name) for b in find_bodies(title, province)) if d}
    for run_start, words in _capitalised_runs(title):
        if len(words) > 1 and words[0] in ("Quận", "Huyện", "Thị", "TP", "TP."):
            words = words[2:] if words[0] == "Thị" and words[1] == "xã" else words[1:]   # `Quận Long Biên: 20 năm …`
        for n in range(len(words), 0, -1):   # the longest run of capitalised words that is a district's name
            name = " ".join(words[:n])
            if find_provinces(name):
                if re.search(r"(?:TP\.?|thành phố|thị xã)\s*$", title[:run_start]):
                    found.add(f"thành phố {name}")   # `… và TP. Bến Tre`: the town of that name, one more district
                break   # `Lai Châu`, `Hà Tĩnh`: the province, not its town of that name
            named = district_named(name, province)
            if named:
                found.add(named)
                break
    names = {f.split(" ", 1)[-1] if f.startswith("huyện ") else f.split(" ", 2)[-1] for f in found}
    return next(iter(found)) if len(names) == 1 else None
