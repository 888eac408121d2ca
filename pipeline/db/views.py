"""SQL views the database offers researchers and journalists (created or replaced on open).

- `figures`: one row per figure with its indicator key, entity, provinces, period, status, value, unit
  and source document: the tidy table researchers start from and `chitieu export` writes.
- `series`: a time series per headline indicator and province; `targets_vs_results`: targets beside
  the results for the same indicator, province and period.
- `disagreements` / `inconsistent_by_source`: the same headline figure printed with different values.
  When a `checks` table exists, `inconsistent_by_source` counts its `inconsistent` verdicts instead.
- `province_centroids`, `province_map`: a marker per province (datasette-cluster-map reads the
  latitude/longitude columns); `documents_per_month`; `indicators` (the headline indicator keys).

Document fields in `figures` are scalar subqueries rather than a join, so SQLite drops them when a
query does not use them: `count(*)` and facets over `figures` run on the `mentions` indexes alone.

`series`, `targets_vs_results` and `disagreements` group every headline figure, and `documents_per_month`
reads every document: seconds of work at a million figures, so they are tables (MATERIALIZED) with the
same names, columns and rows as the view SQL below, rebuilt by `create_views` when what they read has
changed. Triggers on mentions, documents and provinces mark them stale (`derived_tables.stale`); a
rebuild computes each into a temporary table and replaces the old one in the same transaction as the
views, so a reader sees the old tables or the new ones, and a failed rebuild leaves the old ones (and
the stale mark) in place.
"""
from __future__ import annotations

import csv
import hashlib
import sqlite3
import time
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from extractors.indicator_keys import INDICATOR_NAMES
from extractors.indicators import INDICATORS

DATA = Path(__file__).parent / "data"
CENTROIDS = DATA / "province_centroids.csv"


def _q(s: str | None) -> str:
    return "null" if s is None else "'" + str(s).replace("'", "''") + "'"


def headline_indicators() -> list[tuple[str, str, str, str]]:
    """(key, name, label, phrases) for the indicators the extractor names on purpose, in its order: `name` is
    the lexicon's short Vietnamese name (what pages and the dashboard's picker show), `label` the first phrase."""
    out: dict[str, list[str]] = {}
    for phrase, key in INDICATORS:
        out.setdefault(key, []).append(phrase)
    return [(k, INDICATOR_NAMES.get(k) or ps[0], ps[0], " | ".join(ps)) for k, ps in out.items()]


def centroids() -> list[dict]:
    with CENTROIDS.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _values_view(columns: list[str], rows: list[tuple]) -> str:
    values = ",\n          ".join("(" + ", ".join(_lit(v) for v in r) + ")" for r in rows)
    cols = ", ".join(f"column{i + 1} as [{c}]" for i, c in enumerate(columns))
    return f"select {cols} from (values\n          {values})"


def _lit(v) -> str:
    if isinstance(v, (int, float)):
        return repr(v)
    return _q(v)


# Periods are written by the extractor as 2022, 2021-2025, 2023-Q4, 2021-H1, 2022-9M, 2022-10M (the first N
# months), 2023-12 (one month) (substr is much
# cheaper than glob over a million rows).
PERIOD_KIND = """case
      when {p} is null then null
      when substr({p}, 1, 2) not in ('19', '20') then 'other'
      when length({p}) = 4 then 'year'
      when length({p}) = 9 and substr({p}, 5, 1) = '-' then 'term'
      when length({p}) = 7 and substr({p}, 6, 1) = 'Q' then 'quarter'
      when length({p}) = 7 and substr({p}, 6, 1) = 'H' then 'half'
      when length({p}) = 7 and substr({p}, 6, 2) = '9M' then 'nine_months'
      when length({p}) in (7, 8) and substr({p}, 5, 1) = '-' and substr({p}, length({p}), 1) = 'M' then 'months'
      when length({p}) = 7 and substr({p}, 5, 1) = '-' then 'month'
      else 'other' end"""
YEAR = """case when substr({p}, 1, 2) in ('19', '20') and (length({p}) = 4
      or (length({p}) in (7, 8) and substr({p}, 5, 1) = '-'))
      then cast(substr({p}, 1, 4) as integer) end"""
# The province a figure is about: its entity when that is a province (or Việt Nam), else the document's.
PLACE = """case when m.entity = 'Việt Nam' then 'Việt Nam'
      when m.entity in (select name from provinces) then m.entity else m.province end"""

