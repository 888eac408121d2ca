"""Faults: a disk that fills up mid-run, a read-only database, a network that drops mid-page.

Each ends with a clear error naming the database or the URL, `PRAGMA integrity_check` ok, and whole
documents only: every stored document has exactly the sentences and mentions a clean run gives it.
A process killed mid-write (SIGKILL during `chitieu run`, then a resumed run) is covered by
tests/test_executors.py::test_sigkill_mid_run_then_resume.

The disk-full and read-only cases use a real tmpfs when the tests run as root (a 4 MB filesystem
filled to the last byte; a filesystem remounted read-only); otherwise the disk-full case uses SQLite's
`PRAGMA max_page_count`, which fails writes with the same SQLITE_FULL, and the read-only case file
permissions.
"""
from __future__ import annotations

import gc
import os
import re
import shutil
import socket
import sqlite3
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

import pipeline.db.store
from pipeline.orchestration.run import run_corpus
from sitefixtures import FixtureServer

from conftest import CORPUS, ROOT

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0


# -- helpers ---------------------------------------------------------------------------------------
@contextmanager
def tmpfs(path: Path, size: str = "4m"):
    """A tmpfs of `size` mounted at `path` (skips the test when mounting is not possible)."""
    path.mkdir(parents=True, exist_ok=True)
    if not ROOT_USER or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    if r.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode(errors='replace').strip()}")
    try:
        yield path
    finally:
        gc.collect()  # run_corpus leaves its connection to the garbage collector
        if subprocess.run(["umount", str(path)], capture_output=True).returncode:
            subprocess.run(["umount", "-l", str(path)], capture_output=True)


@contextmanager
def plain_folder(path: Path):
    """A folder on the ordinary disk, where the test's other case mounts a tmpfs."""
    path.mkdir()
    yield path


def permissions_enforced(tmp_path: Path) -> bool:
    probe = tmp_path / "probe"
    probe.write_text("x")
    probe.chmod(0o444)
    try:
        with open(probe, "a"):
            return False
    except PermissionError:
        return True
    finally:
        probe.chmod(0o644)
        probe.unlink()


def remount(path: Path, mode: str) -> None:
    gc.collect()
    subprocess.run(["mount", "-o", f"remount,{mode}", str(path)], check=True, capture_output=True)


def fill_disk(folder: Path) -> Path:
    """Write a file until the filesystem has no byte left."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    block = b"\0" * 65536
    try:
        while True:
            try:
                os.write(fd, block)
            except OSError:
                if len(block) == 1:
                    break
                block = block[: len(block) // 2]
    finally:
        os.close(fd)
    return filler


def corpus_of(tmp_path: Path, names: list[str]) -> Path:
    d = tmp_path / "corpus"
    d.mkdir(exist_ok=True)
    for n in names:
        if not (d / n).exists():
            (d / n).write_bytes((CORPUS / n).read_bytes())
    return d


def two_stored_then_five(tmp_path: Path, db: Path) -> tuple[Path, dict[str, tuple]]:
    """A first run stores two of the corpus's documents in `db`; the corpus folder then holds all five for
    the next run. Returns that folder and the two documents as stored (`per_document`)."""
    corpus = corpus_of(tmp_path, FILES[:2])
    assert run_corpus(corpus, db, quiet=True, executor="inline") == 0
    gc.collect()
    before = per_document(db)
    assert len(before) == 2
    corpus_of(tmp_path, FILES)
    return corpus, before


def per_document(db: Path) -> dict[str, tuple]:
    """Each document's sha256 and its numbers of sentences, mentions and skipped numbers."""
    c = sqlite3.connect(db)
    try:
        return {d: (sha, c.execute("select count(*) from sentences where document = ?", [d]).fetchone()[0],
                    c.execute("select count(*) from mentions where doc = ?", [d]).fetchone()[0],
                    c.execute("select count(*) from skipped where doc = ?", [d]).fetchone()[0])
                for d, sha in c.execute("select id, sha256 from documents")}
    finally:
        c.close()


