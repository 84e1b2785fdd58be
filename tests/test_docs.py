"""The generated indicator reference (docs/indicators.md, `make docs`) is current and whole."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from conftest import ENTRIES

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import docs  # noqa: E402


def test_the_committed_reference_is_current() -> None:
    """`make docs` was run after the catalog last changed."""
    assert (ROOT / "docs" / "indicators.md").read_text() == docs.render()


def test_every_entry_has_a_section_and_every_link_a_target() -> None:
    text = docs.render()
    sections = re.findall(r"^### `([a-z0-9_]+)`$", text, re.M)
    # Grouped by family: every entry once.
    assert sorted(sections) == sorted(e["name"] for e in ENTRIES)
    assert len(sections) == len(set(sections))
    for target in re.findall(r"\]\(#([a-z0-9_]+)\)", text):
        assert target in sections
    # Each entry states its parameters' ranges and its outputs' plot hints.
    rsi = text[text.index("### `rsi`") :].split("### ", 2)[1]
    assert "| `period` | int | 14 | 2 to 100000 | timeperiod |" in rsi
    assert "Levels: 30, 70" in rsi
    pivot = text[text.index("### `pivot_high`") :].split("### ", 2)[1]
    assert "at the event, `right_bars` bars back" in pivot
    assert "Deviation from TA-Lib" in text[text.index("### `ichimoku`") :].split("### ", 2)[1]
