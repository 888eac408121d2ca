"""The database schema in one place: every table, index, trigger and full-text index chitieu writes, grown
by ordered steps of sqlite-utils' `Migrations` (each applied step is recorded in `_sqlite_migrations`).

The tables fall in four sets, one per command that writes them, each a list of steps:

- `chitieu` (every database): documents, sentences, mentions, mention_history, skipped, runs, run_errors,
  provinces, entities and the full-text indexes of sentences and documents;
- `chitieu.crawl` (`chitieu crawl`): document_urls, reports, report_cells, crawl_runs, crawl_pages;
- `chitieu.checks` (the checks pass, `pipeline.db.checks_store`): checks, check_mentions, checks_state,
  check_groups, check_passes and the triggers that mark a document's checks stale;
- `chitieu.monthly` (`chitieu monthly`): monthly_runs, monthly_sites and the indexes the month's questions
  of `documents` need.

`migrate(db, *sets)` applies the pending steps of the first set, of the sets named, and of every set whose
tables the database already holds. So an old database upgrades the same way whichever command opens it
first (run, crawl, monthly, serve, check): a crawled database opened by `chitieu serve` gains
`document_urls.version` just as a crawl would add it. A set's tables are created only by the command that
writes them, so a database never crawled or checked has no crawl or checks tables, which the views and
pages read as "not crawled" and "no checks run yet" (`pipeline.db.views.checks_columns`,
`pipeline/web/report.py`, the figure page).

Step 1 of each set creates its tables as they are today, `if not exists`: a database made before the
migrations existed (no `_sqlite_migrations` table) passes through it untouched but for what it lacks, and
the later steps add its missing columns (each only when missing, since a new database already has them
from step 1). A new column is a new step at the end of its set, never an edit of an applied one.

The crawler's tables are defined here too, and `scrapers/webstore.py` only writes them: the scrapers import
nothing from `pipeline`, so the crawl command (`pipeline.orchestration.crawl`) opens the database with the
`crawl` set applied before it hands it to `WebStore`; the schema then stays in one module.

The views and the tables materialized from them (`pipeline.db.views`) are not migrations: they follow the
code, recomputed by `create_views` when their definition changes, which `open_db` calls after `migrate`.
"""
from __future__ import annotations

import sqlite_utils
from sqlite_utils import Migrations

from extractors.entities import districts
from extractors.gazetteer import provinces

CORE = Migrations("chitieu")
CRAWL = Migrations("chitieu.crawl")
CHECKS = Migrations("chitieu.checks")
MONTHLY = Migrations("chitieu.monthly")

# name -> (its migrations, the tables that show the database already uses the set). For the checks, the
# table its first step added last: a `checks` table alone may be of another shape (pipeline.db.views reads
# those too), and a database from before incremental checks is upgraded by its next checks pass, as before.
SETS = {
    "core": (CORE, ()),
    "crawl": (CRAWL, ("document_urls", "reports", "report_cells", "crawl_runs", "crawl_pages")),
    "checks": (CHECKS, ("check_passes",)),
    "monthly": (MONTHLY, ("monthly_runs", "monthly_sites")),
}


def migrate(db: sqlite_utils.Database, *sets: str) -> None:
    """Apply the pending steps of the core set, of `sets` (crawl, checks, monthly) and of every set whose
    tables `db` already holds. Each step is one transaction with its record in `_sqlite_migrations`."""
    unknown = set(sets) - set(SETS)
    if unknown:
        raise ValueError(f"unknown migration set(s): {', '.join(sorted(unknown))}")
    names = set(db.table_names())
    for name, (migrations, tables) in SETS.items():
        if name == "core" or name in sets or names.intersection(tables):
            migrations.apply(db)


def _create(db: sqlite_utils.Database, names: set[str], table: str, columns: dict, pk: str,
            foreign_keys: list | None = None, indexes: list[list[str]] = ()) -> None:
    """Create `table` with its indexes, unless the database (whose tables are `names`) has it."""
    if table in names:
        return
    db[table].create(columns, pk=pk, foreign_keys=foreign_keys)
    for cols in indexes:
        db[table].create_index(cols)


