"""Datasette over the built database, in-process: pages, JSON API, canned queries, metadata."""
import sqlite3

import pytest
import yaml

from pipeline.web.serve import METADATA, make_datasette


@pytest.fixture
def ds(built_db):
    # as `chitieu serve` runs it: the canned queries use the SQL functions of plugins/chitieu_labels.py
    return make_datasette(built_db)


async def test_index_and_tables(ds):
    r = await ds.client.get("/")
    assert r.status_code == 200 and "chitieu" in r.text
    for table in ("documents", "sentences", "mentions", "runs", "skipped", "provinces"):
        r = await ds.client.get(f"/chitieu/{table}")
        assert r.status_code == 200, table


async def test_json_api_filters(ds):
    r = await ds.client.get("/chitieu/mentions.json?kind=rank&_shape=array")
    rows = r.json()
    assert r.status_code == 200 and any(x["text"] == "xếp thứ 32/63 tỉnh" for x in rows)
    assert all(x["kind"] == "rank" for x in rows)


async def test_search_box_without_diacritics(ds):
    r = await ds.client.get("/chitieu/sentences.json?_search=ho+ngheo&_shape=array")
    rows = r.json()
    assert rows and all("hộ nghèo" in x["text"].lower() for x in rows)


async def test_canned_queries(ds, built_db):
    c = sqlite3.connect(built_db)
    mid, = c.execute("select id from mentions where text = '2.101/2.000 chỉ tiêu'").fetchone()
    r = await ds.client.get(f"/chitieu/figure_source.json?mention_id={mid}&_shape=array")
    row = r.json()[0]
    assert "2.101/2.000" in row["sentence"] and row["title"].startswith("Ban Thường vụ")
    r = await ds.client.get("/chitieu/province_year.json?province=Hà+Tĩnh&year=2021&_shape=array")
    rows = r.json()
    assert rows and any(x["text"] == "16.916 tỷ đồng" for x in rows)
    # the post-2025 province finds the former one: Phú Thọ includes Vĩnh Phúc
    r = await ds.client.get("/chitieu/province_year.json?province=Phú+Thọ&year=2023&_shape=array")
    assert any(x["text"] == "32.398 tỷ đồng" and x["entity"] == "Vĩnh Phúc" for x in r.json())
    r = await ds.client.get("/chitieu/search_sentences.json?q=ho+ngheo&_shape=array")
    assert r.json()
    r = await ds.client.get("/chitieu/find_figure.json?value=16916000000000&_shape=array")
    assert any(x["text"] == "16.916 tỷ đồng" for x in r.json())


def test_metadata_describes_every_table_column_and_query(built_db, tmp_path):
    import sqlite_utils

    from pipeline.db.schema import migrate

    meta = yaml.safe_load(METADATA.read_text())["databases"]["chitieu"]
    db = tmp_path / "chitieu.db"
    with sqlite3.connect(db) as dst:  # the backup API copies what is still in the WAL too
        sqlite3.connect(built_db).backup(dst)
    migrate(sqlite_utils.Database(db), "crawl", "monthly")  # the tables a crawl adds, and the monthly batch
    c = sqlite3.connect(db)
    names = [r[0] for r in c.execute(
        "select name from sqlite_master where type in ('table','view') and name not like 'sqlite_%' "
        "and name not like '%_fts%'")]
    missing = []
    for name in names:
        t = meta["tables"].get(name)
        if not t or not t.get("description"):
            missing.append(name)
            continue
        for (col,) in c.execute(f"select name from pragma_table_info('{name}')"):
            if not t.get("columns", {}).get(col):
                missing.append(f"{name}.{col}")
    for qname, q in meta["queries"].items():
        if not q.get("title") or not q.get("description"):
            missing.append(f"query {qname}")
    assert not missing, f"undescribed in metadata.yml: {missing}"
