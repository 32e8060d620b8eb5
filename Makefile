# Everything needed to set up, demo and test newsbrief on a fresh machine with Python 3.11.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install bench clean

install: $(STAMP)

# torch is pinned first: 2.13.0 is the local CPU build; any other pin pulls CUDA packages.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e ".[embed,dask,bench,test]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newsbrief brief examples/harbour-fire/

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/score_multinews.py

clean:
	rm -rf $(VENV) build *.egg-info