def _add_missing(db: sqlite_utils.Database, table: str, cols: dict) -> None:
    """Columns added after a table may have been built: an older table gains them (empty)."""
    have = set(db[table].columns_dict)
    for name, typ in cols.items():
        if name not in have:
            db[table].add_column(name, typ)


# --- chitieu: the documents, their sentences and figures, the runs ------------------------------
MENTION_COLUMNS = {
    "id": str, "doc": str, "sentence_id": str, "start": int, "end": int, "text": str, "kind": str,
    "value": float, "low": float, "high": float, "denominator": float, "unit": str, "qualifier": str,
    "indicator": str, "indicator_key": str, "entity": str, "province": str, "province_new": str,
    "period": str, "status": str, "compared_to": str, "direction": str, "decimals": int,
    "sentence": str, "indicator_rule": str,
}


@CORE(name="tables")
def _core_tables(db: sqlite_utils.Database) -> None:
    names = set(db.table_names())
    _create(db, names, "documents", {
        "id": str, "source": str, "url": str, "title": str, "published": str, "author": str,
        "province": str, "province_new": str, "text": str, "sha256": str, "extractor_version": str,
        "mentions": int, "loaded_at": str, "view": str, "first_seen_run": int, "changed_run": int,
    }, pk="id")
    db["documents"].create_index(["id", "published"], if_not_exists=True)
    db["documents"].create_index(["province"], if_not_exists=True)
    _create(db, names, "sentences", {
        "id": str, "document": str, "idx": int, "start": int, "end": int, "text": str, "text_folded": str,
    }, pk="id", foreign_keys=[("document", "documents", "id")], indexes=[["document"]])
    _create(db, names, "mentions", MENTION_COLUMNS, pk="id",
            foreign_keys=[("doc", "documents", "id"), ("sentence_id", "sentences", "id")])
    for cols in (["doc"], ["indicator_key"], ["entity"], ["province"], ["period"], ["kind"], ["status"],
                 ["province_new"], ["indicator_key", "province"],
                 # with foreign keys on, replacing a document's sentences looks up their mentions
                 ["sentence_id"],
                 # covering index of the series and targets views at a million figures
                 ["indicator_key", "entity", "province", "period", "status", "unit", "value", "low", "high",
                  "doc", "id"]):
        db["mentions"].create_index(cols, if_not_exists=True)
    cols = {name: typ for name, typ in MENTION_COLUMNS.items() if name != "id"}
    _create(db, names, "mention_history", {"id": str, "mention_id": str, **cols, "superseded_by_run": int,
                                           "superseded_at": str, "document_sha256": str},
            pk="id", indexes=[["doc"]])
    _create(db, names, "skipped", {"id": str, "doc": str, "start": int, "end": int, "text": str, "reason": str},
            pk="id", foreign_keys=[("doc", "documents", "id")], indexes=[["doc"]])
    _create(db, names, "runs", {
        "id": int, "started": str, "finished": str, "command": str, "inputs": str, "documents_read": int,
        "documents_new": int, "documents_changed": int, "documents_unchanged": int, "documents_failed": int,
        "mentions_added": int, "errors": str, "report": str,
    }, pk="id")
    _create(db, names, "run_errors", {"id": int, "run": int, "input": str, "error": str}, pk="id",
            foreign_keys=[("run", "runs", "id")])
    if "provinces" not in names:
        db["provinces"].insert_all(
            ({"name": p.name, "gso_code": p.gso_code, "kind": p.kind, "new_province": p.new_province,
              "aliases": "|".join(p.aliases)} for p in provinces()), pk="name")
    if "entities" not in names:
        _create(db, names, "entities", {"name": str, "type": str, "gso_code": str, "province": str,
                                        "new_province": str, "aliases": str}, pk="name")
        db["entities"].insert_all(entity_rows(), pk="name", replace=True)
    if "sentences_fts" not in names:
        db["sentences"].enable_fts(["text", "text_folded"], tokenize="unicode61 remove_diacritics 2",
                                   create_triggers=True)
    if "documents_fts" not in names:
        db["documents"].enable_fts(["title", "text"], tokenize="unicode61 remove_diacritics 2",
                                   create_triggers=True)


