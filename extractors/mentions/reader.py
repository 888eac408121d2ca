"""Reading numbers off the finder's tokens: digits or number words with scale words and `phẩy`
decimals (`Reader.read_num`), the phrase that ends just before a token (`phrase_before`), the counted
noun after one (`counted_noun`), what follows one (`after`: a percent sign, a currency), and whether a
text writes its numbers the English way (`number_style`)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.mentions.openers import matches_at
from extractors.mentions.tail import Tail
from extractors.mentions import tokens
from extractors.mentions.tokens import ends_none, last_words, tokenize
from extractors.numbers import (DIGIT_WORDS, HALF_WORDS, NUMBER_WORDS, SCALES, SUFFIX_SCALES,
                                NotANumber, parse_digits, words_value)
from extractors.units import counted_noun


@dataclass(slots=True)
class Num:
    """A number read from tokens i..j-1 (inclusive start, exclusive end)."""
    i: int
    j: int
    value: float
    scale: float      # the scale words' product (for carrying to the other end of a range)
    decimals: int
    has_words: bool   # written in words (`hai mươi`)
    raw: str


_NOT_A_PHRASE = re.compile(r"[\d\n]|\s{3}").search
_DIGITS_AND_SUFFIX = re.compile(r"([\d.,]*\d)([kKMG]?)").fullmatch
YEAR = re.compile(r"(?:19|20)\d{2}").fullmatch
# The longest numeral read (`bảy trăm hai mươi mốt nghìn không trăm mười hai tỷ …`); a longer run of
# number words (`một một một …`) is no numeral, and the cap keeps reading it linear.
MAX_NUMBER_TOKENS = 24


class Reader:
    """A text's tokens and what reads them; the finder (`finder.Finder`) builds on it."""

    def __init__(self, text: str, style: str | None = None, bare_numbers: bool = False):
        self.text = text
        self.bare = bare_numbers
        self.toks = tokenize(text)
        self.style = style or number_style(text, self.toks)
        self._phrases: dict = {}
        self._befores: dict = {}
        self._digits = _DIGITS_READ.setdefault(self.style, {})
        if len(self._digits) > tokens.CACHE_LIMIT:
            self._digits = _DIGITS_READ[self.style] = {}   # (a cache: another thread reading the old one is fine)

    # --- token helpers -------------------------------------------------------------------------
    def words_at(self, i: int, n: int) -> str | None:
        """The n tokens from i as a lower-cased phrase, if they are adjacent words on one line."""
        key = (i, n)
        hit = self._phrases.get(key, 0)
        if hit != 0:
            return hit
        toks = self.toks
        out = None
        if i >= 0 and i + n <= len(toks.kind):
            # tokens cover all but white space, and only a number's hold a digit: the n tokens are words
            # or signs, one line, at most two spaces apart, when their text has no digit, newline or 3 spaces
            if _NOT_A_PHRASE(self.text, toks.start[i], toks.end[i + n - 1]) is None:
                out = self.text[toks.start[i]:toks.end[i + n - 1]].lower()
        if len(self._phrases) >= 8192:
            self._phrases.clear()  # the scan has moved on: what it asked about far behind is not asked again
        self._phrases[key] = out
        return out

    def gap(self, a: int, b: int) -> str:
        """Text between the end of token a and the start of token b."""
        return self.text[self.toks.end[a]:self.toks.start[b]]

    # --- numbers ---------------------------------------------------------------------------------
    def read_num(self, i: int) -> Num | None:
        """Read a number starting at token i: digits or words, with scale words and `phẩy` decimals."""
        toks, text = self.toks, self.text
        digits = self._digits
        if toks.kind[i] == "num":
            # digits that nothing after them goes on (most numbers): what the loop below reads, read at once
            w = toks.text[i]
            got = digits.get(w)
            if got is None:
                got = digits[w] = _read_digits(w, self.style)
            if not got:
                return None
            if i + 1 >= len(toks.kind) or toks.kind[i + 1] != "word" or toks.low[i + 1] not in _GOES_ON:
                v, decimals, suffix = got
                return Num(i, i + 1, 0.0 + v, suffix, decimals, False, w)
        parts: list = []
        j = i
        decimals = 0
        has_words = False
        scale = 1.0
        stop = min(len(toks.kind), i + MAX_NUMBER_TOKENS)
        while j < stop:
            kind = toks.kind[j]
            if j > i:
                gap = text[toks.end[j - 1]:toks.start[j]]
                if "\n" in gap or gap.strip():
                    break
            if kind == "num":
                if parts and not (isinstance(parts[-1], str) and parts[-1] in SCALES):
                    # digits follow only a scale word (`12.345 tỷ 250 triệu`); after digits or a
                    # number word (`đầu tư 1.200 tỷ`: `tư` is a word here) a new number starts
                    break
                w = toks.text[j]
                got = digits.get(w)
                if got is None:
                    got = digits[w] = _read_digits(w, self.style)
                if not got:
                    break   # no number (at token i: none read)
                v, decimals, suffix = got
                if suffix != 1.0:
                    scale *= suffix
                parts.append(v)
                j += 1
                continue
            if kind == "word":
                w = toks.low[j]
                if w in SCALES:
                    if not parts:
                        return None
                    parts.append(w)
                    scale *= SCALES[w]
                    j += 1
                    continue
                if w in ("phẩy", "chấm") and parts and j + 1 < len(toks.kind):
                    frac = self._decimal_part(j + 1)
                    if frac is not None:
                        fv, fdec, nj = frac
                        base = parts[-1] if isinstance(parts[-1], float) else words_value(parts)
                        if base is None:
                            break
                        parts = [float(base) + fv]
                        decimals = fdec
                        j = nj
                        continue
                    break
                if w in NUMBER_WORDS and w not in SCALES:
                    if parts and isinstance(parts[-1], float) and w not in HALF_WORDS:
                        break
                    if parts and w in DIGIT_WORDS and isinstance(parts[-1], str) and parts[-1] in DIGIT_WORDS:
                        break  # two digit words side by side (`hai năm`, `một một`) never make one numeral
                    parts.append(w)
                    has_words = True
                    j += 1
                    continue
            break
        # Trailing words that do not make a number (`năm` after a number: `5 năm`) are dropped.
        if all(map(str.__instancecheck__, parts)):
            # words only (`năm`, `hai mươi`): what the loop below makes of them, kept from text to text
            key = tuple(parts)
            got = _WORDS_READ.get(key)
            if got is None:
                if len(_WORDS_READ) > tokens.CACHE_LIMIT:
                    _WORDS_READ.clear()   # (a cache of values: a reader in another thread missing one reads it)
                got = _WORDS_READ[key] = _words_read(parts)
            v, kept = got
            j -= len(parts) - kept
            del parts[kept:]
        else:
            v, kept = _words_read(parts)
            j -= len(parts) - kept
            del parts[kept:]
        if not parts:
            return None
        # A lone digit word is only a number where a counted noun or unit follows; let callers judge.
        return Num(i, j, float(v), scale, decimals, has_words, self.text[toks.start[i]:toks.end[j - 1]])

    def _decimal_part(self, j: int):
        toks = self.toks
        kind, w = toks.kind[j], toks.text[j]
        if kind == "num" and w.isdigit():
            return float("0." + w), len(w), j + 1
        if kind == "word" and toks.low[j] in DIGIT_WORDS:
            digits = ""
            k = j
            while k < len(toks.kind) and toks.kind[k] == "word" and toks.low[k] in DIGIT_WORDS:
                digits += str(DIGIT_WORDS[toks.low[k]])
                k += 1
            return float("0." + digits), len(digits), k
        return None

    def phrase_before(self, i: int, phrases):
        """Longest phrase ending at the token before i (same line, only spaces between)."""
        befores = self._befores.get(i)
        if befores is None:
            if i >= 1 and ends_none(self.toks, i, _last_words(phrases)):
                return None   # no phrase ends with the token before i: none of the phrases before it is one
            befores = self._phrases_before(i)
        for start, p in befores:
            if p in phrases:
                if self.text[self.toks.end[i - 1]:self.toks.start[i]].strip() not in ("",):
                    return None  # the same gap for every phrase
                return start, p
        return None

    def befores(self, i: int) -> list:
        """The phrases of 4, 3, 2, 1 tokens before token i, longest first, as (first token, phrase) (see
        `_phrases_before`)."""
        got = self._befores.get(i)
        return got if got is not None else self._phrases_before(i)

    def _phrases_before(self, i: int) -> list:
        """The phrases of 4, 3, 2, 1 tokens before i (`words_at(i - n, n)`, those that are phrases), as
        (first token, phrase); kept for the next question about the same token (every step asks)."""
        toks, text = self.toks, self.text
        out = []
        if i >= 1 and toks.kind[i - 1] != "num":
            # the token before i, then each before that while it is no number and at most two spaces (no
            # newline) stand between
            last = toks.end[i - 1]
            longest = 1
            while longest < 4 and i - longest > 0:
                a_end, b_start = toks.end[i - longest - 1], toks.start[i - longest]
                if toks.kind[i - longest - 1] == "num" or b_start - a_end > 2 or \
                        (b_start > a_end and "\n" in text[a_end:b_start]):
                    break
                longest += 1
            if longest > 1:
                first = toks.start[i - longest]
                phrase = text[first:last]
                low = phrase.lower()
                if len(low) == len(phrase) and "Σ" not in phrase:
                    # each letter lowers alone (`Σ` lowers by what stands around it; a letter that lowers to
                    # two shifts the rest): each shorter phrase lowered is the end of the longest one lowered
                    out = [(i - n, low[toks.start[i - n] - first:]) for n in range(longest, 1, -1)]
                else:
                    out = [(i - n, text[toks.start[i - n]:last].lower()) for n in range(longest, 1, -1)]
            out.append((i - 1, toks.low[i - 1]))
        if len(self._befores) >= 256:
            self._befores.clear()  # the scan has moved on
        self._befores[i] = out
        return out

    def is_year_like(self, num: Num, i: int) -> bool:
        return bool(YEAR(num.raw))

    def counted_noun(self, j: int):
        """The counted noun or unit after token j-1: (`nhiệm vụ`, last token index) or (None, j-1)."""
        return counted_noun(self.toks, j, self.text)

    def after(self, j: int) -> Tail:
        return Tail(self, j)


