#!/bin/sh
# The pull request's job summary: what its data change does to the handbook, from
# `python -m generator diff --against BASE --format markdown` (which language changed, the
# changed words, fact values old -> new, units, budgets, amendments, change-log entries),
# with links to the changed pages of the preview.
#
#   .github/preview/summary.sh origin/main      (in CI, from the repository's root)
#
# Appends to $GITHUB_STEP_SUMMARY, or prints when it is not set (run it locally to see what
# a reviewer will see). Never fails the job: a diff that cannot be made is said in one line.
set -u
base="${1:?usage: summary.sh BASE_REF}"
out="${GITHUB_STEP_SUMMARY:-/dev/stdout}"
python="${PYTHON:-.venv/bin/python}"
if ! git rev-parse --verify --quiet "$base^{commit}" > /dev/null; then
  echo "**No data diff:** the base \`$base\` is not in this checkout (it needs fetch-depth: 0)." >> "$out"
  exit 0
fi
if ! "$python" -m generator diff --against "$base" --format markdown \
    --preview-url http://127.0.0.1:8000/ > summary.tmp.md 2> summary.err.txt; then
  echo "**No data diff:** \`generator diff --against $base\` failed:" >> "$out"
  printf '\n```\n%s\n```\n' "$(cat summary.err.txt)" >> "$out"
else
  cat summary.tmp.md >> "$out"
fi
rm -f summary.tmp.md summary.err.txt
exit 0
