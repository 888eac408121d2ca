"""SQL views the database offers researchers and journalists (created or replaced on open)."""
from __future__ import annotations

import sqlite_utils

VIEWS = {
    "coverage": """
        select d.id as document, d.title,
          (select count(*) from mentions m where m.doc = d.id) as mentions,
          (select count(*) from skipped s where s.doc = d.id and s.reason != 'unread') as skipped,
          (select count(*) from skipped s where s.doc = d.id and s.reason = 'unread') as unread,
          (select group_concat(s.text, ' | ') from skipped s where s.doc = d.id and s.reason = 'unread')
            as unread_numbers
        from documents d""",
}


def create_views(db: sqlite_utils.Database) -> None:
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)