def check_whole(db: Path, reference: dict[str, tuple]) -> dict[str, tuple]:
    c = sqlite3.connect(db)
    try:
        assert c.execute("pragma integrity_check").fetchone() == ("ok",)
        assert c.execute("pragma foreign_key_check").fetchall() == []
        # nothing stored for a document that is not there, no sentence or mention without its document
        assert c.execute("select count(*) from mentions where doc not in (select id from documents)").fetchone() == (0,)
        assert c.execute("select count(*) from sentences where document not in (select id from documents)"
                         ).fetchone() == (0,)
    finally:
        c.close()
    got = per_document(db)
    for doc, state in got.items():
        assert state == reference[doc], f"{doc} is not whole: {state} != {reference[doc]}"
    return got


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict[str, tuple]:
    """What a clean run of the whole corpus stores for each document."""
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    assert run_corpus(CORPUS, db, quiet=True, executor="inline") == 0
    gc.collect()
    return per_document(db)


FILES = sorted(p.name for p in CORPUS.glob("*.txt"))


# -- disk full ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("how", ["tmpfs", "max_page_count"])
def test_disk_full_mid_run_stops_with_the_database_named_and_whole_documents_only(how, tmp_path, reference,
                                                                                 monkeypatch, capsys):
    folder = tmp_path / "disk"
    with tmpfs(folder, "4m") if how == "tmpfs" else plain_folder(folder):
        db = folder / "chitieu.db"
        corpus, before = two_stored_then_five(tmp_path, db)
        real_load, loads, filled = pipeline.db.store.load, [], []

        def load_then_fill(conn, ex, run_id=None):
            status = real_load(conn, ex, run_id=run_id)
            loads.append(ex.document.id)
            if not filled:  # the disk fills up after the first document of the run
                if how == "tmpfs":
                    filled.append(fill_disk(folder))
                else:
                    pages = conn.execute("pragma page_count").fetchone()[0]
                    conn.execute(f"pragma max_page_count = {pages}")
                    filled.append(pages)
            return status

        monkeypatch.setattr(pipeline.db.store, "load", load_then_fill)
        capsys.readouterr()
        rc = run_corpus(corpus, db, quiet=True, executor="inline")
        err = capsys.readouterr().err
        assert rc == 1
        assert str(db) in err and "disk is full" in err and "1 of 3 documents stored" in err
        assert len(loads) == 1
        if how == "tmpfs":
            filled[0].unlink()
        gc.collect()
        after = check_whole(db, reference)
        assert set(after) == set(before) | set(loads)  # the documents before, the one loaded: no half of another
        c = sqlite3.connect(db)
        run = c.execute("select id, finished, documents_new, documents_failed from runs order by id desc").fetchone()
        errors = c.execute("select input, error from run_errors where run = ?", [run[0]]).fetchall()
        c.close()
        assert run[0] == 2
        if run[1] is not None:  # the run's record fitted on the disk: it names the database
            assert run[2:] == (1, 2) and errors == [(str(db), err.split("chitieu: ")[1].split("; the run")[0])]
        else:  # it did not: the run stays unfinished, as an interrupted one
            assert how == "tmpfs" and errors == []
        # with space again, the next run does the rest
        monkeypatch.setattr(pipeline.db.store, "load", real_load)
        assert run_corpus(corpus, db, quiet=True, executor="inline") == 0
        gc.collect()
        assert set(check_whole(db, reference)) == set(reference)


def test_a_full_disk_before_the_run_is_named_and_nothing_is_written(tmp_path, capsys):
    with tmpfs(tmp_path / "disk", "2m") as folder:
        db = folder / "chitieu.db"
        assert run_corpus(corpus_of(tmp_path, FILES[:1]), db, quiet=True, executor="inline") == 0
        gc.collect()
        size = db.stat().st_size
        filler = fill_disk(folder)
        capsys.readouterr()
        assert run_corpus(corpus_of(tmp_path, FILES), db, quiet=True, executor="inline") == 1
        err = capsys.readouterr().err
        assert str(db) in err and "disk is full" in err
        filler.unlink()
        gc.collect()
        c = sqlite3.connect(db)
        assert c.execute("pragma integrity_check").fetchone() == ("ok",)
        assert c.execute("select count(*) from runs").fetchone() == (1,)
        assert c.execute("select count(*) from documents").fetchone() == (1,)
        c.close()
        assert db.stat().st_size == size


