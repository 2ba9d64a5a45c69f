# Warta: `make run` to serve the demo site, `make test` to run every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEV_ENV := DEBUG=true

.PHONY: run test install migrate seed lint check messages clean stack loadtest bench bench-tools

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

run: seed
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run

# The real stack (nginx + two gunicorns + worker + PostgreSQL + Redis) and its
# smoke test; loadtest adds 200 readers and 5 editors for LOADTEST_DURATION
# seconds on an archive of STACK_GENERATE (1,000) stories (tests/stack/run).
stack: install
	tests/stack/run

loadtest: install
	LOADTEST_DURATION=$${LOADTEST_DURATION:-300} STACK_GENERATE=$${STACK_GENERATE:-1000} \
	  tests/stack/run --loadtest

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
