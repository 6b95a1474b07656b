# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install clean adapter adapter-status

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project's dependencies change. llama-cpp-python compiles the
# first time (several minutes); pip caches the wheel after that.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/repair-assistant serve

test: install
	$(BIN)/python -m pytest -q

# Retraining the repair adapter needs torch, transformers and peft: a separate environment,
# so `make run` and `make test` never install them. The run goes on in the background
# (about an hour on two cores), checkpoints as it goes, and resumes if started again.
TRAIN_VENV := .venv-train
TRAIN_STAMP := $(TRAIN_VENV)/.installed
RUN ?= training/runs/latest

$(TRAIN_STAMP): pyproject.toml
	$(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(TRAIN_VENV)/bin/python -m pip install --quiet -e '.[train]'
	touch $(TRAIN_STAMP)

adapter: $(TRAIN_STAMP)
	mkdir -p $(RUN)
	nohup $(TRAIN_VENV)/bin/python -m training.train --out $(RUN) --resume --install > $(RUN)/train.log 2>&1 &
	@echo "Training in the background; follow it with: make adapter-status (log: $(RUN)/train.log)"

adapter-status:
	@grep -E "step|wrote|installed|Error|error" $(RUN)/train.log | tail -n 5

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
