# Two commands do all set-up on a fresh Debian machine: `make serve` and `make test`.
SHELL := /bin/bash
PY := .venv/bin/python
PIP := .venv/bin/pip
STAMP := .venv/.installed
APT_STAMP := .venv/.system-packages
SYSTEM_PACKAGES := chromium fonts-noto-cjk poppler-utils

.PHONY: all install system-packages fonts check lint test serve cms site pdf schema fmt fmt-check import screenshots clean

all: check

$(STAMP): pyproject.toml requirements.lock package.json package-lock.json
	test -d .venv || python3 -m venv .venv
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c requirements.lock -e '.[dev]'
	npm ci --no-audit --no-fund --loglevel=error
	touch $(STAMP)

install: $(STAMP)

# Debian packages the project needs: chromium for browser tests, Noto CJK for the PDF,
# poppler-utils for PDF checks. Installed with apt-get when missing (root, or via sudo).
system-packages:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# The last published state `check` compares the data with (a changed amount needs a
# change-log entry): the merge base with origin/main. Without one (a fresh clone with no
# history) `check` says so in one note and skips that comparison. `make check BASE=REV`.
BASE ?= $(or $(shell git merge-base origin/main HEAD 2>/dev/null),origin/main)

check: $(STAMP)
	$(PY) -m generator check --against $(BASE)

schema: $(STAMP)
	$(PY) -m generator schema

# One layout for every YAML file (comments and quoting kept); `fmt-check` only reports.
fmt: $(STAMP)
	$(PY) -m generator fmt

fmt-check: $(STAMP)
	$(PY) -m generator fmt --check

lint: $(STAMP)
	.venv/bin/ruff check generator calculators tests bench
	.venv/bin/mypy

test: $(STAMP) system-packages
	$(PY) -m generator check --against $(BASE)
	$(PY) -m generator schema --check
	$(PY) -m generator fmt --check
	$(MAKE) lint
	.venv/bin/pytest

# A published document into a document folder: make import SRC=notice.docx
# INTO=policy_data/jiande-2026 PREV=policy_data/jiande-2025 (PREV is optional).
import: $(STAMP)
	@test -n "$(SRC)" -a -n "$(INTO)" || { echo "usage: make import SRC=FILE INTO=policy_data/<slug> [PREV=policy_data/<older>]"; exit 2; }
	$(PY) -m generator import "$(SRC)" --into "$(INTO)" $(if $(PREV),--previous "$(PREV)")

# Preview at http://127.0.0.1:$(PORT) ; rebuilds and reloads when policy_data/ or docs/
# change; the PDF handbooks are typeset in the background after each build.
PORT ?= 8000
serve: $(STAMP) fonts
	$(PY) -m generator serve --port $(PORT)

# The web editor on this machine: http://127.0.0.1:$(PORT)/admin/ edits a scratch clone of
# this checkout's last commit (.cms/repo; decap-server commits with `git add .`, so never this
# working tree), with its preview beside it; loopback only, nothing leaves the machine.
CMS_PORT ?= 8081
cms: $(STAMP) fonts
	$(PY) -m generator cms --port $(PORT) --backend-port $(CMS_PORT)

# The publishable site in site/ (both languages, open data, both PDFs).
site: $(STAMP) fonts
	$(PY) -m generator build --pdf

# Both PDF handbooks into site/pdf/ (needs the Noto CJK SC font: `make fonts`).
pdf: $(STAMP) fonts
	$(PY) -m generator pdf

# The Simplified Chinese font for the PDF, from Debian, when missing.
fonts:
	@fc-list ':lang=zh-cn' family 2>/dev/null | grep -q 'CJK SC' || $(MAKE) system-packages

# Screenshots of every page type at 375 px and 1280 px into bench/out/screenshots/.
screenshots: $(STAMP) site
	$(PY) bench/screenshots.py

clean:
	rm -rf site .site.* .build
