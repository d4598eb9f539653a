"""The engine: the one door through which every face (the CLI, a language server, a report) lints.

- ``plan``: selection, options, severities (``make_plan(registry, config) -> Plan``);
- ``discover``: the files under the paths of a run (``discover(paths, config) -> Discovery``);
- ``run``: reading, parsing, rules, workers and time limits (``lint_text``, ``lint_files``, ``lint_each``).

Results (``FileResult``, ``RunResult``) live in ``draftlint.results``.
"""
from __future__ import annotations

from draftlint.engine.discover import Discovery, discover, excluded
from draftlint.engine.plan import Plan, index_readers, make_plan, rule_options, select
from draftlint.engine.run import (RuleTimeout, finish, lint_batch, lint_each, lint_files, lint_text, load_bytes,
                                  read_document, rule_alarm, tune_gc)
from draftlint.results import FileResult, RunResult

__all__ = ["Discovery", "FileResult", "Plan", "RuleTimeout", "RunResult", "discover", "excluded",
           "finish", "index_readers", "lint_batch", "lint_each", "lint_files", "lint_text", "load_bytes", "make_plan",
           "read_document", "rule_alarm", "rule_options", "select", "tune_gc"]
