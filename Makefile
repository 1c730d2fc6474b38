# Two entry points (see README): `make build` and `make test`.
# Each sets up what it needs on a fresh machine first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: build test validate serve bench clean

build: $(VENV)/.base
	$(BIN)/python -m generator build

test: $(VENV)/.test /usr/bin/chromium /usr/bin/node node_modules/axe-core/axe.min.js
	$(BIN)/python -m pytest

validate: $(VENV)/.base
	$(BIN)/python -m generator validate

# Live preview for editors: renders again only the pages an edited record changes.
serve: $(VENV)/.base
	$(BIN)/mkdocs serve

# Benchmarks print figures; they assert nothing and are not part of `make test`.
bench: $(VENV)/.test
	$(BIN)/python bench/run.py
	$(BIN)/python bench/datapackage.py
	$(BIN)/python bench/site.py

# Long fuzz campaign of the checker (100,000 seeded mutants on every core); prints
# figures and fails on a crash, a problem without position or a file over 2 s.
.PHONY: fuzz
fuzz: $(VENV)/.test
	$(BIN)/python bench/fuzz.py 100000

$(VENV)/.base: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.test: $(VENV)/.base
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

# Browser tests drive Debian's chromium (Playwright never downloads a browser here).
/usr/bin/chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

# Node runs the form's JavaScript in tests/test_form.py; npm installs axe-core below.
/usr/bin/node /usr/bin/npm:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null

# axe-core for the accessibility tests, pinned in package-lock.json; the tests inject it from here.
node_modules/axe-core/axe.min.js: package.json package-lock.json | /usr/bin/npm
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf $(VENV) public node_modules