@CORE(name="indicator_rule")
def _indicator_rule(db: sqlite_utils.Database) -> None:
    """How a figure's indicator was found (a database from before it gains the column, empty)."""
    for table in ("mentions", "mention_history"):
        _add_missing(db, table, {"indicator_rule": str})


@CORE(name="figure_sources")
def _figure_sources(db: sqlite_utils.Database) -> None:
    """Where a figure's entity was read (`sentence`, `document`, `site`) and its period (`sentence`,
    `paragraph`, `document`), as the extractor's attribution reports them."""
    for table in ("mentions", "mention_history"):
        _add_missing(db, table, {"entity_source": str, "period_source": str})


@CORE(name="document_province_source")
def _document_province_source(db: sqlite_utils.Database) -> None:
    """Where a document's province was found: its `title`, `lead`, `dateline`, `site` or the province its
    `text` names most (extractors/document_frame.py)."""
    _add_missing(db, "documents", {"province_source": str})


@CORE(name="status_source")
def _status_source(db: sqlite_utils.Database) -> None:
    """Who read a figure's status: the trained `model` (extractors/status_model.py) or the `rules`."""
    for table in ("mentions", "mention_history"):
        _add_missing(db, table, {"status_source": str})


@CORE(name="run_status")
def _run_status(db: sqlite_utils.Database) -> None:
    """How a run ended: `finished` (its failed inputs in `run_errors`), `failed` (stopped, the reason in
    `run_errors`: a database that could not be written …) or `interrupted`; empty while it runs, or when
    it was killed before it could say."""
    _add_missing(db, "runs", {"status": str})


def entity_rows():
    """Provinces before and after the 2025 merger, and the old districts underthesea's data holds."""
    rows = {}
    new_codes = {}
    new_of = {p.name: p.new_province for p in provinces()}
    for p in provinces():
        rows[p.name] = {"name": p.name, "type": "province", "gso_code": p.gso_code, "province": p.name,
                        "new_province": p.new_province, "aliases": "|".join(p.aliases)}
        if p.name == p.new_province:
            new_codes[p.name] = p.gso_code
    for p in provinces():
        name = f"{p.new_province} (từ 1/7/2025)"
        rows.setdefault(name, {"name": name, "type": "province_2025", "gso_code": new_codes.get(p.new_province),
                               "province": p.new_province, "new_province": p.new_province, "aliases": p.new_province})
    for prov, items in districts().items():
        new = new_of.get(prov)
        for full, kind in items:
            canonical = f"{kind} {full.split(' ', len(kind.split()))[-1]}"
            key = f"{canonical}, {prov}"
            rows[key] = {"name": key, "type": "district", "gso_code": None, "province": prov,
                         "new_province": new, "aliases": canonical}
    return list(rows.values())


# --- chitieu.crawl: where each document was found, its report tables, the crawls ----------------
@CRAWL(name="tables")
def _crawl_tables(db: sqlite_utils.Database) -> None:
    names = set(db.table_names())
    _create(db, names, "document_urls", {
        "url": str, "document": str, "site": str, "role": str, "first_seen": str, "last_seen": str,
        "archive": str, "simhash": str, "version": str,
    }, pk="url", foreign_keys=[("document", "documents", "id")], indexes=[["document"], ["archive"]])
    _create(db, names, "reports", {
        "document": str, "url": str, "format": str, "pages": int, "tables": int, "cells": int,
        "text_layer": int, "note": str,
    }, pk="document", foreign_keys=[("document", "documents", "id")])
    _create(db, names, "report_cells", {
        "id": str, "document": str, "page": int, "table_index": int, "row": int, "col": int,
        "row_label": str, "column_label": str, "text": str, "value": float, "unit": str,
    }, pk="id", foreign_keys=[("document", "documents", "id")], indexes=[["document"]])
    _create(db, names, "crawl_runs", {
        "run": int, "sites": str, "requests": int, "fetched": int, "from_cache": int, "not_modified": int,
        "skipped_robots": int, "skipped_boundary": int, "failed": int, "retries": int, "duplicates": int,
        "reports": int, "scanned": int, "ocr_pages": int, "not_articles": int, "older_than_since": int,
    }, pk="run", foreign_keys=[("run", "runs", "id")])


