"""The one way files are replaced: all or nothing, no temp files left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesboard.atomic import replacing


def test_success_replaces_and_keeps_the_suffix(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "screen.png"
    with replacing(target) as tmp:
        assert tmp.parent == target.parent and tmp.suffix == ".png" and tmp != target
        tmp.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in target.parent.iterdir()] == ["screen.png"]


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "last-snapshot-csv.json"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with replacing(target, durable=False) as tmp:
            tmp.write_text("half")
            raise RuntimeError("power cut")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["last-snapshot-csv.json"]
