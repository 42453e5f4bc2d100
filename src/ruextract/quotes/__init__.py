"""Quotes: who said what. Direct quotes in marks or after a dash, indirect speech (X заявил,
что ...; по словам X, ...), mixed quotes, with their cue, source mention and speaker entity.

    >>> import ruextract
    >>> from ruextract.quotes import QuoteStage
    >>> nlp = ruextract.load().add(QuoteStage())
    >>> doc = nlp("«Мы ответим», — заявил Путин.")
    >>> [(quote.kind, quote.content.text, quote.cue.text) for quote in doc.quotes]
    [('direct', 'Мы ответим', 'заявил')]

The modules, in the order they run: ``marks`` pairs quote marks; ``rules`` decides which quoted
spans are quotations; ``attribution`` finds the quotes and their cues; ``speakers`` finds the
source mention and the speaker entity; ``labels`` makes an entity for an unnamed but
identifiable source (прокурор, власти Венесуэлы), added to ``doc.entities`` with a descriptor
mention. The cue lexicon is ``models/quotes/cues.tsv``; the nouns the speaker rules read are
``voices.tsv``, ``subunits.tsv`` and ``media.tsv`` next to it.
"""

from __future__ import annotations

from .lexicon import Frame, Lexicon, load_lexicon
from .stage import QuoteStage, extract_quotes

__all__ = ["Frame", "Lexicon", "QuoteStage", "extract_quotes", "load_lexicon"]
