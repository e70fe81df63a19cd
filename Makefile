# DMU Board: every target sets up what it needs in .venv first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench soak fuzz dist dist-check clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m dmuboard

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check dmuboard tests
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

soak: $(STAMP)
	QT_QPA_PLATFORM=offscreen DMUBOARD_KILL_TRIALS=200 $(PY) -m pytest -q tests/test_crash_safety.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
