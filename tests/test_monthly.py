"""`chitieu run --month`: the monthly batch over a fixture site on 127.0.0.1, asserted from the database,
the report and the server's own request log — a second run fetches and extracts nothing and leaves the
content as it was, an edit reaches mention_history and the report, a killed run is finished by the
next, and --swap never leaves anything but a whole database at the database's path."""
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone

import pytest

from pipeline.orchestration.cli import main
from sitefixtures import load_site

from conftest import ROOT

EDITED = "/kinh-te/kim-ngach-xuat-khau-tang-25-3-phan-tram-1024.html"
TABLES = ("documents", "sentences", "mentions", "skipped", "mention_history", "checks", "check_mentions",
          "document_urls", "entities", "reports", "report_cells")
BOOKKEEPING = {"loaded_at", "last_seen", "superseded_at"}  # when, not what


@pytest.fixture
def site():
    s = load_site("generic").start()
    yield s
    s.stop()


def setup(tmp_path, site, read_timeout=2.0):
    """A site profile for the fixture server and a config naming it under [monthly]."""
    prof = tmp_path / "profiles"
    prof.mkdir(exist_ok=True)
    (prof / "fixture.toml").write_text(
        f'name = "fixture"\ndescription = "fixture site"\nhosts = ["127.0.0.1:{site.port}"]\n'
        f'start_urls = ["{site.url}/"]\nallow_private = true\n', encoding="utf-8")
    cfg = tmp_path / "crawl.toml"
    cfg.write_text(f'[crawl]\ncontact = "mailto:test@example.org"\ndelay = 0.02\nallow_private = true\nretries = 1\n'
                   f'backoff = 0.05\nread_timeout = {read_timeout}\nprofiles = ["{prof}"]\n\n'
                   '[monthly]\nsites = ["fixture"]\n', encoding="utf-8")
    return cfg, tmp_path / "out" / "chitieu.db"


def monthly(cfg, db, month, *extra):
    return main(["run", "--month", month, "--config", str(cfg), "--db", str(db), "--quiet", *extra])


def snapshot(db) -> dict:
    """Every row of the content tables, sorted, without the columns that only say when."""
    c = sqlite3.connect(db)
    out = {}
    names = {r[0] for r in c.execute("select name from sqlite_master where type = 'table'")}
    for t in TABLES:
        if t not in names:
            continue
        cols = [r[1] for r in c.execute(f"pragma table_info([{t}])") if r[1] not in BOOKKEEPING]
        out[t] = sorted(c.execute(f"select {', '.join(f'[{x}]' for x in cols)} from [{t}]").fetchall(), key=repr)
    c.close()
    return out


def q(db, sql, *args):
    c = sqlite3.connect(db)
    try:
        return c.execute(sql, args).fetchall()
    finally:
        c.close()


def edit(site, old="ước đạt 6,1 tỷ USD", new="ước đạt 6,2 tỷ USD"):
    page = site.routes[EDITED]
    assert old.encode() in page.body
    page.body = page.body.replace(old.encode(), new.encode())


