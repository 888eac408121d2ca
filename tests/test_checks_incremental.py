"""Incremental checks (`pipeline.db.checks_store.update_checks`): after documents are added, changed or
removed, recomputing only their checks and the groups across documents they touch gives the same
tables as a full recompute; an unchanged re-run recomputes nothing; a pass that fails leaves the
previous checks intact. Documents are short texts through the real extractor (each text extracted
once), loaded with `pipeline.db.store.load` into real SQLite databases."""
from __future__ import annotations

import copy
import math
import os
import shutil
import sqlite3
import tempfile
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest
import sqlite_utils
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.checks import _disagreeing, _disagreeing_pairwise, check_across, check_document, unique_checks
from extractors.sentences import Sentence
from pipeline.db.checks_store import _mention, _mention_select, check_tables, run_checks, update_checks
from extractors.document import Document
from extractors.extract import extract_document
from pipeline.db.store import load, open_db

SCALE = int(os.environ.get("CHITIEU_HYPOTHESIS_SCALE", "1"))

# Figures of a few indicators and provinces, so documents share groups across documents: versions of
# one figure, results and targets (in one sentence, in one document, in different documents).
TEMPLATES = [
    "Năm 2023, tốc độ tăng trưởng kinh tế của tỉnh Hà Tĩnh đạt {a}% (kế hoạch 7,5%), thu ngân sách đạt 16.916 tỷ đồng.",
    "Mục tiêu năm 2023, tốc độ tăng trưởng kinh tế của tỉnh Hà Tĩnh đạt 7,{b}%. Thu ngân sách năm 2023 phấn đấu "
    "đạt 18.000 tỷ đồng.",
    "Năm 2023, tỉnh Hà Tĩnh có 171/182 xã (tỷ lệ {a}%) đạt chuẩn nông thôn mới. Tỷ lệ hộ nghèo năm 2023 giảm còn 2,{b}%.",
    "Kế hoạch năm 2024, tỷ lệ hộ nghèo của tỉnh Hà Tĩnh giảm còn 2%. Tốc độ tăng trưởng kinh tế năm 2023 của Hà Tĩnh "
    "ước đạt {a}%.",
    "Năm 2023, tốc độ tăng trưởng kinh tế của tỉnh Vĩnh Phúc đạt {a}%, kim ngạch xuất khẩu đạt 6,{b} tỷ USD.",
    "Năm 2023, kim ngạch xuất khẩu của tỉnh Vĩnh Phúc đạt 6,{b} tỷ USD, vượt kế hoạch; mục tiêu năm 2023 là 6 tỷ USD.",
]
VALUES = [("6,2", "1"), ("6,8", "5"), ("87", "9")]
DATES = ["2023-12-20", "2024-01-05", "2024-03", None]
VARIANTS = [(t, v, d) for t in range(len(TEMPLATES)) for v in range(len(VALUES)) for d in range(len(DATES))]
SLOTS = 6


@lru_cache(maxsize=None)
def _extracted(variant: int):
    t, v, d = VARIANTS[variant]
    a, b = VALUES[v]
    text = f"Báo cáo số {variant}\n\n" + TEMPLATES[t].format(a=a, b=b)
    return extract_document(Document(id="x", source="x.txt", text=text, title=f"Báo cáo số {variant}",
                                     published=DATES[d]))


def extraction(doc_id: str, variant: int):
    ex = copy.deepcopy(_extracted(variant))
    ex.document.id = doc_id
    ex.document.source = f"{doc_id}.txt"
    for m in ex.mentions:
        m.doc = doc_id
    return ex


def put(db, doc_id: str, variant: int, blank: bool = False) -> None:
    """Load (add or change) a document; `blank` drops the sentence of some of its figures, as older
    databases may hold them (the checks then find the sentence from the text)."""
    load(db, extraction(doc_id, variant))
    if blank:
        with db.conn:
            db.conn.execute("update mentions set sentence = null, sentence_id = null where doc = ? and start % 2 = 0",
                            [doc_id])


def remove(db, doc_id: str) -> None:
    with db.conn:
        for table, col in (("mentions", "doc"), ("skipped", "doc"), ("sentences", "document"),
                           ("mention_history", "doc")):
            db.conn.execute(f"delete from [{table}] where [{col}] = ?", [doc_id])
        db.conn.execute("delete from documents where id = ?", [doc_id])


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("incremental") / "empty.db"
    db = open_db(path, sets=("checks",))
    db.conn.close()
    return path


def fresh(empty_db, folder) -> sqlite_utils.Database:
    path = Path(folder) / "chitieu.db"
    shutil.copy(empty_db, path)
    return open_db(path)




