"""Replacing a file so that a reader, or a power cut, never meets half of it.

The one way every room writes a file that something else reads: the cached snapshot, the remembered
config.yaml, the headless screen picture. Write to a temp file beside the target, optionally fsync
it, rename it over the target, and fsync the folder so the rename itself survives a power cut.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(path: Path, *, durable: bool = True) -> Iterator[Path]:
    """Yield a temp path beside `path` to write; on success it replaces `path`, on error it is removed.

    The temp name keeps `path`'s suffix (pygame picks the image format from it). `durable=False`
    skips the fsyncs, for a file rewritten so often that losing the last one costs nothing.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=f".tmp{path.suffix}")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        if durable:
            _fsync(tmp, os.O_RDONLY)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if durable:
        _fsync(path.parent, os.O_RDONLY)


def _fsync(target: Path, flags: int) -> None:
    """fsync a file or folder; not every platform can open a folder, and that is fine."""
    try:
        fd = os.open(target, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