def test_twice_then_an_edit(site, tmp_path, monkeypatch):
    import extractors.extract
    import scrapers.judge

    cfg, db = setup(tmp_path, site)
    assert monthly(cfg, db, "2026-10") == 0
    assert q(db, "select count(*) from documents") == [(5,)]
    assert q(db, "select month, status from monthly_runs") == [("2026-10", "ok")]
    assert q(db, "select site, since, status from monthly_sites") == [("fixture", None, "ok")]
    run1, = q(db, "select run from monthly_runs")[0]
    assert q(db, "select count(*) from documents where first_seen_run = ?", run1) == [(5,)]
    report = db.parent / "reports" / "2026-10.html"
    assert report.exists() and q(db, "select report from runs where id = ?", run1) == [(str(report),)]
    first = snapshot(db)
    assert first["mentions"] and "checks" in first  # the checks ran (none apply to these pages)

    # the second run: conditional requests answered 304, nothing read or extracted, the same content
    site.clear()
    calls = []
    real_extract, real_read = extractors.extract.extract_document, scrapers.judge.read_page
    monkeypatch.setattr(extractors.extract, "extract_document", lambda d: calls.append(d.id) or real_extract(d))
    monkeypatch.setattr(scrapers.judge, "read_page", lambda html, url, p: calls.append(url) or real_read(html, url, p))
    assert monthly(cfg, db, "2026-11") == 0
    assert calls == []
    # every page that exists was revalidated and not sent again; the rest is what the site lacks (its
    # missing /sitemap.xml, a dead link), asked again since a 404 carries no validators
    assert [h.path for h in site.hits if h.status == 304 and h.conditional]
    assert all(h.status == 304 and h.conditional or h.status == 404 and h.path not in site.routes
               for h in site.hits), [(h.path, h.status, h.conditional) for h in site.hits]
    assert {h.path for h in site.hits if h.status == 304} >= {p for p in site.routes if p.endswith(".html")} - {"/"}
    assert snapshot(db) == first
    today = datetime.now(timezone.utc).date().isoformat()
    assert q(db, "select m.month, s.since, s.status from monthly_sites s join monthly_runs m on m.id = s.monthly_run "
                 "order by s.id") == [("2026-10", None, "ok"), ("2026-11", today, "ok")]
    run2, = q(db, "select run from monthly_runs where month = '2026-11'")[0]
    assert q(db, "select documents_new, documents_changed, documents_unchanged, mentions_added from runs where id = ?",
             run2) == [(0, 0, 5, 0)]
    assert (db.parent / "reports" / "2026-11.html").exists()

    # an edited page (published 2022, before `since`): read again, its old figure kept in history
    site.clear()
    calls.clear()
    edit(site)
    assert monthly(cfg, db, "2026-12") == 0
    assert [h.path for h in site.hits if h.status == 200] == [EDITED]
    assert len([c for c in calls if "://" not in c]) == 1  # one document extracted
    run3, = q(db, "select run from monthly_runs where month = '2026-12'")[0]
    hist = q(db, "select text, superseded_by_run from mention_history")
    assert ("6,1 tỷ USD", run3) in hist
    assert q(db, "select count(*) from mentions where text = '6,2 tỷ USD'") == [(1,)]
    assert q(db, "select documents_changed from runs where id = ?", run3) == [(1,)]
    html = (db.parent / "reports" / "2026-12.html").read_text(encoding="utf-8")
    changed = html.split("figures that changed since the last run")[1].split("<h2>")[0]
    assert "6,1 tỷ USD" in changed and "6,2 tỷ USD" in changed
    assert q(db, "pragma integrity_check") == [("ok",)]


def test_an_older_extractor_version_is_re_extracted_from_stored_text(site, tmp_path, capsys):
    cfg, db = setup(tmp_path, site)
    assert monthly(cfg, db, "2026-10") == 0
    before = snapshot(db)
    c = sqlite3.connect(db)
    with c:
        c.execute("update documents set extractor_version = '0.0.1'")
    c.close()
    assert main(["run", "--month", "2026-11", "--config", str(cfg), "--db", str(db)]) == 0
    assert "extractor version 0.0.1 -> " in capsys.readouterr().err
    after = snapshot(db)
    assert {t: r for t, r in after.items() if t != "documents"} == {t: r for t, r in before.items() if t != "documents"}
    cols = [r[1] for r in sqlite3.connect(db).execute("pragma table_info(documents)") if r[1] not in BOOKKEEPING]
    keep = [i for i, col in enumerate(cols) if col != "changed_run"]
    assert [[r[i] for i in keep] for r in after["documents"]] == [[r[i] for i in keep] for r in before["documents"]]
    run2, = q(db, "select run from monthly_runs where month = '2026-11'")[0]
    assert q(db, "select documents_changed from runs where id = ?", run2) == [(5,)]


