# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEV_ENV := DJANGO_DEBUG=1

.PHONY: install run test browser-deps lint format check ci lock messages serve loadtest backup restore bench cluster

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Exact versions from the lock file; `make lock` after changing pyproject.toml.
$(VENV)/.installed: $(PY) requirements-dev.lock pyproject.toml
	$(PY) -m pip install --quiet -r requirements-dev.lock
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m pip check || { echo "requirements-dev.lock is out of date: run make lock"; exit 1; }
	touch $@

install: $(VENV)/.installed

run: install
	$(DEV_ENV) $(PY) manage.py migrate --noinput
	$(DEV_ENV) $(PY) manage.py load_sample_records
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:8000

# PYTEST_ARGS="--require-browser --require-cluster" (as CI runs) fails, rather
# than skips, the browser tests when Chromium or axe-core is missing, and the
# cluster tests when PostgreSQL's server binaries or redis-server are.
test: install browser-deps
	$(PY) -m pytest $(PYTEST_ARGS)

# axe-core, pinned in package-lock.json, for the browser tests' accessibility
# checks; without npm those checks are skipped, and the test summary says so.
AXE := node_modules/axe-core/axe.min.js
browser-deps:
	@if command -v npm >/dev/null; then $(MAKE) -s --no-print-directory $(AXE); \
	else echo "npm not found: the accessibility checks will be skipped"; fi

$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: install
	$(DEV_ENV) $(PY) manage.py check
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run

ci: lint check test

# Pins every dependency of pyproject.toml; existing pins are kept unless
# LOCK_ARGS=--upgrade (or --upgrade-package NAME) says otherwise.
lock: $(PY)
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links $(LOCK_ARGS) -o requirements.lock pyproject.toml
	$(VENV)/bin/pip-compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links --extra dev $(LOCK_ARGS) \
		-o requirements-dev.lock pyproject.toml

# French translations: collect the interface's strings into locale/fr/LC_MESSAGES/django.po
# (translate any new or fuzzy entry there), then compile django.mo, which is
# committed so that `make run` needs no gettext. Needs GNU gettext.
MESSAGE_IGNORES := --ignore=.venv --ignore=staticfiles --ignore=tests --ignore=bench --ignore=cluster --ignore=loadtest \
	--ignore=node_modules --ignore=screenshots
messages: install
	$(DEV_ENV) $(PY) manage.py makemessages --locale fr --no-location --no-obsolete --no-wrap $(MESSAGE_IGNORES)
	$(DEV_ENV) $(PY) manage.py compilemessages --locale fr --ignore .venv

# --- Production server, load test, backups ---------------------------------
# Production settings: DJANGO_SECRET_KEY is required (see README). Plain HTTP
# on loopback; behind a TLS proxy, set DJANGO_SECURE_SSL_REDIRECT=1.
DJANGO_SECURE_SSL_REDIRECT ?= 0
SERVE_ENV := DJANGO_SECURE_SSL_REDIRECT=$(DJANGO_SECURE_SSL_REDIRECT)

serve: install
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py migrate --noinput
	$(SERVE_ENV) $(VENV)/bin/gunicorn --config config/gunicorn.py config.wsgi

LOADTEST_DURATION ?= 60s
LOADTEST_CONNECTIONS ?= 64
loadtest: install
	DURATION=$(LOADTEST_DURATION) CONNECTIONS=$(LOADTEST_CONNECTIONS) $(SERVE_ENV) loadtest/run

# Debug mode only spares these commands a secret key: they serve no page.
backup: install
	$(DEV_ENV) $(PY) manage.py backup_database $(FILE)

restore: install
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/..."; exit 1; }
	$(DEV_ENV) $(PY) manage.py restore_database $(FILE)

# --- Benchmark ----------------------------------------------------------------
# Fresh databases of BENCH_SIZES made-up petitions; results go to BENCHMARKS.md.
# PostgreSQL at 127.0.0.1:5432 (database petitions_bench, or $BENCH_NAME, recreated each run).
BENCH_SIZES ?= 10000,100000
BENCH_DATABASES ?= postgresql,sqlite
BENCH_ARGS ?=
bench: install
	command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(PY) bench/run.py --sizes $(BENCH_SIZES) --databases $(BENCH_DATABASES) $(BENCH_ARGS)

# --- Several machines, on this one ----------------------------------------------
# A PostgreSQL primary and its streaming replica, Redis and two gunicorn servers on
# loopback (README: Deploying on several machines); Ctrl-C stops them and removes
# their folder. CLUSTER_ARGS="--loadtest 30s" drives one port, then both, with wrk.
CLUSTER_ARGS ?=
cluster: install
	$(PY) -m cluster.run $(CLUSTER_ARGS)
