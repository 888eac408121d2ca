"""Orchestration and the `chitieu` command: what runs the stages, in which order, on which executor.

- `cli`: the `chitieu` command (extract, run, serve, export, crawl, eval, check);
- `run`: a corpus folder through extraction into the database (`chitieu run`);
- `crawl`: web sites through fetching, reading and extraction into the database (`chitieu crawl`);
- `monthly`: the monthly batch (`chitieu run --month`), its settings, stages and bookkeeping;
- `executors`: where extraction (`extractors.extract`) runs: in-process, a process pool, Dask;
- `claim`: `chitieu check CLAIM`, printing the answer of `pipeline.db.claims` with its exit status.

Orchestration sits on top: it imports `pipeline.db`, `pipeline.web`, `pipeline.evaluation`, the
extractors and the scrapers; nothing below imports it.
"""
