"""The README's quickstart and `make demo` run as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from laakhay.ta import demo

README = Path(__file__).resolve().parents[1] / "README.md"


def test_quickstart_runs() -> None:
    text = README.read_text()
    section = text[text.index("## Quickstart") :]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    assert match is not None
    namespace: dict[str, object] = {}
    exec(compile(match.group(1), "README quickstart", "exec"), namespace)
    assert "rsi_14" in namespace["out"].columns  # type: ignore[attr-defined]


def test_demo_runs(capsys: pytest.CaptureFixture[str]) -> None:
    demo.main()
    printed = capsys.readouterr().out
    assert "rsi_14" in printed and "AAA" in printed
    assert "Catalog:" in printed
