#!/usr/bin/env bash
# What the GitHub Action (action.yml) runs: annotations on standard output, SARIF to a file, and only the
# lines changed since a base revision when one is given. Inputs come from the environment (never pasted
# into the script, so no input can inject shell code):
#   DRAFTLINT_PATHS      files and folders, separated by spaces (default ".")
#   DRAFTLINT_DIFF_BASE  base revision; fetched first when a shallow clone lacks it (default: lint everything)
#   DRAFTLINT_SARIF      SARIF report path (default: none)
#   DRAFTLINT_FORMAT     format on standard output (default "github")
#   DRAFTLINT_ARGS       more `draftlint check` options, separated by spaces
set -euo pipefail

args=(check --format "${DRAFTLINT_FORMAT:-github}")
if [[ -n "${DRAFTLINT_DIFF_BASE:-}" ]]; then
  if ! git cat-file -e "${DRAFTLINT_DIFF_BASE}^{commit}" 2>/dev/null; then
    git fetch --quiet --no-tags --depth=1 origin "$DRAFTLINT_DIFF_BASE"
  fi
  args+=(--diff-base "$DRAFTLINT_DIFF_BASE")
fi
if [[ -n "${DRAFTLINT_SARIF:-}" ]]; then
  args+=(--report "sarif:$DRAFTLINT_SARIF")
fi
read -r -a extra <<< "${DRAFTLINT_ARGS:-}"
read -r -a paths <<< "${DRAFTLINT_PATHS:-.}"
exec draftlint "${args[@]}" ${extra[@]+"${extra[@]}"} -- "${paths[@]}"
