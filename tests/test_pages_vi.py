"""Pages a Vietnamese reader can use (issue 16), on the real Datasette over the built corpus database:
numbers as Vietnamese print them and as people type them, Vietnamese titles and headings, the
figure's citation and the JSON twins, the reports list, dashboard tiles for the chosen indicator."""
import re
import sqlite3

import pytest
import yaml

from pipeline.web import vi
from pipeline.web.serve import METADATA, make_datasette

TYPED = ["2.101", "2101", "2 101", "2,101"]  # one figure, typed four ways


@pytest.mark.parametrize("value, unit, kind, extra, shown", [
    (2101.0, "chỉ tiêu", "fraction", {"denominator": 2000.0}, "2.101/2.000 chỉ tiêu"),
    (9.54, "%", "percent", {}, "9,54%"),
    (32398e9, "VND", "money", {}, "32.398 tỷ đồng"),
    (1.6e9, "USD", "money", {}, "1,6 tỷ USD"),
    (39e6, "VND/năm", "money", {}, "39 triệu đồng/năm"),
    (None, "%", "range", {"low": 8.5, "high": 9.0}, "8,5–9%"),
    (1.13, "times", "multiplier", {}, "1,13 lần"),
])
def test_amounts_as_vietnamese_print_them(value, unit, kind, extra, shown):
    assert vi.amount(value, unit, kind, **extra) == shown


@pytest.mark.parametrize("typed, first, also", [
    ("2.101", 2101, 2.101), ("2101", 2101, None), ("2 101", 2101, None), ("2,101", 2.101, 2101),
    ("9,54", 9.54, None), ("32.398 tỷ", 32398e9, None), ("40 ngàn tỷ", 40e12, None), ("ho ngheo", None, None),
])
def test_numbers_as_people_type_them(typed, first, also):
    got = vi.readings(typed)
    assert (got[0] if got else None) == (pytest.approx(first) if first is not None else None)
    if also is not None:
        assert any(abs(g - also) < 1e-9 for g in got)


def test_a_province_beside_a_number():
    nums, words = vi.split_numbers("Vĩnh Phúc 2.101")
    assert nums == [[2101.0, 2.101]] and words == "Vĩnh Phúc"
    assert vi.split_numbers("thu ngân sách 32.398 tỷ đồng")[1] == "thu ngân sách"


@pytest.fixture(scope="module")
def ds(built_db):
    return make_datasette(built_db)


async def test_find_figure_and_search_take_a_number_four_ways(ds):
    for typed in [*TYPED, "Vĩnh Phúc 2.101", "vinh phuc 2101"]:
        r = await ds.client.get("/chitieu/find_figure.json", params={"value": typed, "_shape": "array"})
        assert [x["text"] for x in r.json()] == ["2.101/2.000 chỉ tiêu"], typed
        r = await ds.client.get("/-/search.json", params={"q": typed})
        assert "2.101/2.000 chỉ tiêu" in [f["text"] for f in r.json()["figures"]], typed
    # a province the figure is not about finds nothing; words without a number still search the text
    r = await ds.client.get("/chitieu/find_figure.json", params={"value": "Hà Tĩnh 2.101", "_shape": "array"})
    assert r.json() == []
    r = await ds.client.get("/-/search.json", params={"q": "ho ngheo"})
    assert r.json()["total"] >= 3 and r.json()["figures"] == []
    page = (await ds.client.get("/-/search", params={"q": "2101"})).text
    assert ">2.101/2.000 chỉ tiêu</a>" in page and "Số liệu có giá trị này" in page


async def test_figure_page_shows_vietnamese_numbers_and_a_citation(ds, built_db):
    mid, sentence = sqlite3.connect(built_db).execute(
        "select id, sentence from mentions where text = '2.101/2.000 chỉ tiêu'").fetchone()
    page = (await ds.client.get(f"/-/figure/{mid}")).text
    value = re.search(r'id="figure-value">([^<]*)<', page).group(1)
    assert value == "2.101/2.000 chỉ tiêu" and "2,101" not in page
    cite = re.search(r'<textarea id="citation-text"[^>]*>(.*?)</textarea>', page, re.S).group(1)
    assert "Ban Thường vụ Tỉnh ủy" in cite and "10/1/2022" in cite and f"/-/figure/{mid}" in cite
    assert "Không có địa chỉ web" in cite  # the corpus file has no URL, and the citation says so
    r = await ds.client.get(f"/-/figure/{mid}.json")
    data = r.json()
    assert r.status_code == 200 and data["figure"]["value"] == 2101.0  # the machine value, unchanged
    assert data["display"]["value"] == "2.101/2.000 chỉ tiêu" and data["figure"]["sentence"] == sentence
    assert data["citation"]["csl"]["issued"] == {"date-parts": [[2022, 1, 10]]}
    assert (await ds.client.get("/-/figure/0000000000000000.json")).status_code == 404