@CRAWL(name="reader_version_and_ocr")
def _crawl_columns(db: sqlite_utils.Database) -> None:
    """The reader version of a stored page, and the pages read by OCR (a database from before them)."""
    _add_missing(db, "document_urls", {"version": str})
    _add_missing(db, "crawl_runs", {"ocr_pages": int})


@CRAWL(name="page_verdicts")
def _crawl_verdicts(db: sqlite_utils.Database) -> None:
    """What each page was judged by its content (scrapers/judge.py), so an empty crawl has a reason: the
    counts per crawl in `crawl_runs`, and `crawl_pages`, one row per HTML page with its last verdict and
    why (a page whose bytes and judge are unchanged is not judged again: `sha256`, `version`)."""
    _add_missing(db, "crawl_runs", {"judged_articles": int, "judged_listings": int, "judged_too_short": int,
                                    "judged_refused": int, "timed_out": int, "left_by_budget": int})
    _create(db, set(db.table_names()), "crawl_pages", {
        "url": str, "site": str, "verdict": str, "reason": str, "sha256": str, "version": str, "run": int,
        "last_seen": str,
    }, pk="url", indexes=[["verdict"]])


# --- chitieu.checks: the checks of the figures, and what the incremental pass needs -------------
_CHECKS_DDL = """
create table if not exists [checks] (
  [id] text primary key,
  [check_type] text, [verdict] text, [computation] text, [tolerance] float, [stated] float,
  [computed] float, [difference] float, [ratio] float, [outcome] text, [unit] text, [scope] text,
  [doc] text references [documents]([id]) on delete cascade,
  [documents] integer, [sentence_id] text, [sentence] text, [indicator_key] text, [entity] text,
  [period] text, [mentions] text, [across_group] text
)"""
_LINKS_DDL = """
create table if not exists [check_mentions] (
  [check_id] text not null references [checks]([id]) on delete cascade,
  [mention_id] text not null references [mentions]([id]) on delete cascade,
  [role] text not null,
  [position] integer,
  [doc] text,
  primary key ([check_id], [mention_id], [role])
)"""
# what the incremental pass needs to know what changed since the last one
_STATE_DDL = """
create table if not exists [checks_state] (
  [doc] text primary key,
  [sha256] text, [extractor_version] text, [loaded_at] text, [checked] text,
  [stale] integer not null default 0
)"""
# Every write to what the checks read of a document (its row, sentences, figures) counts in `stale`, whatever
# wrote it: a document removed and stored again within one second, or figures edited in place, keep their
# sha256 and load time but not their count. A pass subtracts the count it saw, so a write during the pass
# is still counted after it.
_BUMP = ("insert into [checks_state] ([doc], [stale]) values ({doc}, 1) "
         "on conflict ([doc]) do update set [stale] = [stale] + 1;")
_TRIGGERS = {
    "checks_stale_mentions_insert": ("after insert on [mentions]", ["new.[doc]"]),
    "checks_stale_mentions_delete": ("after delete on [mentions]", ["old.[doc]"]),
    "checks_stale_mentions_update": ("after update on [mentions]", ["old.[doc]", "new.[doc]"]),
    "checks_stale_sentences_insert": ("after insert on [sentences]", ["new.[document]"]),
    "checks_stale_sentences_delete": ("after delete on [sentences]", ["old.[document]"]),
    "checks_stale_sentences_update": ("after update on [sentences]", ["old.[document]", "new.[document]"]),
    "checks_stale_documents_delete": ("after delete on [documents]", ["old.[id]"]),
    "checks_stale_documents_update": ("after update of [id], [text], [title], [published], [source], [url], [sha256], "
                                      "[extractor_version] on [documents]", ["old.[id]", "new.[id]"]),
}
_GROUPS_DDL = """
create table if not exists [check_groups] (
  [mention_id] text primary key,
  [doc] text not null,
  [versions_group] text,
  [targets_group] text
)"""
_PASSES_DDL = """
create table if not exists [check_passes] (
  [id] integer primary key,
  [started] text, [finished] text, [mode] text, [reason] text, [documents] integer, [groups] integer,
  [checks_recomputed] integer, [checks_removed] integer, [checks] integer, [seconds] float, [checks_version] text
)"""


