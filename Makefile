# Every target sets itself up: a fresh clone needs only python3 (>= 3.10) and the package index.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: test demo bench evaluate clean

$(BIN)/ruextract: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $@

test: $(BIN)/ruextract
	$(BIN)/python -m pytest -q

demo: $(BIN)/ruextract
	$(BIN)/ruextract extract examples/seed_article.txt --published 2020-10-26 --format json

bench: $(BIN)/ruextract
	$(BIN)/python -m pip install -q -e ".[bench]"
	$(BIN)/python benchmarks/run.py --data ../shared/data

clean:
	rm -rf $(VENV) build dist src/*.egg-info
