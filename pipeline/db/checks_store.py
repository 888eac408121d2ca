"""The `checks` and `check_mentions` tables: every check of the stored mentions, with its worked sum.

`update_checks(db)` brings both tables up to date with the documents, sentences and mentions in the
database, incrementally: it recomputes the checks of the documents added, changed or removed since the
last pass (their own arithmetic) and, across documents, the checks of every group (see
`extractors.checks.versions_group` / `targets_group`) that held or holds a figure of those documents.
The checks of the other groups are left as they are; the result is the same as a full recompute.
`run_checks(db)` (`chitieu check --full`) recomputes everything. Either way the tables change in one
transaction: a pass that fails midway leaves the previous checks intact.

Which documents changed is read from the database, not from the run: `checks_state` keeps each
document's sha256, extractor version and load time as the last pass saw them, so documents loaded by
a crawl, by an interrupted run or by several runs between passes are all found. `check_groups` keeps
the groups of each figure as of the last pass (a re-extracted document's old figures are gone from
`mentions`, but their groups must be recomputed too). `check_passes` logs each pass and the version of
the checks' code: when the code changes, the next pass is a full one.

Keys are derived from the check type and the mentions involved, so a re-run gives the same rows.
`check_mentions` links a check to each mention it involves, with the mention's role (`fraction`,
`percent`, `part`, `total`, `current`, `base`, `change`, `result`, `target`, `version` …). Its foreign
keys cascade: a document re-extracted by `chitieu run` drops its old links until the next pass.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

import extractors.checks as ec
from extractors.checks import (CANONICAL_KEYS, Check, DocText, check_document, figure_versions, groups_of,
                               mention_key, results_targets, unique_checks)
from extractors.checks.record import sentence_key
from extractors.record import Mention
from extractors.sentences import Sentence
from pipeline.db.schema import migrate
from pipeline.db.store import open_db

CHECK_COLUMNS = {
    "id": str, "check_type": str, "verdict": str, "computation": str, "tolerance": float, "stated": float,
    "computed": float, "difference": float, "ratio": float, "outcome": str, "unit": str, "scope": str,
    "doc": str, "documents": int, "sentence_id": str, "sentence": str, "indicator_key": str, "entity": str,
    "period": str, "mentions": str, "across_group": str, "sentences": str,
}  # the columns of `checks` as a pass writes them (the tables and triggers: pipeline.db.schema, set `checks`)


# Canned queries for Datasette (metadata.yml `queries:`), kept here so the tests run the same SQL.
CANNED_QUERIES = {
    "inconsistent_figures": """select c.check_type, c.computation, l.role, m.text as figure, m.sentence, d.id as document,
  d.title, d.published, d.source, d.url, c.id as check_id
from checks c
  join check_mentions l on l.check_id = c.id
  join mentions m on m.id = l.mention_id
  join documents d on d.id = m.doc
where c.verdict = 'inconsistent' and (:check_type = '' or c.check_type = :check_type)
order by c.check_type, abs(c.difference) desc, c.id, l.position""",
    "figure_versions": """select c.verdict, c.indicator_key, c.entity, c.period, c.difference as largest_difference,
  c.unit, m.text as figure, m.value, m.low, m.high, m.status, m.sentence, d.title, d.published,
  d.source, d.url, c.id as check_id
from checks c
  join check_mentions l on l.check_id = c.id
  join mentions m on m.id = l.mention_id
  join documents d on d.id = m.doc
where c.check_type = 'figure_versions'
  and (:indicator_key = '' or c.indicator_key = :indicator_key)
  and (:verdict = '' or c.verdict = :verdict)
