# Mapa Partycypacji: the command index. `make help` lists the targets.
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
SHARED_GEODATA := ../shared/geodata
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
.PHONY: help demo test bench setup system db python assets messages boundaries voters samples pabulib serve static check-faults makemessages lint clean backup restore

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

demo: setup boundaries voters samples pabulib serve ## install what is missing, import all gminy and their voters, load samples and real budgets, serve on http://127.0.0.1:8000/ (PORT overrides; DEV=1: runserver)

# The test suite also needs Chromium; target-specific, so prerequisites see it too.
# Test processes (pytest-xdist); each test module runs whole in one of them. Three on two
# cores: the tests wait on Chromium, servers and PostgreSQL much of the time.
PYTEST_WORKERS ?= 3
test: SYSTEM_ARGS := --browser
test: setup ## the same set-up, then the import contracts, ruff and the whole test suite
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/ruff check .
	$(VENV)/bin/bandit -q -c pyproject.toml -r mapa practices geodata
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

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

assets: node_modules/.installed static/build/map.js ## Leaflet, supercluster and esbuild from the npm registry (package-lock.json); the maps' bundles of scripts and styles
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@
static/build/map.js: node_modules/.installed bin/build-js $(wildcard static/js/map/*.js static/js/pages/*.js static/css/map*.css)
	bin/build-js

messages: $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po)) ## compile translations
locale/%.mo: locale/%.po
	msgfmt --check -o $@ $<

boundaries: ## import all 2,477 gminy, 380 powiaty, 16 voivodeships (../shared/geodata, else the official PRG; MAPA_BOUNDARIES overrides)
	@if [ -n "$$MAPA_BOUNDARIES" ]; then \
	  $(PY) manage.py import_boundaries $$MAPA_BOUNDARIES; \
	elif [ -d $(SHARED_GEODATA) ]; then \
	  $(PY) manage.py import_boundaries $(SHARED_GEODATA)/wojewodztwa_pl.geojson && \
	  $(PY) manage.py import_boundaries $(SHARED_GEODATA)/powiaty_pl.geojson && \
	  $(PY) manage.py import_boundaries $(SHARED_GEODATA)/gminy_pl.geojson; \
	else \
	  $(PY) manage.py import_boundaries prg --level wojewodztwo && \
	  $(PY) manage.py import_boundaries prg --level powiat && \
	  $(PY) manage.py import_boundaries prg; \
	fi

voters: ## import the eligible voters of every gmina (../shared/geodata/wyborcy_2025.csv; MAPA_VOTERS overrides)
	@voters=$${MAPA_VOTERS:-$(SHARED_GEODATA)/wyborcy_2025.csv}; \
	if [ -f "$$voters" ]; then \
	  $(PY) manage.py import_voters "$$voters" --year 2025; \
	else \
	  echo "No $$voters: eligible voters not imported (turnout and intensity stay empty)."; \
	fi

samples: ## load the sample cases (flagged as samples); `manage.py load_samples --delete` removes them
	$(PY) manage.py load_samples

pabulib: ## import the real participatory budgets of ../shared/samples/pabulib (Pabulib files; idempotent)
	$(PY) manage.py import_pabulib $(sort $(wildcard ../shared/samples/pabulib/*.pb))

# The production profile: gunicorn (mapa/gunicorn_conf.py), DEBUG off, hashed and compressed
# static files served by WhiteNoise. DEV=1 runs Django's development server instead.
serve: ## serve the site on http://127.0.0.1:8000/ with gunicorn (PORT overrides; DEV=1: runserver)
ifeq ($(DEV),1)
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)
else
	@$(MAKE) --no-print-directory static
	DEBUG=0 MAPA_MANIFEST_STATIC=1 MAPA_BIND=127.0.0.1:$(PORT) $(VENV)/bin/gunicorn -c mapa/gunicorn_conf.py
endif

static: ## collect hashed, compressed static files into staticfiles/ (what `make serve` serves)
	MAPA_MANIFEST_STATIC=1 $(PY) manage.py collectstatic --noinput -v 0

check-faults: ## the fault tests: database outage, Redis outage, killed import, stalled and broken streams, lock-out across servers
	$(PY) -m pytest tests/faults $(PYTEST_ARGS)

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

clean: ## remove the virtualenv, node_modules, compiled files and the tile cache (the database stays)
	rm -rf $(VENV) node_modules staticfiles var/tile-cache
	find locale -name '*.mo' -delete
