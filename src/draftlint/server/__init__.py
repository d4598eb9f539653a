"""``draftlint server``: a language server over standard input and output, a face on the engine.

- ``workspace``: each workspace folder's config and plan, found as ``draftlint check`` run there finds them,
  re-made when the config, a rule directory or the titles index changes;
- ``convert``: findings as diagnostics, fixes as edits, code actions;
- ``lsp``: the pygls server and its handlers (``serve``).
"""
