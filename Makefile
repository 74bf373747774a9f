# Two commands set everything up on a fresh machine with python3 and make:
#   make run   - install into .venv if needed, extract corpus/ into outputs/ (JSON + HTML report), print the scorecard
#   make test  - install into .venv if needed, run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test schema bench train cv clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dask]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/extract run corpus/ -o outputs/ --report

test: $(STAMP)
	$(BIN)/python -m pytest -q

schema: $(STAMP)
	$(BIN)/extract schema

bench: $(STAMP)
	$(BIN)/python bench/bench.py

# The meeting gate (extract.meetings.gate): paragraphs of every annotated article with the rules'
# findings -> train/data/paragraphs.jsonl -> a spaCy text classifier in src/extract/data/meeting_gate/.
train: $(STAMP)
	$(BIN)/python train/meetings.py data
	$(BIN)/python train/meetings.py train

# Leave-writer-out comparison of the rules alone with the rules and the gate (eval/README.md).
cv: $(STAMP)
	$(BIN)/python train/meetings.py cv 2>/dev/null

clean:
	rm -rf $(VENV) build src/*.egg-info
