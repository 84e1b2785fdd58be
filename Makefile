# Two entry points: `make demo` and `make test`. Both set everything up from a clean clone.
PYTHON ?= python3
VENV := .venv
BIN := $(abspath $(VENV))/bin
export VIRTUAL_ENV := $(abspath $(VENV))
export PATH := $(BIN):$(PATH)

.PHONY: setup build demo test lint test-rust test-python bench generate clean

setup: $(VENV)/.setup-done

$(VENV)/.setup-done: requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Builds the Rust extension (release) into python/laakhay/ta and installs the package editable.
build: setup
	$(BIN)/maturin develop --release -q

demo: build
	$(BIN)/python -m laakhay.ta.demo

lint: setup
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	$(BIN)/ruff check python tests benches tools
	$(BIN)/ruff format --check python tests benches tools
	$(BIN)/mypy

test-rust:
	cargo test -p ta-engine

test-python: build
	$(BIN)/pytest

test: lint test-rust test-python

bench: build
	$(BIN)/python benches/bench.py

# Rewrites the typed API from the engine catalog (after changing ta-engine).
generate: build
	$(BIN)/python tools/codegen.py

clean:
	rm -rf $(VENV) target python/laakhay/ta/*.so