# the last token of each phrase of a collection `phrase_before` is asked about, by the collection's id (the
# collection kept with it, so that the id is not another's)
_LAST_WORDS: dict[int, tuple[object, frozenset]] = {}


def _last_words(phrases) -> frozenset:
    got = _LAST_WORDS.get(id(phrases))
    if got is None or got[0] is not phrases:
        if len(_LAST_WORDS) >= 64:
            _LAST_WORDS.clear()
        got = _LAST_WORDS[id(phrases)] = (phrases, last_words(phrases))
    return got[1]


def _words_read(parts: list) -> tuple[float | None, int]:
    """(the value, how many of `parts` make it): the longest start of `parts` that `words_value` reads; (None, 0)
    when none does."""
    n = len(parts)
    while n:
        v = words_value(parts[:n])
        if v is not None:
            return v, n
        n -= 1
    return None, 0


# the value of a run of number words (`parts` of `read_num` with no digits in them), by the words
_WORDS_READ: dict[tuple, tuple] = {}
# the words that may go on with a number after its digits: a scale word, a decimal point, a half
_GOES_ON = frozenset(SCALES) | {"phẩy", "chấm"} | frozenset(HALF_WORDS)
# a number token's text read in a style: (value, decimals, the scale of a `k`/`M`/`G` suffix), or () when it is
# no number (`read_num` stops there); kept from text to text, by style
_DIGITS_READ: dict[str, dict[str, tuple]] = {}


