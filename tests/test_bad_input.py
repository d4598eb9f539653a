"""The bad-input battery: the real command line over hostile input, serial and with two workers.

Each case builds its files in a fresh folder and says the exit code and the one-line message it expects.
For every case and both ``--jobs 1`` and ``--jobs 2`` the test asserts: that exit code, the message on one
line that names the file, no Python traceback, and every input file byte-identical afterwards. With
``--jobs 2`` the rules run in worker processes however few the files; the crashing and the endless rule
record where they ran, and the test checks that it was a worker.
"""
from __future__ import annotations

import os
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

from conftest import run_cli
from helpers import make_plugin

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass
class Case:
    args: list[str]
    exit: int
    message: str  # a regular expression that must match one whole line of stdout or stderr
    names: str | None = None  # the file or folder that line must name (default: the first argument)
    env: dict = field(default_factory=dict)
    where: Path | None = None  # a file in which the case's rule writes "main" or "worker": where it ran
    deny: list[Path] = field(default_factory=list)  # paths to make unreadable for the run
    vanishes: str | None = None  # a file the case deletes during the run on purpose


CASES: dict[str, Callable[[Path], Case]] = {}


def case(func: Callable[[Path], Case]) -> Callable[[Path], Case]:
    CASES[func.__name__] = func
    return func


def draft(root: Path, name: str, data: bytes | str) -> str:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def config(root: Path, text: str, name: str = ".draftlint.yaml") -> str:
    return draft(root, name, text)


# -- undecodable and binary -------------------------------------------------------------------------------
@case
def latin1(root):
    return Case([draft(root, "latin1.md", "Caf\u00e9 prices rose again this spring.\n".encode("latin-1"))], 1,
                r".*latin1\.md:1:4: E001 \[error\] not valid UTF-8: byte 0xe9 at offset 3 cannot be decoded")


@case
def bad_byte_on_a_later_line(root):  # the line and column (in characters) of the byte, CRLF or not
    data = "# Prices\r\n\r\nCaf\u00e9s and cr\u00eapes: ".encode("utf-8") + b"\xff" + b" again.\n"
    return Case([draft(root, "later.md", data)], 1,
                r".*later\.md:3:19: E001 \[error\] not valid UTF-8: byte 0xff at offset 32 cannot be decoded")


@case
def utf16_with_bom(root):
    return Case([draft(root, "bom16.md", "# Title\n\nBody text.\n".encode("utf-16"))], 1,
                r".*bom16\.md:1:1: E001 \[error\] not valid UTF-8 \(looks like UTF-16\).*")


@case
def utf16_without_bom(root):
    return Case([draft(root, "le16.md", "# Title\n\nBody text.\n".encode("utf-16-le"))], 1,
                r".*le16\.md:1:1: E001 \[error\] not valid UTF-8 \(looks like UTF-16 without a byte-order mark\).*")


@case
def random_bytes(root):
    rng = random.Random(7)
    data = bytes(rng.choice(range(128, 256)) for _ in range(4096))  # no NUL: not binary, not UTF-8 either
    return Case([draft(root, "noise.md", data)], 1, r".*noise\.md:1:\d+: E001 \[error\] not valid UTF-8: byte 0x.. at offset \d+ cannot be decoded")


@case
def binary_named_md(root):
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    return Case([draft(root, "image.md", data)], 0, r"draftlint: .*image\.md: skipped: binary file \(contains NUL bytes\)")


@case
def empty_file(root):
    return Case([draft(root, "empty.md", b"")], 0, r"No findings in 1 file\.", names="")


@case
def only_whitespace(root):
    return Case([draft(root, "blank.md", b"  \n\t\n \r\n\n")], 0, r"No findings in 1 file\.", names="")


