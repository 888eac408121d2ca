"""The run report: counts per site, changed figures, failures; served by Datasette."""
import sqlite3

from pipeline.orchestration.run import run_corpus
from pipeline.web.serve import make_datasette


async def test_report_of_a_second_run(corpus_copy, tmp_path):
    db = tmp_path / "out" / "chitieu.db"
    assert run_corpus(corpus_copy, db, quiet=True, executor="inline", report="2026-10") == 0
    f = corpus_copy / "004_6f0c2117b7fe85f6.txt"
    f.write_text(f.read_text().replace("đạt 5,02%", "đạt 5,2%"))  # shorter: every later figure moves
    (corpus_copy / "broken.txt").write_bytes(b"\x00\x01\x02")
    assert run_corpus(corpus_copy, db, quiet=True, executor="inline", report="2026-11") == 0
    page = (tmp_path / "out" / "reports" / "2026-11.html").read_text()
    assert "<svg" in page and "(figures that changed since the last run)</small> (1)" in page
    assert "5,02%" in page and "5,2%" in page
    assert "broken.txt" in page and "binary" in page
    c = sqlite3.connect(db)
    assert c.execute("select report from runs order by id desc").fetchone()[0].endswith("reports/2026-11.html")
    assert c.execute("select changed_run, first_seen_run from documents where id like '004%'").fetchone() == (2, 1)
    ds = make_datasette(db)
    r = await ds.client.get("/-/reports/2026-11")
    assert r.status_code == 200 and "chitieu run report 2026-11" in r.text and "Báo cáo lần chạy" in r.text
    assert (await ds.client.get("/-/reports/nope")).status_code == 404
