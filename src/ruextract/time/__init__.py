"""Dates and times: TIMEX3-style ``Timex`` records resolved against the publication date.

    >>> from datetime import date
    >>> from ruextract.time import extract_timexes
    >>> [(t.text, t.value) for t in extract_timexes("Вчера, 25 октября, он уехал.", date(2020, 10, 26))]
    [('Вчера, 25 октября', '2020-10-25')]

``TimeStage`` fills ``Document.timexes`` in a pipeline; ``explain(text)`` shows which rules
fired and which matches were refused. How it works, module by module:

    scan.py       text -> tokens, one category letter each (the grammar's alphabet)
    grammar.py    rules: regular expressions over those letters; leftmost-longest matching
    interpret.py  what a match means (a point, range, duration, offset, set), or why it is
                  not time (ages, distances, names)
    tense.py      does the sentence look forward? (a date without a year then does too)
    resolve.py    value, mod, interval and anchor, following /work/shared/guidelines/time.md
    lexicon.py    the word tables of models/time/*.json, loaded once
"""

from __future__ import annotations

from .stage import TimeExtractor, TimeStage, explain, extract_timexes

__all__ = ["TimeExtractor", "TimeStage", "explain", "extract_timexes"]