# -- size and shape ---------------------------------------------------------------------------------------
@case
def file_of_50_mb(root):
    paragraph = b"The council met on Tuesday and agreed the budget for the coming year.\n\n"
    data = paragraph * (50_000_000 // len(paragraph) + 1)
    return Case([draft(root, "huge.md", data)], 0, r"draftlint: .*huge\.md: skipped: 50,000,\d\d\d bytes is over max-file-size \(10,000,000\)")


@case
def single_line_of_1_mb(root):
    words = " ".join(f"word{i % 97}" for i in range(130_000)) + ".\n"
    return Case([draft(root, "oneline.md", words), "--select", "R001"], 1,
                r".*oneline\.md:1:1: R001 \[warning\] sentence of 130000 words.*")


@case
def deeply_nested_lists(root):
    # every one of the 3,000 levels is parsed (no depth limit drops the rest): 3,000 words of list items
    # with no subheading (R004), scored as one sentence by textstat, which ignores sentences of one word (R003)
    data = "".join("  " * i + "- item\n" for i in range(3000))
    return Case([draft(root, "nested.md", data)], 0, r"Found 2 findings \(2 info\) in 1 of 1 file\.", names="")


@case
def deeply_nested_blockquotes(root):
    return Case([draft(root, "quotes.md", ">" * 5000 + " deep\n")], 0, r"No findings in 1 file\.", names="")


@case
def crlf_and_lone_cr(root):
    crlf = draft(root, "crlf.md", b"---\r\ntitle: Bridge works\r\n---\r\n\r\nBridge works\r\n\r\nText.\r\n")
    draft(root, "cr.md", b"# Bridge works\r\rText.\r\rBridge works\r")
    return Case([str(root), "--select", "T002"], 1, r".*crlf\.md:5:1: T002 .*", names=crlf)


@case
def utf8_bom(root):
    return Case([draft(root, "bom.md", "\ufeff# Caf\u00e9 guide\n\nCaf\u00e9 guide\n".encode("utf-8")), "--select", "T002"], 1,
                r".*bom\.md:3:1: T002 .*")


# -- front matter -----------------------------------------------------------------------------------------
@case
def unclosed_front_matter(root):
    return Case([draft(root, "open.md", "---\ntitle: Open\n\nText.\n")], 1,
                r".*open\.md:1:1: E002 \[error\] front matter opened with '---' on line 1 is never closed")


@case
def front_matter_not_a_mapping(root):
    return Case([draft(root, "list.md", "---\n- a\n- b\n---\n\nText.\n")], 1,
                r".*list\.md:2:1: E002 \[error\] front matter must be a mapping of keys to values, not a list")


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8))


@case
def alias_bomb_in_front_matter(root):
    return Case([draft(root, "bomb.md", "---\n" + BOMB + "---\n\nText.\n")], 1,
                r".*bomb\.md:3:1: E002 \[error\] front matter is not valid YAML: YAML aliases \(\*name\) are not allowed")


# -- config -----------------------------------------------------------------------------------------------
@case
def alias_bomb_in_config(root):
    cfg = config(root, BOMB)
    return Case(["--config", cfg, draft(root, "a.md", "Text.\n")], 2, r"draftlint: config error: .*\.draftlint\.yaml:2 is not valid YAML: YAML aliases \(\*name\) are not allowed", names=cfg)


@case
def malformed_yaml_config(root):
    cfg = config(root, "select: [Q001\nfail-on: warning\n")
    return Case(["--config", cfg, draft(root, "a.md", "Text.\n")], 2, r"draftlint: config error: .*\.draftlint\.yaml:2 is not valid YAML: expected ',' or '\]', but got ':'", names=cfg)


@case
def malformed_toml_config(root):
    cfg = config(root, "[tool.draftlint]\nselect = [\"Q001\"\nfail-on = 1\n", name="pyproject.toml")
    return Case(["--config", cfg, draft(root, "a.md", "Text.\n")], 2, r"draftlint: .*pyproject\.toml.*", names=cfg)


