"""The mention finder's scan: every number of a text read as a figure (`Mention`) or set aside
(`Skipped`, with a reason); `find(text)` and `read_numeral(text)` are its entry points.

`Finder.find` takes the non-figures first (`nonfigures.find_skips`), then tries `mention_at` at every
token that may start a number; a number inside neither is recorded as skipped (`date`, `duration`,
`year` or `unread`, see `_why_not`). `mention_at` reads the number and hands it to the steps of
`kinds`, one per kind of figure.
"""
from __future__ import annotations

import gc
import re
from itertools import compress

from extractors import lexicon
from extractors.mentions.draft import draft, mention
from extractors.mentions.kinds import NEVER_ALONE, VAGUE_BEFORE, half, multiplier_word, settle
from extractors.mentions.nonfigures import DURATION_UNITS, SpanIndex, find_skips, token_starts
from extractors.mentions.ranks import ORDINAL_WORDS, rank_word
from extractors.mentions.reader import Reader
from extractors.mentions.tail import CURRENCY_STARTS, currency_before
from extractors.mentions.tokens import DASHES
from extractors.record import Mention, Skipped

class Finder(Reader):
    """The scan over one text (see the module docstring); `Finder(text).find()` is `find(text)`."""

    def find(self) -> tuple[list[Mention], list[Skipped]]:
        toks = self.toks
        # the tokens that may start a number (`nonfigures.starts_a_number`: digits, a start word or currency code, `$`,
        # `€`, `£`), found in the pass over the tokens that finds where the skip patterns may open (each decided once
        # for each text a token has, kept from text to text, then looked up by each token's text)
        words = token_starts(toks)
        starts = words[-1]
        skips = find_skips(self.text, toks, words)
        del words   # (the skip patterns' places are not kept while the figures are read: the peak of memory)
        skip_at = SpanIndex([(s.start, s.end) for s in skips])
        mentions: list[Mention] = []
        nxt = 0
        text, tstart = self.text, toks.start
        # the skips are sorted, their ends too (they are disjoint): whether one covers a token is read walking them
        # along with the tokens
        s_start, s_end, p, n, sorted_ends = skip_at._starts, skip_at._ends, 0, len(skips), skip_at._ends_sorted
        for i in starts:
            if i < nxt:
                continue
            pos = tstart[i]
            if sorted_ends:
                while p < n and s_end[p] <= pos:
                    p += 1
                if p < n and s_start[p] <= pos:
                    continue   # (skip_at.covers(pos))
            elif skip_at.covers(pos):
                continue
            m, after = self.mention_at(i, skip_at)
            if m is None:
                continue
            m.text = text[m.start:m.end]
            mentions.append(m)
            nxt = max(after, i + 1)
        # numbers inside neither a mention nor a skip: recorded as skipped `unread`, for coverage
        taken = SpanIndex([(m.start, m.end) for m in mentions] + [(s.start, s.end) for s in skips])
        nums = list(compress(starts, map("num".__eq__, map(toks.kind.__getitem__, starts))))
        for k in self._uncovered(nums, taken):
            skips.append(Skipped(tstart[k], toks.end[k], toks.text[k], self._why_not(k)))
        skips.sort(key=lambda s: s.start)
        return mentions, skips

    def _uncovered(self, nums: list[int], taken: SpanIndex) -> list[int]:
        """The tokens of `nums` (in order) whose start no span of `taken` covers (`taken.covers`)."""
        tstart = self.toks.start
        if not taken._ends_sorted:
            return [k for k in nums if not taken.covers(tstart[k])]
        # starts and ends in order: the last span starting at or before a position covers it, or none does
        t_start, t_end, p, n = taken._starts, taken._ends, 0, len(taken._starts)
        out = []
        for k in nums:
            pos = tstart[k]
            while p < n and t_start[p] <= pos:
                p += 1
            if not (p and t_end[p - 1] > pos):
                out.append(k)
        return out

    def _why_not(self, k: int) -> str:
        toks = self.toks
        # `lễ 30-4`, `Quốc khánh 2-9`: a day-month written with a dash
        for a, b in ((k - 2, k), (k, k + 2)):
            if 0 <= a and b < len(toks.kind) and toks.kind[a] == toks.kind[b] == "num" and toks.text[a + 1] in DASHES \
                    and toks.end[a] == toks.start[a + 1] and toks.end[a + 1] == toks.start[b] \
                    and toks.text[a].isdigit() and toks.text[b].isdigit() \
                    and 1 <= int(toks.text[a]) <= 31 and 1 <= int(toks.text[b]) <= 12:
                return "date"
        nxt = self.words_at(k + 1, 1) if k + 1 < len(self.toks.kind) else None
        if nxt in DURATION_UNITS:
            return "duration"
        if re.fullmatch(r"(?:19|20)\d{2}", toks.text[k]):
            return "year"
        return "unread"


    def mention_at(self, i: int, skip_at) -> tuple[Mention | None, int]:
        """The figure whose number starts at token i, and the token after it; (None, the next token to
        try) when there is none. `find` asks only at tokens that no skip in `skip_at` covers."""
        toks = self.toks
        # currency before the number: $10, USD1,23, VN$1000, Rs. 20
        pre_unit, k = currency_before(self, i) if toks.text[i] in CURRENCY_STARTS else (None, i)
        if toks.kind[k] == "word" and toks.low[k] == "gấp":
            return multiplier_word(self, k)
        if k > 0 and (toks.low[k] in ("nhất", "nhì") or toks.low[k] in ORDINAL_WORDS and toks.low[k - 1] == "thứ"):
            got = rank_word(self, i, k)
            if got[0] is not None or toks.low[k] in ("nhất", "nhì"):
                return got
        if pre_unit is None and toks.kind[k] == "word" and toks.low[k] in ("một", "nửa"):
            got = half(self, k)
            if got is not None:
                return got
        if toks.kind[k] not in ("num", "word"):
            return None, i + 1
        num = self.read_num(k)
        if num is None:
            return None, i + 1
        if num.i != i and skip_at.covers(toks.start[num.i]):
            return None, num.j   # (`find` tries token i only where no skip covers it)
        if num.has_words and not self.bare and k > 0 and toks.low[k - 1] in VAGUE_BEFORE \
                and toks.kind[k] == "word":
            return None, num.j  # `hàng trăm hộ`, `vài nghìn người`: vague, not a figure
        if num.has_words and num.j == k + 1 and toks.low[k] in NEVER_ALONE and not self.bare \
                and not (num.j < len(toks.kind) and toks.low[num.j] == "phần"):
            # `đầu tư`, `không`: a word `words_are_figure` never takes alone, whatever follows, unless a fraction
            # in words (`tư phần …`) settles it first: the steps would come to no figure
            return None, num.j
        # a lone number word (`một`, `năm`, `ba`) is a figure only before a counted noun or unit
        d = draft(self, i, k, num, pre_unit)
        settled = settle(self, d)   # (the STEPS in order)
        if settled is not None:
            return settled
        return mention(self, d)