def _block_nth_article(site, n: int):
    """From now on, the n-th article request blocks (until `release`); `reached` says it was made."""
    reached, release, count = threading.Event(), threading.Event(), {"n": 0}
    real = site._handle

    def handle(h):
        if h.path.endswith(".html") and not release.is_set():
            count["n"] += 1
            if count["n"] == n:
                reached.set()
                release.wait(30)
        real(h)
    site._handle = handle
    return reached, release


def _start(cfg, db, month, *extra):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "pipeline.orchestration.cli", "run", "--month", month, "--config", str(cfg),
                             "--db", str(db), "--quiet", *extra], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait(cond, timeout=60.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.1)
    return False


def _docs(db) -> int:
    try:
        return q(db, "select count(*) from documents")[0][0]
    except sqlite3.Error:
        return 0


def test_a_killed_run_is_finished_by_the_next(site, tmp_path):
    cfg, db = setup(tmp_path, site, read_timeout=20)
    reached, release = _block_nth_article(site, 4)
    proc = _start(cfg, db, "2026-11")
    try:
        assert reached.wait(90), proc.stderr.read().decode() if proc.poll() is not None else "no request"
        assert _wait(lambda: _docs(db) >= 2, 30)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        release.set()
    stored = _docs(db)
    assert 2 <= stored < 5
    assert q(db, "select status from monthly_runs") == [("running",)]
    assert monthly(cfg, db, "2026-11") == 0
    assert q(db, "pragma integrity_check") == [("ok",)]
    assert q(db, "select count(*), count(distinct id) from documents") == [(5, 5)]
    assert q(db, "select count(*) = count(distinct id) from mentions") == [(1,)]
    runs = q(db, "select run, status from monthly_runs order by id")
    assert [s for _, s in runs] == ["running", "ok"] and runs[0][0] == runs[1][0]  # one run for the month
    # the month's report counts what the killed attempt stored too
    assert q(db, "select documents_new from runs where id = ?", runs[0][0]) == [(5,)]


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_swap_never_leaves_a_partial_database(site, tmp_path, monkeypatch):
    cfg, db = setup(tmp_path, site, read_timeout=20)
    assert monthly(cfg, db, "2026-10", "--swap") == 0
    assert not db.with_name(db.name + "-swap").exists()
    old, old_sha = snapshot(db), _sha(db)

    # killed while building into the copy: the database is the old one, byte for byte
    edit(site)
    reached, release = _block_nth_article(site, 3)
    proc = _start(cfg, db, "2026-11", "--swap")
    try:
        assert reached.wait(90), proc.stderr.read().decode() if proc.poll() is not None else "no request"
        assert _wait(lambda: db.with_name(db.name + "-swap").exists(), 5)
        time.sleep(0.5)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        release.set()
    assert _sha(db) == old_sha
    assert snapshot(db) == old and q(db, "pragma integrity_check") == [("ok",)]

    # a run that fails mid-way (the checks stage raises): nothing swapped, the copy removed
    import pipeline.orchestration.monthly.batch

    def broken(_db):
        raise RuntimeError("checks exploded")
    monkeypatch.setattr(pipeline.orchestration.monthly.batch, "post_load", broken)
    with pytest.raises(RuntimeError):
        monthly(cfg, db, "2026-11", "--swap")
    assert _sha(db) == old_sha and not db.with_name(db.name + "-swap").exists()
    monkeypatch.undo()

    # the next run completes, checks the copy and swaps it in
    assert monthly(cfg, db, "2026-11", "--swap") == 0
    assert q(db, "pragma integrity_check") == [("ok",)]
    assert not [p.name for p in db.parent.iterdir() if p.name.startswith(db.name + "-swap")]
    assert ("6,1 tỷ USD",) in q(db, "select text from mention_history")
    assert q(db, "select month, status from monthly_runs order by id") == [("2026-10", "ok"), ("2026-11", "ok")]
    assert snapshot(db)["documents"] != old["documents"]


