"""The materialized views (series, targets_vs_results, disagreements): tables that hold exactly what their
view SQL returns, rebuilt by create_views when the figures change, replaced atomically, and left as they
were when a rebuild fails. Real SQLite and Datasette throughout."""
import sqlite3

import pytest
import sqlite_utils
from test_views import DOCS, _mention, mini_db, q  # noqa: F401 (mini_db is a fixture)

from pipeline.web.serve import make_datasette
from pipeline.db.store import open_db
from pipeline.db.views import MATERIALIZED, STATE, create_views, views

NAMES = list(MATERIALIZED)


def view_sql(name: str) -> str:
    """The SQL of `name` as the view computed it: the materialized tables it reads are computed inline
    (a CTE of the same name hides the table)."""
    defs = views()
    before = NAMES[:NAMES.index(name)]
    if not before:
        return defs[name]
    return "with " + ", ".join(f"[{n}] as ({defs[n]})" for n in before) + " " + defs[name]


def rows(path, sql):
    """Every row with each value's SQLite type, in a stable order, and the column names."""
    c = sqlite3.connect(path)
    try:
        cur = c.execute(f"select * from ({sql})")
        cols = [d[0] for d in cur.description]
        data = cur.fetchall()
        typed = c.execute(f"select {', '.join(f'typeof([{x}])' for x in cols)} from ({sql})").fetchall()
        return cols, sorted(zip(data, typed), key=repr)
    finally:
        c.close()


def assert_tables_match_views(path):
    c = sqlite3.connect(path)
    kinds = dict(c.execute("select name, type from sqlite_master").fetchall())
    c.close()
    for name in NAMES:
        assert kinds.get(name) == "table", name
        table_cols, table_rows = rows(path, f"select * from [{name}]")
        view_cols, view_rows = rows(path, view_sql(name))
        assert table_cols == view_cols, name
        assert table_rows == view_rows, name


def add_mentions(path, *mentions):
    db = open_db(path)
    db["mentions"].insert_all(mentions)
    db.conn.commit()
    db.conn.close()


def ht2(figure, value, period, status):
    """Another figure of document ht-2 (its id made unique by period and value)."""
    m = _mention("ht-2", DOCS[1][4], figure, "percent", value, "%", "tăng trưởng kinh tế", "grdp_growth", "Hà Tĩnh",
                 period, status)
    m["id"] = f"{period}-{value}".ljust(16, "0")[:16]
    return m


def test_tables_hold_what_the_view_sql_returns(mini_db, built_db):
    assert_tables_match_views(mini_db)
    assert_tables_match_views(built_db)
    assert q(built_db, "select count(*) n from series")[0]["n"] > 0
    assert q(built_db, "select count(*) n from targets_vs_results")[0]["n"] > 0


def test_rebuild_after_new_data_reflects_it(mini_db):
    before = q(mini_db, "select * from targets_vs_results")
    # a new result for the target's period, published later than the others: it becomes the result
    c = sqlite3.connect(mini_db)
    c.execute("insert into documents (id, title, published, province, province_new, text, mentions) "
              "values ('ht-3', 'Hà Tĩnh: kết quả năm 2022', '2023-03-01', 'Hà Tĩnh', 'Hà Tĩnh', 'tăng 6,5%', 1)")
    c.execute("insert into mentions (id, doc, text, kind, value, unit, indicator, indicator_key, entity, province, "
              "province_new, period, status) values ('aaaaaaaaaaaaaaaa', 'ht-3', '6,5%', 'percent', 6.5, '%', "
              "'tăng trưởng kinh tế', 'grdp_growth', 'Hà Tĩnh', 'Hà Tĩnh', 'Hà Tĩnh', '2022', 'actual')")
    c.commit()
    c.close()
    # a snapshot until rebuilt, marked stale
    assert q(mini_db, "select * from targets_vs_results") == before
    assert {r["stale"] for r in q(mini_db, f"select stale from [{STATE}]")} == {1}
    db = open_db(mini_db)  # opening the database runs create_views, which rebuilds what is stale
    assert set(create_views(db)) == set()  # and a second call has nothing to do
    db.conn.close()
    assert_tables_match_views(mini_db)
    r = q(mini_db, "select * from targets_vs_results")[0]
    assert (r["result"], r["result_figure"], r["result_figures"]) == (6.5, "aaaaaaaaaaaaaaaa", 3)
    s = q(mini_db, "select * from series where indicator_key = 'grdp_growth' and province = 'Hà Tĩnh' "
                   "and status = 'actual'")[0]
    assert (s["figures"], s["documents"], s["value"], s["distinct_values"]) == (3, 3, 6.5, 3)
    assert {r["stale"] for r in q(mini_db, f"select stale from [{STATE}]")} == {0}

    # a changed publication date changes which figure is the latest; deleting figures removes groups
    c = sqlite3.connect(mini_db)
    c.execute("update documents set published = '2020-01-01' where id = 'ht-3'")
    c.execute("delete from mentions where indicator_key = 'budget_revenue'")
    c.commit()
    c.close()
    db = open_db(mini_db)
    db.conn.close()
    assert_tables_match_views(mini_db)
    assert q(mini_db, "select result from targets_vs_results")[0]["result"] == 5.1
    assert not q(mini_db, "select * from series where indicator_key = 'budget_revenue'")


