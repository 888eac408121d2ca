"""Benchmark of a crawl of six fixture sites (real HTTP servers on 127.0.0.1: the test suite's fixture sites,
none with a site profile), extraction inline against the process pool.

    python -m benchmarks.crawl_bench [--repeat N] [--workers W] [--delay SECONDS] [--articles N] [--paragraphs P]

The two sites of tests/crawlsites.py each get `--articles` more articles (default 40, under an archive
listing: `--paragraphs` (4) paragraphs of the fixtures' corpus text and three synthetic gold sentences
each, drawn at random, digits redrawn as benchmarks/corpus.py does, so that no two are near-duplicates),
so that reading and extraction, not the pool's start-up, is what is measured. Each crawl starts from an
empty database, HTTP cache and archive; the sites are fetched in parallel (one connection per host,
`--delay` between a host's requests); pages are judged by their content and the figures of the articles
extracted inline or on a pool of W processes, while this process stores the pages in order. Times are wall-clock, best of N, the pool's start-up included; the
databases of the two executors are compared (same documents and figures).
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

SITES = ["generic", "newspaper", "liferay", "sharepoint"]   # tests/fixtures/sites/, plus the two of crawlsites.py


def _servers(articles: int, paragraphs: int = 4):
    from html import escape

    import random

    from benchmarks.corpus import _perturb, _sources
    from crawlsites import NEWS_LAYOUT, P, portal_site, shortlinks_site
    from sitefixtures import load_site

    synthetic = _sources()[1]
    generated = [shortlinks_site(), portal_site()]
    for k, site in enumerate(generated):
        links = []
        for i in range(articles):
            rng = random.Random(1000 * k + i)
            paras = rng.sample(sorted(P.values()), min(paragraphs, len(P))) + [" ".join(rng.sample(synthetic, 3))]
            title = f"Tổng hợp số liệu kinh tế - xã hội, bản tin số {1000 * k + i}"
            paras = _perturb("\n\n".join(paras), rng).split("\n\n")
            path = f"/luu-tru/bai-{i}"
            body = "".join(f"<p>{escape(p)}</p>" for p in paras if p.strip())
            site.page(path, NEWS_LAYOUT.format(title=escape(title), main=f"<article><h1>{escape(title)}</h1>"
                                                                          f"<div>02/03/2022</div>{body}</article>"))
            links.append(f'<li><a href="{path}">{escape(title)}</a></li>')
        site.page("/luu-tru/", NEWS_LAYOUT.format(title="Lưu trữ", main=f"<h1>Lưu trữ</h1><ul>{''.join(links)}</ul>"))
        home = "/" if "/" in site.routes and hasattr(site.routes["/"], "body") else "/Default.aspx"
        site.routes[home].body = site.routes[home].body.replace(b"</body>", b'<a href="/luu-tru/">Luu tru</a></body>')
    return [load_site(n) for n in SITES] + generated


def _crawl(urls: list[str], folder: Path, executor: str, workers: int | None, delay: float) -> tuple[float, dict]:
    from pipeline.orchestration.cli import main

    cfg = folder / "crawl.toml"
    cfg.write_text(f'[crawl]\ncontact = "mailto:bench@example.org"\ndelay = {delay}\nallow_private = true\n'
                   "concurrency = 6\n")
    db = folder / "chitieu.db"
    args = ["crawl", *urls, "--db", str(db), "--config", str(cfg), "--quiet", "--max-pages", "1000",
            "--executor", executor] + (["--workers", str(workers)] if workers else [])
    t = time.perf_counter()
    rc = main(args)
    seconds = time.perf_counter() - t
    c = sqlite3.connect(db)
    got = {"rc": rc, "documents": c.execute("select count(*) from documents").fetchone()[0],
           "mentions": c.execute("select count(*) from mentions").fetchone()[0],
           "requests": c.execute("select requests from crawl_runs").fetchone()[0],
           "content": sorted(c.execute("select id, sha256 from documents").fetchall()) +
           sorted(c.execute("select id from mentions").fetchall())}
    c.close()
    return seconds, got


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workers", type=int, default=None, help="pool processes (default: every core)")
    ap.add_argument("--delay", type=float, default=0.0, help="seconds between two requests to one host")
    ap.add_argument("--articles", type=int, default=40, help="more articles on each of the two generated sites")
    ap.add_argument("--paragraphs", type=int, default=4, help="corpus paragraphs in each of them (at most 24)")
    args = ap.parse_args(argv)
    servers = [s.start() for s in _servers(args.articles, args.paragraphs)]
    try:
        urls = [s.url + "/" for s in servers]
        best: dict[str, float] = {}
        seen: dict[str, dict] = {}
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(args.repeat):
                for executor in ("inline", "pool"):
                    folder = Path(tmp) / f"{executor}-{i}"
                    folder.mkdir()
                    seconds, got = _crawl(urls, folder, executor, args.workers, args.delay)
                    best[executor] = min(best.get(executor, seconds), seconds)
                    seen[executor] = got
    finally:
        for s in servers:
            s.stop()
    same = seen["inline"]["content"] == seen["pool"]["content"]
    print(f"crawl of {len(urls)} fixture sites: {seen['inline']['documents']} documents, "
          f"{seen['inline']['mentions']} mentions, {seen['inline']['requests']} requests (delay {args.delay:g} s)")
    print(f"| executor | best of {args.repeat} (s) | documents/s |")
    print("| --- | --- | --- |")
    for executor in ("inline", "pool"):
        print(f"| {executor} | {best[executor]:.2f} | {seen[executor]['documents'] / best[executor]:.1f} |")
    print(f"pool / inline: {best['pool'] / best['inline']:.2f}; same documents and figures: {same}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    return 0 if same and all(g["rc"] == 0 for g in seen.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
