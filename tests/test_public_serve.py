"""The public database: read-only, no writes through any endpoint, SQL time-limited, no secrets; and a real
`chitieu serve --public` process asked over HTTP for huge values, huge responses, report names with LIKE
wildcards and malformed paths: an error or a 404, quickly and in bounded memory, never a 500."""
import gc
import http.client
import json
import re
import sqlite3
import urllib.parse
from pathlib import Path

import pytest
import yaml

from pipeline.web.serve import METADATA, datasette_args, make_datasette
from serving import chitieu_serve, copy_db, free_port


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


# -- a real `chitieu serve --public` on 127.0.0.1, asked by a hostile client over HTTP ---------------------
XSS_DUMP = (  # a dump whose title and sentences carry markup a browser would run
    'Tăng trưởng <script>alert("xss-title")</script> năm 2022\n\n'
    "Năm 2022, tăng trưởng kinh tế của tỉnh Vĩnh Phúc <img src=x onerror=alert('xss-img')> đạt 9,54%, "
    "thu ngân sách đạt 32.398 tỷ đồng \"><svg onload=alert('xss-svg')>.\n\n"
    "Kim ngạch xuất khẩu đạt 1.200 triệu USD <a href=\"javascript:alert('xss-href')\">xem</a>, tăng 12%.\n")
XSS_RAW = ('<script>alert("xss-title")', "<img src=x onerror", "<svg onload", "href=\"javascript:alert",
           "<script>alert(1)</script>")


@pytest.fixture(scope="module")
def public_server(built_db, tmp_path_factory):
    """`chitieu serve --public` over a copy of the session database, to which a run has added a dump full
    of markup (document `xss`) and written its report under the name `xss`."""
    from pipeline.orchestration.run import run_corpus

    folder = tmp_path_factory.mktemp("public")
    db = copy_db(built_db, folder / "chitieu.db")
    corpus = folder / "corpus"
    corpus.mkdir()
    (corpus / "xss.txt").write_text(XSS_DUMP, encoding="utf-8")
    assert run_corpus(corpus, db, quiet=True, executor="inline", report="xss") == 0
    gc.collect()  # run_corpus leaves its connection to the garbage collector
    with chitieu_serve(db, folder / "serve.log", "--public") as (base, proc):
        yield base, proc


def get(base: str, path: str, params: dict | None = None, follow: bool = True) -> tuple[int, bytes]:
    """GET the raw path (no dot-segment clean-up, as a hostile client sends it); redirects followed."""
    url = urllib.parse.urlsplit(base)
    for _ in range(5):
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        conn.request("GET", path + ("?" + urllib.parse.urlencode(params) if params else ""))
        r = conn.getresponse()
        body = r.read(MAX_READ + 1)  # never more than this: a huge response fails the test, not the machine
        conn.close()
        if follow and r.status in (301, 302) and r.getheader("Location"):
            path, params = r.getheader("Location"), None
            continue
        return r.status, body
    raise AssertionError(f"redirect loop at {path}")


MAX_READ = 2 * 1024 * 1024


@pytest.mark.parametrize("sql,error", [
    ("select randomblob(1000000000)", "too big"),
    ("select zeroblob(2000000000)", "too big"),
    ("select replace(hex(randomblob(40000000)), 'A', 'BB')", "too big"),
    ("select group_concat(zeroblob(1000000)) from (with recursive c(x) as (select 1 union all select x + 1 "
     "from c where x < 200) select x from c)", "too big"),
    ("select zeroblob(40000000) from (select 1 union all select 2)", "result too large"),
    ("select " + ", ".join(["text"] * 12) + " from documents, (with recursive c(x) as (select 1 union all "
     "select x + 1 from c where x < 1000) select x from c)", "result too large"),  # ~115 MB in 1,000 rows
])
def test_public_server_refuses_huge_values_and_responses_with_an_error(public_server, sql, error):
    base, proc = public_server
    status, body = get(base, "/chitieu.json", {"sql": sql})
    assert status == 400 and len(body) < 10_000, (status, len(body))
    assert error in json.loads(body)["error"]
    peak_kb = int(re.search(r"VmHWM:\s+(\d+)", Path(f"/proc/{proc.pid}/status").read_text()).group(1))
    assert peak_kb < 700 * 1024  # a 1 GB value or a 1.3 GB response would have passed this long ago


def test_public_server_caps_rows_and_cells_and_still_answers_ordinary_queries(public_server):
    base, _ = public_server
    settings = json.loads(get(base, "/-/settings.json")[1])
    assert settings["max_returned_rows"] == 1000 and settings["truncate_cells_html"] == 2000
    assert settings["sql_time_limit_ms"] <= 5000 and settings["allow_download"] is False
    many = "with recursive c(x) as (select 1 union all select x + 1 from c where x < 5000) select x from c"
    status, body = get(base, "/chitieu.json", {"sql": many, "_shape": "objects"})
    r = json.loads(body)
    assert status == 200 and len(r["rows"]) == 1000 and r["truncated"] is True
    status, body = get(base, "/chitieu.json", {"sql": "select length(randomblob(1000000)) as n", "_shape": "array"})
    assert status == 200 and json.loads(body) == [{"n": 1000000}]
    status, body = get(base, "/chitieu", {"sql": "select hex(zeroblob(5000)) as h"})
    assert status == 200 and "0" * 2000 in body.decode() and "0" * 2001 not in body.decode()  # cut at 2,000
    slow = "with recursive c(x) as (select 1 union all select x + 1 from c where x < 1000000000) select count(*) from c"
    status, body = get(base, "/chitieu.json", {"sql": slow})
    assert status == 400 and "time" in json.loads(body)["error"].lower()
    status, _ = get(base, "/chitieu/mentions.json", {"_size": "max"})
    assert status == 200


