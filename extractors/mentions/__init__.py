"""The mention finder: every figure in a Vietnamese text, with its kind, value, unit and qualifier.

Two passes over the text:
1. non-mentions (dates, times, years and terms, document codes, phone numbers, addresses, names
   with numbers, ordinals, list markers) are found by pattern (SKIP_PATTERNS, run only on the
   stretches around digits; WORD_SKIP_PATTERNS for `Đại hội XIII`, `Thứ nhất`) and recorded as
   `Skipped` with a reason;
2. every other number is read with what surrounds it (qualifier words before; `%`, a dash and a
   second number, `/` and a denominator, `trong tổng số` and a total, a currency, a counted noun
   after) into a `Mention`. A number that comes out as nothing (no unit, no qualifier, no verb that
   states a figure before it: `lễ 30-4`, `đường dây nóng 113`) is recorded as skipped too, reason
   `date`, `duration`, `year` or `unread`, so coverage can list what fell through.

Number words are read only where they are a figure (`ba khâu đột phá`, `hai mươi lăm xã`, `một nửa`,
`gấp đôi`), never `một số`, `linh hoạt`, `tư nhân`, `năm gần đây`, `hàng trăm`; `find(text,
bare_numbers=True)` and `read_numeral(text)` read a numeral that stands alone.

`find(text)` returns `(mentions, skipped)`; offsets index `text`, so `text[m.start:m.end] == m.text`.

The package, in the order a number meets it: `tokens` (the tokenizer), `nonfigures` (pass 1, with
`openers`: where a skip pattern may start, read off the tokens), `reader` (reading a number off the tokens), `tail` (the unit and qualifier around it), `draft` (the
figure being read), `kinds` (pass 2, one step per kind of figure; the rank step and ordinals in `ranks`) and
`finder` (the scan, `find`, `read_numeral`). The word lists
they read are data under `extractors/lexicon/`.
"""
from extractors.mentions.finder import Finder, find, read_numeral
from extractors.mentions.reader import number_style

__all__ = ["Finder", "find", "number_style", "read_numeral"]
