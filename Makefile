# Everything needed to set up, demo and test newsbrief on a fresh machine with Python 3.11.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: demo test install bench clean chromium

# What running newsbrief needs and no more (no torch, no embeddings: nothing in newsbrief/ uses them).
install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $(STAMP)

# The tests and benches also need Dask (the distributed engines), sumy and rouge-score (peers) and pytest.
$(DEV_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q -e ".[dask,bench,test]"
	touch $(DEV_STAMP)

demo: $(STAMP)
	$(BIN)/newsbrief brief examples/harbour-fire/

test: $(DEV_STAMP) chromium
	$(BIN)/python -m pytest -q

# The browser tests (marker `browser`) drive Debian's chromium through playwright; playwright's own
# browser download is never used. Installed here where missing (root or passwordless sudo, apt-get);
# instant when present. Where it cannot be installed the browser tests skip and say why.
CHROMIUM := /usr/bin/chromium
chromium:
	@if [ -x $(CHROMIUM) ]; then exit 0; fi; \
	sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo -n"; \
	if command -v apt-get >/dev/null 2>&1 && { [ -z "$$sudo" ] || sudo -n true 2>/dev/null; }; then \
	  echo "installing chromium for the browser tests (apt-get)"; \
	  $$sudo apt-get update -qq && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends chromium fonts-dejavu-core >/dev/null \
	  || echo "could not install chromium: the browser tests will skip"; \
	else echo "chromium is missing and needs root and apt-get to install: the browser tests will skip"; fi

bench: $(DEV_STAMP)
	$(BIN)/python bench/score_multinews.py

clean:
	rm -rf $(VENV) build *.egg-info