order by c.verdict = 'inconsistent' desc, c.difference desc, c.id, d.published""",
}


def _mention(row: dict) -> Mention:
    m = Mention(start=row["start"], end=row["end"], text=row["text"], kind=row["kind"], value=row["value"],
                low=row["low"], high=row["high"], denominator=row["denominator"], unit=row["unit"],
                qualifier=row["qualifier"], indicator=row["indicator"], entity=row["entity"], period=row["period"],
                status=row["status"], compared_to=row["compared_to"], sentence=row["sentence"], doc=row["doc"],
                decimals=row.get("decimals") or 0, direction=row.get("direction"))
    m.extra["id"] = row["id"]
    m.extra["indicator_key"] = row.get("indicator_key")
    m.extra["province"] = row.get("province")
    m.extra["province_new"] = row.get("province_new")
    sid = row.get("sentence_id")
    if sid and ":" in sid:
        try:
            m.extra["sentence_index"] = int(sid.rsplit(":", 1)[1])
        except ValueError:
            pass
    return m


_MENTION_FIELDS = ["id", "doc", "sentence_id", "start", "end", "text", "kind", "value", "low", "high", "denominator",
                   "unit", "qualifier", "indicator", "indicator_key", "entity", "province", "province_new", "period",
                   "status", "compared_to", "direction", "decimals", "sentence"]
_CHUNK = 500  # ids per `in (…)` list


def _mention_select(db: sqlite_utils.Database, alias: str = "") -> str:
    cols = {c.name for c in db["mentions"].columns}
    pre = f"{alias}." if alias else ""
    return ", ".join(f"{pre}[{c}]" if c in cols else f"null as [{c}]" for c in _MENTION_FIELDS)


def _rows(db: sqlite_utils.Database, sql: str, params=()):
    cur = db.conn.execute(sql, params)
    keys = [d[0] for d in cur.description]
    for r in cur:
        yield dict(zip(keys, r))


def _chunks(items: list, n: int = _CHUNK):
    for k in range(0, len(items), n):
        yield items[k:k + n]


def _marks(chunk: list) -> str:
    return ",".join("?" * len(chunk))


def _order(m: Mention) -> tuple:
    """The order the checks across documents read figures in, the same for a full and an incremental pass."""
    return m.doc or "", m.start, m.end, mention_key(m)


def _group_hash(kind: str, group: tuple | None) -> str | None:
    if group is None:
        return None
    return hashlib.sha256(json.dumps([kind, *group], ensure_ascii=False).encode()).hexdigest()[:16]


def _usable(ss: list[Sentence] | None) -> list[Sentence] | None:
    # sentence rows are indexed by position; a gap in the index falls back to splitting the text
    if ss and [s.index for s in ss] != list(range(len(ss))):
        return None
    return ss or None


def _sentences(db: sqlite_utils.Database, chunk: list[str]) -> dict[str, list[Sentence]]:
    out: dict[str, list[Sentence]] = defaultdict(list)
    for d, idx, start, end, text in db.conn.execute(
            f"select document, idx, start, [end], text from sentences where document in ({_marks(chunk)}) "
            "order by document, idx", chunk):
        out[d].append(Sentence(idx, start, end, text, 0))
    return out


def _meta(row: dict) -> dict:
    return {"title": row["title"], "published": row["published"], "source": row["source"], "url": row["url"]}


def checks_version() -> str:
    """The version of the checks' code: a stored check is reused only while this stays the same."""
    h = hashlib.sha256()
    for f in (*sorted(Path(ec.__file__).parent.glob("*.py")), __file__):  # every module of the package
        h.update(Path(f).read_bytes())
    h.update(json.dumps(sorted(CANONICAL_KEYS)).encode())
    return h.hexdigest()[:16]


class _Groups:
    """`groups_of` for a pass, computed once per distinct set of the fields it reads (figures repeat them)."""

    def __init__(self):
        self.known: dict[tuple, tuple] = {}

    def __call__(self, m: Mention) -> tuple[tuple | None, tuple | None]:
        k = (m.status, m.kind, m.period, m.extra.get("indicator_key", _NO_KEY), m.indicator, m.unit, m.entity,
             m.extra.get("province"), m.direction, m.compared_to)
        g = self.known.get(k)
        if g is None:
            g = self.known[k] = groups_of(m)
        return g


_NO_KEY = object()


class _Keyed:
    """A figure the checks across documents compare: its two groups (`versions_group`, `targets_group`) and
    their hashes, the keys stored in `check_groups` and `checks.across_group`."""
    __slots__ = ("m", "vg", "tg", "versions", "targets")

    def __init__(self, m: Mention, vg: tuple | None, tg: tuple, versions: str | None = None,
                 targets: str | None = None):
        self.m, self.vg, self.tg = m, vg, tg
        self.versions = versions if versions is not None else _group_hash("v", vg)
        self.targets = targets if targets is not None else _group_hash("t", tg)


