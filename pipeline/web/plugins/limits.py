"""Limits on what one request can make the server build, and a 404 (never a 500) for a path nothing serves.

Datasette's read-only SQL is open to anyone on a public server, and SQLite will happily build a value of a
gigabyte (`select randomblob(1000000000)`, `zeroblob`, `replace(hex(…))`) or return a thousand such rows,
which Datasette then turns into JSON in memory. On every connection Datasette opens:
- SQLite's length limit (`SQLITE_LIMIT_LENGTH`) is `MAX_VALUE_BYTES`: a query that would make or read a
  longer value fails at once inside SQLite with `string or blob too big`, before anything is allocated;
- the rows a query returns may hold at most `MAX_RESPONSE_BYTES` of text and blobs in all (counted as each
  row is fetched): past that the query fails with a message saying so, instead of growing a response.
Datasette's own `max_returned_rows`, `truncate_cells_html` and SQL time limit (`pipeline/web/serve.py`
SETTINGS) bound the rest. Both limits are twice the largest text dump chitieu reads, so every value the
pipeline stores can still be shown.
"""
from __future__ import annotations

import sqlite3
from weakref import WeakKeyDictionary

from datasette import hookimpl

from extractors.textdump import MAX_DUMP_BYTES

MAX_VALUE_BYTES = 2 * MAX_DUMP_BYTES     # the longest value a query may make or read (64 MB)
MAX_RESPONSE_BYTES = 2 * MAX_DUMP_BYTES  # the most text and blob bytes the rows of one query may hold
_MB = 1024 * 1024

_spent: WeakKeyDictionary = WeakKeyDictionary()  # cursor -> bytes of the rows it has returned so far


def budgeted_row(cursor, row):
    """Datasette's row (`sqlite3.Row`), once the rows of this cursor so far stay within the budget."""
    spent = _spent.get(cursor, 0) + sum(len(v) for v in row if isinstance(v, (str, bytes)))
    if spent > MAX_RESPONSE_BYTES:
        raise sqlite3.OperationalError(
            f"result too large: its rows hold more than {MAX_RESPONSE_BYTES // _MB} MB; ask for fewer rows or "
            f"shorter values (substr, length)")
    _spent[cursor] = spent
    return sqlite3.Row(cursor, row)


@hookimpl
def prepare_connection(conn):
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.row_factory = budgeted_row


# Datasette 0.65 prints every error with rich when rich is installed (chitieu's terminal output uses it).
# For a 404 raised outside an `except` block (a path no route matches: `/-/figure/../../etc/passwd`,
# `/a/b/c/d`) rich itself raises, and the client gets a 500 instead of the 404. The print is only a
# developer's aid on the server's console: chitieu turns it off, and such paths answer 404.
def _no_rich_tracebacks() -> None:
    import datasette.handle_exception as handler

    handler.rich = None


_no_rich_tracebacks()
