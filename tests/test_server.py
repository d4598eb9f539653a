"""``draftlint server`` end to end: real JSON-RPC messages over the standard input and output of a subprocess
(initialize, didOpen, didChange, didSave, codeAction, shutdown, exit), as an editor sends them."""
from __future__ import annotations

import pytest

from draftlint import titles_index
from draftlint.titlematch import content_tokens
from conftest import run_cli
from lsp_client import LspClient, initialize, open_document, replace_document

AD_SUMMARY = 'ad-slot-line: An advertising slot label on its own line ("Advertisement", "Remove Ads").'
DRAFT = "# Ferry times\n\nAdvertisement\n\nThe ferry now runs twice a day, said Ana Ruiz, who runs the port.\n"


def _range(line, start, end_line, end):
    return {"start": {"line": line, "character": start}, "end": {"line": end_line, "character": end}}


def _codes(params):
    return [(d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"]) for d in params["diagnostics"]]


def _apply(text: str, edits: list[dict]) -> str:
    """Apply LSP text edits (line and UTF-16 character positions) to a text, last edit first."""
    lines = text.splitlines(keepends=True)

    def offset(pos):
        before = "".join(lines[:pos["line"]])
        line = lines[pos["line"]] if pos["line"] < len(lines) else ""
        units, chars = 0, 0
        while units < pos["character"] and chars < len(line):
            units += 2 if ord(line[chars]) > 0xFFFF else 1
            chars += 1
        return len(before) + chars

    for edit in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]), reverse=True):
        start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
        text = text[:start] + edit["newText"] + text[end:]
        lines = text.splitlines(keepends=True)
    return text


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("ws")
    (root / ".draftlint.yaml").write_text("ignore: [readability]\n", encoding="utf-8")
    client = LspClient(root)
    result = initialize(client, root)
    yield client, root, result
    assert client.close() == 0


def _actions(client, path, line):
    return client.request("textDocument/codeAction", {
        "textDocument": {"uri": path.as_uri()}, "range": _range(line, 0, line, 0), "context": {"diagnostics": []}})


def test_initialize_announces_sync_and_code_actions(workspace):
    _, _, result = workspace
    capabilities = result["capabilities"]
    assert capabilities["codeActionProvider"] == {"codeActionKinds": ["quickfix", "source.fixAll.draftlint"]}
    assert capabilities["textDocumentSync"]["change"] == 2  # incremental
    assert result["serverInfo"]["name"] == "draftlint"


def test_open_change_fix_and_disable(workspace):
    client, root, _ = workspace
    path = root / "ferry.md"
    uri = path.as_uri()
    open_document(client, path, DRAFT)
    published = client.wait("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)
    assert published["version"] == 1
    assert published["diagnostics"] == [{
        "range": _range(2, 0, 2, 13), "severity": 2, "code": "B112", "source": "draftlint",
        "message": "advertising slot “Advertisement” left from the page\n" + AD_SUMMARY, "data": {"fixable": True}}]

    # an incremental change: a disclaimer typed at the end of the last paragraph's line
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": _range(5, 0, 5, 0), "text": "\nAs an AI language model, I cannot say.\n"}]})
    changed = client.wait("textDocument/publishDiagnostics", lambda p: p["uri"] == uri and p["version"] == 2)
    assert _codes(changed) == [("B112", 2, 0), ("B101", 6, 0)]
    assert [d["severity"] for d in changed["diagnostics"]] == [2, 1]
    text = DRAFT + "\nAs an AI language model, I cannot say.\n"

    actions = _actions(client, path, 2)
    assert [a["title"] for a in actions] == ["Fix B112: advertising slot “Advertisement” left from the page",
                                             "Disable B112 (ad-slot-line) for this line",
                                             "Fix all safe draftlint findings (2)"]
    fix, disable, every = actions
    assert fix["kind"] == "quickfix" and fix["isPreferred"] is True
    assert fix["diagnostics"][0]["code"] == "B112"
    [change] = fix["edit"]["documentChanges"]
    assert change["textDocument"] == {"uri": uri, "version": 2}
    assert change["edits"] == [{"range": _range(2, 0, 4, 0), "newText": ""}]
    assert _apply(text, change["edits"]) == ("# Ferry times\n\nThe ferry now runs twice a day, said Ana Ruiz, who "
                                             "runs the port.\n\nAs an AI language model, I cannot say.\n")
    assert disable["edit"]["documentChanges"][0]["edits"] == [
        {"range": _range(2, 0, 2, 0), "newText": "<!-- draftlint-disable-next-line B112 -->\n"}]
    assert every["kind"] == "source.fixAll.draftlint"
    assert _apply(text, every["edit"]["documentChanges"][0]["edits"]) == (
        "# Ferry times\n\nThe ferry now runs twice a day, said Ana Ruiz, who runs the port.\n\n")

    # the editor applies "disable": the finding goes, the directive is honoured
    disabled = _apply(text, disable["edit"]["documentChanges"][0]["edits"])
    after = replace_document(client, path, disabled, 3)
    assert _codes(after) == [("B101", 7, 0)]
    only = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": _range(7, 0, 7, 0),
        "context": {"diagnostics": [], "only": ["source.fixAll"]}})
    assert [a["kind"] for a in only] == ["source.fixAll.draftlint"]


