"""The lexicon as data: the word lists the extractors read, one small file each, loaded once.

A rule that needs a word reads it from here, so a word is written once and a newcomer changes a list
without reading a regular expression. Every entry carries the example phrases that test it, and
`tests/test_lexicon.py` runs every example through the code that uses the word.

Files are TSV (tab-separated; the first line names the columns; blank lines and lines starting with
`#` are comments; the `example` column holds one or more examples separated by ` | `) or TOML (read
with the standard library's `tomllib`). Entries keep the order of the file: some lists are tried in
order (longest first), and the regular expressions built from them depend on it.

`rows("qualifiers")` gives every entry as a read-only mapping column -> text; `column("qualifiers",
"word")` one column as a tuple; `words(...)` a frozenset of one column; `mapping(...)` a dict from one
column to another; `examples(row)` the examples of an entry; `toml(name)` a TOML file as a dict;
`role_words(name, role)` the words of one role of a file with a `role` column, and `alternation(name, role)`
the same as a regular-expression alternation (`kế hoạch|KH|…`) for the rule that reads them (a word
may stand there as a piece of pattern the rule's code gives it).
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

HERE = Path(__file__).parent
EXAMPLE_SEPARATOR = " | "


class LexiconError(ValueError):
    """A lexicon file that does not read: a row with the wrong number of fields, a missing column."""


def names() -> tuple[str, ...]:
    """Every lexicon file's name (without its extension), sorted."""
    return tuple(sorted(p.stem for p in HERE.iterdir() if p.suffix in (".tsv", ".toml")))


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[Mapping[str, str], ...]:
    """Every entry of `name.tsv`, in file order, as a read-only mapping from column to text."""
    path = HERE / f"{name}.tsv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise LexiconError(f"{path.name}: no header line")
    header = lines[0].split("\t")
    out = []
    for n, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != len(header):
            raise LexiconError(f"{path.name}: entry {n} has {len(fields)} fields, the header {len(header)}: {line!r}")
        out.append(MappingProxyType(dict(zip(header, fields))))
    return tuple(out)


def column(name: str, col: str) -> tuple[str, ...]:
    """One column of `name.tsv`, in file order."""
    entries = rows(name)
    if entries and col not in entries[0]:
        raise LexiconError(f"{name}.tsv has no column {col!r}")
    return tuple(r[col] for r in entries)


def words(name: str, col: str = "word") -> frozenset[str]:
    """One column of `name.tsv` as a set."""
    return frozenset(column(name, col))


def mapping(name: str, key: str, value: str) -> dict[str, str]:
    """A dict from one column to another, in file order (a later duplicate key wins)."""
    return dict(zip(column(name, key), column(name, value)))


def role_words(name: str, role: str, col: str = "word") -> tuple[str, ...]:
    """The `col` of the entries of `name.tsv` whose `role` is `role`, in file order."""
    out = tuple(r[col] for r in rows(name) if r["role"] == role)
    if not out:
        raise LexiconError(f"{name}.tsv has no entry of role {role!r}")
    return out


def alternation(name: str, role: str, col: str = "word", code: Mapping[str, str] | None = None) -> str:
    """The words of one role as a regular-expression alternation, in file order; the words are plain (no
    character a regular expression reads specially outside brackets, so they stand in the pattern as written),
    except that a word `code` names stands as the pattern `code` gives it (a piece of regular expression the rule
    keeps in its code: `tiếp theo` as `tiếp theo(?: là)?`)."""
    code = code or {}
    ws = role_words(name, role, col)
    for w in ws:
        if w not in code and re.escape(w).replace("\\ ", " ").replace("\\-", "-") != w:
            raise LexiconError(f"{name}.tsv: {w!r} ({role}) is not a plain word")
    return "|".join(code.get(w, w) for w in ws)


def examples(row: Mapping[str, str]) -> tuple[str, ...]:
    """The example phrases of one entry."""
    return tuple(e.strip() for e in row.get("example", "").split(EXAMPLE_SEPARATOR) if e.strip())


@lru_cache(maxsize=None)
def toml(name: str) -> Mapping:
    """`name.toml` as a read-only mapping."""
    with open(HERE / f"{name}.toml", "rb") as f:
        return MappingProxyType(tomllib.load(f))
