# Creative FLIP Knowledge Base. `make run` and `make test` are all a new
# developer needs; both create the virtual environment on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# `make run` needs only the site's packages; `make test` adds the dev extra
# (pytest, Playwright, schemathesis...), which a first run would wait for.
RUN_STAMP := $(VENV)/.run-stamp
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
# The public address: links in the sitemap, feeds and CSV (core/site_url.py).
SITE_URL ?= http://$(HOST):$(PORT)

.PHONY: install run serve test lint fix e2e-deps messages clean

$(RUN_STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $(RUN_STAMP)

$(STAMP): $(RUN_STAMP)
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## Create the venv, migrate, load the demo (only when it changed) and serve.
run: $(RUN_STAMP)
	SITE_URL=$(SITE_URL) $(PY) manage.py migrate --noinput
	command -v msgfmt >/dev/null && $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0 || echo "gettext not installed: interface stays in English"
	SITE_URL=$(SITE_URL) $(PY) manage.py load_demo --if-needed
	SITE_URL=$(SITE_URL) $(PY) manage.py runserver $(HOST):$(PORT)

## Lint, check migrations, run every test: the unit tests on two workers
## and, at the same time, the browser tests (one server, one demo; E2E=0
## skips them), which mostly wait for the browser and the server. Each
## part's output is printed when it ends. DATABASE_URL picks PostgreSQL.
test: install e2e-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=creativeflip.settings.test $(PY) manage.py makemigrations --check --dry-run
	command -v msgfmt >/dev/null && $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0 || echo "gettext not installed: interface stays in English"
	$(MAKE) --no-print-directory -j2 --output-sync=target unit-tests $(if $(filter 0,$(E2E)),,browser-tests)
ifeq ($(E2E),0)
	@echo "Browser tests skipped (E2E=0)."
endif

.PHONY: unit-tests browser-tests
unit-tests: install
	$(VENV)/bin/pytest -m "not e2e" -n 2 --dist loadscope --durations=15 $(PYTEST_ARGS)

# Niced: beside the unit tests, which take longer, the waiting browser
# tests give way, so both end sooner than at equal shares.
browser-tests: install e2e-deps
	nice -n 10 $(VENV)/bin/pytest -m e2e $(PYTEST_ARGS)

## axe-core for the accessibility sweep and vnu-jar (the Nu HTML checker,
## run on the system's Java) from npm, pinned in package-lock.json.
e2e-deps: node_modules/axe-core/axe.min.js node_modules/vnu-jar/build/dist/vnu.jar

node_modules/axe-core/axe.min.js node_modules/vnu-jar/build/dist/vnu.jar: package.json package-lock.json
	npm ci --silent --no-audit --no-fund --ignore-scripts
	touch node_modules/axe-core/axe.min.js node_modules/vnu-jar/build/dist/vnu.jar

## Every measure of issue 16 in one table (benchmarks/run_all.py; docs/performance.md).
## BENCH_ARGS picks parts, e.g. BENCH_ARGS="--only render,wrk" or "--only search --large".
.PHONY: bench
bench: install
	$(PY) benchmarks/run_all.py $(BENCH_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

fix: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml templates

## Extract interface strings into locale/<lang>/LC_MESSAGES/django.po.
messages: install
	$(PY) manage.py makemessages --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=media $$($(PY) core/languages.py)

clean:
	rm -rf $(VENV) node_modules db.sqlite3 .test-db*.sqlite3 .e2e-db*.sqlite3 .test-media
