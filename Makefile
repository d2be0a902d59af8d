# Kith's everyday commands. `make demo` and `make test` work on a fresh machine:
# they install everything the project needs from its own files first.

SHELL := /bin/bash
PYTHON ?= python3
# uv comes from PATH, or is bootstrapped with pip into .tools/ the first time.
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
RUN := $(UV) run --frozen
CHROMIUM ?= /usr/bin/chromium

.PHONY: validators bench returns-check help install python-deps assets browser pdf-libraries demo test check lint typecheck imports migrations-check format db-stop clean calendar

help:
	@echo "make demo   install, migrate, load the demo authority and serve Kith on http://127.0.0.1:8000"
	@echo "make test   install and run the whole test suite (browser tests included)"
	@echo "make check  ruff, mypy, import-linter contracts, migrations check"

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv

install: python-deps assets

python-deps: $(UV)
	$(UV) sync --frozen

assets: node_modules/.package-lock.json
	npm run --silent build

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

# Browser tests drive Debian's Chromium; never `playwright install`.
browser:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi; \
	fi

# Families' PDFs are laid out by WeasyPrint, which needs Pango from the system.
pdf-libraries:
	@if ! ldconfig -p | grep -q libpangoft2-1.0.so.0; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0; fi; \
	fi

demo: install pdf-libraries
	KITH_DEMO=1 $(RUN) kith demo

test: install browser pdf-libraries validators
	$(RUN) pytest

# The sector's SSDA903 and CIN census validators pin old pandas and numpy: each gets a virtual
# environment of its own under var/validators/, never Kith's (kith returns validate 903|cin runs them
# there). The CIN one needs numpy<2 (pip would otherwise pull 2.x, which its pandas 1.5 cannot import)
# and brings lxml, with which the tests check the census XML against the XSD.
VALIDATORS := var/validators

validators: $(VALIDATORS)/903/bin/python $(VALIDATORS)/cin/bin/python

$(VALIDATORS)/903/bin/python:
	$(PYTHON) -m venv $(VALIDATORS)/903
	$(VALIDATORS)/903/bin/pip install --quiet "csc-validator-be-903==0.1.17"

$(VALIDATORS)/cin/bin/python:
	$(PYTHON) -m venv $(VALIDATORS)/cin
	$(VALIDATORS)/cin/bin/pip install --quiet "csc-validator-be-cin==0.1.13" "numpy<2" lxml

check: lint typecheck imports migrations-check

lint:
	$(RUN) ruff check .
	$(RUN) ruff format --check .

format:
	$(RUN) ruff format .
	$(RUN) ruff check --fix .

typecheck:
	$(RUN) mypy

imports:
	$(RUN) lint-imports

migrations-check:
	$(RUN) kith makemigrations --check --dry-run

db-stop:
	$(RUN) kith db stop

clean: db-stop
	rm -rf var/static node_modules assets/build

bench: install
	$(RUN) python benchmarks/record_pages.py

# The statutory returns of the small synthetic authority through both sector validators: fails on any
# error-level issue outside the rules the validators themselves fail to run (CI runs it after the tests).
returns-check: install validators
	$(RUN) python benchmarks/returns.py --size small --check

calendar: ; $(RUN) python -m kith.platform.calendar.generate