# Whose level the figure is at: a district's figure never joins its province's series.
SCOPE = """case when m.entity is null then 'province'
      when m.entity = 'Việt Nam' then 'country'
      when m.entity in (select name from provinces) then 'province'
      when m.entity like 'huyện %' or m.entity like 'thị xã %' or m.entity like 'quận %'
        or m.entity like 'thành phố %' or m.entity like 'xã %' or m.entity like 'phường %'
        then 'district'
      else 'body' end"""

FIGURES = f"""
    select m.id, m.indicator_key, m.indicator, m.entity, m.entity_source, {SCOPE} as scope, m.province,
      m.province_new,
      {PLACE} as place,
      case when m.entity = 'Việt Nam' then 'Việt Nam'
        else coalesce((select p.new_province from provinces p where p.name = m.entity), m.province_new) end
        as place_new,
      m.period, m.period_source, {PERIOD_KIND.format(p='m.period')} as period_kind,
      {YEAR.format(p='m.period')} as year, m.status, m.status_source, m.kind, m.value, m.low, m.high, m.denominator, m.unit,
      m.qualifier, m.compared_to, m.direction, m.decimals, m.text, m.sentence, m.doc,
      (select d.title from documents d where d.id = m.doc) as title,
      (select d.published from documents d where d.id = m.doc) as published,
      (select d.source from documents d where d.id = m.doc) as source,
      (select d.url from documents d where d.id = m.doc) as url,
      m.sentence_id, m.start, m.end
    from mentions m"""

# `latest_figure` packs the published date (16 chars) and the mention id (16 hex) into one max(), so it
# names the most recently published figure; its value (or range) is then read from mentions by key.
SERIES = f"""
    select g.indicator_key, g.province,
      case when g.province = 'Việt Nam' then 'Việt Nam'
        else (select p.new_province from provinces p where p.name = g.province) end as province_new,
      g.period, {PERIOD_KIND.format(p='g.period')} as period_kind, {YEAR.format(p='g.period')} as year,
      g.status, g.unit, g.figures, g.documents, m.value, m.low, m.high, g.latest_figure, g.min_value,
      g.max_value, g.distinct_values
    from (
      select indicator_key, place as province, period, status, unit, count(*) as figures,
        count(distinct doc) as documents,
        substr(max(substr(coalesce(published, '') || '                ', 1, 16) || id), 17) as latest_figure,
        min(coalesce(value, low)) as min_value, max(coalesce(value, high)) as max_value,
        count(distinct printf('%s/%s/%s', value, low, high)) as distinct_values
      from figures
      where indicator_key in (select key from indicators) and (value is not null or low is not null)
        and period is not null and scope != 'district'
      group by indicator_key, place, period, status, unit
    ) g
    left join mentions m on m.id = g.latest_figure"""

# Each target row of `series` with the result of the same indicator, province and unit: for the same
# period, else (for a term such as 2021-2025) for the term's final year. Window functions over one
# computation of `series` (a self-join would compute it twice).
TARGETS_VS_RESULTS = """
    select indicator_key, province, province_new, period, unit,
      value as target, low as target_low, high as target_high,
      latest_figure as target_figure, figures as target_figures,
      case when r1 is not null then period when r2 is not null then final_year end as result_period,
      coalesce(r1, r2) as result, coalesce(r1_figure, r2_figure) as result_figure,
      case when r1 is not null then r1_figures else r2_figures end as result_figures,
      case when coalesce(r1, r2) is not null and coalesce(value, low) != 0
        then round(100.0 * coalesce(r1, r2) / coalesce(value, low), 1) end as achieved_pct,
      round(coalesce(r1, r2) - coalesce(value, low), 6) as difference
    from (
      select s.*,
        max(case when status = 'actual' then value end) over same_period as r1,
        max(case when status = 'actual' and value is not null then latest_figure end) over same_period as r1_figure,
        max(case when status = 'actual' and value is not null then figures end) over same_period as r1_figures,
        case when period_kind = 'term' then max(case when status = 'actual' then value end) over final_year
          end as r2,
        case when period_kind = 'term' then max(case when status = 'actual' and value is not null
          then latest_figure end) over final_year end as r2_figure,
        case when period_kind = 'term' then max(case when status = 'actual' and value is not null
          then figures end) over final_year end as r2_figures
      from (select *, case when status = 'target' and period_kind = 'term' then substr(period, 6, 4)
                      when status = 'actual' and period_kind = 'year' then period end as final_year
            from series) s
      window same_period as (partition by indicator_key, province, unit, period),
             final_year as (partition by indicator_key, province, unit, final_year)
    )
    where status = 'target'"""

