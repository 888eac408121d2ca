"""Datasette at size: build a database of N mentions with the real extractor, then time the pages
researchers and journalists use (table pages, facets, search, figure page, views, dashboard queries).

    python -m benchmarks.datasette_bench --mentions 1000000          # the README figures (~15-20 min)
    python -m benchmarks.datasette_bench --mentions 50000             # a quick run (~1-2 min)
    python -m benchmarks.datasette_bench --reuse --db output/bench/chitieu.db   # time an existing build

The corpus is built from corpus/*.txt and the contexts of tests/gold/synthetic.jsonl with deterministic
perturbations: every document gets its own id, a province (all 63 in turn), a publication date, years
shifted and numbers above 31 re-drawn digit by digit (so documents differ but read like the originals).
Extraction (`extractors.extract.extract_document`) runs in a Pool of 2; one writer stores each document
with `pipeline.db.store.load`, as `chitieu run` does.

Timings are medians over --repeat runs through Datasette in-process (`ds.client`, the same metadata,
plugins and time limits as `chitieu serve`), in three set-ups:
  built     the database as `chitieu run` leaves it (mutable file, store.py's indexes)
  indexed   plus the indexes below and ANALYZE
  immutable indexed, opened immutable with `datasette inspect` counts (what `chitieu serve --public` does)
A request that hits the SQL time limit (3 s) or the facet time limit (1 s) is marked.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing as mp
import random
import re
import sqlite3
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Indexes that help at size (candidates for store.py), created in the `indexed` set-up.
BENCH_INDEXES = {
    # series, targets and disagreements group headline figures by these columns: read from the index alone
    "bench_idx_mentions_series": "create index if not exists bench_idx_mentions_series on mentions"
                                 "(indicator_key, entity, province, period, status, unit, value, low, high, doc, id)",
    # each figure's publication date (the latest value of a series) without reading the document row
    "bench_idx_documents_id_published":
        "create index if not exists bench_idx_documents_id_published on documents(id, published)",
    # documents per province (the map) without reading document rows
    "bench_idx_documents_province": "create index if not exists bench_idx_documents_province on documents(province)",
    # a province facet within one indicator
    "bench_idx_mentions_indicator_key_province":
        "create index if not exists bench_idx_mentions_indicator_key_province on mentions(indicator_key, province)",
}

# --- the corpus ---------------------------------------------------------------------------------
_TEMPLATES: dict | None = None
NUMBER_RE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
TOPICS = ["tình hình kinh tế - xã hội", "kết quả thực hiện nhiệm vụ", "công tác xây dựng Đảng",
          "thu ngân sách và đầu tư công", "giảm nghèo và an sinh xã hội", "xây dựng nông thôn mới"]


def _templates() -> dict:
    global _TEMPLATES
    if _TEMPLATES is None:
        from extractors.gazetteer import provinces
        from extractors.textdump import read_dump

        docs = []
        for f in sorted((ROOT / "corpus").glob("*.txt")):
            docs.extend(read_dump(f))
        contexts = [json.loads(line)["context"] for line in
                    (ROOT / "tests" / "gold" / "synthetic.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
        names = sorted({p.name for p in provinces()}, key=len, reverse=True)
        _TEMPLATES = {"docs": docs, "contexts": contexts, "provinces": [p.name for p in provinces()],
                      "province_re": re.compile("|".join(re.escape(n) for n in names))}
    return _TEMPLATES


def _perturb(text: str, rng: random.Random, year_shift: int) -> str:
    def num(m):
        s = m.group(0)
        if re.fullmatch(r"(19|20)\d\d", s):
            y = int(s)
            return str(y + year_shift) if 1990 <= y <= 2030 else s
        digits = [c for c in s if c.isdigit()]
        if len(digits) <= 2 and int("".join(digits)) <= 31:
            return s  # days, months, small counts: dates stay dates
        out, first = [], True
        for c in s:
            if c.isdigit():
                out.append(str(rng.randint(1, 9)) if first else str(rng.randint(0, 9)))
                first = False
            else:
                out.append(c)
        return "".join(out)

    return NUMBER_RE.sub(num, text)


def make_document(i: int):
    """Document i of the benchmark corpus (deterministic)."""
    from extractors.document import Document

    t = _templates()
    rng = random.Random(i * 7919 + 17)
    province = t["provinces"][i % len(t["provinces"])]
    year_shift = rng.randint(-4, 2)
    year = 2023 + year_shift
    published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if rng.random() < 0.25:
        src = t["docs"][rng.randrange(len(t["docs"]))]
        title, text = src.title or "", src.text
    else:
        picked = [t["contexts"][rng.randrange(len(t["contexts"]))] for _ in range(rng.randint(10, 24))]
        paras, k = [], 0
        while k < len(picked):
            n = rng.randint(1, 4)
            paras.append(" ".join(picked[k:k + n]))
            k += n
        title = f"{province}: {rng.choice(TOPICS)} năm 2023"  # the year shifts with the text below
        text = "\n\n".join(paras)
    text = t["province_re"].sub(province, _perturb(text, rng, year_shift))
    title = t["province_re"].sub(province, _perturb(title, rng, year_shift))
    return Document(id=f"bench-{i:07d}", source=f"bench:{i}", text=text, title=title, published=published,
                    urls=[f"https://bench.invalid/{i}.html"])


def _extract(i: int):
    from extractors.extract import extract_document

    return extract_document(make_document(i))


def build(db_path: Path, target: int, workers: int = 2, quiet: bool = False) -> dict:
    from pipeline.db.store import load, open_db

    for suffix in ("", "-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    db = open_db(db_path)
    db.execute("PRAGMA synchronous=OFF")  # a throwaway benchmark database
    t0 = time.perf_counter()
    mentions = docs = 0
    last = t0
    ctx = mp.get_context("fork")
    with ctx.Pool(workers) as pool:
        for ex in pool.imap(_extract, range(10**9), chunksize=4):
            load(db, ex)
            docs += 1
            mentions += len(ex.mentions)
            now = time.perf_counter()
            if not quiet and now - last > 15:
                rate = mentions / (now - t0)
                print(f"  {mentions:,} mentions in {docs:,} documents, {rate:,.0f}/s, "
                      f"~{(target - mentions) / max(rate, 1) / 60:.1f} min to go", flush=True)
                last = now
            if mentions >= target:
                pool.terminate()
                break
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    secs = time.perf_counter() - t0
    c = sqlite3.connect(db_path)
    counts = {t: c.execute(f"select count(*) from [{t}]").fetchone()[0] for t in ("documents", "sentences", "mentions")}
    c.close()
    return {**counts, "build_seconds": round(secs, 1), "mentions_per_second": round(mentions / secs),
            "db_mb": round(db_path.stat().st_size / 2**20, 1)}


# --- the requests -------------------------------------------------------------------------------
def requests(db_path: Path) -> list[tuple[str, str]]:
    import yaml

    from pipeline.web.serve import METADATA

    c = sqlite3.connect(db_path)
    fid = c.execute("select id from mentions where indicator_key = 'grdp_growth' limit 1 offset 100").fetchone()
    fid = fid[0] if fid else c.execute("select id from mentions limit 1").fetchone()[0]
    prov = c.execute("select province from mentions where province is not null limit 1").fetchone()[0]
    c.close()
    q = urllib.parse.quote
    out = [
        ("table page: mentions", "/chitieu/mentions"),
        ("table page: mentions.json", "/chitieu/mentions.json?_size=50"),
        ("table page: figures (view)", "/chitieu/figures"),
        ("table page: documents", "/chitieu/documents"),
        ("filter: mentions indicator_key=grdp_growth", "/chitieu/mentions.json?indicator_key=grdp_growth"),
        ("facets: mentions indicator_key+province", "/chitieu/mentions.json?_facet=indicator_key&_facet=province"),
        ("facets: figures indicator_key+province", "/chitieu/figures.json?_facet=indicator_key&_facet=province"),
        ("facet province within grdp_growth", "/chitieu/mentions.json?indicator_key=grdp_growth&_facet=province"),
        ("facets: mentions kind+status+period", "/chitieu/mentions.json?_facet=kind&_facet=status&_facet=period"),
        ("search: sentences _search=ho ngheo", "/chitieu/sentences.json?_search=ho+ngheo"),
        ("search: /-/search?q=ho ngheo", "/-/search?q=ho+ngheo"),
        ("search: /-/search?q=tang truong kinh te", "/-/search?q=tang+truong+kinh+te"),
        ("search: /-/search?q=dau tu (titles đ)", "/-/search?q=dau+tu"),
        ("search: a number typed, /-/search?q=Vĩnh Phúc 2.101", "/-/search?q=" + q("Vĩnh Phúc 2.101")),
        ("canned: find_figure value=2.101", "/chitieu/find_figure.json?value=2.101"),
        ("start page /", "/"),
        ("figure page JSON twin", f"/-/figure/{fid}.json"),
        ("canned: search_sentences ho ngheo", "/chitieu/search_sentences.json?q=ho+ngheo"),
        ("canned: search_titles", "/chitieu/search_titles.json?q=kinh+te"),
        ("figure page", f"/-/figure/{fid}"),
        ("mentions row page", f"/chitieu/mentions/{fid}"),
        ("canned: figure_source", f"/chitieu/figure_source.json?mention_id={fid}"),
        ("canned: province_year", f"/chitieu/province_year.json?province={q(prov)}&year=2022"),
        ("view: series grdp_growth", "/chitieu/series.json?indicator_key=grdp_growth"),
        ("view: series (all)", "/chitieu/series.json"),
        ("view: targets_vs_results grdp_growth", "/chitieu/targets_vs_results.json?indicator_key=grdp_growth"),
        ("view: targets_vs_results (all)", "/chitieu/targets_vs_results.json"),
        ("canned: targets_results grdp_growth", "/chitieu/targets_results.json?indicator=grdp_growth"),
        ("view: disagreements", "/chitieu/disagreements.json"),
        ("view: inconsistent_by_source", "/chitieu/inconsistent_by_source.json"),
        ("view: documents_per_month", "/chitieu/documents_per_month.json"),
        ("view: indicators", "/chitieu/indicators.json"),
        ("map: province_map", "/chitieu/province_map.json"),
        ("map: map_indicator grdp_growth", "/chitieu/map_indicator.json?indicator=grdp_growth&year="),
        ("dashboard page", "/-/dashboards/provinces?indicator=grdp_growth"),
    ]
    meta = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    for slug, chart in meta["plugins"]["datasette-dashboards"]["provinces"]["charts"].items():
        sql = re.sub(r"\[\[.*?\]\]", "", chart["query"], flags=re.S)
        params = {"indicator": "grdp_growth"} if ":indicator" in sql else {}
        out.append((f"dashboard chart: {slug}",
                    "/chitieu.json?" + urllib.parse.urlencode({"sql": sql, **params, "_shape": "objects"})))
    return out


def _note(r) -> str:
    if r.status_code != 200:
        text = r.text
        return "TIME LIMIT" if "too long" in text or "interrupted" in text.lower() else f"HTTP {r.status_code}"
    if "json" in r.headers.get("content-type", ""):
        try:
            d = r.json()
        except ValueError:
            return ""
        if isinstance(d, dict):
            notes = []
            if d.get("facets_timed_out"):
                notes.append("facet timeout: " + ",".join(d["facets_timed_out"]))
            if "filtered_table_rows_count" in d and d["filtered_table_rows_count"] is None:
                notes.append("count timed out")
            return "; ".join(notes)
    return ""


async def time_requests(ds, reqs, repeat: int) -> dict[str, dict]:
    res = {}
    for name, path in reqs:
        times, note = [], ""
        for k in range(repeat + 1):  # the first run warms the page cache and is not counted
            t0 = time.perf_counter()
            r = await ds.client.get(path)
            dt = (time.perf_counter() - t0) * 1000
            if k:
                times.append(dt)
            note = _note(r) or note
        res[name] = {"ms": round(statistics.median(times), 1), "status": r.status_code, "note": note}
    return res


def setup_indexes(db_path: Path, on: bool) -> None:
    c = sqlite3.connect(db_path)
    if on:
        for sql in BENCH_INDEXES.values():
            c.execute(sql)
        c.execute("analyze")
    else:
        for name in BENCH_INDEXES:
            c.execute(f"drop index if exists {name}")
        c.execute("drop table if exists sqlite_stat1")
        c.execute("drop table if exists sqlite_stat4")
    c.commit()
    c.close()


def inspect_data(db_path: Path) -> dict:
    from datasette.app import Datasette

    async def go():
        ds = Datasette([], immutables=[str(db_path)])
        await ds.invoke_startup()
        db = ds.get_database("chitieu")
        counts = await db.table_counts(limit=3_600_000)
        return {"chitieu": {"hash": db.hash or "", "size": db.size, "file": str(db_path),
                            "tables": {t: {"count": n} for t, n in counts.items()}}}

    return asyncio.run(go())


def run_timings(db_path: Path, repeat: int, setups: list[str]) -> dict[str, dict]:
    from pipeline.web.serve import make_datasette
    from pipeline.db.store import open_db

    open_db(db_path).conn.close()  # the views as the code defines them now
    reqs = requests(db_path)
    out = {}
    for setup in setups:
        t0 = time.perf_counter()
        setup_indexes(db_path, on=setup != "built")
        prep = round(time.perf_counter() - t0, 1)
        if setup == "immutable":
            t0 = time.perf_counter()
            data = inspect_data(db_path)
            prep = round(time.perf_counter() - t0, 1)
            ds = make_datasette(db_path, immutable=True, inspect_data=data)
        else:
            ds = make_datasette(db_path)
        print(f"timing set-up '{setup}' (prepared in {prep}s) …", flush=True)
        out[setup] = asyncio.run(time_requests(ds, reqs, repeat))
        out[setup]["_prepare_seconds"] = prep
    return out


def time_create_views(db_path: Path, repeat: int) -> dict:
    """What `create_views` costs: a rebuild of the materialized tables (a run that changed figures, or
    the first open after an upgrade) and a call with nothing changed (every open of the database)."""
    from pipeline.db.store import open_db
    from pipeline.db.views import create_views

    setup_indexes(db_path, on=False)  # the database as `chitieu run` leaves it
    db = open_db(db_path)  # brings the views and tables up to date first
    rebuild, unchanged, tables = [], [], {}
    for _ in range(repeat):
        t0 = time.perf_counter()
        tables = create_views(db, rebuild=True)
        rebuild.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        create_views(db)
        unchanged.append(time.perf_counter() - t0)
    db.conn.close()
    return {"rebuild_seconds": round(statistics.median(rebuild), 2),
            "unchanged_seconds": round(statistics.median(unchanged), 3),
            "tables_seconds": {k: round(v, 2) for k, v in tables.items()}}


def run_checks(db_path: Path) -> dict:
    try:
        from pipeline.db.checks_store import run_checks as checks
    except ImportError as e:
        return {"skipped": str(e)}
    from pipeline.db.store import open_db

    db = open_db(db_path)
    t0 = time.perf_counter()
    counts = checks(db)
    secs = round(time.perf_counter() - t0, 1)
    db.conn.close()
    return {"seconds": secs, "checks": counts.get("checks"), "inconsistent": counts.get("inconsistent")}


def print_table(results: dict[str, dict], setups: list[str]) -> str:
    names = [n for n in results[setups[0]] if not n.startswith("_")]
    w = max(len(n) for n in names) + 2
    lines = ["| request".ljust(w + 2) + " | " + " | ".join(f"{s} ms".rjust(14) for s in setups) + " | notes |",
             "|" + "-" * (w + 1) + "|" + "|".join("-" * 16 for _ in setups) + "|-------|"]
    for n in names:
        notes = "; ".join(f"{s}: {results[s][n]['note']}" for s in setups if results[s][n]["note"])
        lines.append(f"| {n}".ljust(w + 2) + " | " + " | ".join(f"{results[s][n]['ms']:>14,.1f}" for s in setups)
                     + f" | {notes} |")
    text = "\n".join(lines)
    print(text)
    return text


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--mentions", type=int, default=1_000_000, help="mentions to build (default 1,000,000)")
    p.add_argument("--db", default=str(ROOT / "output" / "bench" / "chitieu.db"),
                   help="where to build (the file must be called chitieu.db for the metadata to apply)")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--reuse", action="store_true", help="time the database at --db without rebuilding it")
    p.add_argument("--setups", default="built,indexed,immutable")
    p.add_argument("--export", action="store_true", help="also time `chitieu export` (csv and parquet)")
    p.add_argument("--checks", action="store_true",
                   help="run the checks stage after the build, as `chitieu run` does (timed; figure pages and "
                        "inconsistent_by_source then read the checks tables)")
    p.add_argument("--json", default=None, help="write the results here (default: beside the database)")
    args = p.parse_args(argv)
    db_path = Path(args.db)
    if db_path.name != "chitieu.db":
        p.error("--db must name a file called chitieu.db")
    setups = args.setups.split(",")
    report: dict = {"mentions_target": args.mentions}
    if args.reuse and db_path.exists():
        c = sqlite3.connect(db_path)
        report["build"] = {t: c.execute(f"select count(*) from [{t}]").fetchone()[0]
                           for t in ("documents", "sentences", "mentions")}
        c.close()
        print(f"reusing {db_path}: {report['build']}")
    else:
        print(f"building {args.mentions:,} mentions into {db_path} with {args.workers} extraction workers …",
              flush=True)
        report["build"] = build(db_path, args.mentions, args.workers)
        print(f"built: {report['build']}")
    if args.checks:
        report["checks"] = run_checks(db_path)
        print(f"checks: {report['checks']}")
    report["create_views"] = time_create_views(db_path, args.repeat)
    print(f"create_views: {report['create_views']}", flush=True)
    report["timings"] = run_timings(db_path, args.repeat, setups)
    print()
    print(f"Datasette timings at {report['build']['mentions']:,} mentions, "
          f"{report['build']['sentences']:,} sentences, {report['build']['documents']:,} documents "
          f"(median of {args.repeat}; SQL limit 3000 ms, facet limit 1000 ms):")
    report["table"] = print_table(report["timings"], setups)
    if args.export:
        from pipeline.web.export import export

        report["export"] = {}
        for fmt in ("csv", "parquet"):
            t0 = time.perf_counter()
            path, _, rows = export(db_path, fmt, db_path.parent / "export")
            report["export"][fmt] = {"seconds": round(time.perf_counter() - t0, 1), "rows": rows,
                                     "mb": round(path.stat().st_size / 2**20, 1)}
        print(f"export: {report['export']}")
    out = Path(args.json) if args.json else db_path.with_name("datasette_bench.json")
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"results -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
