# The two commands a newcomer needs are `make site` and `make test`; both set
# up .venv/ (and node_modules/ for the browser assets) on first use.
PY      := .venv/bin/python
VENV_OK := .venv/.installed
NPM_OK  := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH :=

.PHONY: venv site serve serve-prod audit test test-fast bench lint check linkcheck \
	browser-deps nginx-deps clean

venv: $(VENV_OK) $(NPM_OK)

$(VENV_OK): pyproject.toml
	test -x $(PY) || python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) -m compileall -q src hooks  # as pip does for the installed packages
	touch $@

$(NPM_OK): package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

site: venv
	$(PY) -m helpcenter build

# Not strict: a finding shows in a banner on its page instead of stopping the
# preview (hooks/dev_banner.py); `make site` stays strict.
serve: venv
	HC_PRECOMPRESS=0 $(PY) -m mkdocs serve --livereload --no-strict -a 127.0.0.1:8000

# site/ served by nginx with the production config (deploy/nginx/), in the
# foreground on 127.0.0.1 until Ctrl-C: `make serve-prod PORT=8080`.
PORT ?= 8080
serve-prod: venv nginx-deps
	test -f site/index.html || $(MAKE) site
	$(PY) -m helpcenter serve --port $(PORT)

# Lighthouse (mobile) against the nginx-served site; not part of `make test`.
audit: venv nginx-deps browser-deps
	$(PY) -m helpcenter.site.audit

check: venv
	$(PY) -m helpcenter check

lint: venv
	$(PY) -m ruff check src hooks tests benchmarks
	$(PY) -m ruff format --check src hooks tests benchmarks

browser-deps:
	bash deploy/debian-packages.sh browser

nginx-deps:
	bash deploy/debian-packages.sh nginx

test: venv browser-deps
	$(PY) -m pytest -n 2

test-fast: venv nginx-deps
	$(PY) -m pytest -n 2 -m "not browser"

bench: venv browser-deps
	$(PY) -m benchmarks

linkcheck: venv
	$(PY) -m helpcenter linkcheck

clean:
	rm -rf site dist .venv node_modules