def find(text: str, style: str | None = None, bare_numbers: bool = False) -> tuple[list[Mention], list[Skipped]]:
    """Every mention and every skipped number in `text`.

    `style` forces `vi` or `en` number reading (default: guessed from the text, see `number_style`).
    `bare_numbers=True` reads a numeral that stands alone (`hai mươi`, `trăm`, `- 1.200.000`) as a
    quantity with no unit; running text keeps it False, where a lone number word is rarely a figure
    (`một cách`, `năm gần đây`, `tư nhân`) and `- ` at a line start is a bullet.
    """
    enabled = gc.isenabled()
    gc.disable()  # the scan makes no reference cycles, and its tokens would only make the collector run
    try:
        mentions, skipped = Finder(text, style, bare_numbers).find()
    finally:
        if enabled:
            gc.enable()
    mentions = _scores_and_shares(mentions, text)
    if any(_suspect(m, text) for m in mentions):
        mentions, skipped = _names_and_dates(mentions, skipped, text)
    return mentions, skipped


# Numbers that name, date or rate, read by what stands right around a figure the scan found: a star rating (`OCOP 4
# sao`: a class, not a count of stars), a name of capitals glued to
# its number (`K12 online`, not a currency's code: `USD1,23`), a slogan in quotes that counts its parts (`“5 sẵn
# sàng”`), a news agency's dateline (`Hà Nội (TTXVN 1/12)`), the second of two days of a month (`ngày 3 và 4/1`).
_CURRENCY_CODES = sorted({r["word"] for r in lexicon.rows("currencies") if r["side"] == "before"
                          and r["word"].isascii() and r["word"].isalpha() and r["word"].isupper()}, key=len, reverse=True)