def _check_documents(db: sqlite_utils.Database, ids: list[str], groups: _Groups) -> tuple[list[Check], list[_Keyed], dict]:
    """The checks within each document of `ids`; its figures in a group of the checks across documents
    (after `check_document` filled in their sentences); the documents' metadata."""
    sel = _mention_select(db)
    doc_checks: list[Check] = []
    keyed: list[_Keyed] = []
    meta: dict[str, dict] = {}
    for chunk in _chunks(ids):
        per_doc: dict[str, list[Mention]] = defaultdict(list)
        for row in _rows(db, f"select {sel} from mentions where doc in ({_marks(chunk)}) "
                             "order by doc, start, [end], id", chunk):
            per_doc[row["doc"]].append(_mention(row))
        sents = _sentences(db, chunk)
        for row in _rows(db, f"select id, title, published, source, url, text from documents "
                             f"where id in ({_marks(chunk)}) order by id", chunk):
            d = row["id"]
            meta[d] = _meta(row)
            ms = per_doc.get(d)
            if not ms:
                continue
            doc_checks += check_document(row["text"] or "", ms, _usable(sents.get(d)))
            for m in ms:
                vg, tg = groups(m)
                if tg is not None:
                    keyed.append(_Keyed(m, vg, tg))
    return doc_checks, keyed, meta


def _fill_sentences(db: sqlite_utils.Database, ms: list[Mention]) -> None:
    """Give figures of unchanged documents the sentence `check_document` would have given them (a full pass
    runs it on every document before the checks across documents)."""
    need = sorted({m.doc for m in ms if m.extra.get("sentence_index") is None or not m.sentence})
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in ms:
        by_doc[m.doc].append(m)
    for chunk in _chunks(need):
        sents = _sentences(db, chunk)
        for d, text in db.conn.execute(f"select id, text from documents where id in ({_marks(chunk)})", chunk):
            DocText(text or "", by_doc[d], _usable(sents.get(d)))


def _check_across(db: sqlite_utils.Database, keyed: list[_Keyed], meta: dict, changed: set[str] | None,
                  versions: set[str], targets: set[str], groups: _Groups) -> list[tuple[Check, str]]:
    """(check, group) of the checks across documents of the groups `versions` and `targets`. `keyed` are the
    figures of the `changed` documents (None: every document, every group); the figures of the other
    documents in those groups are read through `check_groups`."""
    ms = [k for k in keyed if changed is None or k.targets in targets]
    if changed is not None and targets:
        sel = _mention_select(db, "m")
        others: list[_Keyed] = []
        for chunk in _chunks(sorted(targets)):
            for row in _rows(db, f"select g.versions_group as _vg, g.targets_group as _tg, {sel} from check_groups g "
                                 f"join mentions m on m.id = g.mention_id where g.targets_group in ({_marks(chunk)})",
                             chunk):
                if row["doc"] not in changed:
                    m = _mention(row)
                    vg, tg = groups(m)
                    if tg is not None:
                        others.append(_Keyed(m, vg, tg, row["_vg"], row["_tg"]))
        _fill_sentences(db, [k.m for k in others])
        need = sorted({k.m.doc for k in others} - set(meta))
        for chunk in _chunks(need):
            for row in _rows(db, f"select id, title, published, source, url from documents "
                                 f"where id in ({_marks(chunk)})", chunk):
                meta[row["id"]] = _meta(row)
        ms += others
    ms.sort(key=lambda k: _order(k.m))
    group_v = {mention_key(k.m): k.versions for k in ms}
    group_t = {mention_key(k.m): k.targets for k in ms}
    vs = [k for k in ms if changed is None or k.versions in versions]
    out = [(c, group_v[mention_key(c.mentions[0][0])])
           for c in figure_versions([k.m for k in vs], meta, [k.vg for k in vs])]
    out += [(c, group_t[mention_key(c.mentions[0][0])])
            for c in results_targets([k.m for k in ms], meta, [k.tg for k in ms])]
    seen: set[str] = set()
    unique = []
    for c, g in out:
        if c.id not in seen:
            seen.add(c.id)
            unique.append((c, g))
    return unique


def compute_checks(db: sqlite_utils.Database) -> list[Check]:
    """Every check over the mentions stored in `db` (nothing is written)."""
    ids = [r[0] for r in db.conn.execute("select id from documents order by id")]
    groups = _Groups()
    doc_checks, keyed, meta = _check_documents(db, ids, groups)
    return unique_checks(doc_checks + [c for c, _ in _check_across(db, keyed, meta, None, set(), set(), groups)])


