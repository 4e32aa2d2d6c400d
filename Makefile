# Mapa Partycypacji: the command index. `make help` lists the targets.
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
SHARED_GEODATA := ../shared/geodata
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help demo test bench setup system db python assets messages boundaries samples serve makemessages lint clean backup restore

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

demo: setup boundaries samples serve ## install what is missing, import boundaries, load samples, serve on http://127.0.0.1:8000/ (PORT overrides)

# The test suite also needs Chromium; target-specific, so prerequisites see it too.
test: SYSTEM_ARGS := --browser
test: setup ## the same set-up, then the import contracts, ruff and the whole test suite
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/ruff check .
	$(PY) -m pytest $(PYTEST_ARGS)

bench: SYSTEM_ARGS := --browser
bench: setup ## benchmarks (not part of make test): import, API and map weight
	$(PY) -m bench $(BENCH_ARGS)

setup: system db python assets messages ## everything the demo and the tests need
	$(PY) manage.py migrate --noinput -v 0

system: ## Debian packages (PostGIS, GDAL, hunspell-pl, gettext) and a running PostgreSQL
	bin/setup-system $(SYSTEM_ARGS)

db: system ## role, database and extensions; writes DATABASE_URL to .env on first run
	bin/setup-db

python: $(VENV)/.installed ## the virtualenv with the Python dependencies
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

assets: node_modules/.installed ## Leaflet and plugins from the npm registry (package-lock.json)
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

messages: $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po)) ## compile translations
locale/%.mo: locale/%.po
	msgfmt --check -o $@ $<

boundaries: ## import gmina boundaries (../shared/geodata, else the official PRG; MAPA_BOUNDARIES overrides)
	@if [ -n "$$MAPA_BOUNDARIES" ]; then \
	  $(PY) manage.py import_boundaries $$MAPA_BOUNDARIES; \
	elif [ -d $(SHARED_GEODATA) ]; then \
	  $(PY) manage.py import_boundaries $(SHARED_GEODATA)/wojewodztwa_pl.geojson && \
	  $(PY) manage.py import_boundaries $(SHARED_GEODATA)/powiaty_pl.geojson && \
	  $(PY) manage.py import_boundaries $(SHARED_GEODATA)/gminy_20_28.geojson; \
	else \
	  $(PY) manage.py import_boundaries prg --level wojewodztwo --voivodeship 20 28 && \
	  $(PY) manage.py import_boundaries prg --level powiat --voivodeship 20 28 && \
	  $(PY) manage.py import_boundaries prg --voivodeship 20 28; \
	fi

samples: ## load the sample cases (flagged as samples); `manage.py load_samples --delete` removes them
	$(PY) manage.py load_samples

serve: ## serve the site on http://127.0.0.1:8000/ (PORT overrides)
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

backup: ## dump the database and the media into backups/mapa-YYYYmmdd-HHMMSS.tar (bin/backup)
	$(PY) bin/backup create

restore: ## restore ARCHIVE=backups/mapa-....tar into an empty database (FORCE=1 replaces)
	@test -n "$(ARCHIVE)" || { echo "make restore: give ARCHIVE=backups/mapa-....tar"; exit 2; }
	$(PY) bin/backup restore "$(ARCHIVE)" $(if $(FORCE),--force)

makemessages: ## refresh locale/pl from the code and templates
	$(PY) manage.py makemessages -l pl -l en --ignore=node_modules --ignore=.venv

lint: ## ruff and the import contracts (docs/architecture.md)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache

clean: ## remove the virtualenv, node_modules and compiled files (the database stays)
	rm -rf $(VENV) node_modules staticfiles
	find locale -name '*.mo' -delete