def test_reports_are_found_by_their_exact_name_only(public_server):
    base, _ = public_server
    status, body = get(base, "/-/reports/xss")
    assert status == 200 and b"chitieu run report xss" in body
    for name in ("x_s", "%25", "x%25", "_ss", "xs_", "XSS", "xss.html", "..", "...", "x"):
        assert get(base, f"/-/reports/{name}")[0] == 404, name


@pytest.mark.parametrize("path", [
    "/-/figure/../../etc/passwd", "/-/figure/..%2F..%2Fetc%2Fpasswd", "/-/figure/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/-/figure/....//....//etc/passwd", "/-/figure/abc", "/-/figure/%00", "/-/figure/%27%20or%201=1%20--",
    "/-/archive/../../etc/passwd", "/-/archive/..%2F..%2Fetc%2Fpasswd", "/-/archive/zzzz", "/-/archive/00000000",
    "/-/displacy/../../etc/passwd", "/-/displacy/..%2F..%2Fetc%2Fpasswd", "/-/displacy/khong-co",
    "/-/reports/../../etc/passwd", "/-/reports/..%2f..%2fetc%2fpasswd", "/-/reports/%2e%2e",
    "/../../etc/passwd", "/chitieu/../../etc/passwd", "/-/static/../../etc/passwd",
    "/-/static-plugins/x/../../../etc/passwd", "/chitieu/runs/abc", "/chitieu/runs/abc.json", "/chitieu/runs/-1",
    "/chitieu/mentions/..%2F..%2F", "/chitieu/khong_co_bang", "/a/b/c/d/e", "/chitieu/documents/%00",
    "/-/search/../../etc/passwd",
])
def test_malformed_paths_answer_404_never_500(public_server, path):
    status, body = get(public_server[0], path)
    assert status == 404, (path, status, body[:300])
    assert b"root:x:0:0" not in body


def test_markup_in_documents_and_in_requests_is_escaped_on_every_page(public_server, built_db):
    base, _ = public_server
    status, body = get(base, "/chitieu/mentions.json", {"doc": "xss", "_shape": "array", "_col": "id"})
    ids = [r["id"] for r in json.loads(body)]
    assert status == 200 and len(ids) >= 3
    pages = [f"/-/figure/{i}" for i in ids] + [
        "/chitieu/documents/xss", "/chitieu/sentences?document=xss", "/chitieu/figures?doc=xss",
        "/chitieu/mentions?doc=xss", "/-/reports/xss", "/-/search?q=tang+truong+kinh+te",
        "/-/search?q=%3Cscript%3Ealert(1)%3C/script%3E", "/chitieu?sql=select+%27%3Cscript%3Ealert(1)%3C/script%3E%27",
        "/chitieu/documents?_search=%3Cscript%3Ealert(1)%3C/script%3E",
    ]
    for path in pages:
        status, body = get(base, path)
        text = body.decode("utf-8", "replace")
        assert status == 200, (path, status)
        for raw in XSS_RAW:
            assert raw not in text, (path, raw)
    status, body = get(base, f"/-/figure/{ids[0]}")
    assert "&lt;img src=x onerror" in body.decode() or "&lt;script&gt;" in body.decode()


@pytest.mark.parametrize("sql", [
    "delete from mentions", "update documents set title = 'x'", "insert into runs (command) values ('x')",
    "drop table mentions", "create table x (y)", "pragma writable_schema = 1", "vacuum into '/tmp/chitieu-x.db'",
    "attach database '/tmp/chitieu-x.db' as x", "select 1; delete from mentions", "with x as (select 1) delete from mentions",
])
def test_public_server_refuses_sql_writes(public_server, sql):
    base, _ = public_server
    before = json.loads(get(base, "/chitieu.json", {"sql": "select count(*) as n from mentions", "_shape": "array"})[1])
    status, _ = get(base, "/chitieu.json", {"sql": sql})
    assert status in (400, 403), (sql, status)
    after = json.loads(get(base, "/chitieu.json", {"sql": "select count(*) as n from mentions", "_shape": "array"})[1])
    assert after == before and not Path("/tmp/chitieu-x.db").exists()


def test_public_serving_refuses_a_file_another_process_is_writing(built_db, tmp_path, capsys):
    """An immutable server reads the database file without its write-ahead log: `--public` folds the log in
    first, and refuses (naming the file) while another connection keeps it from doing so."""
    from pipeline.web.serve import fold_wal, serve

    db = copy_db(built_db, tmp_path / "chitieu.db")
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("pragma journal_mode=wal")
    writer.execute("insert into runs (command) values ('still writing')")
    reader = sqlite3.connect(db, isolation_level=None)
    reader.execute("begin")
    reader.execute("select count(*) from runs").fetchone()  # a read that pins the log
    writer.execute("insert into runs (command) values ('and more')")
    assert serve(db, port=free_port(), public=True) == 1
    err = capsys.readouterr().err
    assert str(db) in err and "write-ahead log" in err
    reader.execute("commit")
    reader.close()
    writer.close()
    assert fold_wal(db) is None
    wal = Path(str(db) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # folded in (and removed with the last connection)
