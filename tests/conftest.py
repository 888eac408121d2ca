import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def seed_files():
    return sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def built_db(tmp_path_factory):
    """The corpus run into a database once for the session (read-only for tests)."""
    from pipeline.orchestration.run import run_corpus

    path = tmp_path_factory.mktemp("db") / "chitieu.db"
    assert run_corpus(CORPUS, path, quiet=True) == 0
    return path


@pytest.fixture
def corpus_copy(tmp_path):
    dst = tmp_path / "corpus"
    shutil.copytree(CORPUS, dst)
    return dst
