# chitieu: `make run` builds the database from corpus/ and serves it; `make test` runs the suite.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= output/chitieu.db
PORT ?= 8001
CONFIG ?= crawl.toml
MONTHLY_ARGS ?=

.PHONY: install run build serve test eval train-status bench bench-quick bench-compare fuzz clean chromium tesseract monthly

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP) tesseract

# Debian's chromium for the browser tests (Playwright's own download cannot work offline).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium could not be installed: browser tests will be skipped"; }

# Debian's tesseract and its Vietnamese data, to OCR scanned PDF reports (scrapers/ocr.py; no model downloads).
tesseract:
	@{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie; } || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-vie >/dev/null) \
	  || echo "tesseract-ocr-vie could not be installed: scanned PDFs will not be OCR'd, OCR tests will be skipped"; }

build: install
	$(BIN)/chitieu run --corpus corpus --db $(DB)

serve: install
	$(BIN)/chitieu serve --db $(DB) --port $(PORT)

run: build serve

test: install chromium tesseract
	$(BIN)/python -m pytest -q

# The monthly batch: the sites named under [monthly] in $(CONFIG), since their last run; output/reports/YYYY-MM.html.
# Options: MONTHLY_ARGS="--swap --corpus corpus --executor dask --scheduler tcp://HOST:8786". See docs/scheduling.md.
monthly: install
	$(BIN)/chitieu run --month $$(date +%Y-%m) --db $(DB) $(if $(wildcard $(CONFIG)),--config $(CONFIG)) $(MONTHLY_ARGS)

eval: install
	$(BIN)/chitieu eval

# Retrain the status model (extractors/data/status_model.json) from tests/gold, after a cross-validation by part.
train-status: install
	$(BIN)/chitieu train-status --cv

bench: install
	$(BIN)/python -m benchmarks.all

bench-quick: install
	$(BIN)/python -m benchmarks.all --quick

# The whole extraction of this checkout against another, side by side: make bench-compare BASE=/tmp/base
# (e.g. after `git worktree add /tmp/base <commit>`).
bench-compare: install
	$(BIN)/python -m benchmarks.compare --base $(BASE)

fuzz: install
	$(BIN)/python tests/fuzz_harness.py --seconds $${FUZZ_SECONDS:-60}

clean:
	rm -rf output/*.db output/*.db-* output/reports
