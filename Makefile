# Two commands on a fresh machine: `make run` (set up, lint the sample drafts) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: run test lint-samples clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-deps: $(BIN)/activate pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[report]'
	touch $@

$(VENV)/.test-deps: $(BIN)/activate pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.run-deps

# Lints the bundled sample drafts. Findings are the demonstration: exit status 1 (findings) counts as success.
run: $(VENV)/.run-deps
	$(BIN)/draftlint check fixtures/samples --statistics; status=$$?; test $$status -le 1

test: $(VENV)/.test-deps
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) .draftlint_cache .pytest_cache build dist
