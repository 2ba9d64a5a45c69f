# Warta: `make run` to serve the demo site (with its background worker),
# `make test` to run every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEV_ENV := DEBUG=true
ADDR ?= 127.0.0.1:8000

.PHONY: run test install migrate seed lint check messages clean bench bench-tools stack loadtest

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

migrate: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput

seed: migrate
	$(DEV_ENV) $(BIN)/python manage.py seed_demo

# The worker (photo renditions) runs beside the development server; Ctrl-C
# stops both. --no-reload: a reloading worker's parent would leave its child
# running when stopped; restart `make run` after changing task code.
run: seed
	@$(DEV_ENV) $(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker; exit 0' INT TERM EXIT; \
	$(DEV_ENV) $(BIN)/python manage.py runserver $(ADDR)

# The browser tests' accessibility checks use axe-core from npm.
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --silent

test: install node_modules/.package-lock.json
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run

# The real stack (nginx + two gunicorns + worker + PostgreSQL + Redis) and its
# smoke test; loadtest adds 200 readers and 5 editors for LOADTEST_DURATION
# seconds (tests/stack/run describes both).
stack: install
	tests/stack/run

loadtest: install
	LOADTEST_DURATION=$${LOADTEST_DURATION:-300} tests/stack/run --loadtest

messages: install
	DEBUG=true $(BIN)/python manage.py makemessages -l id --ignore=.venv
	DEBUG=true $(BIN)/python manage.py compilemessages --ignore=.venv

# PostgreSQL at 1,000 and 100,000 stories (BENCH_SIZES=1000 for a quick try);
# writes docs/benchmarks.md. See bench/run.py for the other BENCH_* settings.
bench: install bench-tools
	$(BIN)/python bench/run.py

bench-tools:
	@command -v wrk >/dev/null && command -v nginx >/dev/null && command -v psql >/dev/null || \
	  (export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && \
	   apt-get install -y -qq wrk nginx postgresql-client >/dev/null)

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
