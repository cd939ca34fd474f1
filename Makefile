# Two commands matter: `make run` and `make test` (see README). Both work on a fresh Linux
# machine with only Python 3.11+; they create .venv and install what they need.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test lint typecheck unit benchmark screenshots dist clean train-checker checker-eval

$(STAMP): pyproject.toml
	sh tools/bootstrap-venv.sh "$(PYTHON)" "$(VENV)"
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	sh tools/system-deps.sh runtime
	$(BIN)/followup-desktop

test: $(STAMP)
	sh tools/system-deps.sh test
	$(MAKE) --no-print-directory lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check desktop tests
	$(BIN)/lint-imports --no-cache

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	sh tools/with-session-bus.sh $(BIN)/python -m pytest -q

benchmark: $(STAMP)
	$(BIN)/python -m pytest tests/benchmarks/bench_checker.py tests/benchmarks/bench_gui.py \
		--benchmark-enable --benchmark-columns=min,median,max,rounds -q
	$(BIN)/python tests/benchmarks/startup.py

# The checker's sentence model, from the train groups of data/checker/ (same bytes every run).
train-checker: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,train]'
	$(BIN)/python tools/train_checker.py

# Per-rule precision and recall on the test groups of data/checker/ only.
checker-eval: $(STAMP)
	$(BIN)/python tests/checker_eval.py

screenshots: $(STAMP)
	sh tools/screenshots.sh

dist: $(STAMP)
	$(BIN)/python -m pip wheel --no-deps -w dist .

clean:
	rm -rf $(VENV) build dist *.egg-info desktop/*.egg-info
