"""Loading into SQLite: content keys, idempotent runs, errors recorded, diacritic-free search."""
import sqlite3

from pipeline.orchestration.run import run_corpus

TABLES = ("documents", "sentences", "mentions", "skipped")


def snapshot(path):
    c = sqlite3.connect(path)
    out = {t: sorted(c.execute(f"select id from {t}").fetchall()) for t in TABLES}
    out["mention_rows"] = sorted(c.execute(
        "select id, doc, start, [end], text, kind, value, low, high, denominator, unit from mentions").fetchall())
    c.close()
    return out


def test_running_twice_gives_the_same_database(corpus_copy, tmp_path):
    db = tmp_path / "c.db"
    assert run_corpus(corpus_copy, db, quiet=True) == 0
    first = snapshot(db)
    assert len(first["documents"]) == 5 and len(first["mentions"]) > 100
    assert run_corpus(corpus_copy, db, quiet=True) == 0
    assert snapshot(db) == first
    c = sqlite3.connect(db)
    runs = c.execute("select documents_new, documents_unchanged, mentions_added from runs order by id").fetchall()
    assert runs == [(5, 0, len(first["mentions"])), (0, 5, 0)]


def test_changed_document_replaced_not_duplicated(corpus_copy, tmp_path):
    db = tmp_path / "c.db"
    run_corpus(corpus_copy, db, quiet=True)
    f = corpus_copy / "004_6f0c2117b7fe85f6.txt"
    f.write_text(f.read_text().replace("đạt 5,02%", "đạt 5,12%"))
    run_corpus(corpus_copy, db, quiet=True)
    c = sqlite3.connect(db)
    vals = [r[0] for r in c.execute("select value from mentions where doc like '004%' and kind='percent'")]
    assert 5.12 in vals and 5.02 not in vals
    assert c.execute("select documents_changed from runs order by id desc").fetchone() == (1,)