_QUOTES = frozenset("“\"")
_NETWORK = re.compile(r"[2-6]G(?![\w])")   # a generation of mobile networks (`5G`, `4G`): a name, no count
# words before a day and month written as a fraction (`dịp nghỉ lễ 30/4`, `Quốc khánh 2/9`): read only when the
# fraction has no unit and is a day of a month (`_names_and_dates` tests the rest)
_DAYS, _MONTHS = frozenset(float(d) for d in range(1, 32)), frozenset(float(m) for m in range(1, 13))
_DAY_MONTH_WORDS = re.compile(r"(?<!\w)(?:dịp|lễ|khánh|sáng|chiều|tối|đêm|hôm|tết|ngày|từ|đến|tới|kỷ niệm)(?!\w)", re.IGNORECASE)
# the population a rate is per: `trên 1 vạn dân`, `/10.000 dân`, `mỗi 1.000 dân` (round counts only)
_PER_POPULATION = frozenset((1000.0, 10000.0, 100000.0))
_PER_BEFORE = re.compile(r"(?:(?<=[^\W\d])\s+trên\s+(?<!có trên )(?<!là trên )(?<!đạt trên )(?<!với trên )(?<!gồm trên )"
                         r"(?<!được trên )(?<!hút trên )(?<!đón trên )|(?<!\w)mỗi\s+|/\s*)(?:1\s+vạn|1\s+nghìn|1\s+ngàn|1\.000|10\.000|100\.000|vạn)\s+(?:dân|người)"
                         r"(?!\s+(?:trở lên|trở xuống))")
_ASCII_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _suspect(m: Mention, text: str) -> bool:
    """Whether `_NAMES_AND_DATES` may set figure `m` aside, by the character before it (a capital glued to it, a quote)
    or its kind (a fraction after a dateline or `ngày N và`) or unit (`sao`); a few comparisons a figure."""
    if m.unit == "sao" or m.unit in ("dân", "người") and m.value in _PER_POPULATION or _NETWORK.match(text, m.start):
        return True
    if m.kind == "fraction":
        before = text[max(0, m.start - 20):m.start]
        return "gày" in before or "TTXVN" in before or "VNA" in before \
            or m.unit is None and (m.value or 0) in _DAYS and (m.denominator or 0) in _MONTHS \
            and _DAY_MONTH_WORDS.search(before) is not None
    if m.start == 0:
        return False
    c = text[m.start - 1]
    return c in _ASCII_CAPITALS or c in _QUOTES or (c == " " and m.start > 1 and text[m.start - 2] in _QUOTES)
_NAMES_AND_DATES = (
    ("name", re.compile(r"(?<!\S)(?!(?:" + "|".join(_CURRENCY_CODES) + r")$)[A-Z][A-Z\d]{0,5}(?<=[A-Z])$"), None),
    ("name", re.compile(r"[“\"]\s*$"), re.compile(r"[^”\"\d\n]{0,40}[”\"]")),
    ("date", re.compile(r"\((?:TTXVN|VNA|TTXVN/VNA)\s+$"), re.compile(r"\)")),
    ("date", re.compile(r"(?<!\w)[Nn]gày\s+(?:0?[1-9]|[12]\d|3[01])\s*(?:và|,)\s*$"), None),
    # a holiday or a day named by its date: `dịp nghỉ lễ 30/4 - 1/5`, `Quốc khánh 2/9`, `sáng 15/10`
    ("date", re.compile(r"(?<!\w)(?:dịp|[Ll]ễ|[Kk]hánh|[Ss]áng|[Cc]hiều|[Tt]ối|[Đđ]êm|[Hh]ôm|[Tt]ết|[Nn]gày|[Tt]ừ|[Đđ]ến|"
                        r"[Tt]ới|[Tt]rước|[Ss]au|[Kk]ỷ niệm)\s*(?:[^\W\d]+\s+){0,2}$"), None),
)


