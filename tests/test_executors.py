"""Executors give identical results; runs are incremental, keep history, and survive SIGKILL."""
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from extractors.textdump import read_dump
from pipeline.orchestration.executors import get_executor
from pipeline.orchestration.run import run_corpus

from conftest import CORPUS, ROOT


def records(extractions):
    return sorted((m.doc, m.start, m.end, m.kind, m.value, m.low, m.high, m.denominator, m.unit, m.indicator,
                   m.entity, m.period, m.status) for ex in extractions for m in ex.mentions)


@pytest.fixture(scope="module")
def docs():
    return [d for f in sorted(CORPUS.glob("*.txt")) for d in read_dump(f)]


@pytest.fixture(scope="module")
def inline_result(docs):
    ex = get_executor("inline")
    return records(r for _, r in ex.map(docs))


def test_process_pool_matches_inline(docs, inline_result):
    ex = get_executor("process", workers=2)
    try:
        assert records(r for _, r in ex.map(docs)) == inline_result
    finally:
        ex.close()


def test_dask_local_cluster_matches_inline(docs, inline_result):
    pytest.importorskip("distributed")
    ex = get_executor("dask", workers=2)
    try:
        assert ex.workers == 2
        assert records(r for _, r in ex.map(docs)) == inline_result
    finally:
        ex.close()


def test_changed_page_keeps_earlier_figures_in_history(corpus_copy, tmp_path):
    db = tmp_path / "h.db"
    run_corpus(corpus_copy, db, quiet=True, executor="inline")
    f = corpus_copy / "004_6f0c2117b7fe85f6.txt"
    f.write_text(f.read_text().replace("thu ngân sách đạt 16.916 tỷ đồng", "thu ngân sách đạt 16.961 tỷ đồng"))
    run_corpus(corpus_copy, db, quiet=True, executor="inline")
    c = sqlite3.connect(db)
    hist = c.execute("select text, value, superseded_by_run, document_sha256 from mention_history").fetchall()
    assert [h[:3] for h in hist] == [("16.916 tỷ đồng", 1.6916e13, 2)]
    assert c.execute("select count(*) from mentions where text = '16.961 tỷ đồng'").fetchone() == (1,)


def _big_corpus(folder, n):
    folder.mkdir()
    seeds = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    for i in range(n):
        (folder / f"doc_{i:04d}.txt").write_text(seeds[i % len(seeds)], encoding="utf-8")


def test_sigkill_mid_run_then_resume(tmp_path):
    corpus = tmp_path / "big"
    _big_corpus(corpus, 60)
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "pipeline.orchestration.cli", "run", "--corpus", str(corpus), "--db", str(db), "--quiet",
           "--executor", "inline"]
    p = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True)
    deadline = time.time() + 120
    loaded = 0
    while time.time() < deadline and p.poll() is None:
        time.sleep(0.2)
        try:
            c = sqlite3.connect(db, timeout=1)
            loaded = c.execute("select count(*) from documents").fetchone()[0]
            c.close()
        except sqlite3.Error:
            continue
        if loaded >= 5:
            os.killpg(p.pid, signal.SIGKILL)
            break
    p.wait(timeout=30)
    assert 5 <= loaded < 60, "the run was not killed mid-way"
    assert subprocess.run(cmd, cwd=ROOT, timeout=600).returncode == 0
    c = sqlite3.connect(db)
    assert c.execute("pragma integrity_check").fetchone() == ("ok",)
    assert c.execute("select count(*) from documents").fetchone() == (60,)
    assert c.execute("select count(*), count(distinct id) from mentions").fetchone()[0] == \
        c.execute("select count(distinct id) from mentions").fetchone()[0]
    per_doc = dict(c.execute("select doc, count(*) from mentions group by doc"))
    assert per_doc["doc_0000"] == per_doc["doc_0005"]  # same seed, same figures: none lost, none twice
    last = c.execute("select documents_new, documents_unchanged from runs order by id desc").fetchone()
    assert last[0] + last[1] == 60 and last[1] >= 5


@pytest.mark.parametrize("kind", ["inline", "process", "dask"])
def test_a_failing_document_does_not_stop_the_others(docs, kind):
    """A document whose extraction raises comes back as its exception; the rest are extracted."""
    from extractors.document import Document

    if kind == "dask":
        pytest.importorskip("distributed")
    broken = Document(id="broken", source="broken", text=None)  # extraction raises a TypeError
    batch = [docs[0], broken, docs[1]]
    ex = get_executor(kind, workers=2)
    try:
        out = dict(ex.map(batch))
    finally:
        ex.close()
    assert sorted(out) == [0, 1, 2]
    assert isinstance(out[1], Exception)
    assert out[0].document.id == docs[0].id and out[2].document.id == docs[1].id


def slow_document_text() -> str:
    """One long run of figures (`1% 1% …`, 400,000 of them, about 10 s to extract on one core since such runs are
    read faster): far longer to extract than a tiny budget."""
    return "Tình hình kinh tế tỉnh\n\n" + "1% " * 400000


@pytest.mark.parametrize("kind", ["inline", "process"])
def test_a_document_over_its_time_budget_is_recorded_and_the_run_goes_on(corpus_copy, tmp_path, kind):
    (corpus_copy / "zz_slow.txt").write_text(slow_document_text(), encoding="utf-8")
    db = tmp_path / "b.db"
    t = time.monotonic()
    assert run_corpus(corpus_copy, db, quiet=True, executor=kind, workers=2, doc_timeout=2) == 0
    assert time.monotonic() - t < 120   # the slow document alone would take minutes
    c = sqlite3.connect(db)
    errors = c.execute("select input, error from run_errors").fetchall()
    assert len(errors) == 1 and "zz_slow" in errors[0][0], errors
    assert "time budget of 2 s" in errors[0][1] and "zz_slow" in errors[0][1]
    stored = {r[0] for r in c.execute("select id from documents")}
    assert "zz_slow" not in stored and len(stored) == len(list(CORPUS.glob("*.txt")))
    assert c.execute("select documents_failed from runs").fetchone() == (1,)


def test_a_time_budgets_alarm_fires_again_when_its_exception_is_swallowed():
    """An alarm that lands where Python only reports an exception (a weakref callback, a `__del__`) loses it; the
    budget's alarm is armed again, so the document is still stopped."""
    from extractors.budget import Budget, DocumentTimeout
    swallowed = 0
    t = time.monotonic()
    with pytest.raises(DocumentTimeout):
        with Budget(0.2, "doc"):
            while time.monotonic() - t < 10:
                try:
                    sum(range(10000))
                except DocumentTimeout:
                    swallowed += 1   # the first one lost, as in a weakref callback
                    if swallowed > 1:
                        raise
    assert swallowed == 2 and time.monotonic() - t < 5
    import signal
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0   # leaving the budget disarms it