def test_bad_files_recorded_and_run_goes_on(corpus_copy, tmp_path):
    (corpus_copy / "empty.txt").write_bytes(b"")
    (corpus_copy / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (corpus_copy / "latin1.txt").write_bytes("Größe und Maßstäbe: Übersicht über die Ökonomie.".encode("latin-1"))
    db = tmp_path / "c.db"
    assert run_corpus(corpus_copy, db, quiet=True) == 0
    c = sqlite3.connect(db)
    assert c.execute("select count(*) from documents").fetchone() == (5,)
    failed, = c.execute("select documents_failed from runs").fetchone()
    assert failed == 3
    errors = dict(c.execute("select input, error from run_errors").fetchall())
    assert any(k.endswith("empty.txt") and "empty" in v for k, v in errors.items())
    assert any(k.endswith("image.txt") and "binary" in v for k, v in errors.items())
    assert any(k.endswith("latin1.txt") for k in errors)


def test_search_without_diacritics(built_db):
    c = sqlite3.connect(built_db)
    q = ("select s.text from sentences_fts f join sentences s on s.rowid = f.rowid "
         "where sentences_fts match ? order by rank")
    folded = [r[0] for r in c.execute(q, ['"ho ngheo"'])]
    accented = [r[0] for r in c.execute(q, ['"hộ nghèo"'])]
    assert folded and set(folded) == set(accented)
    assert all("hộ nghèo" in t.lower() for t in folded)
    # đ folds to d: `dang vien` finds `đảng viên`
    assert any("đảng viên" in r[0] for r in c.execute(q, ['"dang vien"']))


def test_mentions_link_to_sentences_and_documents(built_db):
    c = sqlite3.connect(built_db)
    rows = c.execute("""select m.text, m.start, m.[end], s.start, s.[end], d.text
                        from mentions m join sentences s on s.id = m.sentence_id
                        join documents d on d.id = m.doc""").fetchall()
    assert len(rows) == c.execute("select count(*) from mentions").fetchone()[0]
    for text, ms, me, ss, se, dtext in rows:
        assert dtext[ms:me] == text
        assert ss <= ms and me <= se + 1


def test_every_figure_records_how_its_indicator_was_found(built_db):
    c = sqlite3.connect(built_db)
    rules = dict(c.execute("select indicator_rule, count(*) from mentions group by indicator_rule").fetchall())
    assert None not in rules
    assert {"lexicon", "verb", "after", "inherited"} <= set(rules)


def test_every_figure_records_where_its_entity_and_period_were_read(built_db):
    c = sqlite3.connect(built_db)
    entity = dict(c.execute("select entity_source, count(*) from mentions where entity is not null "
                            "group by entity_source").fetchall())
    period = dict(c.execute("select period_source, count(*) from mentions where period is not null "
                            "group by period_source").fetchall())
    assert None not in entity and set(entity) <= {"sentence", "paragraph", "document", "site"} and "sentence" in entity
    assert None not in period and set(period) <= {"sentence", "paragraph", "document"} and "sentence" in period
    cols = [r[1] for r in c.execute("pragma table_info(figures)")]
    assert cols[cols.index("entity") + 1] == "entity_source" and cols[cols.index("period") + 1] == "period_source"


def test_a_database_built_before_a_column_existed_gains_it_and_keeps_its_figures(corpus_copy, tmp_path):
    db = tmp_path / "old.db"
    assert run_corpus(corpus_copy, db, quiet=True) == 0
    c = sqlite3.connect(db)
    before = c.execute("select count(*) from mentions").fetchone()[0]
    for table in ("mentions", "mention_history"):
        c.execute(f"alter table {table} drop column indicator_rule")
    c.execute("drop table _sqlite_migrations")  # as built before pipeline.db.schema recorded its steps
    c.commit()
    c.close()
    f = corpus_copy / "004_6f0c2117b7fe85f6.txt"
    f.write_text(f.read_text().replace("đạt 5,02%", "đạt 5,12%"))
    assert run_corpus(corpus_copy, db, quiet=True) == 0
    c = sqlite3.connect(db)
    assert c.execute("select count(*) from mentions").fetchone()[0] == before
    # the changed document's figures carry the rule; the unchanged ones keep an empty column
    assert c.execute("select count(*) from mentions where doc like '004%' and indicator_rule is null").fetchone() == (0,)
    assert c.execute("select count(*) from mention_history where indicator_rule is null").fetchone()[0] >= 1


def test_a_document_that_fails_to_load_leaves_its_earlier_version_whole(corpus_copy, tmp_path):
    """A failure part-way through storing a changed document (here a real SQLite trigger that aborts
    the last insert) rolls back all of it: the earlier text, sentences and figures stay."""
    db = tmp_path / "c.db"
    assert run_corpus(corpus_copy, db, quiet=True) == 0
    c = sqlite3.connect(db)
    doc = "004_6f0c2117b7fe85f6"
    before = {t: c.execute(f"select count(*) from {t} where {col} = ?", [doc]).fetchone()[0]
              for t, col in (("mentions", "doc"), ("sentences", "document"), ("skipped", "doc"))}
    sha = c.execute("select sha256 from documents where id = ?", [doc]).fetchone()[0]
    c.execute("create trigger fail_skipped before insert on skipped "
              "begin select raise(abort, 'injected failure'); end")
    c.commit()
    c.close()
    f = corpus_copy / f"{doc}.txt"
    f.write_text(f.read_text().replace("đạt 5,02%", "đạt 5,12%"))
    run_corpus(corpus_copy, db, quiet=True)
    c = sqlite3.connect(db)
    after = {t: c.execute(f"select count(*) from {t} where {col} = ?", [doc]).fetchone()[0]
             for t, col in (("mentions", "doc"), ("sentences", "document"), ("skipped", "doc"))}
    assert after == before
    assert c.execute("select sha256 from documents where id = ?", [doc]).fetchone()[0] == sha
    assert c.execute("select count(*) from mention_history where doc = ?", [doc]).fetchone()[0] == 0
    assert 5.02 in [r[0] for r in c.execute("select value from mentions where doc = ?", [doc])]
