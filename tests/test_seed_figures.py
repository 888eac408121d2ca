"""Every seed figure of ANNOTATION.md's table is in the database with its sentence and document."""
import sqlite3

import pytest

# (text as written, kind, value, low, high, denominator, unit)
SEED_FIGURES = [
    ("2.101/2.000 chỉ tiêu", "fraction", 2101, None, None, 2000, "chỉ tiêu"),
    ("20/23 nhiệm vụ", "fraction", 20, None, None, 23, "nhiệm vụ"),
    ("xấp xỉ 87%", "percent", 87, None, None, None, "%"),
    ("8,0 ‑ 9,5%", "range", None, 8.0, 9.5, None, "%"),
    ("từ 2 đến 2,5 tỷ USD", "range", None, 2e9, 2.5e9, None, "USD"),
    ("1.009.589 triệu đồng", "money", 1.009589e12, None, None, None, "VND"),
    ("1,6 tỷ USD", "money", 1.6e9, None, None, None, "USD"),
    ("xếp thứ 32/63 tỉnh", "rank", 32, None, None, 63, "tỉnh"),
    ("xếp thứ 5", "rank", 5, None, None, None, None),
    ("gấp 4,45 lần", "multiplier", 4.45, None, None, None, "times"),
    ("215 tấn", "quantity", 215, None, None, None, "tấn"),
    ("1.870 quần chúng ưu tú", "quantity", 1870, None, None, None, "quần chúng ưu tú"),
    ("9,54%", "percent", 9.54, None, None, None, "%"),
    ("32.398 tỷ đồng", "money", 3.2398e13, None, None, None, "VND"),
    ("171/182 xã", "fraction", 171, None, None, 182, "xã"),
    ("94%", "percent", 94, None, None, None, "%"),
]


def close(a, b):
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= 1e-6 * max(abs(b), 1))


@pytest.mark.parametrize("fig", SEED_FIGURES, ids=[f[0] for f in SEED_FIGURES])
def test_seed_figure_in_database(built_db, fig):
    text, kind, value, low, high, den, unit = fig
    c = sqlite3.connect(built_db)
    rows = c.execute("""select m.kind, m.value, m.low, m.high, m.denominator, m.unit, s.text, d.id, d.title
                        from mentions m join sentences s on s.id = m.sentence_id join documents d on d.id = m.doc
                        where m.text like '%' || ? || '%'""", [text]).fetchall()
    assert rows, text
    ok = [r for r in rows if r[0] == kind and close(r[1], value) and close(r[2], low) and close(r[3], high)
          and close(r[4], den) and r[5] == unit]
    assert ok, (text, rows)
    sentence, doc, title = ok[0][6], ok[0][7], ok[0][8]
    assert text in sentence and doc and title