# -- read-only ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("how", ["read-only filesystem", "read-only file and folder"])
def test_a_read_only_database_is_named_and_left_as_it_was(how, tmp_path, reference, capsys):
    folder = tmp_path / "ro"
    if how == "read-only filesystem":
        ctx = tmpfs(folder, "8m")
    else:
        if not permissions_enforced(tmp_path):
            pytest.skip("this user writes through file permissions (root); the read-only filesystem case covers it")
        ctx = plain_folder(folder)
    with ctx:
        db = folder / "chitieu.db"
        corpus, before = two_stored_then_five(tmp_path, db)
        if how == "read-only filesystem":
            remount(folder, "ro")
        else:
            db.chmod(0o444)
            folder.chmod(0o555)
        try:
            capsys.readouterr()
            assert run_corpus(corpus, db, quiet=True, executor="inline") == 1
            err = capsys.readouterr().err
            assert str(db) in err and "read-only" in err
            assert "Traceback" not in err
        finally:
            if how == "read-only filesystem":
                remount(folder, "rw")
            else:
                folder.chmod(0o755)
                db.chmod(0o644)
        gc.collect()
        assert check_whole(db, reference) == before
        c = sqlite3.connect(db)
        assert c.execute("select count(*) from runs").fetchone() == (1,)
        c.close()


def test_a_file_that_is_not_a_database_is_named(tmp_path, capsys):
    db = tmp_path / "chitieu.db"
    db.write_bytes(b"this is a text file, not SQLite\n" * 200)
    assert run_corpus(corpus_of(tmp_path, FILES[:1]), db, quiet=True, executor="inline") == 1
    err = capsys.readouterr().err
    assert str(db) in err and "not a SQLite database" in err
    assert db.read_bytes() == b"this is a text file, not SQLite\n" * 200


def test_open_db_raises_a_store_error_naming_the_file(tmp_path):
    from pipeline.db.store import StoreError, open_db

    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError) as e:
        open_db(tmp_path / "file" / "chitieu.db")  # its folder is a file
    assert str(tmp_path / "file" / "chitieu.db") in str(e.value)
    assert isinstance(e.value, sqlite3.OperationalError)  # callers that catch sqlite3 errors still do


# -- a database another process holds ------------------------------------------------------------------
@contextmanager
def held(db: Path):
    """Another connection holding `db`'s write lock (BEGIN EXCLUSIVE) until it is released."""
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("begin exclusive")
    try:
        yield other
    finally:
        if other.in_transaction:
            other.execute("commit")
        other.close()


def lock_on_first_load(monkeypatch, db: Path, release_after_failure: bool):
    """Wrap `store.load` so that another connection takes the database's write lock before the run loads
    its first document, and keeps it until that load has failed (or for good); returns the holder's box."""
    real_load, box = pipeline.db.store.load, {"calls": 0, "holder": None}

    def load(conn, extraction, run_id=None):
        box["calls"] += 1
        if box["calls"] == 1:
            box["holder"] = held(db)
            box["holder"].__enter__()
        try:
            return real_load(conn, extraction, run_id=run_id)
        except sqlite3.OperationalError:
            if release_after_failure and box["holder"] is not None:
                box["holder"].__exit__(None, None, None)
                box["holder"] = None
            raise

    monkeypatch.setattr(pipeline.db.store, "load", load)
    monkeypatch.setattr(pipeline.db.store, "BUSY_TIMEOUT_S", 0.3)  # fail in a moment, not after 30 s
    return box


def test_a_run_stopped_by_a_locked_database_finishes_its_runs_row_and_says_why(tmp_path, reference, monkeypatch,
                                                                                capsys):
    db = tmp_path / "chitieu.db"
    corpus, before = two_stored_then_five(tmp_path, db)
    lock_on_first_load(monkeypatch, db, release_after_failure=True)
    capsys.readouterr()
    assert run_corpus(corpus, db, quiet=True, executor="inline") == 1
    err = capsys.readouterr().err
    assert str(db) in err and "locked" in err and "another process holds the database" in err
    gc.collect()
    c = sqlite3.connect(db)
    status, finished, failed = c.execute("select status, finished, documents_failed from runs where id = 2").fetchone()
    assert status == "failed" and finished and failed == 3  # the one that failed and the two never loaded
    why = c.execute("select input, error from run_errors where run = 2").fetchall()
    assert why == [(str(db), why[0][1])] and "database is locked" in why[0][1]
    assert c.execute("select status from runs where id = 1").fetchone() == ("finished",)
    c.close()
    assert check_whole(db, reference) == before


