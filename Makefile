# IOP Guide: `make run` to use the site, `make test` for the suite, `make check` for CI.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8000
# Tests run with DEBUG off, as in production, and a throwaway key; the live test server
# speaks plain HTTP, so no HTTPS redirect or HTTPS-only cookies (tests that check them
# switch them on). pyproject.toml's [tool.pytest.ini_options] env gives a bare `pytest`
# the same values as defaults; here they are forced, whatever the calling shell exports
# (scripts/with-postgres then exports its own DATABASE_URL).
TEST_ENV := DEBUG=0 SECRET_KEY=test-only-insecure-key DATABASE_URL= \
  SECURE_SSL_REDIRECT=0 SESSION_COOKIE_SECURE=0 CSRF_COOKIE_SECURE=0
PYTEST := $(BIN)/pytest -q

.PHONY: help install lock run migrate content test test-pg test-browser chromium lint typecheck format
.PHONY: check clean bench wrk nginx
.PHONY: messages makemessages gettext

help:
	@echo "make run    - set up and serve the site on http://$(HOST):$(PORT)/ (with the task worker)"
	@echo "make test   - set up and run the test suite (SQLite)"
	@echo "make check  - lint, type check, Django checks, migrations check, suite on SQLite and"
	@echo "              PostgreSQL, then the browser tests (make test-browser)"
	@echo "make bench  - load-test the app under gunicorn on a throwaway PostgreSQL (~10 minutes)"
	@echo "make lock   - regenerate requirements.lock from pyproject.toml (LOCK_ARGS=--upgrade"
	@echo "              to move every pin to the newest allowed version)"
	@echo "make messages     - compile the translations (run, test and check do it first)"
	@echo "make makemessages - refresh locale/es/LC_MESSAGES/django.po from the code"

# The exact versions CI tests with (the dev extra included) are in requirements.lock;
# the project itself is installed on top without resolving anything again.
LOCK := requirements.lock

$(STAMP): pyproject.toml $(LOCK)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $(STAMP)

install: $(STAMP)

# After changing a dependency in pyproject.toml: `make lock`, then commit both files. Pins
# that still fit are kept; LOCK_ARGS=--upgrade (or --upgrade-package NAME) moves them.
lock:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test -x $(BIN)/uv || $(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 \
	  --python-platform linux --custom-compile-command "make lock" --quiet \
	  --output-file $(LOCK) $(LOCK_ARGS)

migrate: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py migrate --no-input
	DEBUG=1 $(BIN)/python manage.py createcachetable

# The task worker (intake notifications) runs in the background beside the server and
# stops with it. --no-reload: the reloader's child would outlive the kill below.
run: migrate messages
	DEBUG=1 $(BIN)/python manage.py load_demo_data
	@echo "IOP Guide is starting at http://$(HOST):$(PORT)/ with its task worker (Ctrl+C stops both)"
	@DEBUG=1 $(BIN)/python manage.py db_worker --no-reload & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The browser tests run in their own pytest process: their live server and Playwright's
# event loop do not share one test database run with the rest of the suite. Without
# Chromium they skip with a message (`make test-browser` installs it).
test: $(STAMP) messages
	$(TEST_ENV) $(PYTEST) -m "not browser"
	$(TEST_ENV) $(PYTEST) -m browser -rs

test-pg: $(STAMP) messages nginx
	$(TEST_ENV) scripts/with-postgres $(PYTEST) -m "not browser"

# End-to-end tests in Debian's Chromium (never Playwright's own browser download).
# Screenshots land in test-results/screenshots/.
test-browser: $(STAMP) messages chromium
	$(TEST_ENV) CHROMIUM_PATH=/usr/bin/chromium $(PYTEST) -m browser

chromium:
	@scripts/ensure-debian-package /usr/bin/chromium chromium "The browser tests"

# The PostgreSQL run puts gunicorn behind a real nginx (tests/core/test_nginx_front.py),
# with deploy/nginx/'s configuration; openssl makes its throwaway certificate.
nginx:
	@scripts/ensure-debian-package /usr/sbin/nginx nginx "The nginx front-end test"
	@scripts/ensure-debian-package openssl openssl "The nginx front-end test"

# Load test: seeds a throwaway PostgreSQL (CI=true: install or fail, never skip), serves
# the app with gunicorn.conf.py and drives it with wrk. See the README, "Performance".
bench: $(STAMP) wrk
	CI=true scripts/with-postgres $(BIN)/python bench/run.py $(BENCH_ARGS)

wrk:
	@scripts/ensure-debian-package wrk wrk "The benchmark"

# Translations. The .po catalogues are the source and are committed; the .mo files are
# compiled from them here (never committed). Django's compilemessages needs GNU gettext.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

messages: $(MO_FILES)

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po | $(STAMP) gettext
	DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv --locale $*

# The staff admin is English only, so its templates are left out of the catalogue.
makemessages: $(STAMP) gettext
	DEBUG=1 $(BIN)/python manage.py makemessages --locale es --no-obsolete \
	  --ignore=.venv --ignore=tests --ignore=bench --ignore=templates/admin
	@echo "Translate every new or fuzzy entry in locale/es/LC_MESSAGES/django.po, then: make messages"

gettext:
	@scripts/ensure-debian-package msgfmt gettext "Compiling the translations"

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

# mypy reads what to check, and how, from pyproject.toml ([tool.mypy], [tool.django-stubs]).
typecheck: $(STAMP)
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: lint typecheck messages nginx
	$(TEST_ENV) $(BIN)/python manage.py check --fail-level WARNING
	$(TEST_ENV) $(BIN)/python manage.py makemigrations --check --dry-run
	$(TEST_ENV) $(PYTEST) -m "not browser"
	$(TEST_ENV) scripts/with-postgres $(PYTEST) -m "not browser"
	$(MAKE) test-browser

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
