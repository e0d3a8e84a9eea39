# Two commands on a fresh machine: `make run` (the main job on the sample corpus) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Prefect's local state (its temporary server's SQLite) stays inside the checkout
export PREFECT_HOME ?= $(CURDIR)/.prefect

.PHONY: setup run test lint bench eval clean

# the modules setup.py compiles with mypyc: a change to one rebuilds them, or the old build would run
COMPILED := pipeline/temporal/tagger.py pipeline/temporal/recognize.py pipeline/temporal/lookup.py pipeline/temporal/resolve.py \
            pipeline/temporal/tense.py pipeline/temporal/timex.py pipeline/text.py pipeline/model.py

$(STAMP): pyproject.toml setup.py $(COMPILED)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/timeline run data/sample --db data/timeline.duckdb
	$(BIN)/timeline export --format csv --db data/timeline.duckdb -o data/exports/timeline.csv
	$(BIN)/timeline export --format html --db data/timeline.duckdb -o data/exports/timeline.html --title "Port of Calder strike (sample corpus)"

lint: setup
	$(BIN)/ruff check pipeline flows tests bench
	$(BIN)/mypy --ignore-missing-imports --follow-imports=silent --no-error-summary $(COMPILED)

test: setup lint
	$(BIN)/python -m pytest

# accuracy and speed against peers; CORPUS/SEEDS default to the shared research material next to the repo
CORPUS ?= ../shared/corpora
SEEDS  ?= ../shared/seeds
bench: setup
	$(BIN)/python bench/tempeval.py $(CORPUS)/tempeval3-train/TBAQ-cleaned --system both --notation
	$(BIN)/python bench/tempeval.py $(CORPUS)/meantime-en/intra-doc_annotation --system both
	$(BIN)/python bench/tempeval.py $(CORPUS)/wikiwars --system both
	$(BIN)/python bench/speed.py $(SEEDS) $(CORPUS)/tempeval3-train/TBAQ-cleaned

eval: setup
	$(BIN)/python bench/seeds.py $(SEEDS)

clean:
	rm -rf $(VENV) .prefect .pytest_cache data/timeline.duckdb data/exports bench/out build
	find pipeline -name '*.so' -delete