async def test_tables_show_vietnamese_and_json_keeps_machine_values(ds):
    r = await ds.client.get("/chitieu/figures", params={"indicator_key": "budget_revenue"})
    html = r.text
    assert "16.916 tỷ đồng" in html and "Thu ngân sách nhà nước" in html and ">Giá trị" in html
    assert re.search(r'<details class="column-glossary">\s*<summary>', html)  # folded away
    head = html[html.index("<thead>"):html.index("</thead>")]
    assert head.index("Giá trị") < head.index("Nguyên văn") < head.index("Mã")  # the figure first
    rows = (await ds.client.get("/chitieu/figures.json", params={"indicator_key": "budget_revenue",
                                                               "_shape": "array"})).json()
    assert 16916000000000.0 in [x["value"] for x in rows] and "indicator_key" in rows[0]
    runs = (await ds.client.get("/chitieu/runs")).text
    assert "5 đầu vào</summary>" in runs and '[&#34;corpus' not in runs


async def test_canned_queries_hide_their_sql_and_have_vietnamese_titles(ds):
    page = (await ds.client.get("/chitieu/find_figure", params={"value": "2.101"})).text
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert title.startswith("Tìm số liệu theo giá trị") and "select" not in title
    assert 'id="sql-query"' not in page and "xem SQL (show SQL)" in page and "2.101/2.000 chỉ tiêu" in page


def test_every_title_is_vietnamese_first():
    meta = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    db = meta["databases"]["chitieu"]
    viet = re.compile(r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.I)
    named = [("site", meta), ("database", db), *db["tables"].items(), *db["queries"].items(),
             ("dashboard", meta["plugins"]["datasette-dashboards"]["provinces"])]
    english_only = [n for n, t in named if not viet.search(t.get("title") or "")]
    no_vi_description = [n for n, t in [*db["tables"].items(), *db["queries"].items()] if not t.get("description_vi")]
    assert not english_only and not no_vi_description, (english_only, no_vi_description)
    charts = meta["plugins"]["datasette-dashboards"]["provinces"]["charts"]
    assert [c for c, x in charts.items() if not viet.search(x["title"])] == []


def test_every_column_has_a_vietnamese_heading(built_db):
    c = sqlite3.connect(built_db)
    names = [r[0] for r in c.execute("select name from sqlite_master where type in ('table', 'view') "
                                     "and name not like 'sqlite_%' and name not like '%_fts%'")]
    missing = sorted({col for t in names for (col,) in c.execute(f"select name from pragma_table_info('{t}')")
                      if vi.column(col, t) == col})
    assert not missing, missing


async def test_reports_listed(corpus_copy, tmp_path):
    from pipeline.orchestration.run import run_corpus

    db = tmp_path / "chitieu.db"
    assert run_corpus(corpus_copy, db, quiet=True, executor="inline", report="2026-09") == 0
    ds = make_datasette(db)
    page = (await ds.client.get("/-/reports")).text
    assert '<a class="report-link" href="/-/reports/2026-09">2026-09</a>' in page
    listed = (await ds.client.get("/-/reports.json")).json()["reports"]
    assert [x["name"] for x in listed] == ["2026-09"] and listed[0]["exists"]
    assert "Báo cáo lần chạy" in (await ds.client.get("/-/reports/2026-09")).text


async def test_dashboard_tiles_count_the_chosen_indicator(ds, built_db):
    charts = yaml.safe_load(METADATA.read_text(encoding="utf-8"))["plugins"]["datasette-dashboards"][
        "provinces"]["charts"]
    c = sqlite3.connect(built_db)

    async def run(chart, indicator):
        sql = re.sub(r"\[\[.*?\]\]", "", charts[chart]["query"], flags=re.S)
        r = await ds.client.get("/chitieu.json", params={"sql": sql, "indicator": indicator, "_shape": "array"})
        assert r.status_code == 200, r.text
        return r.json()

    for name, key in (("Tỷ lệ hộ nghèo", "poverty_rate"), ("Tăng trưởng GRDP", "grdp_growth")):
        n, = c.execute("select count(*) from mentions where indicator_key = ?", [key]).fetchone()
        assert (await run("figures-total", name))[0]["n"] == n
        assert (await run("figures-total", key))[0]["n"] == n  # the key works as well as the name
    # `giảm 1-1,5%` (a reduction target for Hà Tĩnh 2022) is not drawn as a level of 1 %, it is counted apart
    drawn = {r["province_period"] for r in await run("targets", "Tỷ lệ hộ nghèo")}
    assert "Hà Tĩnh 2022" not in drawn and drawn
    assert (await run("reductions-left-out", "Tỷ lệ hộ nghèo"))[0]["n"] == 1
    undated, = c.execute("select count(*) from documents where published is null or published not glob "
                         "'[12][0-9][0-9][0-9]-[01][0-9]*'").fetchone()
    assert (await run("undated-documents", ""))[0]["n"] == undated


async def test_the_start_page_is_a_start(ds):
    page = (await ds.client.get("/")).text
    assert re.search(r'<form class="searchbox start-search" action="/-/search"', page)
    start = page[:page.index('<details class="all-tables">')]  # the tables come after, folded
    assert start.index("Tìm số liệu hoặc câu") < start.index("Tăng trưởng GRDP") < start.index("Lần chạy gần nhất")
    assert 'href="/chitieu/figures?indicator_key=grdp_growth"' in start and "Vĩnh Phúc" in start


def test_the_figures_table_describes_every_column_in_vietnamese(built_db):
    figures = yaml.safe_load(METADATA.read_text(encoding="utf-8"))["databases"]["chitieu"]["tables"]["figures"]
    cols = [r[1] for r in sqlite3.connect(built_db).execute("pragma table_info(figures)")]
    assert [c for c in cols if not figures["columns_vi"].get(c)] == []
