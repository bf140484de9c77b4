# Two commands set everything up on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# axe-core (browser tests) and Lighthouse (make bench), at the versions package-lock.json pins.
NODE_STAMP := node_modules/.installed
# Set to a PyTorch wheel index (e.g. https://download.pytorch.org/whl/cu128) to install a CUDA build.
TORCH_INDEX_URL ?=
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-15s %s\n", $$1, $$2}'

install: $(STAMP) ## Create .venv and install the tooling (snippet_docs) with its pinned dependencies

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(if $(TORCH_INDEX_URL),$(PY) -m pip install --quiet torch==2.13.0 --index-url $(TORCH_INDEX_URL))
	$(PY) -m pip install --quiet -e ".[docs,test]"
	touch $@

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 (Debian: nodejs npm); the browser tests need axe-core" >&2; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

serve: install ## Serve both languages on http://127.0.0.1:8000 (Chinese under /zh/)
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

test: install $(NODE_STAMP) ## Run every check: lint, snippets, differential tests, parity, strict build, browser, axe-core, links
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest -n auto --dist loadgroup

# Checks with no torch import and no build, fast enough for every edit (make bench measures them).
CHECK_TESTS := tests/content/test_structure.py tests/content/test_glossary.py tests/content/test_translations.py \
	tests/content/test_readme_layout.py tests/content/test_questions.py tests/tooling/test_questions.py \
	tests/tooling/test_checks.py tests/tooling/test_directives.py tests/tooling/test_translation_records.py \
	tests/tooling/test_mathml.py tests/tooling/test_glossary.py tests/tooling/test_site_html.py

check: install ## Fast checks for every edit: structure, en/zh parity, glossary, translations, lint
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest -q -p no:cacheprovider --quick $(CHECK_TESTS)

build: install ## Build the site strictly into site/
	$(PY) -m mkdocs build --strict

portability: install ## Rerun every snippet under each CPU capability here (default, avx2, avx512) with 1 and 2 threads
	$(PY) -m snippet_docs.runner.portability

update-outputs: install ## Rewrite every snippets/**/*.out from a CPU run, then review `git diff`
	$(PY) -m pytest tests/content/test_snippets.py --update-outputs

translations: install ## List zh pages that are stale, missing or unrecorded, with the English diff since translation
	$(PY) -m snippet_docs.translation list

translated: install ## After translating, record the English a zh page matches: make translated PAGE="loop glossary"
	@test -n "$(PAGE)" || { echo 'name the page(s): make translated PAGE=loop (or PAGE="loop glossary")'; exit 2; }
	$(PY) -m snippet_docs.translation record $(PAGE)

notebooks: install ## Write the notebooks the build makes into build/notebooks/{en,zh}/ (to read them as files)
	$(PY) -m snippet_docs.notebooks

bench: install $(NODE_STAMP) ## Speed budgets, where the suite's time goes, page weights, Lighthouse scores against budgets
	@status=0; $(PY) benchmarks/snippets_and_build.py || status=1; $(PY) benchmarks/pages.py || status=1; \
	$(PY) benchmarks/lighthouse.py || status=1; exit $$status

clean: ## Remove the built site and caches (keeps .venv)
	rm -rf site build .pytest_cache

.PHONY: help install serve test check build portability update-outputs translations translated notebooks bench clean