def full_recompute(path, folder) -> tuple[list, list]:
    """The tables a full recompute gives, on a copy of the database."""
    copy_path = Path(folder) / "full.db"
    with sqlite3.connect(path) as a, sqlite3.connect(copy_path) as b:
        a.backup(b)
    run_checks(copy_path)
    out = check_tables(copy_path)
    copy_path.unlink()
    return out


def reference(db) -> dict[str, tuple]:
    """Every check as the full recompute computed it before checks were incremental: each document's
    checks, then `check_across` over every figure, the first of a repeated id kept. {id: (verdict,
    computation, [(mention, role, position)])}."""
    per_doc = defaultdict(list)
    for row in db.query(f"select {_mention_select(db)} from mentions order by doc, start, [end], id"):
        per_doc[row["doc"]].append(_mention(row))
    sents = defaultdict(list)
    for row in db.query("select document, idx, start, [end], text from sentences order by document, idx"):
        sents[row["document"]].append(Sentence(row["idx"], row["start"], row["end"], row["text"], 0))
    meta, checks = {}, []
    for row in db.query("select id, title, published, source, url, text from documents"):
        d = row["id"]
        meta[d] = {k: row[k] for k in ("title", "published", "source", "url")}
        if per_doc.get(d):
            ss = sents.get(d)
            if ss and [s.index for s in ss] != list(range(len(ss))):
                ss = None
            checks += check_document(row["text"] or "", per_doc[d], ss)
    checks += check_across([m for ms in per_doc.values() for m in ms], meta)
    return {c.id: (c.verdict, c.computation, [(m.extra["id"], role, k) for k, (m, role) in enumerate(c.mentions)])
            for c in unique_checks(checks)}


def stored(db) -> dict[str, tuple]:
    links = defaultdict(list)
    for cid, mid, role, pos in db.conn.execute("select check_id, mention_id, role, position from check_mentions "
                                               "order by check_id, position"):
        links[cid].append((mid, role, pos))
    return {cid: (verdict, computation, links[cid])
            for cid, verdict, computation in db.conn.execute("select id, verdict, computation from checks")}


# --- incremental equals full -------------------------------------------------------------------
op = st.one_of(
    st.tuples(st.just("put"), st.integers(0, SLOTS - 1), st.integers(0, len(VARIANTS) - 1), st.booleans()),
    st.tuples(st.just("remove"), st.integers(0, SLOTS - 1)),
)
# a run is a batch of operations on the corpus, then the checks; an empty batch is an unchanged re-run
runs = st.lists(st.lists(op, max_size=4), min_size=1, max_size=6)


