"""Dates and times: TIMEX3-style ``Timex`` records resolved against the publication date.

    >>> from datetime import date
    >>> from ruextract.time import extract_timexes
    >>> [(t.text, t.value) for t in extract_timexes("Вчера, 25 октября, он уехал.", date(2020, 10, 26))]
    [('Вчера, 25 октября', '2020-10-25')]

Conventions: /work/shared/guidelines/time.md (values, mods, intervals, anchors).
"""

from __future__ import annotations

from .stage import TimeExtractor, TimeStage, explain, extract_timexes

__all__ = ["TimeExtractor", "TimeStage", "explain", "extract_timexes"]