DISAGREEMENTS = """
    select indicator_key, place as province, period, status, unit, count(*) as figures,
      count(distinct doc) as documents, count(distinct value) as distinct_values,
      min(value) as min_value, max(value) as max_value,
      case when min(value) != 0 then round(100.0 * (max(value) - min(value)) / abs(min(value)), 2) end
        as spread_pct,
      group_concat(distinct value) as all_values
    from figures
    where indicator_key in (select key from indicators) and value is not null and period is not null
      and scope != 'district'
    group by indicator_key, place, period, status, unit
    having count(distinct doc) > 1 and count(distinct value) > 1"""

# Without a checks table: figures of a document that belong to a disagreement (the same headline
# indicator, province, period, status and unit with different values from different documents).
INCONSISTENT_BY_SOURCE_FALLBACK = """
    select d.id as document, d.title, d.published, d.source, d.url,
      (select count(*) from mentions m where m.doc = d.id) as figures,
      x.inconsistent, 'disagreements' as basis
    from (
      select doc, count(*) as inconsistent from (
        select doc, min(value) over w as lo, max(value) over w as hi, min(doc) over w as d0, max(doc) over w as d1
        from figures
        where indicator_key in (select key from indicators) and value is not null and period is not null
          and scope != 'district'
        window w as (partition by indicator_key, place, period, status, unit))
      where lo != hi and d0 != d1
      group by doc) x
    join documents d on d.id = x.doc"""

DOCUMENTS_PER_MONTH = """
    select substr(published, 1, 7) as month, count(*) as documents, sum(mentions) as figures
    from documents
    where published glob '[12][0-9][0-9][0-9]-[01][0-9]*'
    group by month"""

PROVINCE_MAP = """
    select c.province, c.gso_code, p.new_province, c.latitude, c.longitude,
      coalesce(d.n, 0) as documents, coalesce(m.n, 0) as figures
    from province_centroids c
    left join provinces p on p.name = c.province
    left join (select province, count(*) as n from documents group by province) d on d.province = c.province
    left join (select province, count(*) as n from mentions group by province) m on m.province = c.province"""

# Names a checks table might use for its verdict, its mention keys and its document.
VERDICT_COLUMNS = ("verdict", "result", "status")
MENTION_COLUMNS = ("mentions", "mention_ids", "mention_keys", "mention_id", "mention", "keys")
DOC_COLUMNS = ("doc", "document", "document_id")


def checks_columns(db: sqlite_utils.Database) -> dict[str, str | None] | None:
    """Which columns of the `checks` table hold the verdict, the mention keys and the document
    (`links`: a `check_mentions` table of check_id, mention_id, doc, when there is one)."""
    tables = db.table_names()
    if "checks" not in tables:
        return None
    if "check_mentions" in tables:
        lcols = {c.name for c in db["check_mentions"].columns}
        if {"check_id", "mention_id"} <= lcols and "verdict" in {c.name for c in db["checks"].columns}:
            return {"verdict": "verdict", "mentions": None, "doc": None, "links": "doc" if "doc" in lcols else ""}
    cols = [c.name for c in db["checks"].columns]
    lower = {c.lower(): c for c in cols}

    def pick(names):
        return next((lower[n] for n in names if n in lower), None)

    return {"verdict": pick(VERDICT_COLUMNS), "mentions": pick(MENTION_COLUMNS), "doc": pick(DOC_COLUMNS)}


def _checks_by_source(cc: dict[str, str | None]) -> str | None:
    v, mc, dc = cc["verdict"], cc["mentions"], cc["doc"]
    if cc.get("links") is not None:
        # every figure of an inconsistent check counts for its own document (a check across sources
        # counts in each source it involves)
        doc = "coalesce(l.doc, m.doc)" if cc["links"] else "m.doc"
        per_doc = f"""
          select {doc} as doc, l.mention_id from check_mentions l join checks c on c.id = l.check_id
            left join mentions m on m.id = l.mention_id
          where c.verdict = 'inconsistent'"""
        return f"""
    select d.id as document, d.title, d.published, d.source, d.url,
      (select count(*) from mentions m where m.doc = d.id) as figures,
      x.inconsistent, 'checks' as basis
    from (select doc, count(distinct mention_id) as inconsistent from ({per_doc}) group by doc) x
    join documents d on d.id = x.doc"""
    if not v or not (mc or dc):
        return None
    if dc:
        per_doc = f"select c.[{dc}] as doc from checks c where c.[{v}] = 'inconsistent'"
    else:
        per_doc = f"""
          select m.doc from checks c, json_each(case when json_valid(c.[{mc}]) and json_type(c.[{mc}]) = 'array'
              then c.[{mc}] else json_array(c.[{mc}]) end) j
            join mentions m on m.id = j.value
          where c.[{v}] = 'inconsistent'"""
    return f"""
    select d.id as document, d.title, d.published, d.source, d.url,
      (select count(*) from mentions m where m.doc = d.id) as figures,
      count(*) as inconsistent, 'checks' as basis
    from ({per_doc}) x join documents d on d.id = x.doc
    group by d.id"""


