# Two commands matter: `make run` and `make test` (see README). Both work on a fresh Linux
# machine with only Python 3.11+; they create .venv and install what they need.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# `make run` installs only what running needs; `make test` adds the development tools.
RUN_STAMP := $(VENV)/.run-stamp
STAMP     := $(VENV)/.installed-stamp

.PHONY: run test test-slow lint typecheck unit benchmark screenshots icons dist bundle deb clean \
	train-checker checker-eval

$(BIN)/python:
	sh tools/bootstrap-venv.sh "$(PYTHON)" "$(VENV)"

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $(RUN_STAMP)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(STAMP)

run: $(RUN_STAMP)
	sh tools/system-deps.sh runtime
	$(BIN)/followup-desktop

test: $(STAMP)
	sh tools/system-deps.sh test
	$(MAKE) --no-print-directory lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check desktop tests tools
	$(BIN)/ruff format --check desktop tests tools
	$(BIN)/lint-imports --no-cache

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	sh tools/with-session-bus.sh $(BIN)/python -m pytest -q -m "not slow"

# The long tests: crash loops, the bundle and the .deb built and started (minutes, not seconds).
test-slow: $(STAMP)
	sh tools/system-deps.sh test
	sh tools/with-session-bus.sh $(BIN)/python -m pytest -q -m slow

benchmark: $(STAMP)
	$(BIN)/python tests/benchmarks/speed.py

# The checker's sentence model, from the train groups of data/checker/ (same bytes every run).
train-checker: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(BIN)/python tools/train_checker.py

# Per-rule precision and recall on the eighth fresh held-out set, data/checker/fresh8/.
checker-eval: $(STAMP)
	$(BIN)/python tests/checker_eval.py

# Screenshots of every view on demo data, light and dark, 800×600, 1440×900 and scale 2
# (docs/screenshots/; on Xvfb when installed, else offscreen).
screenshots: $(STAMP)
	$(BIN)/python tools/screenshots.py docs/screenshots

# The app icon in every size and format, from packaging/icons/app.svg (run after editing it).
icons: $(STAMP)
	$(BIN)/python tools/make_icons.py

dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -m pip wheel --no-deps -w dist .

# A one-folder bundle (PyInstaller) in dist/bundle/, with both commands.
bundle: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check 'pyinstaller>=6.10'
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist/bundle --workpath build/pyinstaller \
		packaging/pyinstaller/followup-desktop.spec
	du -sh dist/bundle/interview-followup

# A Debian/Ubuntu package built from the bundle (dist/*.deb).
deb: bundle
	sh packaging/debian/build-deb.sh dist/bundle/interview-followup dist

clean:
	rm -rf $(VENV) build dist *.egg-info desktop/*.egg-info
