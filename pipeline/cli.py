"""`pipeline.cli`, the entry point's old address: kept so scripts installed before the move
(`chitieu` pointing at `pipeline.cli:main`) and `python -m pipeline.cli` still work. The command lives in
`pipeline.orchestration.cli`."""
import sys

from pipeline.orchestration.cli import build_parser, main

__all__ = ["build_parser", "main"]

if __name__ == "__main__":
    sys.exit(main())
