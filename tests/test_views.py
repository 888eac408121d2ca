"""The researcher views, the figure and search pages and the dashboard's queries, on a small database
written row by row (so the views are tested apart from the extractor) and on the built corpus."""
import gzip
import hashlib
import json
import re
import sqlite3
import urllib.parse

import pytest
import yaml

from pipeline.web.serve import METADATA, make_datasette
from pipeline.db.store import open_db
from pipeline.db.views import centroids, create_views, headline_indicators

DOCS = [
    # id, title, published, province, text
    ("ht-1", "Hà Tĩnh: kinh tế năm 2022 tăng trưởng", "2022-12-20", "Hà Tĩnh",
     "Năm 2022, tốc độ tăng trưởng kinh tế của tỉnh Hà Tĩnh đạt 5,02%. Tỷ lệ hộ nghèo còn 2,5%."),
    ("ht-2", "Hà Tĩnh đầu tư công: tổng kết năm", "2023-01-15", "Hà Tĩnh",
     "Năm 2022, tăng trưởng kinh tế đạt 5,1%, mục tiêu năm 2022 là 7%."),
    ("vp-1", "Vĩnh Phúc: thu ngân sách năm 2023", "2023-02-01", "Vĩnh Phúc",
     "Năm 2023, thu ngân sách nhà nước đạt 32.398 tỷ đồng; tăng trưởng kinh tế cả nước đạt 5,05%."),
]
NEW = {"Hà Tĩnh": "Hà Tĩnh", "Vĩnh Phúc": "Phú Thọ"}


def _mid(*parts) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:16]


def _mention(doc, text, figure, kind, value, unit, indicator, key, entity, period, status, sidx=0):
    d = next(x for x in DOCS if x[0] == doc)
    start = d[4].index(figure)
    return {"id": _mid(doc, figure, start), "doc": doc, "sentence_id": f"{doc}:{sidx}", "start": start,
            "end": start + len(figure), "text": figure, "kind": kind, "value": value, "unit": unit,
            "indicator": indicator, "indicator_key": key, "entity": entity, "province": d[3],
            "province_new": NEW[d[3]], "period": period, "status": status, "sentence": text, "decimals": 2}


def _sentences(doc_id, text):
    out, pos = [], 0
    for i, s in enumerate(re.split(r"(?<=\.) ", text)):
        start = text.index(s, pos)
        out.append({"id": f"{doc_id}:{i}", "document": doc_id, "idx": i, "start": start, "end": start + len(s),
                    "text": s, "text_folded": s.lower()})
        pos = start + len(s)
    return out


@pytest.fixture
def mini_db(tmp_path):
    path = tmp_path / "chitieu.db"
    db = open_db(path)
    for doc_id, title, published, province, text in DOCS:
        db["documents"].insert({"id": doc_id, "source": f"https://example.vn/{doc_id}.html",
                                "url": f"https://example.vn/{doc_id}.html", "title": title, "published": published,
                                "province": province, "province_new": NEW[province], "text": text,
                                "sha256": hashlib.sha256(text.encode()).hexdigest(), "mentions": 0})
        db["sentences"].insert_all(_sentences(doc_id, text))
    s = {d[0]: _sentences(d[0], d[4]) for d in DOCS}
    rows = [
        _mention("ht-1", s["ht-1"][0]["text"], "5,02%", "percent", 5.02, "%", "tốc độ tăng trưởng kinh tế",
                 "grdp_growth", "Hà Tĩnh", "2022", "actual"),
        _mention("ht-1", s["ht-1"][1]["text"], "2,5%", "percent", 2.5, "%", "tỷ lệ hộ nghèo", "poverty_rate",
                 "Hà Tĩnh", "2022", "actual", sidx=1),
        _mention("ht-2", s["ht-2"][0]["text"], "5,1%", "percent", 5.1, "%", "tăng trưởng kinh tế",
                 "grdp_growth", None, "2022", "actual"),
        _mention("ht-2", s["ht-2"][0]["text"], "7%", "percent", 7.0, "%", "tăng trưởng kinh tế", "grdp_growth",
                 "Hà Tĩnh", "2022", "target"),
        _mention("vp-1", s["vp-1"][0]["text"], "32.398 tỷ đồng", "money", 32398e9, "VND", "thu ngân sách nhà nước",
                 "budget_revenue", "Vĩnh Phúc", "2023", "actual"),
        _mention("vp-1", s["vp-1"][0]["text"], "5,05%", "percent", 5.05, "%", "tăng trưởng kinh tế",
                 "grdp_growth", "Việt Nam", "2023", "actual"),
    ]
    db["mentions"].insert_all(rows)
    db.conn.commit()
    create_views(db)  # as a run does after loading: the materialized tables (series …) follow the figures
    db.conn.close()
    return path