def test_create_views_is_idempotent_and_cheap_without_mentions(tmp_path):
    db = open_db(tmp_path / "chitieu.db")  # creates the tables (empty) on the way
    assert create_views(db) == {}
    assert create_views(db) == {}
    state = {r[0]: r[1:] for r in db.execute(f"select name, rows, stale from [{STATE}]").fetchall()}
    assert state == {n: (0, 0) for n in NAMES}
    kinds = dict(db.execute("select name, type from sqlite_master").fetchall())
    assert all(kinds[n] == "table" for n in NAMES) and kinds["figures"] == "view"
    assert set(create_views(db, rebuild=True)) == set(NAMES)
    db.conn.close()


def test_failed_rebuild_leaves_the_previous_tables(mini_db):
    old = {n: rows(mini_db, f"select * from [{n}]") for n in NAMES}
    add_mentions(mini_db, ht2("5,1%", 8.0, "2023", "target"))
    db = open_db(mini_db)
    db.conn.close()
    assert rows(mini_db, "select * from series") != old["series"]
    old = {n: rows(mini_db, f"select * from [{n}]") for n in NAMES}
    schema = q(mini_db, "select type, name, sql from sqlite_master order by name")
    # targets for 2024 and 200 more years: the new tables need more pages than the old ones free
    add_mentions(mini_db, ht2("7%", 9.0, "2024", "target"),
                 *(ht2("7%", 10.0 + i, str(1800 + i), "target") for i in range(200)))

    # the last table cannot be written: series and targets_vs_results, already rebuilt in the same
    # transaction, go back too
    c = sqlite3.connect(mini_db)
    db = sqlite_utils.Database(c)

    def deny(action, arg1, *_):
        return sqlite3.SQLITE_DENY if action == sqlite3.SQLITE_INSERT and arg1 == NAMES[-1] else sqlite3.SQLITE_OK

    c.set_authorizer(deny)
    with pytest.raises(sqlite3.DatabaseError):
        create_views(db)
    c.set_authorizer(None)
    assert not c.in_transaction
    c.close()
    assert {n: rows(mini_db, f"select * from [{n}]") for n in NAMES} == old
    assert q(mini_db, "select type, name, sql from sqlite_master order by name") == schema
    assert {r["stale"] for r in q(mini_db, f"select stale from [{STATE}]")} == {1}  # still to do

    # the disk fills up while the new tables are written
    c = sqlite3.connect(mini_db)
    c.execute("pragma wal_checkpoint(truncate)")
    c.execute("vacuum")  # no free pages to reuse
    pages = c.execute("pragma page_count").fetchone()[0]
    c.execute(f"pragma max_page_count = {pages}")
    with pytest.raises(sqlite3.OperationalError, match="full"):
        create_views(sqlite_utils.Database(c))
    c.close()
    assert {n: rows(mini_db, f"select * from [{n}]") for n in NAMES} == old
    assert q(mini_db, "select type, name, sql from sqlite_master order by name") == schema

    # the next call (here: the next open) does the rebuild
    db = open_db(mini_db)
    db.conn.close()
    assert_tables_match_views(mini_db)
    assert q(mini_db, "select count(*) n from series where period = '2024'")[0]["n"] == 1


def test_rebuild_inside_an_open_transaction_is_part_of_it(mini_db):
    old = {n: rows(mini_db, f"select * from [{n}]") for n in NAMES}
    c = sqlite3.connect(mini_db)
    db = sqlite_utils.Database(c)
    c.execute("begin")
    c.execute("update mentions set value = 5.5 where text = '5,1%'")
    assert set(create_views(db)) == set(NAMES)
    assert q(mini_db, "select value from series where value = 5.5") == []  # not committed yet
    c.rollback()
    c.close()
    assert {n: rows(mini_db, f"select * from [{n}]") for n in NAMES} == old
    assert {r["stale"] for r in q(mini_db, f"select stale from [{STATE}]")} == {0}


def test_an_older_database_with_views_gets_tables(mini_db):
    """A database whose series … are still views (built before they were materialized)."""
    c = sqlite3.connect(mini_db)
    for n in reversed(NAMES):
        c.execute(f"drop table [{n}]")
    c.execute(f"drop table [{STATE}]")
    for (t,) in c.execute("select name from sqlite_master where type = 'trigger' and name like ?",
                          [f"{STATE}%"]).fetchall():
        c.execute(f"drop trigger [{t}]")
    defs = views()
    for n in NAMES:
        c.execute(f"create view [{n}] as {defs[n]}")
    c.commit()
    c.close()
    db = open_db(mini_db)
    db.conn.close()
    assert_tables_match_views(mini_db)
    add_mentions(mini_db, ht2("7%", 9.0, "2024", "target"))  # the triggers are in place again
    assert {r["stale"] for r in q(mini_db, f"select stale from [{STATE}]")} == {1}


async def test_datasette_pages_show_the_view_rows(mini_db):
    ds = make_datasette(mini_db)
    for name in NAMES:
        r = await ds.client.get(f"/chitieu/{name}.json?_shape=array&_size=max")
        assert r.status_code == 200, name
        got = sorted(({k: v for k, v in x.items() if k != "rowid"} for x in r.json()), key=repr)
        assert got == sorted(q(mini_db, view_sql(name)), key=repr), name
        assert (await ds.client.get(f"/chitieu/{name}")).status_code == 200
    r = await ds.client.get("/chitieu/targets_vs_results.json?indicator_key=grdp_growth&_shape=array")
    assert [x["target"] for x in r.json()] == [7.0]
    r = await ds.client.get("/chitieu/series.json?_facet=indicator_key&_facet=province&_facet=status")
    assert r.status_code == 200 and not r.json().get("facets_timed_out")