@settings(max_examples=30 * SCALE, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(runs)
def test_incremental_checks_equal_a_full_recompute(empty_db, batches):
    with tempfile.TemporaryDirectory() as folder:
        db = fresh(empty_db, folder)
        path = Path(folder) / "chitieu.db"
        for batch in batches:
            before = check_tables(path)
            for o in batch:
                if o[0] == "put":
                    put(db, f"s{o[1]}", o[2], o[3])
                else:
                    remove(db, f"s{o[1]}")
            got = update_checks(db)
            assert got["mode"] == "incremental" or got["reason"] == "no earlier pass"
            now = check_tables(path)
            assert now == full_recompute(path, folder)
            assert stored(db) == reference(db)
            if not batch:
                assert got["checks_recomputed"] == got["documents"] == 0 and now == before
        db.conn.close()


def test_the_whole_sequence_of_ops_is_seen(empty_db, tmp_path):
    """The strategy reaches what the property is about: checks across documents (versions, results against
    targets of other documents), a document's own check that is also found across documents, removals."""
    db = fresh(empty_db, tmp_path)
    for k, variant in enumerate((0, 14, 40, 3, 24, 60)):
        put(db, f"s{k}", variant, blank=k == 2)
    update_checks(db)
    types = {(t, s) for t, s in db.conn.execute("select check_type, scope from checks")}
    assert {("figure_versions", "corpus"), ("result_target", "corpus"), ("result_target", "sentence")} <= types
    remove(db, "s1")
    got = update_checks(db)
    assert got["documents"] == 1 and got["checks_removed"] > 0
    assert check_tables(tmp_path / "chitieu.db") == full_recompute(tmp_path / "chitieu.db", tmp_path)


# --- what a pass recomputes ------------------------------------------------------------------------
def test_unchanged_rerun_recomputes_nothing_and_one_change_only_its_groups(empty_db, tmp_path):
    db = fresh(empty_db, tmp_path)
    # Hà Tĩnh growth, targets and poverty in s0-s3; Vĩnh Phúc exports in s4-s5: groups apart
    for k, variant in enumerate((0, 16, 28, 40, 61, 68)):
        put(db, f"s{k}", variant)
    first = update_checks(db)
    assert first["mode"] == "full" and first["checks"] > 0
    again = update_checks(db)
    assert again["checks_recomputed"] == again["checks_removed"] == again["documents"] == again["groups"] == 0
    before = {r[0]: r for r in db.conn.execute("select * from checks")}
    vp = {r[0] for r in db.conn.execute("select distinct check_id from check_mentions where doc in ('s4', 's5')")}
    assert vp and {r[0] for r in db.conn.execute("select distinct check_id from check_mentions where doc = 's1'")}
    # mark every stored check: a check the next pass does not recompute keeps its mark
    with db.conn:
        db.conn.execute("update checks set computation = computation || ' #'")
    put(db, "s1", 17)  # s1's figures change
    got = update_checks(db)
    assert got["mode"] == "incremental" and got["documents"] == 1 and got["checks_recomputed"] > 0
    groups = {r[0] for r in db.conn.execute("select versions_group from check_groups where doc = 's1' union "
                                            "select targets_group from check_groups where doc = 's1'")}
    rows = {r[0]: r for r in db.conn.execute("select id, doc, across_group, computation from checks")}
    fresh_ids = {cid for cid, r in rows.items() if not r[3].endswith(" #")}
    assert len(fresh_ids) == got["checks_recomputed"]
    # recomputed: s1's own checks and the checks of its groups (old and new), nothing else
    assert all(rows[cid][1] == "s1" or rows[cid][2] in groups or cid not in before for cid in fresh_ids)
    assert not fresh_ids & vp  # the Vĩnh Phúc checks were left alone
    assert any(rows[cid][2] is not None and rows[cid][1] != "s1" for cid in fresh_ids)  # across documents too


def test_a_run_says_how_many_checks_it_recomputed(tmp_path, capsys):
    from pipeline.orchestration.run import run_corpus

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for k, variant in enumerate((0, 16, 40, 61)):
        ex = _extracted(variant)
        (corpus / f"r{k}.txt").write_text(ex.document.text, encoding="utf-8")
    db = tmp_path / "out" / "chitieu.db"
    t: dict = {}
    assert run_corpus(corpus, db, executor="inline", timings=t) == 0
    assert t["checks_recomputed"] > 0
    assert "checks:" in capsys.readouterr().err
    t = {}
    assert run_corpus(corpus, db, executor="inline", timings=t) == 0
    assert t["checks_recomputed"] == 0  # unchanged: nothing recomputed
    assert "checks:" not in capsys.readouterr().err
    (corpus / "r1.txt").write_text(_extracted(17).document.text, encoding="utf-8")
    t = {}
    assert run_corpus(corpus, db, executor="inline", timings=t) == 0
    err = capsys.readouterr().err
    assert t["checks_recomputed"] > 0 and "incremental: 1 document(s)" in err
    c = sqlite3.connect(db)
    passes = c.execute("select mode, documents, checks_recomputed from check_passes order by id").fetchall()
    assert passes[0][0] == "full" and passes[-1][:2] == ("incremental", 1) and len(passes) == 2
    assert check_tables(db) == full_recompute(db, tmp_path)


def test_documents_stored_without_their_checks_are_checked_by_the_next_run(empty_db, tmp_path):
    """A run killed after loading (or a crawl, which loads without checking): the next pass finds the
    documents from the database, even when that run itself changes nothing."""
    from pipeline.orchestration.run import post_load

    db = fresh(empty_db, tmp_path)
    put(db, "s0", 0)
    post_load(db)
    put(db, "s1", 16)  # stored, never checked
    put(db, "s2", 40)
    got = post_load(db)
    assert got["documents"] == 2 and got["checks_recomputed"] > 0
    assert check_tables(tmp_path / "chitieu.db") == full_recompute(tmp_path / "chitieu.db", tmp_path)


def test_writes_that_keep_the_sha256_and_load_time_are_seen(empty_db, tmp_path):
    """A document removed and stored again within the same second, or its figures edited in place, keeps
    its sha256 and load time: the triggers count the writes."""
    db = fresh(empty_db, tmp_path)
    path = tmp_path / "chitieu.db"
    for k, variant in enumerate((0, 16, 40)):
        put(db, f"s{k}", variant)
    update_checks(db)
    loaded = db.conn.execute("select loaded_at from documents where id = 's0'").fetchone()
    remove(db, "s0")
    put(db, "s0", 0)
    with db.conn:
        db.conn.execute("update documents set loaded_at = ? where id = 's0'", loaded)
    got = update_checks(db)
    assert got["documents"] == 1 and check_tables(path) == full_recompute(path, tmp_path)
    with db.conn:
        db.conn.execute("update mentions set value = value + 1 where doc = 's1'")
    got = update_checks(db)
    assert got["documents"] == 1 and check_tables(path) == full_recompute(path, tmp_path)
    with db.conn:
        db.conn.execute("update documents set changed_run = 7 where id = 's2'")  # bookkeeping: no checks
    assert update_checks(db)["documents"] == 0


# --- full recompute, and atomicity -------------------------------------------------------------
def test_check_full_recomputes_everything(empty_db, tmp_path, capsys):
    from pipeline.orchestration.cli import main

    db = fresh(empty_db, tmp_path)
    for k, variant in enumerate((0, 16, 40)):
        put(db, f"s{k}", variant)
    db.conn.close()
    path = tmp_path / "chitieu.db"
    assert main(["check", "--db", str(path)]) == 0  # the default: full
    out = capsys.readouterr().out
    n = sqlite3.connect(path).execute("select count(*) from checks").fetchone()[0]
    assert n > 0 and f"checks: {n:,} recomputed (full: asked)" in out
    assert main(["check", "--changed", "--db", str(path)]) == 0
    assert "checks: 0 recomputed (incremental" in capsys.readouterr().out
    assert main(["check", "--full", "--db", str(path)]) == 0
    assert f"checks: {n:,} recomputed (full: asked)" in capsys.readouterr().out
    assert main(["check", "Hà Tĩnh tăng trưởng 6,2% năm 2023", "--full", "--db", str(path)]) == 2
    assert main(["check", "--db", str(tmp_path / "missing.db")]) == 2


class FailingConnection(sqlite3.Connection):
    """Fails the pass midway: after the old checks are deleted and the new ones inserted."""

    def executemany(self, sql, rows):
        if "check_groups" in sql:
            raise sqlite3.OperationalError("disk I/O error (injected)")
        return super().executemany(sql, rows)


@pytest.mark.parametrize("full", [False, True])
def test_a_pass_that_fails_midway_leaves_the_previous_checks(empty_db, tmp_path, full):
    db = fresh(empty_db, tmp_path)
    path = tmp_path / "chitieu.db"
    for k, variant in enumerate((0, 16, 40)):
        put(db, f"s{k}", variant)
    update_checks(db)
    put(db, "s1", 17)  # (its old figures' links cascade away with them)
    before = check_tables(path)
    state = db.conn.execute("select * from checks_state order by doc").fetchall()
    db.conn.close()
    conn = sqlite3.connect(path, factory=FailingConnection)
    conn.execute("pragma foreign_keys = on")
    with pytest.raises(sqlite3.OperationalError, match="injected"):
        update_checks(sqlite_utils.Database(conn), full=full)
    conn.close()
    assert check_tables(path) == before
    db = open_db(path)
    assert db.conn.execute("select * from checks_state order by doc").fetchall() == state
    got = update_checks(db)  # the next pass does the work
    assert got["documents"] == 1 and check_tables(path) == full_recompute(path, tmp_path)


def test_a_database_from_before_incremental_checks_gets_a_full_pass(empty_db, tmp_path):
    db = fresh(empty_db, tmp_path)
    for k, variant in enumerate((0, 16)):
        put(db, f"s{k}", variant)
    update_checks(db)
    with db.conn:
        for (t,) in db.conn.execute("select name from sqlite_master where type = 'trigger' and name like 'checks_stale%'"
                                    ).fetchall():
            db.conn.execute(f"drop trigger {t}")
        for t in ("check_passes", "check_groups", "checks_state", "_sqlite_migrations"):  # (no migrations then)
            db.conn.execute(f"drop table {t}")
    db.conn.execute("drop index idx_checks_across_group")
    db.conn.execute("alter table checks drop column across_group")
    got = update_checks(db)
    assert got["mode"] == "full" and got["reason"] == "no earlier pass"
    assert check_tables(tmp_path / "chitieu.db") == full_recompute(tmp_path / "chitieu.db", tmp_path)


# --- figure versions compared with the others' extremes, not pair by pair ----------------------
bound = st.sampled_from([-math.inf, 0.0, 1.0, 1.5, 2.0, 3.0, math.inf, math.nan])


@settings(max_examples=300 * SCALE, deadline=None)
@given(st.lists(st.tuples(bound, bound, st.sampled_from("abc"), st.sampled_from([None, 2, 2.0, 3.0, math.nan])),
                max_size=9), st.booleans())
def test_disagreeing_versions_are_those_of_the_pairwise_rule(rows, fraction):
    ivs = [(lo, hi) for lo, hi, _, _ in rows]
    docs = [d for _, _, d, _ in rows]
    dens = [n for *_, n in rows] if fraction else None
    assert _disagreeing(ivs, docs, dens) == _disagreeing_pairwise(ivs, docs, dens)
