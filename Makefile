# Cohesio: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEV_STAMP := $(VENV)/.installed-dev-stamp
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install install-dev run test lint assets system-deps migrate demo clean

# `make run` installs only what running needs; the test tool chain comes with `make test`.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(DEV_STAMP)

install: $(STAMP)

install-dev: $(DEV_STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py createcachetable

demo: migrate
	$(BIN)/cohesio demo

run: demo
	@echo "Serving Cohesio on http://$(HOST):$(PORT)/ (Ctrl+C to stop)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Debian's Chromium for the browser tests and WeasyPrint's libraries, installed when missing (needs root).
system-deps:
	@if [ -x /usr/bin/chromium ] && ldconfig -p | grep -q libpangoft2; then \
		echo "System packages present."; \
	elif [ "$$(id -u)" = "0" ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			chromium libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; \
	else \
		echo "Not root: install Debian packages chromium libpango-1.0-0 libpangoft2-1.0-0 yourself."; \
	fi

lint: install-dev
	$(BIN)/ruff check cohesio e2e bench conftest.py
	$(BIN)/lint-imports

test: install-dev system-deps lint
	$(BIN)/python manage.py makemigrations --check --dry-run -v0
	$(BIN)/pytest -p no:cacheprovider -n 2

assets:
	bash frontend/build.sh

clean:
	rm -rf $(VENV) var
