# salesboard — two commands: `make run` (the board) and `make test` (the tests).
# Both create .venv on first use and install the project into it; nothing else is needed but
# Python 3.11+ and make. On a Raspberry Pi, systemd/install.sh sets up the service instead.

PYTHON ?= python3
VENV ?= .venv
# On a Pi 5, gpiozero needs Debian's python3-lgpio: make VENV_FLAGS=--system-site-packages
VENV_FLAGS ?=
CONFIG ?= config.yaml
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check render screenshots bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "salesboard needs Python 3.11 or newer; this is " + sys.version.split()[0])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV_FLAGS) $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/salesboard run --config $(CONFIG)

test: $(STAMP)
	$(BIN)/python -m mypy salesboard sources layouts display hardware bench
	$(BIN)/python -m pytest

check: $(STAMP)
	$(BIN)/salesboard check --config $(CONFIG)

# The README's pictures: the demo board at a fixed moment, so they are reproducible.
AT ?= 2026-11-25T15:30
screenshots: $(STAMP)
	$(BIN)/salesboard render --config $(CONFIG) --at $(AT) --view leaderboard --size 1920x1080 --out docs/leaderboard-1920x1080.png
	$(BIN)/salesboard render --config $(CONFIG) --at $(AT) --view leaderboard --size 1080x1920 --rotate 0 --out docs/leaderboard-portrait.png
	$(BIN)/salesboard render --config examples/config-csv.yaml --at $(AT) --view leaderboard --size 1280x720 --out docs/leaderboard-csv-1280x720.png
	$(BIN)/salesboard render --config examples/config-en.yaml --at $(AT) --view leaderboard --size 1920x1080 --out docs/leaderboard-en-light.png

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