def q(path, sql, params=()):
    c = sqlite3.connect(path)
    c.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in c.execute(sql, params)]
    finally:
        c.close()


def test_figures_one_row_per_mention_with_source(mini_db, built_db):
    for path in (mini_db, built_db):
        assert q(path, "select count(*) n from figures")[0]["n"] == q(path, "select count(*) n from mentions")[0]["n"]
    rows = {r["text"]: r for r in q(mini_db, "select * from figures")}
    r = rows["5,02%"]
    assert (r["indicator_key"], r["place"], r["place_new"], r["period"], r["period_kind"], r["year"], r["status"],
            r["value"], r["unit"]) == ("grdp_growth", "Hà Tĩnh", "Hà Tĩnh", "2022", "year", 2022, "actual", 5.02, "%")
    assert r["title"].startswith("Hà Tĩnh: kinh tế") and r["url"] == "https://example.vn/ht-1.html"
    assert rows["5,1%"]["place"] == "Hà Tĩnh"            # no entity: the document's province
    assert rows["5,05%"]["place"] == "Việt Nam" and rows["5,05%"]["place_new"] == "Việt Nam"
    assert rows["32.398 tỷ đồng"]["place_new"] == "Phú Thọ"


def test_figures_counts_and_facets_never_read_documents(built_db):
    """Document fields are scalar subqueries: SQLite drops them from count(*) and facet queries."""
    for sql in ("select count(*) from figures",
                "select indicator_key, count(*) from (select * from figures) group by indicator_key",
                "select province, count(*) from (select * from figures) group by province"):
        plan = " ".join(str(r["detail"]) for r in q(built_db, "explain query plan " + sql))
        assert "documents" not in plan and "INDEX" in plan, (sql, plan)


def test_series_latest_value_and_disagreement(mini_db):
    rows = q(mini_db, "select * from series where indicator_key = 'grdp_growth' and province = 'Hà Tĩnh' "
                      "and status = 'actual'")
    assert len(rows) == 1
    r = rows[0]
    # two sources for 2022: 5.02 (Dec 2022) and 5.1 (Jan 2023); the later one is the value
    assert (r["figures"], r["documents"], r["value"], r["min_value"], r["max_value"], r["distinct_values"]) == \
        (2, 2, 5.1, 5.02, 5.1, 2)
    assert r["latest_figure"] == q(mini_db, "select id from mentions where text = '5,1%'")[0]["id"]
    keys = {k for k, *_ in headline_indicators()}
    assert {x["indicator_key"] for x in q(mini_db, "select indicator_key from series")} <= keys
    d = q(mini_db, "select * from disagreements")
    assert len(d) == 1 and d[0]["indicator_key"] == "grdp_growth" and d[0]["spread_pct"] == pytest.approx(1.59, 0.01)
    by_source = {r["document"]: r for r in q(mini_db, "select * from inconsistent_by_source")}
    assert set(by_source) == {"ht-1", "ht-2"} and by_source["ht-1"]["basis"] == "disagreements"


def test_targets_next_to_results(mini_db):
    rows = q(mini_db, "select * from targets_vs_results")
    assert len(rows) == 1
    r = rows[0]
    assert (r["indicator_key"], r["province"], r["period"], r["target"], r["result"]) == \
        ("grdp_growth", "Hà Tĩnh", "2022", 7.0, 5.1)
    assert r["achieved_pct"] == pytest.approx(72.9, abs=0.05) and r["difference"] == pytest.approx(-1.9)


def test_term_target_meets_its_final_year(mini_db):
    c = sqlite3.connect(mini_db)
    c.execute("update mentions set period = '2021-2022' where text = '7%'")
    c.commit()
    c.close()
    db = open_db(mini_db)  # the tables are rebuilt when the database is opened next
    db.conn.close()
    r = q(mini_db, "select * from targets_vs_results")[0]
    assert r["period"] == "2021-2022" and r["result_period"] == "2022" and r["result"] == 5.1


