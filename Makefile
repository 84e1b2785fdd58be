# Two entry points: `make demo` and `make test`. Both set everything up from a clean clone.
PYTHON ?= python3
VENV := .venv
BIN := $(abspath $(VENV))/bin
export VIRTUAL_ENV := $(abspath $(VENV))
export PATH := $(BIN):$(PATH)

.PHONY: setup build demo test lint test-rust test-python bench generate clean browser wheel docs

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

# Headless browser for the chart tests (tests/test_plot.py renders exported HTML in it).
browser:
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

# The abi3 wheel (one for every CPython from 3.10) into dist/; tests/test_wheel.py installs it
# into a fresh virtual environment and runs the README quickstart there.
wheel: setup
	rm -f dist/laakhay_ta-*.whl
	$(BIN)/maturin build --release -q -o dist

# The indicator reference, docs/indicators.md, from the catalog (tests/test_docs.py checks it).
docs: build
	$(BIN)/python tools/docs.py

test-python: build browser wheel
	LAAKHAY_WHEEL="$$(ls $(abspath dist)/laakhay_ta-*.whl)" $(BIN)/pytest

test: lint test-rust test-python

bench: build
	$(BIN)/python benches/bench.py

# Rewrites the typed API from the engine catalog (after changing ta-engine).
generate: build
	$(BIN)/python tools/codegen.py

clean:
	rm -rf $(VENV) target python/laakhay/ta/*.so
