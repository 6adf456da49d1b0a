# The two commands of the README: `make up` and `make test`.
# Debian's Python, not pyenv's (inside root's 0700 home): participant accounts must run the venv.
PYTHON ?= /usr/bin/python3
VENV := .venv
BIN := $(VENV)/bin
PROXY := node_modules/.bin/configurable-http-proxy
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: up test install install-test lint bench

up: install
	$(BIN)/atelier up

test: install-test
	$(BIN)/pytest

# The personal-data detector's lists of French words and nouns, derived from the installed spaCy
# model's tables (atelier_ia/privacy/french_words.py): made here, not kept in git.
FRENCH_WORDS := src/atelier_ia/privacy/data/french_words.bin src/atelier_ia/privacy/data/french_nouns.bin

install: $(VENV)/.installed $(PROXY) $(FRENCH_WORDS)

$(FRENCH_WORDS) &: $(VENV)/.installed
	$(BIN)/python -c 'from atelier_ia.privacy.french_words import main; main()'

# Re-run pip only when the project's dependencies change; a second `make up` starts at once.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(PROXY): package.json
	npm install --no-audit --no-fund --loglevel=error
	touch $@

install-test: install $(VENV)/.installed-dev /usr/bin/chromium /usr/bin/espeak-ng

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# Browser tests drive Debian's Chromium through Playwright (never `playwright install`).
/usr/bin/chromium:
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# French speech for the transcription tests and bench, synthesised at test time.
/usr/bin/espeak-ng:
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng

# Benchmarks, not tests: each prints a table and writes bench/results/<name>.json (as root: the
# platform benches make Unix accounts); each starts its own real platforms, so it takes a while.
# spawn_profile:--room:30 is the warmed room's profile (spawn_profile_room.json).
BENCHES := server_start spawn_profile isolation arrival workshops gateway privacy checks faults fuzz \
	transcription room spawn_profile:--room:30 soak
bench: install-test $(VENV)/.installed-bench
	$(BIN)/python -m bench.run_all $(BENCHES)

$(VENV)/.installed-bench: $(VENV)/.installed-dev
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	touch $@

lint: install-test
	$(BIN)/ruff check src tests bench
