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

# The report's browser test needs Chromium (Debian package). CI runs as root and installs it here;
# anyone else without it gets a warning, and that test fails saying what is missing.
.chromium-stamp:
	@if command -v chromium >/dev/null 2>&1; then touch $@; \
	elif [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && touch $@; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && touch $@; \
	else echo "warning: chromium is missing and apt-get needs root: run 'sudo apt-get install chromium'" >&2; fi

test: .install-stamp .chromium-stamp
	$(BIN)/python -m pytest -q -p no:cacheprovider
