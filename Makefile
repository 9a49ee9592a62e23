# The two commands of the README. Both work on a fresh machine with Python ≥ 3.11.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test setup setup-dev lint bench clean

## make run — set up, migrate the embedded SQLite database, load demo data, serve on http://127.0.0.1:8000
run: setup
	$(BIN)/chanrac db upgrade
	$(BIN)/chanrac demo
	@echo "chanrac: dashboard on http://$(HOST):$(PORT)/ — report form /report — API docs /docs — Ctrl-C to stop"
	$(BIN)/chanrac serve --host $(HOST) --port $(PORT)

## make test — set up with the dev and spark extras, run the whole test suite (CI calls this)
test: setup-dev
	$(BIN)/pytest -n 2 --dist loadgroup -q

setup: $(VENV)/.installed

setup-dev: $(VENV)/.installed-dev
	@test -x /usr/bin/chromium || { apt-get update && apt-get install -y chromium; }  # web UI browser tests

$(VENV)/.created:
	$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "chanrac needs Python >= 3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	touch $@

$(VENV)/.installed: pyproject.toml $(VENV)/.created
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.created
	$(BIN)/pip install --quiet -e '.[dev,spark]'
	touch $@ $(VENV)/.installed

lint: setup-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

bench: setup-dev
	$(BIN)/python bench/intake.py

clean:
	rm -rf $(VENV) chanrac.db chanrac.db-wal chanrac.db-shm