@case
def unknown_rule_code_in_config(root):
    cfg = config(root, "select: [Q0001]\n")
    return Case(["--config", cfg, draft(root, "a.md", "Text.\n")], 2, r"draftlint: config error: select: \"Q0001\" matches no rule code, code prefix, name or family \(did you mean \"Q001\"\?\)",
                names="Q0001")


@case
def unknown_rule_option_in_config(root):
    cfg = config(root, "rules:\n  R001:\n    max-word: 30\n")
    return Case(["--config", cfg, draft(root, "a.md", "Text.\n")], 2,
                r"draftlint: .*\.draftlint\.yaml: .*max-word.*did you mean .*max-words.*", names=cfg)


@case
def catastrophic_regex_in_rule_pack(root):
    pack = draft(root, "pack/slow.yaml", "code: H001\nname: slow\nkind: pattern\nfamily: style\n"
                                         "message: slow\npattern: '(a+)+$'\n")
    cfg = config(root, "rule-dirs: [pack]\n")
    return Case(["--config", cfg, draft(root, "a.md", "Text.\n")], 2, r"draftlint: config error: .*slow\.yaml: key \"pattern\" has a quantified group that contains a quantifier.*", names=pack)


# -- paths ------------------------------------------------------------------------------------------------
@case
def missing_path(root):
    return Case([str(root / "nowhere.md")], 2, r"draftlint: .*nowhere\.md: no such file or folder")


@case
def permission_denied_file(root):
    locked = draft(root, "locked.md", "Text.\n")
    return Case([locked], 1, r".*locked\.md:1:1: E001 \[error\] cannot read file: Permission denied", deny=[Path(locked)])


@case
def permission_denied_folder(root):
    draft(root, "locked/inside.md", "Text.\n")
    draft(root, "open.md", "Text.\n")
    return Case([str(root)], 2, r"draftlint: .*locked: cannot read folder: Permission denied",
                names=str(root / "locked"), deny=[root / "locked"])


@case
def symlink_loop(root):
    os.symlink("loop.md", root / "loop.md")
    draft(root, "real.md", "Text.\n")
    return Case([str(root / "loop.md")], 2, r"draftlint: .*loop\.md: symbolic link loop")


@case
def symlink_loop_inside_a_folder(root):
    draft(root, "sub/real.md", "Text.\n")
    os.symlink("..", root / "sub" / "up")
    os.symlink("self.md", root / "sub" / "self.md")
    return Case([str(root)], 0, r"No findings in 1 file\.", names="")


@case
def file_that_disappears(root):
    gone = draft(root, "gone.md", "Text.\n")
    hook = root / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import os, os.path\n"
        "_getsize = os.path.getsize\n"
        "def getsize(path):\n"
        "    if str(path).endswith('gone.md') and os.path.exists(path):\n"
        "        os.remove(path)  # the file vanishes between discovery and reading\n"
        "    return _getsize(path)\n"
        "os.path.getsize = getsize\n", encoding="utf-8")
    return Case([gone], 1, r".*gone\.md:1:1: E001 \[error\] cannot read file: No such file or directory",
                env={"PYTHONPATH": str(hook)}, vanishes=gone)


# -- plugins ----------------------------------------------------------------------------------------------
PLUGIN_RULE = '''
from draftlint.rule import Rule

class Bad(Rule):
    """A plugin rule that misbehaves."""
    code = "ACM009"
    name = "bad"
    family = "style"

    def check(self, doc, opts):
        BODY

def rules():
    return [Bad]
'''


@case
def plugin_fails_to_import(root):
    env = make_plugin(root, "broken_pack", "import no_such_module_here\n")
    return Case([draft(root, "a.md", "Text.\n")], 2,
                r"draftlint: plugin \"broken_pack\" \(broken_pack:rules\) failed to load: ModuleNotFoundError.*",
                names="broken_pack", env=env)


# The rule first writes where it runs (the main process or a worker) to the file named by WHERE_FILE.
WHERE = ("import multiprocessing, os\n"
         "        with open(os.environ['WHERE_FILE'], 'a') as f:\n"
         "            f.write('worker' if multiprocessing.parent_process() else 'main')\n        ")


