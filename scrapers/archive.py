"""The raw bytes of every page and report as fetched, gzipped and filed by their SHA-256 —
`archive/ab/abcdef….html.gz` — so a journalist can see the page as it was, whatever the site shows
later. Writing the same bytes twice is a no-op; a file appears whole or not at all.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
from pathlib import Path

EXTENSIONS = {"html": "html", "pdf": "pdf", "docx": "docx", "xml": "xml"}


class Archive:
    def __init__(self, root: str | Path):
        self.root = Path(root)

    @staticmethod
    def name_for(content: bytes, kind: str = "html") -> str:
        """Where `content` is (or would be) filed, relative to the archive root."""
        digest = hashlib.sha256(content).hexdigest()
        return f"{digest[:2]}/{digest}.{EXTENSIONS.get(kind, 'bin')}.gz"

    def save(self, content: bytes, kind: str = "html") -> str:
        """Store `content`; return its path relative to the archive root."""
        rel = Path(self.name_for(content, kind))
        path = self.root / rel
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
                    gz.write(content)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        return rel.as_posix()

    def read(self, rel: str) -> bytes:
        with gzip.open(self.root / rel, "rb") as f:
            return f.read()
