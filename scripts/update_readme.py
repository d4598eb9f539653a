"""Regenerate the README rule table between the rules:start / rules:end markers."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    readme = ROOT / "README.md"
    table = subprocess.run(
        [sys.executable, "-m", "draftlint", "rules", "--format", "markdown", "--isolated"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout
    text = readme.read_text(encoding="utf-8")
    new = re.sub(r"(<!-- rules:start.*?-->\n)(.*?)(<!-- rules:end -->)",
                 lambda m: m.group(1) + table + m.group(3), text, count=1, flags=re.S)
    readme.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