def test_a_database_locked_for_good_is_named_on_the_terminal_with_a_non_zero_exit(tmp_path, reference, monkeypatch,
                                                                                   capsys):
    db = tmp_path / "chitieu.db"
    corpus, before = two_stored_then_five(tmp_path, db)
    box = lock_on_first_load(monkeypatch, db, release_after_failure=False)
    capsys.readouterr()
    try:
        assert run_corpus(corpus, db, quiet=True, executor="inline") == 1
    finally:
        box["holder"].__exit__(None, None, None)
    err = capsys.readouterr().err
    assert f"the run's record (run 2 in {db}) could not be finished either" in err
    assert err.count("another process holds the database") == 2 and "Traceback" not in err
    gc.collect()
    assert check_whole(db, reference) == before
    # locked from the start: nothing is written, the terminal says why
    with held(db):
        assert run_corpus(corpus, db, quiet=True, executor="inline") == 1
    err = capsys.readouterr().err
    assert str(db) in err and "another process holds the database" in err and "Traceback" not in err


# -- kill -9 of a run: its pool workers die with it ------------------------------------------------------
def _children(pid: int) -> set[int]:
    """The processes whose parent is `pid`, from /proc."""
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; it only waits to be reaped


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
@pytest.mark.parametrize("executor", ["process", "dask"])
def test_kill_9_of_a_run_mid_extraction_leaves_no_worker_alive(tmp_path, executor):
    from test_executors import _big_corpus

    corpus = tmp_path / "big"
    _big_corpus(corpus, 200)
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "pipeline.orchestration.cli", "run", "--corpus", str(corpus), "--db", str(db),
           "--quiet", "--executor", executor, "--workers", "2"]
    p = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and p.poll() is None:
            workers |= _children(p.pid)
            try:
                c = sqlite3.connect(db, timeout=1)
                loaded = c.execute("select count(*) from documents").fetchone()[0]
                c.close()
            except sqlite3.Error:
                loaded = 0
            if loaded >= 2 and len(workers) >= 2:
                break
            time.sleep(0.2)
        assert p.poll() is None and len(workers) >= 2, "the run was not caught mid-extraction"
        os.kill(p.pid, signal.SIGKILL)  # the run alone, as `kill -9 PID` does; its workers get no signal
        p.wait(timeout=30)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and any(_alive(w) for w in workers):
            time.sleep(0.2)
        survivors = [w for w in workers if _alive(w)]
        assert not survivors, f"workers alive after the run was killed: {survivors}"
    finally:
        for w in workers | ({p.pid} if p.poll() is None else set()):
            if _alive(w):
                os.kill(w, signal.SIGKILL)