def _read_digits(w: str, style: str) -> tuple:
    m = _DIGITS_AND_SUFFIX(w)
    if not m:
        return ()
    try:
        v, decimals = parse_digits(m.group(1), style)
    except NotANumber:
        return ()
    suffix = SUFFIX_SCALES[m.group(2)] if m.group(2) else 1.0
    return (v * suffix if m.group(2) else v), decimals, suffix


def number_style(text: str, toks=None) -> str:
    """`en` when the text writes numbers the English way consistently (`1,234.5`, `9.54%`), else `vi`. (Given
    the text's tokens, where either way may match is read off them: `toks.grouped`.)"""
    # where either may match, found once for both (see `_GROUPED_NUMBER`)
    at = toks.grouped if toks is not None else [m.start() for m in _GROUPED_NUMBER_AT.finditer(text)]
    whole = [(0, len(text))]
    en = sum(1 for _ in matches_at(_EN_NUMBER, at, text, whole))
    vi = sum(1 for _ in matches_at(_VI_NUMBER, at, text, whole))
    return "en" if en > vi else "vi"


_EN_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\.\d+\b|\b\d+\.\d{1,2}\s?%")
# (`3,2 triệu lượt khách`: a decimal comma before a scale word is Vietnamese too)
# (`25.500 lượt người`: a group of three digits after a dot, then a word, is a Vietnamese thousand; not a score,
# which indexes write with three decimals: `42.394 điểm`)
_VI_NUMBER = re.compile(r"\b\d{1,3}(?:\.\d{3})+,\d+\b|\b\d+,\d{1,2}\s?%|\b\d{1,3}(?:\.\d{3}){2,}\b|"
                        r"\b\d+,\d{1,2}\s+(?:triệu|tỷ|tỉ|nghìn|ngàn)\b|"
                        r"\b\d{1,3}\.\d{3}(?![\d.,])\s+(?!điểm)[^\W\d_]")
# where either may match: the start of a run of digits with a `.` or `,` and a digit after it (a lead: see
# `nonfigures._matches`); the same matches as `findall`, found without trying every digit
_GROUPED_NUMBER = re.compile(r"\d(?<!\w\d)\d*+[.,]\d")
# every position where it matches: it reads no further than the `[.,]` and digit after a run, where no other
# match of it can start, so the matches of `finditer` are all of them
_GROUPED_NUMBER_AT = re.compile(r"\d(?<!\w\d)\d*+(?=[.,]\d)")
