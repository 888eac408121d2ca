"""Everything above the extractors and scrapers, in four roles (each a subpackage):

- `orchestration`: the `chitieu` command and what runs the stages (run, crawl, monthly batch, executors);
- `db`: the SQLite database (tables, loads, views, checks' tables, the atomic swap);
- `web`: what readers get (Datasette and its pages, run reports, the CSV/Parquet export);
- `evaluation`: scores against the gold set (`chitieu eval`).

Imports flow one way: orchestration -> web, evaluation, db; web -> db; all of them -> extractors, scrapers
(and never back).
"""
