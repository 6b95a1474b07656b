# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install clean adapter adapter-status

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# llama-cpp-python compiles llama.cpp from source (several minutes, once). Built for "this
# CPU" it turns on Intel AMX where the CPU has it, and llama.cpp's AMX kernels crash on the
# Q4_K model (llama.cpp issue #20824). So on x86-64 it is built for AVX2 instead, into a
# wheel kept outside the project, and every environment installs that wheel.
LLAMA_VERSION := 0.3.36
ARCH := $(shell uname -m)
ifeq ($(ARCH),x86_64)
LLAMA_CMAKE_ARGS ?= -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON
endif
WHEELS := $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/repair-assistant/wheels/llama-cpp-python-$(LLAMA_VERSION)-$(ARCH)$(if $(LLAMA_CMAKE_ARGS),-avx2)
LLAMA_WHEEL := $(WHEELS)/.built

# pip's own wheel cache ignores CMAKE_ARGS and would hand back a native build: bypass it.
$(LLAMA_WHEEL): | $(BIN)/python
	mkdir -p $(WHEELS)
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/python -m pip wheel --quiet --no-deps --no-cache-dir \
		--wheel-dir $(WHEELS) llama-cpp-python==$(LLAMA_VERSION)
	touch $@

# Reinstall only when the project's dependencies change.
$(STAMP): pyproject.toml $(LLAMA_WHEEL) | $(BIN)/python
	$(BIN)/python -m pip install --quiet --no-deps --force-reinstall --no-index --find-links $(WHEELS) llama-cpp-python==$(LLAMA_VERSION)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/repair-assistant serve

# The browser tests need Chromium: installed from Debian's packages when missing and run as
# root (tests/browser.py says how it looks); under CI a skipped browser test is a failure.
test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python tests/browser.py ensure
	$(BIN)/python -m pytest -q

# Retraining the repair adapter needs torch, transformers and peft: a separate environment,
# so `make run` and `make test` never install them. The run goes on in the background
# (about an hour on two cores), checkpoints as it goes, and resumes if started again.
TRAIN_VENV := .venv-train
TRAIN_STAMP := $(TRAIN_VENV)/.installed
RUN ?= training/runs/latest

$(TRAIN_STAMP): pyproject.toml $(LLAMA_WHEEL)
	$(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(TRAIN_VENV)/bin/python -m pip install --quiet --no-deps --no-index --find-links $(WHEELS) llama-cpp-python==$(LLAMA_VERSION)
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