WATCHDOG_ONLY = """
import os, sys, time
from pipeline.orchestration.executors import die_with_parent
parent = os.getpid()
if os.fork() == 0:
    die_with_parent(parent, poll_s=0.1, pdeathsig=False)
    print(os.getpid(), flush=True)
    time.sleep(120)
    os._exit(0)
time.sleep(1)
os._exit(0)
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_without_prctl_the_watchdog_ends_a_worker_whose_parent_died():
    p = subprocess.Popen([sys.executable, "-c", WATCHDOG_ONLY], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    child = int(p.stdout.readline())
    try:
        p.wait(timeout=30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and _alive(child):
            time.sleep(0.1)
        assert not _alive(child)
    finally:
        if _alive(child):
            os.kill(child, signal.SIGKILL)
        p.stdout.close()


# -- a network that drops mid-page ----------------------------------------------------------------------
ARTICLE = ("<html><head><title>{t}</title></head><body><article><h1>{t}</h1><p>Thứ Hai, 10/1/2022 08:00</p>"
           "<p>Năm 2021, tổng thu ngân sách nhà nước trên địa bàn đạt 16.916 tỷ đồng, vượt dự toán được giao, "
           "tăng 12,5% so với năm 2020; giải ngân vốn đầu tư công đạt 87,6% kế hoạch vốn giao.</p>"
           "<p>Toàn tỉnh đã có 171/182 xã đạt chuẩn nông thôn mới, 19 xã đạt chuẩn nông thôn mới nâng cao; "
           "GRDP bình quân đầu người đạt 67 triệu đồng, tăng 4,2 triệu đồng so với năm trước.</p>"
           "<p>{last}</p></article></body></html>")


OTHER = ["Kim ngạch xuất khẩu ước đạt 6,1 tỷ USD, tăng 25,3% so với cùng kỳ; nhập khẩu đạt 4,8 tỷ USD.",
         "Tổng vốn đầu tư toàn xã hội đạt 38.500 tỷ đồng, bằng 34,5% GRDP; thu hút 36 dự án đầu tư mới.",
         "Giá trị sản xuất nông nghiệp tăng 3,8%; sản lượng lương thực đạt 350 nghìn tấn, vượt 2,1% kế hoạch.",
         "Tỷ lệ tham gia bảo hiểm y tế đạt 94,2%; toàn tỉnh tạo việc làm mới cho 21.500 lao động trong năm."]


def article(title: str, last: str, i: int = 0) -> bytes:
    """An article page; `i` gives it a paragraph of its own, so pages are not near-duplicates of each other."""
    return ARTICLE.format(t=title, last=OTHER[i] + "</p><p>" + last).encode()


def drop_mid_body(body: bytes, chunked: bool = False, times: int | None = None):
    """Send the headers and half the body, then close the connection (`times` times; then the page)."""
    count = {"n": 0}

    def fn(server, h, hit):
        count["n"] += 1
        hit.status = 200
        full = times is not None and count["n"] > times
        half = body if full else body[: len(body) // 2]
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        if chunked:
            h.send_header("Transfer-Encoding", "chunked")
        else:
            h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(b"%x\r\n%s\r\n" % (len(half), half) if chunked else half)
        if full and chunked:
            h.wfile.write(b"0\r\n\r\n")
        h.wfile.flush()
        hit.sent = len(half)
        h.close_connection = True
        if not full:
            try:
                h.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
    return fn


def crawl(tmp_path: Path, *urls: str, **options) -> tuple[int, sqlite3.Connection]:
    from pipeline.orchestration.cli import main

    opts = {"contact": '"mailto:test@example.org"', "delay": 0.02, "allow_private": "true", "retries": 1,
            "backoff": 0.05, "read_timeout": 2.0, **options}
    cfg = tmp_path / "crawl.toml"
    cfg.write_text("[crawl]\n" + "".join(f"{k} = {v}\n" for k, v in opts.items()))
    db = tmp_path / "out" / "chitieu.db"
    rc = main(["crawl", *urls, "--db", str(db), "--config", str(cfg), "--quiet"])
    c = sqlite3.connect(db)
    c.row_factory = sqlite3.Row
    return rc, c


def test_a_network_drop_mid_page_fails_that_page_with_a_reason_and_stores_nothing_of_it(tmp_path):
    pages = {
        "/tin/bai-tron-ven-1.html": ("Bài trọn vẹn về thu ngân sách", None),
        "/tin/bai-dut-giua-chung-2.html": ("Bài bị cắt giữa chừng", drop_mid_body),
        "/tin/bai-dut-chunked-3.html": ("Bài bị cắt khi gửi từng khúc", lambda b: drop_mid_body(b, chunked=True)),
        "/tin/bai-dut-mot-lan-4.html": ("Bài đứt một lần rồi tải lại được", lambda b: drop_mid_body(b, times=1)),
    }
    last = "Đoạn cuối cùng của bài: tỷ lệ hộ nghèo giảm còn 1,05%, thấp nhất từ trước đến nay."
    site = FixtureServer("drops")
    site.page("/", "<html><body><h1>Trang chủ</h1>" + "".join(f'<a href="{p}">{t}</a>' for p, (t, _) in pages.items())
              + "</body></html>")
    site.page("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
    for i, (path, (title, how)) in enumerate(pages.items()):
        body = article(title, last, i)
        if how is None:
            site.page(path, body)
        else:
            site.route(path, how(body))
    with site:
        rc, c = crawl(tmp_path, site.url + "/")
    assert rc == 0
    titles = {r["title"]: r["text"] for r in c.execute("select title, text from documents")}
    assert set(titles) == {"Bài trọn vẹn về thu ngân sách", "Bài đứt một lần rồi tải lại được"}
    assert all(t.endswith(last) for t in titles.values())  # the retried page is stored whole, not its half
    errors = {r["input"]: r["error"] for r in c.execute("select input, error from run_errors")}
    for path in ("/tin/bai-dut-giua-chung-2.html", "/tin/bai-dut-chunked-3.html"):
        assert "connection dropped mid-body" in errors[site.url + path] and "after 2 attempts" in errors[site.url + path]
        assert len(site.hits_for(path)) == 2  # retried once, like any dropped connection
        assert c.execute("select count(*) from document_urls where url = ?", [site.url + path]).fetchone()[0] == 0
    whole = len(article(pages["/tin/bai-dut-mot-lan-4.html"][0], last, 3))
    assert [h.sent for h in site.hits_for("/tin/bai-dut-mot-lan-4.html")] == [whole // 2, whole]
    run = c.execute("select documents_new, documents_failed from runs").fetchone()
    assert tuple(run) == (2, 2)
    assert c.execute("pragma integrity_check").fetchone()[0] == "ok"
    archived = sorted(p.name for p in (tmp_path / "out" / "archive").rglob("*.gz"))
    assert len(archived) == 2  # only the two whole pages' bytes were archived


# -- the crawler on a full disk --------------------------------------------------------------------------
def crawl_into(cfg_dir: Path, db: Path, *urls: str, **options) -> int:
    """`chitieu crawl URLS --db DB --quiet`, its HTTP cache and archive beside DB unless `options` say."""
    from pipeline.orchestration.cli import main

    opts = {"contact": '"mailto:test@example.org"', "delay": 0.02, "allow_private": "true", "retries": 1,
            "backoff": 0.05, "read_timeout": 2.0, **options}
    cfg = cfg_dir / "crawl.toml"
    cfg.write_text("[crawl]\n" + "".join(f"{k} = {v}\n" for k, v in opts.items()))
    rc = main(["crawl", *urls, "--db", str(db), "--config", str(cfg), "--quiet"])
    gc.collect()  # the crawl leaves its connection to the garbage collector
    return rc


def crawl_state(db: Path) -> tuple[dict[str, tuple], set[tuple]]:
    """Each document whole (per_document) and every URL the crawl recorded for one."""
    c = sqlite3.connect(db)
    try:
        assert c.execute("pragma integrity_check").fetchone() == ("ok",)
        assert c.execute("pragma foreign_key_check").fetchall() == []
        urls = set(c.execute("select url, document, role, archive, version from document_urls"))
        # a document without its canonical URL would be fetched and read again as new; a URL without its
        # document would be skipped as already read
        assert c.execute("select count(*) from documents where id not in "
                         "(select document from document_urls where role = 'canonical')").fetchone() == (0,)
    finally:
        c.close()
    return per_document(db), urls


def fill_after_the_first_document(monkeypatch, how: str, folder: Path, after: int = 1) -> list:
    """The disk fills up once the crawl has stored its first document (`after` documents), before it reads
    the next page."""
    import pipeline.orchestration.crawl

    real, filled = pipeline.orchestration.crawl.Crawl._process, []

    def process(self, page, *rest):
        if self.counts["documents_new"] >= after and not filled:
            if how == "tmpfs":
                filled.append(fill_disk(folder))
            else:
                pages = self.db.execute("pragma page_count").fetchone()[0]
                self.db.execute(f"pragma max_page_count = {pages}")
                filled.append(pages)
        return real(self, page, *rest)

    monkeypatch.setattr(pipeline.orchestration.crawl.Crawl, "_process", process)
    return filled


@pytest.mark.parametrize("how", ["tmpfs", "max_page_count"])
def test_disk_full_mid_crawl_stops_with_the_database_named_and_the_next_crawl_resumes(how, tmp_path, monkeypatch,
                                                                                      capsys):
    from sitefixtures import load_site

    with load_site("generic") as site:
        (tmp_path / "ref").mkdir()
        assert crawl_into(tmp_path / "ref", tmp_path / "ref" / "chitieu.db", site.url + "/") == 0
        reference = crawl_state(tmp_path / "ref" / "chitieu.db")
        assert len(reference[0]) == 5
        folder = tmp_path / "disk"
        ctx = tmpfs(folder, "8m") if how == "tmpfs" else plain_folder(folder)
        with ctx:
            db = folder / "chitieu.db"
            filled = fill_after_the_first_document(monkeypatch, how, folder)
            capsys.readouterr()
            rc = crawl_into(tmp_path, db, site.url + "/")
            err = capsys.readouterr().err
            assert rc == 1 and filled
            # a capped page count stops the crawl at the first document that needs a new page: the pages the
            # first one filled may hold a small second one (it depends on the fixture's sizes, not the crawl)
            stored = re.search(r"the crawl stopped with (\d+) document\(s\) stored", err)
            n = int(stored[1]) if stored else 0
            assert str(db) in err and "disk is full" in err and (n == 1 if how == "tmpfs" else 1 <= n <= 2)
            assert "Traceback" not in err and err.count("chitieu:") == 1  # one error, not one a page
            if how == "tmpfs":
                filled[0].unlink()
            docs, urls = crawl_state(db)
            assert len(docs) == n  # the first page(s), whole, with their crawl state; nothing of the page that failed
            assert all(docs[d] == reference[0][d] for d in docs)
            assert urls <= reference[1] and {u[1] for u in urls} == set(docs)
            c = sqlite3.connect(db)
            run = c.execute("select id, finished, documents_new, documents_failed from runs").fetchone()
            errors = c.execute("select input, error from run_errors where run = ?", [run[0]]).fetchall()
            c.close()
            if run[1] is not None:  # the run's record fitted on the disk: it names what could not be written
                assert run[2:] == (n, 1) and errors[-1][0] == str(db) and "disk is full" in errors[-1][1]
                assert [e for e in errors if e[0] == str(db)] == [errors[-1]]  # named once, not once a page
            else:  # it did not: the run stays unfinished, as an interrupted one
                assert how == "tmpfs" and errors == []
            # with space again, the next crawl stores the rest: the same database as a crawl never stopped
            monkeypatch.undo()
            assert crawl_into(tmp_path, db, site.url + "/") == 0
            assert crawl_state(db) == reference
            c = sqlite3.connect(db)
            assert c.execute("select documents_new, documents_unchanged, documents_failed from runs order by id desc"
                             ).fetchone() == (5 - n, n, 0)
            c.close()


def test_a_full_disk_under_the_http_cache_alone_does_not_stop_the_crawl(tmp_path, monkeypatch):
    """The HTTP cache is only a cache: requests-cache drops the writes it cannot make (it catches SQLite's
    error), the pages are fetched and stored all the same. Were it to raise one day, every fetch would be
    recorded as crashed: this test would say so."""
    from sitefixtures import load_site

    with load_site("generic") as site, tmpfs(tmp_path / "disk", "4m") as folder:
        db = tmp_path / "out" / "chitieu.db"
        filled = fill_after_the_first_document(monkeypatch, "tmpfs", folder, after=0)  # at the first article
        assert crawl_into(tmp_path, db, site.url + "/", cache=f'"{folder / "http-cache.sqlite"}"') == 0
        assert filled and len(crawl_state(db)[0]) == 5
        c = sqlite3.connect(db)
        assert [e for e in c.execute("select error from run_errors").fetchall() if "crash" in e[0]] == []
        c.close()
        filled[0].unlink()


def test_a_full_disk_before_the_crawl_is_named_and_nothing_is_written(tmp_path, capsys):
    from sitefixtures import load_site

    with load_site("generic") as site, tmpfs(tmp_path / "disk", "4m") as folder:
        db = folder / "chitieu.db"
        assert crawl_into(tmp_path, db, site.url + "/", "--max-pages", "4") == 0
        before = crawl_state(db)
        assert len(before[0]) == 2
        size = db.stat().st_size
        filler = fill_disk(folder)
        capsys.readouterr()
        assert crawl_into(tmp_path, db, site.url + "/") == 1
        err = capsys.readouterr().err
        # SQLite says "disk I/O error" when the full disk fails it while opening (the -shm file it maps
        # cannot be allocated), "database or disk is full" when a write does
        assert f"chitieu: {db}: " in err and ("disk is full" in err or "disk I/O error" in err)
        assert "Traceback" not in err and err.count("chitieu:") == 1
        filler.unlink()
        assert crawl_state(db) == before
        c = sqlite3.connect(db)
        assert c.execute("select count(*) from runs").fetchone() == (1,)
        c.close()
        assert db.stat().st_size == size
        assert crawl_into(tmp_path, db, site.url + "/") == 0
        assert len(crawl_state(db)[0]) == 5