def test_province_map_and_centroids(built_db):
    rows = q(built_db, "select * from province_map")
    names = {r["name"] for r in q(built_db, "select name from provinces")}
    assert len(rows) == 63 and {r["province"] for r in rows} == names
    for r in rows:
        assert 8.3 < r["latitude"] < 23.5 and 102.1 < r["longitude"] < 109.6, r
    assert len(centroids()) == 63
    vp = next(r for r in rows if r["province"] == "Vĩnh Phúc")
    assert vp["new_province"] == "Phú Thọ" and vp["documents"] >= 1 and vp["figures"] > 0


def test_indicators_and_documents_per_month(mini_db):
    ind = {r["key"]: r for r in q(mini_db, "select * from indicators")}
    assert ind["grdp_growth"]["figures"] == 4 and "tăng trưởng kinh tế" in ind["grdp_growth"]["phrases"]
    assert ind["grdp_growth"]["name"] == "Tăng trưởng GRDP"  # the picker and pages show the Vietnamese name
    months = {r["month"]: r["documents"] for r in q(mini_db, "select * from documents_per_month")}
    assert months == {"2022-12": 1, "2023-01": 1, "2023-02": 1}


def _add_checks(path, ids):
    db = open_db(path)
    db["checks"].insert_all([
        {"id": 1, "check_type": "across_sources", "verdict": "inconsistent", "mentions": json.dumps(ids),
         "computation": "5,02% ≠ 5,1%", "tolerance": 0.005},
        {"id": 2, "check_type": "fraction_percent", "verdict": "consistent", "mentions": json.dumps(ids[:1]),
         "computation": "ok", "tolerance": 0.005},
    ], pk="id")
    create_views(db)
    db.conn.close()


def test_inconsistent_by_source_uses_checks_when_present(mini_db):
    ids = [r["id"] for r in q(mini_db, "select id from mentions where text in ('5,02%', '5,1%') order by text")]
    _add_checks(mini_db, ids)
    rows = {r["document"]: r for r in q(mini_db, "select * from inconsistent_by_source")}
    assert set(rows) == {"ht-1", "ht-2"} and all(r["basis"] == "checks" and r["inconsistent"] == 1
                                                 for r in rows.values())


# --- pages, in-process ------------------------------------------------------------------------
async def test_figure_page_highlights_the_figure(mini_db):
    ds = make_datasette(mini_db)
    mid = q(mini_db, "select id from mentions where text = '7%'")[0]["id"]
    other = q(mini_db, "select id from mentions where text = '5,1%'")[0]["id"]
    r = await ds.client.get(f"/-/figure/{mid}")
    assert r.status_code == 200
    assert re.search(r'<mark class="figure focus" data-figure="%s"[^>]*>7%%' % mid, r.text)
    assert f'href="/-/figure/{other}"' in r.text          # the sentence's other figure links to its page
    assert 'href="https://example.vn/ht-2.html"' in r.text  # the live page
    assert "chưa chạy kiểm tra" in r.text  # no checks have been run yet
    assert (await ds.client.get("/-/figure/0000000000000000")).status_code == 404


async def test_figure_page_shows_checks_and_archive(mini_db):
    ids = [r["id"] for r in q(mini_db, "select id from mentions where text in ('5,02%', '5,1%') order by text")]
    _add_checks(mini_db, ids)
    raw = b"<html><body><h1>Trang g\xe1\xbb\x91c</h1><script>alert(1)</script></body></html>"
    sha = hashlib.sha256(raw).hexdigest()
    arch = mini_db.parent / "archive" / sha[:2]
    arch.mkdir(parents=True)
    (arch / f"{sha}.html.gz").write_bytes(gzip.compress(raw))
    db = open_db(mini_db)
    # as scrapers/webstore.py records it: the archive column is the path under archive/
    db["document_urls"].insert({"url": "https://baohatinh.vn/x-post1.html", "document": "ht-1", "site": "baohatinh",
                                "role": "canonical", "archive": f"{sha[:2]}/{sha}.html.gz"}, pk="url")
    db.conn.close()
    ds = make_datasette(mini_db)
    r = await ds.client.get(f"/-/figure/{ids[0]}")
    assert "5,02% ≠ 5,1%" in r.text and "verdict-inconsistent" in r.text
    assert "https://baohatinh.vn/x-post1.html" in r.text and f'href="/-/archive/{sha}"' in r.text
    a = await ds.client.get(f"/-/archive/{sha}")
    assert a.status_code == 200 and a.content == raw and "sandbox" in a.headers["content-security-policy"]
    assert (await ds.client.get("/-/archive/" + "0" * 64)).status_code == 404


