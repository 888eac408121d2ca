"""`chitieu merge`: a crawl split by site across machines, each into its own database, merged into one, gives
the database a single crawl of every site gives; merging again changes nothing. Real fixture servers on
127.0.0.1, real SQLite databases."""
import sqlite3

from crawlsites import portal_site, shortlinks_site
from pipeline.orchestration.cli import main
from sitefixtures import load_site
from test_scrapers_crawl import crawl

IGNORED = {"loaded_at", "first_seen_run", "changed_run", "first_seen", "last_seen", "run", "superseded_by_run",
           "superseded_at"}  # run ids and timestamps: when, not what


def content(path) -> dict:
    """Every row of the tables a crawl fills, without run ids and timestamps."""
    c = sqlite3.connect(path)
    out = {}
    for table in ("documents", "sentences", "mentions", "skipped", "mention_history", "document_urls", "reports",
                  "report_cells", "crawl_pages"):
        cols = [r[1] for r in c.execute(f"pragma table_info([{table}])") if r[1] not in IGNORED]
        out[table] = sorted(c.execute(f"select {', '.join(f'[{x}]' for x in cols)} from [{table}]").fetchall(),
                            key=repr)
    c.close()
    return out


def merge(*dbs, into) -> int:
    return main(["merge", *map(str, dbs), "--into", str(into), "--quiet"])


def test_two_crawls_merged_are_the_single_crawl_of_both(tmp_path):
    with shortlinks_site() as a, portal_site() as b:
        assert crawl(tmp_path / "a", a.url + "/")[0] == 0
        assert crawl(tmp_path / "b", b.url + "/")[0] == 0
        assert crawl(tmp_path / "single", a.url + "/", b.url + "/")[0] == 0
    a_db, b_db = tmp_path / "a" / "out" / "chitieu.db", tmp_path / "b" / "out" / "chitieu.db"
    out = tmp_path / "merged" / "chitieu.db"
    assert merge(a_db, b_db, into=out) == 0
    single, merged = content(tmp_path / "single" / "out" / "chitieu.db"), content(out)
    assert len(merged["documents"]) == 10 and len(merged["mentions"]) > 40
    for table in single:
        assert merged[table] == single[table], table
    # the runs came along, renumbered, with their fetch counts and errors
    c = sqlite3.connect(out)
    assert c.execute("select count(*) from runs where command = 'crawl'").fetchone()[0] == 2
    assert c.execute("select count(*) from crawl_runs where run in (select id from runs)").fetchone()[0] == 2
    assert c.execute("select count(*) from documents where first_seen_run not in (select id from runs)").fetchone()[0] == 0
    assert c.execute("select count(*) from documents_fts where documents_fts match 'điểm nghẽn'").fetchone()[0] >= 1
    for (rel,) in c.execute("select archive from document_urls"):
        assert (out.parent / "archive" / rel).is_file(), rel  # the raw pages came along
    c.close()
    # idempotent: merging again, or in another order, changes nothing
    assert merge(b_db, a_db, into=out) == 0
    assert content(out) == merged
    c = sqlite3.connect(out)
    assert c.execute("select count(*) from runs").fetchone()[0] == 2
    c.close()


def test_syndicated_copies_on_two_machines_are_stored_once_as_one_crawl_stores_them(tmp_path, capsys):
    with load_site("generic") as a, load_site("generic") as b:  # the same five articles on two sites
        assert crawl(tmp_path / "a", a.url + "/")[0] == 0
        assert crawl(tmp_path / "b", b.url + "/")[0] == 0
        assert crawl(tmp_path / "single", a.url + "/", b.url + "/")[0] == 0
    out = tmp_path / "merged.db"
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("ghi chú, không phải cơ sở dữ liệu")
    rc = main(["merge", str(tmp_path / "a" / "out" / "chitieu.db"), str(not_a_db),
               str(tmp_path / "b" / "out" / "chitieu.db"), "--into", str(out)])
    assert rc == 1 and f"{not_a_db}: not a SQLite database" in capsys.readouterr().err  # the others were merged

    def stored(path):
        c = sqlite3.connect(path)
        texts = sorted(r[0] for r in c.execute("select sha256 from documents"))
        roles = sorted(r[0] for r in c.execute("select role from document_urls"))
        mentions = c.execute("select count(*) from mentions").fetchone()[0]
        c.close()
        return texts, roles, mentions

    # which site's copy is the canonical one depends on which was stored first, in one crawl as in a merge
    assert stored(out) == stored(tmp_path / "single" / "out" / "chitieu.db")
    assert stored(out)[1] == ["canonical"] * 5 + ["duplicate"] * 5 and len(stored(out)[0]) == 5
