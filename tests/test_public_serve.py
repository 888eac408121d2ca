"""The public database: read-only, no writes through any endpoint, SQL time-limited, no secrets."""
import sqlite3

import yaml

from pipeline.web.serve import METADATA, datasette_args, make_datasette


async def test_no_endpoint_writes(built_db):
    before = sqlite3.connect(built_db).execute("select count(*) from mentions").fetchone()[0]
    ds = make_datasette(built_db, immutable=True)
    for sql in ("delete from mentions", "insert into runs (command) values ('x')", "drop table mentions",
                "pragma journal_mode=delete", "attach database '/tmp/x.db' as x"):
        r = await ds.client.get("/chitieu.json", params={"sql": sql})
        assert r.status_code in (400, 403), (sql, r.status_code)
    for path in ("/chitieu/mentions", "/chitieu/figure_source", "/chitieu/-/create", "/chitieu/mentions/-/insert"):
        try:
            r = await ds.client.post(path, data={"sql": "delete from mentions"})
        except Exception:  # Datasette 0.65 refuses a POST to a table with an internal error, not a write
            continue
        assert r.status_code in (400, 403, 404, 405, 500), (path, r.status_code)
    assert sqlite3.connect(built_db).execute("select count(*) from mentions").fetchone()[0] == before


async def test_sql_time_limit(built_db):
    ds = make_datasette(built_db, immutable=True, sql_time_limit_ms=50)
    slow = ("with recursive c(x) as (select 1 union all select x + 1 from c where x < 100000000) "
            "select count(*) from c")
    r = await ds.client.get("/chitieu.json", params={"sql": slow})
    assert r.status_code == 400 and "time" in r.text.lower()


def test_metadata_has_no_writable_queries_or_secrets():
    meta = yaml.safe_load(METADATA.read_text())
    for name, q in meta["databases"]["chitieu"]["queries"].items():
        assert not q.get("write"), name
    text = METADATA.read_text().lower()
    for word in ("password", "secret", "token", "api_key", "apikey"):
        assert word not in text


def test_public_flags():
    args = datasette_args(__import__("pathlib").Path("x.db"), public=True)
    assert "-i" in args and args[args.index("-i") + 1] == "x.db"
    assert "--host" in args and args[args.index("--host") + 1] == "127.0.0.1"
    settings = {args[i + 1]: args[i + 2] for i, a in enumerate(args) if a == "--setting"}
    assert int(settings["sql_time_limit_ms"]) <= 5000
    assert settings["allow_download"] == "off"
