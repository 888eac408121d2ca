"""`chitieu run`: every document of a corpus folder through extraction into the database."""
from __future__ import annotations

import sys
from pathlib import Path

from pipeline.document import InputError


def run_corpus(corpus: Path, db_path: Path, quiet: bool = False) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from extractors.textdump import read_dump
    from pipeline.cli import corpus_files
    from pipeline.extract import extract_document
    from pipeline.store import finish_run, load, open_db, start_run

    if not corpus.is_dir():
        print(f"chitieu: corpus folder not found: {corpus}", file=sys.stderr)
        return 2
    files = corpus_files(corpus)
    db = open_db(db_path)
    run_id = start_run(db, "run", [str(f) for f in files])
    counts = {"documents_read": 0, "documents_new": 0, "documents_changed": 0, "documents_unchanged": 0,
              "documents_failed": 0, "mentions_added": 0}
    errors: list[tuple[str, str]] = []
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        disable=quiet, transient=False, console=None)
    with progress:
        task = progress.add_task("extracting", total=len(files))
        for f in files:
            progress.update(task, description=f"extracting {f.name}")
            try:
                docs = read_dump(f)
            except InputError as e:
                errors.append((str(f), str(e)))
                counts["documents_failed"] += 1
                print(f"chitieu: {e}", file=sys.stderr)
                progress.advance(task)
                continue
            for doc in docs:
                counts["documents_read"] += 1
                try:
                    ex = extract_document(doc)
                    status = load(db, ex)
                except Exception as e:  # one bad document must not stop the run
                    errors.append((f"{f}#{doc.id}", f"{type(e).__name__}: {e}"))
                    counts["documents_failed"] += 1
                    print(f"chitieu: {f} ({doc.id}): {type(e).__name__}: {e}", file=sys.stderr)
                    continue
                counts[f"documents_{status}"] += 1
                if status != "unchanged":
                    counts["mentions_added"] += len(ex.mentions)
            progress.advance(task)
    finish_run(db, run_id, counts, errors)
    if not quiet:
        print(f"chitieu: {counts['documents_read']} documents read ({counts['documents_new']} new, "
              f"{counts['documents_changed']} changed, {counts['documents_unchanged']} unchanged, "
              f"{counts['documents_failed']} failed), {counts['mentions_added']} mentions added -> {db_path}",
              file=sys.stderr)
    return 0