def test_a_site_that_cannot_be_reached_keeps_its_since(site, tmp_path):
    import socket

    cfg, db = setup(tmp_path, site)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed once the block ends: connections are refused
    (tmp_path / "profiles" / "down.toml").write_text(
        f'name = "down"\nhosts = ["127.0.0.1:{port}"]\nstart_urls = ["http://127.0.0.1:{port}/"]\n'
        'allow_private = true\n', encoding="utf-8")
    assert monthly(cfg, db, "2026-10", "--sites", "fixture", "down") == 1
    assert q(db, "select status from monthly_runs") == [("failed",)]
    assert q(db, "select site, since, status from monthly_sites order by site") == [
        ("down", None, "failed"), ("fixture", None, "ok")]
    assert q(db, "select count(*) from documents") == [(5,)]  # the reachable site is stored all the same
    # the operator is told: a row of run_errors names the site, and the report has it under its own heading
    assert q(db, "select input from run_errors where input like 'site:%'") == [("site:down",)]
    page = (db.parent / "reports" / "2026-10.html").read_text(encoding="utf-8")
    section = page[page.index("class='failed-sites'"):page.index("</section>")]
    assert "<td>down</td>" in section and "fixture" not in section
    # next month: the site that was reached is crawled since then, the other from where it stood
    assert monthly(cfg, db, "2026-11", "--sites", "fixture", "down") == 1
    today = datetime.now(timezone.utc).date().isoformat()
    assert q(db, "select site, since, status from monthly_sites where monthly_run = 2 order by site") == [
        ("down", None, "failed"), ("fixture", today, "ok")]
    assert len(set(q(db, "select crawl_run from monthly_sites where monthly_run = 2"))) == 2  # one crawl per since


def test_a_local_corpus_only_and_swap_for_a_plain_run(corpus_copy, tmp_path):
    db = tmp_path / "out" / "chitieu.db"
    assert main(["run", "--month", "2026-11", "--corpus", str(corpus_copy), "--db", str(db), "--quiet"]) == 0
    run, = q(db, "select run from monthly_runs")[0]
    n = q(db, "select count(*) from documents")[0][0]
    assert n and q(db, "select count(*) from documents where first_seen_run = ?", run) == [(n,)]
    assert q(db, "select count(*) from monthly_sites") == [(0,)]
    assert (db.parent / "reports" / "2026-11.html").exists()
    before = snapshot(db)
    assert main(["run", "--corpus", str(corpus_copy), "--db", str(db), "--quiet", "--swap"]) == 0
    assert snapshot(db) == before and not db.with_name(db.name + "-swap").exists()
    assert q(db, "select command, documents_unchanged from runs order by id desc limit 1") == [("run", n)]


def test_usage_errors_and_the_lock(site, tmp_path, capsys):
    cfg, db = setup(tmp_path, site)
    assert main(["run", "--month", "2026-13", "--db", str(db)]) == 2
    assert main(["run", "--month", "2026-11", "--sites", "nosuchsite", "--config", str(cfg), "--db", str(db)]) == 2
    assert main(["run", "--sites", "fixture", "--db", str(db)]) == 2
    bad = tmp_path / "bad.toml"
    bad.write_text("[monthly]\nsitez = []\n")
    assert main(["run", "--month", "2026-11", "--config", str(bad), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "YYYY-MM" in err and "nosuchsite" in err and "--month" in err and "sitez" in err
    from pipeline.orchestration.monthly.batch import LOCKED
    from pipeline.db.swap import DbLock

    lock = DbLock(db)
    assert lock.acquire()
    try:
        assert monthly(cfg, db, "2026-11") == LOCKED
    finally:
        lock.release()
    assert not db.exists()
