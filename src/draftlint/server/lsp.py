"""The language server: pygls over standard input and output, one warm plan per workspace folder.

Each open, change and save re-lints the document's text through ``engine.lint_text`` and publishes its
findings; code actions offer each finding's safe fix, "fix all", and "disable for this line". The config is
found and re-read as ``draftlint check`` run in the workspace folder would find it; a config error is shown
once as a message and leaves the documents without diagnostics until it is mended.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from draftlint import __version__
from draftlint.server import convert
from draftlint.server.workspace import CONFIG_NAMES, DEFAULT_INDEX, Folder, Workspace

WATCHED = ["**/.draftlint.yaml", "**/.draftlint.yml", "**/pyproject.toml", f"**/{DEFAULT_INDEX}", "**/*.yaml",
           "**/*.yml"]


class DraftlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("draftlint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.folders = Workspace([])
        self.results: dict[str, tuple[Optional[int], Any, Folder]] = {}  # uri -> (version, run, folder)
        self.shown_errors: set[str] = set()

    # -- linting ------------------------------------------------------------------------------------------
    def lint(self, uri: str) -> None:
        """Lint an open document and publish its diagnostics (none while its folder's config is broken)."""
        path = to_fs_path(uri)
        if path is None:  # not a file (an untitled buffer): lint it as Markdown in the first folder
            path = str((self.folders.folders[0].root if self.folders.folders else Path.cwd()) / "untitled.md")
        document = self.workspace.get_text_document(uri)
        folder = self.folders.folder_of(Path(path))
        if folder.refresh():
            self.shown_errors.clear()
        if folder.plan is None:
            if folder.error and folder.error not in self.shown_errors:
                self.shown_errors.add(folder.error)
                self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error,
                                                                 message=f"draftlint: {folder.error}"))
            self.results.pop(uri, None)
            self.publish(uri, document.version, [])
            return
        run = folder.lint(document.source, Path(path))
        for crash in run.crashes:
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Error, message=crash))
        self.results[uri] = (document.version, run, folder)
        lines, codec = document.lines, document.position_codec
        self.publish(uri, document.version, [convert.diagnostic(lines, codec, f, folder.summary(f.code))
                                             for f in run.findings])

    def publish(self, uri: str, version: Optional[int], diagnostics: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics))

    def relint_open(self) -> None:
        for uri in list(self.workspace.text_documents):
            self.lint(uri)

    # -- code actions -------------------------------------------------------------------------------------
    def actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        document = self.workspace.get_text_document(uri)
        held = self.results.get(uri)
        if held is None or held[0] != document.version:
            self.lint(uri)
            held = self.results.get(uri)
            if held is None:
                return []
        version, run, folder = held
        lines, codec, text = document.lines, document.position_codec, document.source
        first, last = params.range.start.line + 1, params.range.end.line + 1
        found = []
        for f in run.findings:
            if f.line > last or max(f.end_line, f.line) < first:
                continue
            diag = convert.diagnostic(lines, codec, f, folder.summary(f.code))
            fix = convert.quick_fix(uri, version, text, lines, codec, f, diag) if f.fix is not None else None
            if fix is not None:
                found.append(fix)
            found.append(convert.disable_for_line(uri, version, lines, codec, f, diag))
        wanted = params.context.only
        if any(f.fix is not None for f in run.findings) and (not wanted or any(
                convert.FIX_ALL.startswith(kind) for kind in wanted)):
            every = convert.fix_all(uri, version, text, lines, codec, folder.path_of(Path(to_fs_path(uri) or "untitled.md")),
                                    folder.plan)
            if every is not None:
                found.append(every)
        if wanted:
            found = [a for a in found if any(str(a.kind).startswith(kind) for kind in wanted)]
        return found


SERVER = DraftlintServer()


@SERVER.feature(types.INITIALIZED)
def _initialized(server: DraftlintServer, params: types.InitializedParams) -> None:
    roots = [Path(p) for p in (to_fs_path(f.uri) for f in server.workspace.folders.values()) if p]
    if not roots and server.workspace.root_path:
        roots = [Path(server.workspace.root_path)]
    server.folders = Workspace(roots)
    for folder in server.folders.folders:  # make the plans (and load the NLP pipeline) before the first lint
        folder.refresh()
        if folder.plan is not None:
            folder.lint("Warm up.\n", folder.root / "warm-up.md")
    dynamic = server.client_capabilities.workspace and server.client_capabilities.workspace.did_change_watched_files
    if dynamic and dynamic.dynamic_registration:
        watchers = [types.FileSystemWatcher(glob_pattern=g) for g in WATCHED]
        server.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
            id="draftlint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))


@SERVER.feature(types.TEXT_DOCUMENT_DID_OPEN)
def _did_open(server: DraftlintServer, params: types.DidOpenTextDocumentParams) -> None:
    server.lint(params.text_document.uri)


@SERVER.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def _did_change(server: DraftlintServer, params: types.DidChangeTextDocumentParams) -> None:
    server.lint(params.text_document.uri)


@SERVER.feature(types.TEXT_DOCUMENT_DID_SAVE)
def _did_save(server: DraftlintServer, params: types.DidSaveTextDocumentParams) -> None:
    if Path(to_fs_path(params.text_document.uri) or "").name in CONFIG_NAMES:
        server.relint_open()  # a config saved from the editor applies to every open draft
    else:
        server.lint(params.text_document.uri)


@SERVER.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def _did_close(server: DraftlintServer, params: types.DidCloseTextDocumentParams) -> None:
    server.results.pop(params.text_document.uri, None)
    server.publish(params.text_document.uri, None, [])


@SERVER.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def _watched(server: DraftlintServer, params: types.DidChangeWatchedFilesParams) -> None:
    server.relint_open()  # each folder re-reads what changed (the fingerprint tells) and lints again


@SERVER.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
def _folders(server: DraftlintServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
    for added in params.event.added:
        server.folders.add(Path(to_fs_path(added.uri) or "."))
    for removed in params.event.removed:
        server.folders.remove(Path(to_fs_path(removed.uri) or "."))


@SERVER.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix, convert.FIX_ALL]))
def _code_action(server: DraftlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    return server.actions(params)


def serve() -> None:
    """Serve LSP over standard input and output until the client says exit."""
    SERVER.start_io()
