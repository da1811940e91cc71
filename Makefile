# IOP Guide: `make run` to use the site, `make test` for the suite, `make check` for CI.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
# Tests run with DEBUG off, as in production, and a throwaway key; the live test server
# speaks plain HTTP, so no HTTPS redirect or HTTPS-only cookies (tests that check them
# switch them on).
TEST_ENV := DEBUG=0 SECRET_KEY=test-only-insecure-key DATABASE_URL= \
  SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0
PYTEST := $(BIN)/pytest -q

.PHONY: help install run migrate content test test-pg test-browser chromium lint format check clean

help:
	@echo "make run    - set up and serve the site on http://$(HOST):$(PORT)/"
	@echo "make test   - set up and run the test suite (SQLite)"
	@echo "make check  - lint, Django checks, migrations check, suite on SQLite and PostgreSQL,"
	@echo "              then the browser tests (make test-browser)"

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

migrate: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DEBUG=1 $(BIN)/python manage.py createcachetable

run: migrate
	DEBUG=1 $(BIN)/python manage.py load_demo_data
	@echo "IOP Guide is starting at http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(STAMP)
	$(TEST_ENV) $(PYTEST)

test-pg: $(STAMP)
	$(TEST_ENV) scripts/with-postgres $(PYTEST) -m "not browser"

# End-to-end tests in Debian's Chromium (never Playwright's own browser download).
# Screenshots land in test-results/screenshots/.
test-browser: $(STAMP) chromium
	$(TEST_ENV) CHROMIUM_PATH=/usr/bin/chromium $(PYTEST) -m browser

chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null \
	      || { echo "Could not install chromium with apt-get." >&2; exit 1; }; \
	  else \
	    echo "The browser tests need Debian's chromium: run 'sudo apt-get install -y chromium'." >&2; \
	    exit 1; \
	  fi; \
	fi

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: lint
	$(TEST_ENV) $(BIN)/python manage.py check --fail-level WARNING
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(TEST_ENV) $(PYTEST) -m "not browser"
	$(TEST_ENV) scripts/with-postgres $(PYTEST) -m "not browser"
	$(MAKE) test-browser

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