def views(db: sqlite_utils.Database | None = None) -> dict[str, str]:
    """The views, in creation order (later views read earlier ones)."""
    out = {
        "coverage": """
        select d.id as document, d.title,
          (select count(*) from mentions m where m.doc = d.id) as mentions,
          (select count(*) from skipped s where s.doc = d.id and s.reason != 'unread') as skipped,
          (select count(*) from skipped s where s.doc = d.id and s.reason = 'unread') as unread,
          (select group_concat(s.text, ' | ') from skipped s where s.doc = d.id and s.reason = 'unread')
            as unread_numbers
        from documents d""",
        "indicators": "select [key], name, label, phrases, "
                      "(select count(*) from mentions m where m.indicator_key = i.[key]) as figures from ("
                      + _values_view(["key", "name", "label", "phrases"], headline_indicators()) + ") i",
        "province_centroids": _values_view(
            ["province", "gso_code", "latitude", "longitude"],
            [(r["province"], r["gso_code"], float(r["latitude"]), float(r["longitude"])) for r in centroids()]),
        "figures": FIGURES,
        "series": SERIES,
        "targets_vs_results": TARGETS_VS_RESULTS,
        "disagreements": DISAGREEMENTS,
        "inconsistent_by_source": INCONSISTENT_BY_SOURCE_FALLBACK,
        "documents_per_month": DOCUMENTS_PER_MONTH,
        "province_map": PROVINCE_MAP,
    }
    cc = checks_columns(db) if db is not None else None
    if cc:
        sql = _checks_by_source(cc)
        if sql:
            out["inconsistent_by_source"] = sql
    return out


# The views as first defined (without a database to look at); kept for readers of VIEWS.
VIEWS = views()

# Views kept as tables, in dependency order (a later one may read an earlier one), with the indexes their
# filters and facets use (indicator key first: the dashboard, the index page and the canned queries
# filter on it). Each has exactly the columns and rows of its SQL in `views()`.
MATERIALIZED: dict[str, tuple[tuple[str, ...], ...]] = {
    "series": (("indicator_key", "province", "period", "status", "unit"), ("province",), ("province_new",),
               ("period",), ("year",), ("latest_figure",)),
    "targets_vs_results": (("indicator_key", "province", "period", "unit"), ("province",), ("province_new",),
                           ("period",)),
    "disagreements": (("indicator_key", "province", "period", "status", "unit"), ("province",), ("period",)),
    # reads every document row (its figures count is stored after the text): seconds on a cold cache
    "documents_per_month": (("month",),),
}
# What the materialized tables read: an insert, update or delete in any of these marks them stale.
SOURCES = ("mentions", "documents", "provinces")
STATE = "derived_tables"
# Bump when the way tables are built changes (their SQL is part of the definition already).
BUILD_VERSION = 1


def definition(defs: dict[str, str], name: str) -> str:
    """A digest of what table `name` is built from: its SQL, the SQL of every view before it (which it
    may read) and its indexes."""
    h = hashlib.sha256(f"{BUILD_VERSION}\n{MATERIALIZED[name]!r}".encode())
    for n, sql in defs.items():
        h.update(f"\n{n}\n{sql}".encode())
        if n == name:
            break
    return h.hexdigest()


def _ensure_state(db: sqlite_utils.Database, tables: set[str]) -> bool:
    """The `derived_tables` bookkeeping table and the triggers that mark it stale. False when a trigger
    was missing (first call, or a source table was re-made): what changed before is then unknown."""
    db.execute(f"""create table if not exists [{STATE}] (name text primary key, built_at text, seconds real,
      rows integer, definition text, stale integer not null default 1)""")
    have = {r[0] for r in db.execute("select name from sqlite_master where type = 'trigger'").fetchall()}
    complete = True
    for table in SOURCES:
        if table not in tables:
            continue
        for event in ("insert", "update", "delete"):
            trigger = f"{STATE}_stale_after_{table}_{event}"
            if trigger not in have:
                complete = False
                db.execute(f"create trigger [{trigger}] after {event} on [{table}] "
                           f"begin update [{STATE}] set stale = 1 where stale = 0; end")
    return complete