async def test_search_with_and_without_diacritics(mini_db, built_db):
    ds = make_datasette(mini_db)
    for query in ("ho ngheo", "hộ nghèo", "HỘ NGHÈO"):
        r = await ds.client.get("/-/search?" + urllib.parse.urlencode({"q": query}))
        assert r.status_code == 200 and "Tỷ lệ <b class=\"term\">hộ</b> <b class=\"term\">nghèo</b>" in r.text
        assert "/-/figure/" in r.text
    # titles: `dau tu` finds `đầu tư` although titles have no folded copy
    r = await ds.client.get("/-/search?q=dau+tu")
    assert "Hà Tĩnh <b class=\"term\">đầu</b> <b class=\"term\">tư</b>" in r.text
    r = await ds.client.get('/-/search?q=%22%29%28+OR')  # FTS syntax in the box is words, not an error
    assert r.status_code == 200 and "could not run" not in r.text
    ds = make_datasette(built_db)
    r = await ds.client.get("/-/search?q=ho+ngheo")
    assert r.status_code == 200 and r.text.count('class="sentence-hit"') >= 3


async def test_search_ranks_the_phrase_first(mini_db):
    db = open_db(mini_db)
    db["sentences"].insert({"id": "vp-1:9", "document": "vp-1", "idx": 9, "start": 0, "end": 1,
                            "text": "Hỗ trợ người nghèo và các hộ gia đình chính sách trong năm.",
                            "text_folded": "ho tro nguoi ngheo va cac ho gia dinh chinh sach trong nam."})
    db.conn.close()
    r = await make_datasette(mini_db).client.get("/-/search?q=ho+ngheo")
    hits = re.findall(r'class="sentence-hit">(.*?)</div>', r.text, re.S)
    assert len(hits) == 2 and "nghèo</b> còn" in hits[0]


async def test_rendered_links_to_figure_pages(mini_db):
    ds = make_datasette(mini_db)
    r = await ds.client.get("/chitieu/figures")
    assert r.status_code == 200 and 'title="trang số liệu (figure page)"' in r.text
    mid = q(mini_db, "select id from mentions limit 1")[0]["id"]
    r = await ds.client.get(f"/chitieu/mentions/{mid}")
    assert f'href="/-/figure/{mid}"' in r.text


def _dashboard():
    return yaml.safe_load(METADATA.read_text())["plugins"]["datasette-dashboards"]["provinces"]


def _fill(sql, params):
    """What datasette-dashboards does with [[ … ]]: keep a clause only when its parameter is set."""
    def keep(m):
        var = re.search(r":(\w+)", m.group(0)).group(1)
        return m.group(0)[2:-2] if params.get(var) else ""
    return re.sub(r"\[\[.*?\]\]", keep, sql, flags=re.S)


@pytest.mark.parametrize("with_checks", [False, True])
async def test_dashboard_queries_run(mini_db, with_checks):
    if with_checks:
        _add_checks(mini_db, [r["id"] for r in q(mini_db, "select id from mentions limit 2")])
    ds = make_datasette(mini_db)
    r = await ds.client.get("/-/dashboards/provinces?indicator=grdp_growth")
    assert r.status_code == 200 and "grdp_growth" in r.text
    for params in ({"indicator": "grdp_growth"}, {"indicator": "grdp_growth", "province": "Hà Tĩnh", "year": "2022"}):
        for slug, chart in _dashboard()["charts"].items():
            sql = _fill(chart["query"], params)
            used = {k: v for k, v in params.items() if f":{k}" in sql}
            r = await ds.client.get("/chitieu.json?" + urllib.parse.urlencode({"sql": sql, **used, "_shape": "objects"}))
            assert r.status_code == 200, (slug, r.text[:300])
            rows = r.json()["rows"]
            if slug == "over-time":
                assert {(x["province"], x["year"], x["value"]) for x in rows} >= {("Hà Tĩnh", 2022, 5.1)}
            if slug == "province-map" and "year" not in params:
                assert len(rows) == 63 and any(x["value"] == 5.1 for x in rows)
            if slug == "targets":
                assert {x["what"] for x in rows} == {"mục tiêu (target)", "kết quả (result)"}