def _names_and_dates(mentions: list[Mention], skipped: list[Skipped], text: str):
    kept, more = [], []
    for m in mentions:
        if not _suspect(m, text):
            kept.append(m)
            continue
        if m.kind == "quantity" and m.unit == "sao" and not m.qualifier:
            more.append(Skipped(m.start, m.end, m.text, "rating"))   # `đạt OCOP 4 sao`, `khách sạn 3 sao`: a class
            continue
        if _NETWORK.match(text, m.start):
            more.append(Skipped(m.start, m.start + 2, text[m.start:m.start + 2], "name"))   # `mạng 5G phủ sóng`
            continue
        if m.kind == "quantity" and m.value in _PER_POPULATION and _PER_BEFORE.search(text, max(0, m.start - 20), m.end):
            # `Số bác sĩ trên 1 vạn dân đạt 10,5`, `bác sĩ/1 vạn dân`, `mỗi 1.000 dân`: what a rate is per, no figure
            more.append(Skipped(m.start, m.end, m.text, "per"))
            continue
        before, reason = text[max(0, m.start - 40):m.start], None
        for why, at_end, after in _NAMES_AND_DATES:
            if at_end.search(before) and (after is None or after.match(text, m.end, m.end + 45)) \
                    and (m.kind == "quantity" if why == "name" else m.kind == "fraction" or after is not None):
                reason = why
                break
        if reason is None or (reason == "name" and after is None and not m.text[:1].isdigit()):
            kept.append(m)
        else:
            more.append(Skipped(m.start, m.end, m.text, reason))
    return kept, sorted(skipped + more, key=lambda x: x.start)


def _scores_and_shares(mentions: list[Mention], text: str) -> list[Mention]:
    """Two readings the scan cannot make alone, from the figures next to each other:
    - an index's score written with three decimals after a point (`PAPI … 42.394 điểm`, as the index's reports
      write it): no one scores forty thousand points, so the point is a decimal one;
    - a count over a count of the same households (`8.112 hộ nghèo/506.184 hộ`): one fraction, its unit the
      first count's noun as written."""
    out: list[Mention] = []
    scored = -1   # where the last score so read ends (its paragraph's next scores are read so too)
    for m in mentions:
        if m.kind == "quantity" and m.unit == "điểm" and m.value is not None and m.value >= 1000 \
                and _SCORE_DECIMALS.match(m.text) \
                and (scored >= 0 and "\n" not in text[scored:m.start]
                     or _INDEX_NAMED.search(text, max(0, m.start - 400), m.start)
                     and not _STOCK_INDEX.search(text, max(0, m.start - 400), m.start)):
            m.value, m.decimals = m.value / 1000, 3
            scored = m.end
        prev = out[-1] if out else None
        if prev is not None and m.kind == prev.kind == "quantity" and prev.unit and m.unit and m.value \
                and "/" in text[prev.end:m.start]:
            gap = _SHARE_GAP.fullmatch(text, prev.end, m.start)
            noun = f"{prev.unit}{gap.group(1)}" if gap else ""
            if gap and (noun.startswith(m.unit) or m.unit.startswith(prev.unit)) and prev.value is not None \
                    and prev.value <= m.value:
                out[-1] = Mention(start=prev.start, end=m.end, text=text[prev.start:m.end], kind="fraction",
                                  value=prev.value, denominator=m.value, unit=noun, qualifier=prev.qualifier,
                                  decimals=prev.decimals)
                continue
        out.append(m)
    return out


# the provincial indexes scored with three decimals, and the stock indexes scored in thousands of points
_INDEX_NAMED = re.compile(r"PAPI|PCI|PAR\s?INDEX|SIPAS|DDCI|DTI|PGI|[Cc]hỉ số|[Tt]rục nội dung")
_STOCK_INDEX = re.compile(r"VN-?Index|HNX|UPCoM|chứng khoán", re.IGNORECASE)
_SCORE_DECIMALS = re.compile(r"(?:\D*\s)?\d{1,2}\.\d{3}\s*điểm")
# the words of a counted noun after the first count, then the slash: `8.112 hộ| nghèo/|506.184 hộ`
_SHARE_GAP = re.compile(r"((?:\s+[^\W\d]+){0,3})\s*/\s*")


def read_numeral(text: str, style: str | None = None) -> float | None:
    """The value of `text` read as one numeral (`hai mươi mốt nghìn không trăm mười một`, `-1,2M`),
    or None when the finder does not read the whole of it as one number."""
    mentions, _ = find(text, style, bare_numbers=True)
    stripped = text.strip().rstrip(".")
    if len(mentions) == 1 and mentions[0].text == stripped and mentions[0].kind == "quantity" \
            and mentions[0].unit is None:
        return mentions[0].value
    return None