def _open(db: sqlite_utils.Database | str | Path) -> sqlite_utils.Database:
    if not isinstance(db, sqlite_utils.Database):
        db = open_db(db)
    return db


def _full_reason(db: sqlite_utils.Database, version: str) -> str | None:
    last = db.conn.execute("select checks_version from check_passes where finished is not null "
                           "order by id desc limit 1").fetchone()
    if last is None:
        return "no earlier pass"
    if last[0] != version:
        return "the checks' code changed"
    return None


def update_checks(db: sqlite_utils.Database | str | Path, full: bool = False) -> dict:
    """Bring `checks` and `check_mentions` up to date: recompute the checks of the documents added, changed
    or removed since the last pass, and of every group across documents that held or holds one of their
    figures (everything when `full`, when no pass ran before, or when the checks' code changed). One
    transaction. Returns the counts of the table and of what this pass recomputed."""
    db = _open(db)
    migrate(db, "checks")
    clock = time.perf_counter()
    started = _now()
    version = checks_version()
    reason = "asked" if full else _full_reason(db, version)
    full = reason is not None
    # 1. what changed: the documents written since the last pass (`stale`), or whose sha256, extractor version
    # or load time differ from what it saw, and those removed
    token = ("select d.id, d.sha256, d.extractor_version, d.loaded_at, coalesce(s.stale, 0) from documents d "
             "left join checks_state s on s.doc = d.id")
    if full:
        present = db.conn.execute(f"{token} order by d.id").fetchall()
    else:
        present = db.conn.execute(
            f"{token} where s.doc is null or s.stale > 0 or s.sha256 is not d.sha256 or s.extractor_version is not "
            "d.extractor_version or s.loaded_at is not d.loaded_at order by d.id").fetchall()
    gone = [r[0] for r in db.conn.execute("select doc from checks_state where doc not in (select id from documents) "
                                          "order by doc")]
    changed = [r[0] for r in present]
    if not full and not changed and not gone:
        return _counts(db, {"mode": "incremental", "reason": None, "documents": 0, "groups": 0,
                            "checks_recomputed": 0, "checks_removed": 0})
    # 2. their own checks, and their figures' groups now and as of the last pass
    groups = _Groups()
    doc_checks, keyed, meta = _check_documents(db, changed, groups)
    versions: set[str] = set()
    targets: set[str] = set()
    if not full:
        for chunk in _chunks(changed + gone):
            for v, t in db.conn.execute(f"select versions_group, targets_group from check_groups "
                                        f"where doc in ({_marks(chunk)})", chunk):
                versions.add(v)
                targets.add(t)
        versions |= {k.versions for k in keyed}
        targets |= {k.targets for k in keyed}
        versions.discard(None)
        targets.discard(None)
    # 3. the checks across documents of those groups; a document's own check wins over the same check found
    # across documents (as `unique_checks` keeps the first in a full pass)
    across = _check_across(db, keyed, meta, None if full else set(changed) | set(gone), versions, targets, groups)
    doc_checks = unique_checks(doc_checks)
    mine = {c.id for c in doc_checks}
    across = [(c, g) for c, g in across if c.id not in mine]
    if not full:
        changed_set = set(changed) | set(gone)
        ask = [c.id for c, _ in across if len(c.docs) == 1 and c.docs[0] not in changed_set]
        kept = set()
        for chunk in _chunks(ask):
            kept |= {r[0] for r in db.conn.execute(
                f"select id from checks where across_group is null and id in ({_marks(chunk)})", chunk)}
        across = [(c, g) for c, g in across if c.id not in kept]
    rows, links = [], []
    for c, g in [(c, None) for c in doc_checks] + across:
        r = c.row()
        r["mentions"] = json.dumps(r["mentions"], ensure_ascii=False)
        r["sentences"] = json.dumps(r["sentences"], ensure_ascii=False)
        r["across_group"] = g
        rows.append(r)
        cid = r["id"]  # computed once: a figure seen in thousands of documents makes a long check
        for pos, (m, role) in enumerate(c.mentions):
            links.append((cid, mention_key(m), role, pos, m.doc, sentence_key(m), m.start, m.end))
    # 4. one transaction: the old checks of those documents and groups out, the new ones in
    now = _now()
    cols = list(CHECK_COLUMNS)
    conn = db.conn
    removed = 0
    with db.atomic():
        if full:
            removed = conn.execute("select count(*) from checks").fetchone()[0]
            for table in ("check_mentions", "checks", "check_groups"):
                conn.execute(f"delete from [{table}]")
        else:
            for chunk in _chunks(changed + gone):
                q = _marks(chunk)
                conn.execute(f"delete from check_mentions where check_id in "
                             f"(select id from checks where across_group is null and doc in ({q}))", chunk)
                removed += conn.execute(f"delete from checks where across_group is null and doc in ({q})",
                                        chunk).rowcount
                conn.execute(f"delete from check_groups where doc in ({q})", chunk)
            for chunk in _chunks(sorted(versions | targets)):
                q = _marks(chunk)
                conn.execute(f"delete from check_mentions where check_id in "
                             f"(select id from checks where across_group in ({q}))", chunk)
                removed += conn.execute(f"delete from checks where across_group in ({q})", chunk).rowcount
        conn.executemany(f"insert or replace into checks ({', '.join(f'[{c}]' for c in cols)}) "
                         f"values ({_marks(cols)})", ([r[c] for c in cols] for r in rows))
        conn.executemany("insert or replace into check_mentions (check_id, mention_id, role, position, doc, "
                         "sentence_id, start, [end]) values (?, ?, ?, ?, ?, ?, ?, ?)", links)
        conn.executemany("insert or replace into check_groups (mention_id, doc, versions_group, targets_group) "
                         "values (?, ?, ?, ?)", ((mention_key(k.m), k.m.doc, k.versions, k.targets) for k in keyed))
        for chunk in _chunks(gone):
            conn.execute(f"delete from checks_state where doc in ({_marks(chunk)}) and doc not in "
                         "(select id from documents)", chunk)
        conn.executemany("insert into checks_state (doc, sha256, extractor_version, loaded_at, checked, stale) "
                         "values (?, ?, ?, ?, ?, 0) on conflict (doc) do update set sha256 = excluded.sha256, "
                         "extractor_version = excluded.extractor_version, loaded_at = excluded.loaded_at, "
                         "checked = excluded.checked, stale = max(0, stale - ?)",
                         ([d, sha, ver, loaded, now, seen] for d, sha, ver, loaded, seen in present))
        touched = ({k.versions for k in keyed} | {k.targets for k in keyed}) - {None} if full else versions | targets
        stats = {"mode": "full" if full else "incremental", "reason": reason, "documents": len(changed) + len(gone),
                 "groups": len(touched), "checks_recomputed": len(rows), "checks_removed": removed}
        total = conn.execute("select count(*) from checks").fetchone()[0]
        conn.execute("insert into check_passes (started, finished, mode, reason, documents, groups, checks_recomputed, "
                     "checks_removed, checks, seconds, checks_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [started, _now(), stats["mode"], reason, stats["documents"], stats["groups"], len(rows), removed,
                      total, round(time.perf_counter() - clock, 3), version])
    return _counts(db, stats)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _counts(db: sqlite_utils.Database, stats: dict) -> dict:
    verdicts = dict(db.conn.execute("select verdict, count(*) from checks group by verdict").fetchall())
    by_type = dict(db.conn.execute("select check_type, count(*) from checks group by check_type").fetchall())
    return {"checks": sum(verdicts.values()), "consistent": verdicts.get("consistent", 0),
            "inconsistent": verdicts.get("inconsistent", 0), "cannot tell": verdicts.get("cannot tell", 0),
            "by_type": dict(sorted(by_type.items())), **stats}


def run_checks(db: sqlite_utils.Database | str | Path) -> dict:
    """Recompute every check and replace the `checks` and `check_mentions` tables (one transaction). Returns
    counts. `update_checks` recomputes only what the documents changed since the last pass can affect."""
    return update_checks(db, full=True)


def check_tables(path) -> tuple[list, list]:
    """Every row of `checks` and `check_mentions` of the database at `path`, in a fixed order: two passes
    gave the same checks when these are equal."""
    c = sqlite3.connect(path)
    try:
        return (sorted(c.execute("select * from checks").fetchall(), key=repr),
                sorted(c.execute("select * from check_mentions").fetchall(), key=repr))
    finally:
        c.close()
