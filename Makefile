# Two commands: `make run` starts Herald on this machine, `make test` runs the whole suite.
VENV := .venv
STAMP := $(VENV)/.installed

# Settings from .env, if there is one (see .env.example).
ifneq (,$(wildcard .env))
include .env
export
endif

.PHONY: run test lint clean

run: $(STAMP)
	$(VENV)/bin/herald run

test: $(STAMP)
	scripts/test

lint: $(STAMP)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

$(STAMP): pyproject.toml
	@test -x $(VENV)/bin/python || { py=$$(scripts/find-python) && "$$py" -m venv $(VENV); }
	$(VENV)/bin/python -m pip install --quiet --upgrade pip
	$(VENV)/bin/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

clean:
	rm -rf $(VENV) *.egg-info
