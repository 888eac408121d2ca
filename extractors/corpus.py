"""The files of a corpus folder: regular files inside the folder, nothing else.

A corpus folder is untrusted like everything else: a symbolic link in it could point at `/etc/passwd`
or at a folder outside it, and a FIFO or a device would block the run or feed it endless bytes. So the
listing takes regular files only, and names every symbolic link and special file it refuses (the run
records them in `run_errors` and goes on). With `follow_symlinks` (`chitieu run --follow-symlinks`)
links are followed, to files and folders wherever they point, but only regular files are read even
then, and a folder reached twice (a link loop) is walked once.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

DUMP_SUFFIXES = (".txt", ".text", ".md")

_KINDS = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket"}


@dataclass
class CorpusListing:
    files: list[Path] = field(default_factory=list)              # regular files to read, sorted
    refused: list[tuple[Path, str]] = field(default_factory=list)  # (path, message naming it), sorted


def is_dump_name(name: str) -> bool:
    """`.txt`, `.text`, `.md`, or no suffix and not hidden."""
    suffix = os.path.splitext(name)[1]
    return suffix.lower() in DUMP_SUFFIXES or (suffix == "" and not name.startswith("."))


def special_kind(mode: int) -> str:
    """What a file that is neither a regular file nor a folder is, in words."""
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def list_corpus(corpus: Path, follow_symlinks: bool = False) -> CorpusListing:
    """The dump files of `corpus` (recursively) and what was refused, each with a message naming it."""
    out = CorpusListing()
    seen_dirs: set[tuple[int, int]] = set()

    def refuse(path: Path, why: str) -> None:
        out.refused.append((path, f"{path}: {why}"))

    def walk(folder: Path) -> None:
        st = os.stat(folder)
        if (st.st_dev, st.st_ino) in seen_dirs:
            return  # a link loop, or a folder linked twice: walked once
        seen_dirs.add((st.st_dev, st.st_ino))
        try:
            entries = list(os.scandir(folder))
        except OSError as e:
            refuse(folder, f"folder cannot be read: {e.strerror or e}")
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                if entry.is_symlink():
                    link(path)
                elif entry.is_dir(follow_symlinks=False):
                    walk(path)
                elif is_dump_name(entry.name):
                    mode = entry.stat(follow_symlinks=False).st_mode
                    if stat.S_ISREG(mode):
                        out.files.append(path)
                    else:
                        refuse(path, f"{special_kind(mode)}, not a regular file: not read")
            except OSError as e:
                refuse(path, f"cannot be read: {e.strerror or e}")

    def link(path: Path) -> None:
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        if not follow_symlinks:
            if is_dump_name(path.name) or path.is_dir():
                refuse(path, f"a symbolic link (to {target}), not a regular file inside the corpus folder: "
                             f"not read (chitieu run --follow-symlinks reads what links point to)")
            return
        try:
            st = os.stat(path)
        except OSError:
            refuse(path, f"a broken symbolic link (to {target}): not read")
            return
        if stat.S_ISDIR(st.st_mode):
            walk(path)
        elif not is_dump_name(path.name):
            return
        elif stat.S_ISREG(st.st_mode):
            out.files.append(path)
        else:
            refuse(path, f"a symbolic link (to {target}) to {special_kind(st.st_mode)}, not a regular file: "
                         f"not read")

    walk(corpus)
    out.files.sort()
    out.refused.sort()
    return out
