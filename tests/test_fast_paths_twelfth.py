"""The twelfth pass's faster readings (issue 18's 1 MB/s) give what the plain readings give:
- every pattern `cues.led` puts behind a look ahead for the characters its matches start with finds what the pattern
  alone finds (`search`, `finditer`, `sub`, `match`), on real text and on made-up text of those characters, in every
  case and with the letters that match others ignoring case only (`ı`, `İ`, `ſ`, `K`);
- `led` leaves alone the patterns whose first characters it cannot read, and reads those it can as the engine does."""
import random
import re

import extractors.attribution  # noqa: F401  (the modules whose patterns are led: their `led` calls fill `cues.LED`)
import extractors.doc_context  # noqa: F401
import extractors.entities  # noqa: F401
import extractors.indicator_phrases  # noqa: F401
import extractors.indicators  # noqa: F401
import extractors.owners  # noqa: F401
import extractors.period_choice  # noqa: F401
import extractors.periods  # noqa: F401
import extractors.status  # noqa: F401
from extractors import cues
from extractors.cues import led

from conftest import passage_texts

_ODD = ["ı", "İ", "ſ", "K", "ǅ", "ẞ", "ß", "Ω", "Å", "µ"]


def _made_up(plain: re.Pattern, real: list[str], rng: random.Random, n: int) -> list[str]:
    """Texts of pieces of the pattern's own matches in the real texts, their words in other cases, its first
    characters alone, letters that match others ignoring case only, and a few words and signs."""
    found = [m.group(0) for t in real for m in plain.finditer(t)][:400]
    pieces = found + [f.upper() for f in found[:80]] + [f.lower() for f in found[:80]] + [f[1:] for f in found[:80]]
    pieces += [f[:k] for f in found[:80] for k in (1, 2, 4)] + _ODD + [
        "so với", "cùng kỳ", "năm 2023", "tháng 12/2022", "tỉnh", "Tỉnh", "là", "là:", ":", ";", "\n", ",", "(", ")",
        "1", "12", "2024", " ", "  ", "xã", "của", "Công ty", "Trung ương", "cả nước", "Sau", "qua", "thực hiện"]
    return ["".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randint(0, 12)))
            for _ in range(n)]


def _same(plain: re.Pattern, fast: re.Pattern, text: str, rng: random.Random) -> None:
    def spans(p, *at):
        return [(m.span(), m.groups()) for m in p.finditer(text, *at)]

    assert spans(plain) == spans(fast), (plain.pattern[:60], text)
    assert plain.sub("#", text) == fast.sub("#", text), (plain.pattern[:60], text)
    for _ in range(3):
        a = rng.randint(0, len(text))
        b = rng.randint(a, len(text))
        for p in (a, max(0, a - 1)):
            got, want = fast.search(text, p, b), plain.search(text, p, b)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), text
            got, want = fast.match(text, p, b), plain.match(text, p, b)
            assert (got and got.span()) == (want and want.span()), text
        assert spans(plain, a, b) == spans(fast, a, b), text


def test_every_led_pattern_finds_what_the_pattern_alone_finds():
    assert len(cues.LED) >= 18
    real = passage_texts()
    rng = random.Random(12)
    pieces = [t[lo:lo + rng.randint(1, 400)] for t in real for lo in range(0, len(t), 333)]
    found = 0
    for plain, fast in cues.LED:
        assert fast.pattern.endswith(plain.pattern + ")") and fast.flags == plain.flags
        for text in real + pieces + _made_up(plain, real, rng, 1500):
            _same(plain, fast, text, rng)
            found += plain.search(text) is not None
    assert found > 3000


def test_led_leaves_alone_what_it_cannot_read_and_reads_cases_as_the_engine_does():
    # a match that may be empty, or start with any character, a class, a back reference: no look ahead
    for source, flags in ((r"a*", 0), (r"(?:x|)y?", 0), (r".b", 0), (r"\dz", 0), (r"[^a]b", 0), (r"\w+", 0),
                          (r"(a)?\1b", 0), (r"(?<!\w)\s+là", 0), (r"(?x) a b # c", 0), (r"[\u0100-\uffff]", 0)):
        pat = re.compile(source, flags)
        assert led(pat) is pat, source
    rng = random.Random(7)
    for source, flags in ((r"(?<!\w)(?:so|Sau)\s", 0), (r"(?<!\w)(?:si|kế)\b", re.IGNORECASE),
                          (r"x?(?i:s)t", 0), (r"(?-i:k)a|(?<!b)B", re.IGNORECASE), (r"(?=a)?[b-d]+e|^f", 0),
                          (r"(?>g|h)|(?:i{0,2}j)++", 0), (r"(?:)?k", re.IGNORECASE), (r"[ßΩµ]x", re.IGNORECASE),
                          (r"(a)\1", 0)):
        plain = re.compile(source, flags)
        fast = led(plain)
        assert fast is not plain, source
        letters = "abcdefghijkstxBSKIO" + "".join(_ODD) + " \n"
        for _ in range(3000):
            text = "".join(rng.choice(letters) for _ in range(rng.randint(0, 12)))
            _same(plain, fast, text, rng)
