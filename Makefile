# DMU Board: every target sets up what it needs in .venv first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench soak fuzz dist dist-check office-check clean

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

# The PowerPoint export opened by LibreOffice Impress (headless, converted to PDF). Needs
# LibreOffice, which `make test` does not: apt-get install -y libreoffice-impress.
office-check: $(STAMP)
	@command -v soffice >/dev/null || { echo "make office-check: LibreOffice is not installed; apt-get install -y libreoffice-impress"; exit 1; }
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/office_pptx.py

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

soak: $(STAMP)
	QT_QPA_PLATFORM=offscreen DMUBOARD_KILL_TRIALS=200 $(PY) -m pytest -q tests/test_crash_safety.py

# Coverage-guided fuzzing of the .dmu and .json readers (fuzz/): atheris is installed
# here only (the "fuzz" extra); FUZZ_TIME seconds per reader; crashing inputs are
# kept in fuzz/artifacts/.
FUZZ_TIME ?= 300

fuzz: $(STAMP)
	@$(PY) -m pip install --quiet -e '.[fuzz]' || { \
	  echo "make fuzz: atheris could not be installed for $$($(PY) --version); it needs a wheel for this Python or clang with libFuzzer to build one."; \
	  exit 1; }
	mkdir -p fuzz/artifacts
	PYTHONPATH=$(CURDIR) QT_QPA_PLATFORM=offscreen $(PY) fuzz/fuzz_open.py -max_total_time=$(FUZZ_TIME) -artifact_prefix=fuzz/artifacts/
	PYTHONPATH=$(CURDIR) $(PY) fuzz/fuzz_json.py -max_total_time=$(FUZZ_TIME) -artifact_prefix=fuzz/artifacts/

# The desktop build (docs/packaging.md): a fresh virtual environment holding only what
# pyproject.toml asks for, then dmuboard.spec; prints the size of the folder.
DIST_VENV := build/dist-venv
DIST_APP  := dist/DMU Board
DIST_ARCHIVE = dist/DMU-Board-$(shell sed -n 's/^__version__ = "\(.*\)"$$/\1/p' dmuboard/__init__.py)-linux-$(shell uname -m).tar.gz

dist:
	rm -rf $(DIST_VENV) "$(DIST_APP)" "$(DIST_ARCHIVE)" build/dmuboard
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(DIST_VENV)/bin/python -m pip install --quiet '.[dist]'
	$(DIST_VENV)/bin/python -m PyInstaller --noconfirm --clean --log-level WARN dmuboard.spec
	tar -C dist -czf "$(DIST_ARCHIVE)" "DMU Board"
	@echo "make dist: '$(DIST_APP)' is $$(du -sm '$(DIST_APP)' | cut -f1) MB (aim: 150 MB or less);" \
		"to hand out: $(DIST_ARCHIVE), $$(du -sm '$(DIST_ARCHIVE)' | cut -f1) MB"

dist-check:
	bash packaging/dist_check.sh "$(DIST_APP)"

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