def test_disable_inside_a_wrapped_paragraph_goes_at_the_end_of_the_line(workspace):
    client, root, _ = workspace
    path = root / "wrapped.md"
    text = "The harbour opened at dawn and the\nfirst boat, as an AI language model, I note, left at six.\n"
    open_document(client, path, text)
    published = client.wait("textDocument/publishDiagnostics", lambda p: p["uri"] == path.as_uri())
    assert _codes(published) == [("B101", 1, 12)]
    disable = [a for a in _actions(client, path, 1) if a["title"].startswith("Disable")][0]
    edited = _apply(text, disable["edit"]["documentChanges"][0]["edits"])
    assert edited == ("The harbour opened at dawn and the\nfirst boat, as an AI language model, I note, left at six. "
                      "<!-- draftlint-disable-line B101 -->\n")
    after = replace_document(client, path, edited, 2)
    assert after["diagnostics"] == []


def test_columns_are_utf16_code_units(workspace):
    client, root, _ = workspace
    path = root / "emoji.md"
    open_document(client, path, "🚢🚢 Ferry news, as an AI language model, I say.\n")
    published = client.wait("textDocument/publishDiagnostics", lambda p: p["uri"] == path.as_uri())
    # "as" is character 15 of the line but UTF-16 unit 17: each ship is one character and two units
    assert [d["range"] for d in published["diagnostics"]] == [_range(0, 17, 0, 40)]


def test_config_change_is_read_again_and_a_bad_config_is_shown(workspace):
    client, root, _ = workspace
    path = root / "config-test.md"
    open_document(client, path, "Advertisement\n\nA plain sentence about the ferry.\n")
    first = client.wait("textDocument/publishDiagnostics", lambda p: p["uri"] == path.as_uri())
    assert _codes(first) == [("B112", 0, 0)]
    config = root / ".draftlint.yaml"
    config.write_text("ignore: [readability, B112]\n", encoding="utf-8")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
    quiet = client.wait("textDocument/publishDiagnostics", lambda p: p["uri"] == path.as_uri() and not p["diagnostics"])
    assert quiet["diagnostics"] == []

    config.write_text("ignore: [readability, B112]\nfail-onn: error\n", encoding="utf-8")
    client.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
    shown = client.wait("window/showMessage")
    assert shown["type"] == 1 and shown["message"].startswith("draftlint: config error:") and "fail-onn" in shown["message"]

    config.write_text("ignore: [readability]\n", encoding="utf-8")
    client.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
    back = client.wait("textDocument/publishDiagnostics", lambda p: p["uri"] == path.as_uri() and p["diagnostics"])
    assert _codes(back) == [("B112", 0, 0)]