def _materialize(db: sqlite_utils.Database, name: str, sql: str, digest: str, replace: str | None) -> float:
    """Compute `sql` into a temporary table, then replace `name` (a table, a view or nothing, as
    `replace` says) with a table of its rows and indexes; inside the caller's transaction."""
    t0 = time.perf_counter()
    tmp = f"{STATE}_new_{name}"
    db.execute(f"drop table if exists temp.[{tmp}]")
    # the declared types follow the affinity of each column's expression, so filters compare as on the view
    db.execute(f"create temp table [{tmp}] as {sql}")
    cols = db.execute("select name, type from pragma_table_info(?, 'temp') order by cid", [tmp]).fetchall()
    if replace == "table":
        db.execute(f"drop table [{name}]")
    elif replace == "view":
        db.execute(f"drop view [{name}]")
    db.execute(f"create table [{name}] ({', '.join(f'[{c}] {t}'.strip() for c, t in cols)})")
    db.execute(f"insert into [{name}] select * from temp.[{tmp}]")
    db.execute(f"drop table temp.[{tmp}]")
    for idx in MATERIALIZED[name]:
        db.execute(f"create index [idx_{name}_{'_'.join(idx)}] on [{name}] ({', '.join(f'[{c}]' for c in idx)})")
    rows = db.execute(f"select count(*) from [{name}]").fetchone()[0]
    secs = round(time.perf_counter() - t0, 3)
    db.execute(f"insert or replace into [{STATE}] (name, built_at, seconds, rows, definition, stale) "
               "values (?, ?, ?, ?, ?, 0)",
               [name, datetime.now(timezone.utc).isoformat(timespec="seconds"), secs, rows, digest])
    return secs


def _create(db: sqlite_utils.Database, defs: dict[str, str], rebuild: bool) -> dict[str, float]:
    existing = dict(db.execute("select name, type from sqlite_master where type in ('table', 'view')").fetchall())
    # a database without the tables they read (not made by open_db) keeps them as views
    materialize = set(MATERIALIZED) if all(t in existing for t in SOURCES) else set()
    triggers_kept = _ensure_state(db, set(existing))
    state = {n: (d, s) for n, d, s in db.execute(f"select name, definition, stale from [{STATE}]").fetchall()}
    # drop views in reverse dependency order first, so a changed definition never meets a stale dependent
    # (a materialized table stays until its replacement is computed)
    for name in reversed(list(defs)):
        if existing.get(name) == "view" and name not in materialize:
            db.execute(f"drop view [{name}]")
    built: dict[str, float] = {}
    for name, sql in defs.items():
        if name not in materialize:
            if existing.get(name) == "table":  # a table an earlier version materialized
                db.execute(f"drop table [{name}]")
            db.execute(f"create view [{name}] as {sql}")
            continue
        digest = definition(defs, name)
        # once one table is rebuilt, the ones after it (which may read it) are too
        if rebuild or built or not triggers_kept or existing.get(name) != "table" or state.get(name) != (digest, 0):
            built[name] = _materialize(db, name, sql, digest, existing.get(name))
    gone = [n for n in state if n not in materialize or n not in defs]
    if gone:
        db.execute(f"delete from [{STATE}] where name in ({', '.join('?' * len(gone))})", gone)
    return built


def create_views(db: sqlite_utils.Database, rebuild: bool = False) -> dict[str, float]:
    """Create or replace the views, and rebuild the MATERIALIZED tables that are stale: what they read
    changed since they were built (or cannot be known to be unchanged), their SQL changed, or they are
    missing; all of them with `rebuild`. Idempotent: a second call with nothing changed only re-creates
    the views. One transaction (a savepoint inside the caller's, if one is open): readers see the old
    views and tables until it commits, and on any error nothing is changed. Returns the seconds each
    rebuilt table took."""
    defs = views(db)
    conn = db.conn
    own = not conn.in_transaction
    conn.execute("begin immediate" if own else "savepoint create_views")
    try:
        built = _create(db, defs, rebuild)
    except BaseException:
        try:
            if own:
                conn.rollback()
            else:
                conn.execute("rollback to create_views")
                conn.execute("release create_views")
        except sqlite3.Error:  # SQLite already rolled back (disk full, interrupted …)
            pass
        raise
    if own:
        conn.commit()
    else:
        conn.execute("release create_views")
    return built