async def test_map_canned_query_has_coordinates(built_db):
    ds = make_datasette(built_db)
    r = await ds.client.get("/chitieu/map_indicator.json?indicator=grdp_growth&year=&_shape=array")
    rows = r.json()
    assert r.status_code == 200 and rows and all(x["latitude"] and x["longitude"] for x in rows)
    r = await ds.client.get("/chitieu/province_map")
    assert "datasette-cluster-map" in r.text


def test_views_survive_a_reopen_and_a_copy(built_db, tmp_path):
    dst = tmp_path / "chitieu.db"
    src, cp = sqlite3.connect(built_db), sqlite3.connect(dst)
    src.backup(cp)
    src.close()
    cp.close()
    db = open_db(dst)
    create_views(db)
    create_views(db)
    # series, targets_vs_results, disagreements and documents_per_month are tables (materialized)
    names = {r[0] for r in db.execute("select name from sqlite_master where type in ('view', 'table')").fetchall()}
    db.conn.close()
    assert {"figures", "series", "targets_vs_results", "province_map", "documents_per_month",
            "inconsistent_by_source", "disagreements", "indicators", "province_centroids", "coverage"} <= names


def _add_linked_checks(path, ids):
    """checks + check_mentions as pipeline.db.checks_store writes them."""
    db = open_db(path, sets=("checks",))
    db["checks"].insert({"id": "c1", "check_type": "figure_versions", "verdict": "inconsistent",
                         "computation": "5,02% và 5,1%: lệch 0,08 điểm", "scope": "corpus", "documents": 2,
                         "mentions": json.dumps(ids)})
    db["check_mentions"].insert_all([{"check_id": "c1", "mention_id": i, "role": "version", "position": k,
                                      "doc": d} for k, (i, d) in enumerate(zip(ids, ("ht-1", "ht-2")))])
    create_views(db)
    db.conn.close()


async def test_checks_from_check_mentions(mini_db):
    ids = [r["id"] for r in q(mini_db, "select id from mentions where text in ('5,02%', '5,1%') order by text")]
    _add_linked_checks(mini_db, ids)
    rows = {r["document"]: r for r in q(mini_db, "select * from inconsistent_by_source")}
    assert set(rows) == {"ht-1", "ht-2"} and all(r["basis"] == "checks" and r["inconsistent"] == 1
                                                 for r in rows.values())
    r = await make_datasette(mini_db).client.get(f"/-/figure/{ids[0]}")
    assert "5,02% và 5,1%" in r.text and "verdict-inconsistent" in r.text
    assert f'href="/-/figure/{ids[1]}">5,1%</a> <small>(phiên bản)</small>' in r.text
    assert 'href="/chitieu/checks/c1"' in r.text


async def test_targets_results_canned_query_is_the_view_for_one_indicator(mini_db):
    ds = make_datasette(mini_db)
    r = await ds.client.get("/chitieu/targets_results.json?indicator=grdp_growth&_shape=array")
    assert r.status_code == 200
    canned = r.json()
    view = q(mini_db, "select * from targets_vs_results where indicator_key = 'grdp_growth'")
    assert canned == view and len(view) == 1
    r = await ds.client.get("/chitieu/targets_results?indicator=grdp_growth")
    assert f'href="/-/figure/{view[0]["target_figure"]}"' in r.text


async def test_figure_page_never_links_a_script_url(mini_db):
    c = sqlite3.connect(mini_db)
    c.execute("update documents set url = 'javascript:alert(1)' where id = 'ht-2'")
    c.commit()
    c.close()
    mid = q(mini_db, "select id from mentions where text = '7%'")[0]["id"]
    r = await make_datasette(mini_db).client.get(f"/-/figure/{mid}")
    assert r.status_code == 200 and 'href="javascript:' not in r.text and "<code>javascript:alert(1)</code>" in r.text


def test_period_kinds_of_every_period_format():
    """Every period format of the contract gets its kind and year in the views."""
    import sqlite3

    from pipeline.db.views import PERIOD_KIND, YEAR

    c = sqlite3.connect(":memory:")
    cases = {"2022": ("year", 2022), "2021-2025": ("term", None), "2023-Q4": ("quarter", 2023),
             "2021-H1": ("half", 2021), "2022-9M": ("nine_months", 2022), "2022-10M": ("months", 2022),
             "2024-5M": ("months", 2024), "2023-12": ("month", 2023), "Q2": ("other", None)}
    for period, expected in cases.items():
        row = c.execute(f"select {PERIOD_KIND.format(p='?1')}, {YEAR.format(p='?1')}", [period]).fetchone()
        assert row == expected, period
