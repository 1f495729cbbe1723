# Two commands do everything on a fresh machine (see README):
#   make install   -> .venv with sahel_ner, its English model and dev tools; then a sample extraction
#   make test      -> installs first if needed, then runs the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: install test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

.install-stamp: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 >/dev/null
	touch .install-stamp

install: .install-stamp
	$(BIN)/sahel-ner extract examples/articles -o out

test: .install-stamp
	$(BIN)/python -m pytest -q -p no:cacheprovider