@case
def plugin_rule_raises(root):
    env = make_plugin(root, "raising_pack", PLUGIN_RULE.replace("BODY", WHERE + "raise ValueError('bad state')"))
    where = root.parent / "where.txt"
    path = draft(root, "a.md", "Text.\n")
    return Case([path, "--select", "ACM009"], 2, r"draftlint: rule ACM009 \(bad\) crashed on .*a\.md: ValueError: bad state",
                env={**env, "WHERE_FILE": str(where)}, where=where)


@case
def plugin_rule_loops_forever(root):
    env = make_plugin(root, "looping_pack", PLUGIN_RULE.replace("BODY", WHERE + "while True:\n            pass"))
    where = root.parent / "where.txt"
    cfg = config(root, "timeout: 1\n")
    path = draft(root, "a.md", "Text.\n")
    return Case(["--config", cfg, path, "--select", "ACM009"], 2,
                r"draftlint: rule ACM009 \(bad\) crashed on .*a\.md: no result within the time limit of 1 s",
                names=path, env={**env, "WHERE_FILE": str(where)}, where=where)


# -- the test ---------------------------------------------------------------------------------------------
def snapshot(root: Path) -> dict[str, bytes]:
    out = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            if not os.path.islink(path) and "__pycache__" not in path:
                with open(path, "rb") as handle:
                    out[path] = handle.read()
    return out


def deny_env(root: Path, paths: list[Path]) -> dict:
    """Make paths unreadable: chmod for a normal user; root reads everything, so inject the OS error instead."""
    if not IS_ROOT:
        for path in paths:
            path.chmod(0)
        return {}
    hook = root / "deny-hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import builtins, errno, os\n"
        f"DENIED = {[str(p) for p in paths]!r}\n"
        "def _check(path):\n"
        "    if isinstance(path, (str, os.PathLike)) and os.path.abspath(os.fspath(path)) in DENIED:\n"
        "        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))\n"
        "_open, _scandir = builtins.open, os.scandir\n"
        "def open(file, *args, **kwargs):\n"
        "    _check(file)\n"
        "    return _open(file, *args, **kwargs)\n"
        "def scandir(path='.'):\n"
        "    _check(path)\n"
        "    return _scandir(path)\n"
        "builtins.open, os.scandir = open, scandir\n", encoding="utf-8")
    return {"PYTHONPATH": str(hook)}


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input(name, jobs, tmp_path):
    root = tmp_path / "drafts"
    root.mkdir()
    spec = CASES[name](root)
    before = snapshot(root)
    before.pop(spec.vanishes, None)
    env = dict(spec.env)
    if spec.deny:
        extra = deny_env(tmp_path, spec.deny)
        if extra:
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [extra["PYTHONPATH"], env.get("PYTHONPATH")]))
    try:
        proc = run_cli("check", "--no-cache", *(["--isolated"] if "--config" not in spec.args else []),
                       "--jobs", jobs, *spec.args, cwd=tmp_path, env=env, timeout=120)  # a hang fails
    finally:
        for path in spec.deny:
            path.chmod(0o755)
    out, err = proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Traceback" not in out, err
    assert proc.returncode == spec.exit, f"exit {proc.returncode}\nstdout:\n{out}\nstderr:\n{err}"
    lines = [line for line in (out + "\n" + err).splitlines() if re.fullmatch(spec.message, line)]
    assert lines, f"no line matches {spec.message!r}\nstdout:\n{out}\nstderr:\n{err}"
    names = spec.names if spec.names is not None else spec.args[0]
    assert names in lines[0] or os.path.basename(names) in lines[0]
    assert snapshot(root) == before, "an input file changed"
    if spec.where is not None:  # --jobs 2 really runs the rules in a worker process, even for one file
        assert spec.where.read_text(encoding="utf-8") == ("worker" if jobs == "2" else "main")
