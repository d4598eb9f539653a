"""The progress bar of a long run: tqdm on standard error, whatever the output format."""
from __future__ import annotations

import shutil
import sys
from contextlib import contextmanager
from typing import Callable, Iterator, Optional

DELAY = 1.0  # seconds: a run that ends sooner never shows a bar


@contextmanager
def progress(total: int, force: Optional[bool], quiet: bool) -> Iterator[Optional[Callable[[int], None]]]:
    """Yield a callback that counts finished files, or None when no bar is shown.

    By default a bar appears once a run has lasted ``DELAY`` seconds, when standard error is a terminal and
    ``--quiet`` was not given; ``force`` (``--progress``/``--no-progress``) overrides both, and a forced bar
    shows from the start. The bar is cleared when the run ends, so reports that follow stay clean."""
    show = force if force is not None else (not quiet and sys.stderr.isatty())
    if not show or total <= 0:
        yield None
        return
    from tqdm import tqdm

    size = shutil.get_terminal_size()  # 80 x 24 when the terminal reports no size (tqdm would then draw nothing)
    with tqdm(total=total, file=sys.stderr, unit="file", leave=False, ncols=min(size.columns, 100), nrows=size.lines,
              delay=0 if force else DELAY) as bar:
        yield bar.update
