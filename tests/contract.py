"""Checks of the public JSON contract shared by the property and service tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ruextract import Output


def spans(value: Any) -> Iterator[dict[str, Any]]:
    """Every {"start", "end", "text"} object anywhere in an output (mentions, roles, cue,
    source, content, timexes, triggers, evidence)."""
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys():
            yield value
        for item in value.values():
            yield from spans(item)
    elif isinstance(value, list):
        for item in value:
            yield from spans(item)


def check_output(text: str, out: dict[str, Any]) -> None:
    Output.model_validate(out)
    for span in spans(out):
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        assert text[span["start"] : span["end"]] == span["text"], span