def test_duplicate_title_against_the_workspace_titles_index(workspace):
    client, root, _ = workspace
    title = "The ferry timetable doubles this winter"
    index = titles_index.dumps([titles_index.Entry("posts/old-ferry.md", title, content_tokens(title))])
    (root / ".draftlint-titles.json").write_text(index, encoding="utf-8")
    path = root / "drafts" / "new-ferry.md"
    path.parent.mkdir()
    open_document(client, path, "---\ntitle: The ferry timetable doubles this winter\n---\n\nA plain sentence.\n")
    published = client.wait("textDocument/publishDiagnostics", lambda p: p["uri"] == path.as_uri())
    [diagnostic] = published["diagnostics"]
    assert diagnostic["code"] == "T004" and diagnostic["range"]["start"]["line"] == 1
    assert diagnostic["message"].startswith("the same title as posts/old-ferry.md in the titles index")


def test_disable_adds_the_code_to_a_directive_already_there(workspace):
    client, root, _ = workspace
    path = root / "merge.md"
    text = ("Intro line.\n\n<!-- draftlint-disable-next-line Q001 -->\nAdvertisement\n\n"
            "The harbour opened at dawn and the\nfirst boat, as an AI language model, I note, left. "
            "<!-- draftlint-disable-line Q001 -->\n")
    open_document(client, path, text)
    published = client.wait("textDocument/publishDiagnostics", lambda p: p["uri"] == path.as_uri())
    assert _codes(published) == [("B112", 3, 0), ("B101", 6, 12)]
    first = [a for a in _actions(client, path, 3) if a["title"].startswith("Disable")][0]
    second = [a for a in _actions(client, path, 6) if a["title"].startswith("Disable")][0]
    edited = _apply(text, first["edit"]["documentChanges"][0]["edits"] + second["edit"]["documentChanges"][0]["edits"])
    assert edited == ("Intro line.\n\n<!-- draftlint-disable-next-line Q001 B112 -->\nAdvertisement\n\n"
                      "The harbour opened at dawn and the\nfirst boat, as an AI language model, I note, left. "
                      "<!-- draftlint-disable-line Q001 B101 -->\n")
    after = replace_document(client, path, edited, 2)
    assert after["diagnostics"] == []


def test_template_lines_against_the_workspace_index(workspace):
    client, root, _ = workspace
    footer = "Support local reporting and become a member of the Harbour Press today."
    (root / "archive").mkdir()
    for name in ("one", "two", "three"):
        (root / "archive" / f"{name}.md").write_text(f"# Story {name}\n\nA different first line for {name}.\n\n{footer}\n",
                                                     encoding="utf-8")
    made = run_cli("index", "archive", "-o", ".draftlint-titles.json", "--isolated", cwd=root)
    assert made.returncode == 0, made.stderr
    path = root / "drafts" / "footer.md"
    path.parent.mkdir(exist_ok=True)
    open_document(client, path, f"# A new story\n\nThe ferry runs twice a day now.\n\n{footer}\n")
    published = client.wait("textDocument/publishDiagnostics", lambda p: p["uri"] == path.as_uri())
    assert [(d["code"], d["range"]["start"]["line"]) for d in published["diagnostics"]] == [("B022", 4)]


def test_disable_adds_the_code_to_the_directive_of_the_right_kind():
    """A line that holds a disable-next-line directive (for the line below) and a disable-line directive: a
    finding on the line itself gets its code added to the disable-line one."""
    from lsprotocol import types
    from pygls.workspace import PositionCodec

    from draftlint.findings import Finding, Severity
    from draftlint.server import convert

    lines = ["Intro line.\n",
             "As an AI language model, I note. <!-- draftlint-disable-next-line Q001 --> "
             "<!-- draftlint-disable-line Q002 -->\n", "Next line.\n"]
    f = Finding("d.md", 2, 1, 2, 10, "B101", "ai-disclaimer", "boilerplate", Severity.ERROR, "disclaimer")
    diag = types.Diagnostic(range=types.Range(start=types.Position(line=1, character=0),
                                              end=types.Position(line=1, character=9)), message="disclaimer")
    action = convert.disable_for_line("file:///d.md", 1, lines, PositionCodec(), f, diag)
    [edit] = action.edit.document_changes[0].edits
    at = lines[1].index("Q002") + len("Q002")
    assert (edit.range.start.line, edit.range.start.character, edit.new_text) == (1, at, " B101")