@CHECKS(name="tables")
def _checks_tables(db: sqlite_utils.Database) -> None:
    for ddl in (_CHECKS_DDL, _LINKS_DDL, _STATE_DDL, _GROUPS_DDL, _PASSES_DDL):
        db.execute(ddl)


@CHECKS(name="incremental")
def _checks_incremental(db: sqlite_utils.Database) -> None:
    """A database from before incremental checks: the checks' group across documents, the stale count."""
    if "across_group" not in db["checks"].columns_dict:
        db.execute("alter table [checks] add column [across_group] text")
    if "stale" not in db["checks_state"].columns_dict:
        db.execute("alter table [checks_state] add column [stale] integer not null default 0")


@CHECKS(name="triggers_and_indexes")
def _checks_triggers_and_indexes(db: sqlite_utils.Database) -> None:
    for name, (when, docs) in _TRIGGERS.items():
        db.execute(f"create trigger if not exists [{name}] {when} begin "
                   f"{' '.join(_BUMP.format(doc=d) for d in docs)} end")
    for table, cols in (("checks", ["verdict"]), ("checks", ["check_type"]), ("checks", ["doc"]),
                        ("checks", ["indicator_key"]), ("checks", ["across_group"]), ("check_mentions", ["mention_id"]),
                        ("check_mentions", ["doc"]), ("check_groups", ["doc"]), ("check_groups", ["versions_group"]),
                        ("check_groups", ["targets_group"])):
        name = f"idx_{table}_{'_'.join(cols)}"
        db.execute(f"create index if not exists [{name}] on [{table}] ({', '.join(f'[{c}]' for c in cols)})")


@CHECKS(name="linked_sentences")
def _checks_linked_sentences(db: sqlite_utils.Database) -> None:
    """The sentences a check links (a check across sentences ties a share to a total stated before): the
    check's sentence ids (`checks.sentences`, JSON), and each figure's sentence and offsets in
    `check_mentions`."""
    if "sentences" not in db["checks"].columns_dict:
        db.execute("alter table [checks] add column [sentences] text")
    have = db["check_mentions"].columns_dict
    for col, kind in (("sentence_id", "text"), ("start", "integer"), ("end", "integer")):
        if col not in have:
            db.execute(f"alter table [check_mentions] add column [{col}] {kind}")


# --- chitieu.monthly: the monthly batch's attempts and sites -------------------------------------
@MONTHLY(name="tables")
def _monthly_tables(db: sqlite_utils.Database) -> None:
    names = set(db.table_names())
    _create(db, names, "monthly_runs", {
        "id": int, "month": str, "run": int, "status": str, "started": str, "finished": str, "swap": int,
        "corpus": str, "corpus_run": int, "report": str, "error": str,
    }, pk="id", foreign_keys=[("run", "runs", "id"), ("corpus_run", "runs", "id")], indexes=[["month"]])
    _create(db, names, "monthly_sites", {
        "id": int, "monthly_run": int, "site": str, "since": str, "crawl_run": int, "status": str,
    }, pk="id", foreign_keys=[("monthly_run", "monthly_runs", "id"), ("crawl_run", "runs", "id")],
        indexes=[["site", "status"]])
    # the month's questions of `documents` (which are stale, which did this run store) without reading
    # every row: the columns sit after `text`, so a scan would read every article
    for col in ("extractor_version", "changed_run", "first_seen_run"):
        db["documents"].create_index([col], if_not_exists=True)
