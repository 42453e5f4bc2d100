"""What the quote rules look at, computed once per document: folded lemmas, sentences of
tokens, dependency children, entity mentions, paired quote marks and each token's cue frame."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..document import Document, Token
from ..records import Entity
from .lexicon import Frame, Lexicon, fold
from .marks import Marked, pair_marks

PERSONAL = {"он", "она", "они", "оно"}  # lemmas of the third-person pronouns
POSSESSIVE_3 = {"его", "ее", "их"}  # their genitive forms, also possessive


@dataclass(frozen=True)
class MentionRef:
    start: int
    end: int
    entity: Entity
    kind: str


class Context:
    def __init__(self, doc: Document, lexicon: Lexicon):
        self.doc = doc
        self.text = doc.text
        self.lexicon = lexicon
        tokens = doc.tokens
        self.tokens: list[Token] = tokens
        self.starts = [token.start for token in tokens]
        self.ends = [token.end for token in tokens]
        self.lowers = [fold(token.text) for token in tokens]
        self.lemmas = [fold(token.lemma) if token.lemma else low for token, low in
                       zip(tokens, self.lowers)]
        self.sent_of = [0] * len(tokens)
        for number, sentence in enumerate(doc.sentences):
            first, last = sentence.tokens
            for index in range(first, min(last, len(tokens))):
                self.sent_of[index] = number
        self.children: list[list[int]] = [[] for _ in tokens]
        for index, token in enumerate(tokens):
            if token.head is not None and 0 <= token.head < len(tokens) and token.head != index:
                self.children[token.head].append(index)
        self.mentions = sorted(
            (MentionRef(m.start, m.end, entity, m.kind) for entity in doc.entities
             for m in entity.mentions),
            key=lambda ref: (ref.start, -ref.end),
        )
        self.mention_starts = [ref.start for ref in self.mentions]
        self.longest_mention = max((ref.end - ref.start for ref in self.mentions), default=0)
        self.names = sorted([(span.start, span.end) for span in doc.ner] + [
            (ref.start, ref.end) for ref in self.mentions if ref.kind == "name"
        ])
        self.marked: list[Marked] = pair_marks(self.text)
        self.verdict: dict[Marked, str] = {}
        self.contents: list[tuple[int, int]] = []  # the quotes found, once attribution ran
        self.labels: dict[str, Entity] = {}  # descriptive speakers, by their lower-case label
        self.label_heads: dict[str, Entity] = {}  # the latest label of several words, by its head's lemma
        self.media: list[MentionRef] = []  # organisations quoted with a cue of publishing
        self.sourced: dict[int, MentionRef] = {}  # token of an earlier quote's source -> its speaker
        self._positions: dict[str, list[int]] | None = None  # lemma -> its tokens, built when asked
        self.genders: dict[str, str | None] = {}  # a person entity's gender, by entity id
        self.frames: list[Frame | None] = [self._frame(index) for index in range(len(tokens))]

    # tokens and offsets

    def first_token_from(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens lying inside ``[start, end)``."""
        return range(bisect_left(self.starts, start), bisect_right(self.ends, end))

    def feats(self, index: int) -> dict[str, str]:
        return self.tokens[index].feats

    def pos(self, index: int) -> str:
        return self.tokens[index].pos or ""

    def sentence_bounds(self, index: int) -> tuple[int, int]:
        """The sentence of ``index`` as characters, within its paragraph."""
        sentence = self.doc.sentences[self.sent_of[index]]
        line_start, line_end = self.paragraph_bounds(self.starts[index])
        return max(sentence.start, line_start), min(sentence.end, line_end)

    def sentence_tokens(self, index: int) -> range:
        """The tokens of the sentence of ``index``, within its paragraph (razdel joins a line
        without a final period to the next one)."""
        first, last = self.doc.sentences[self.sent_of[index]].tokens
        line_start, line_end = self.paragraph_bounds(self.starts[index])
        first = max(first, bisect_left(self.starts, line_start))
        last = min(last, bisect_left(self.starts, line_end), len(self.tokens))
        return range(first, last)

    def paragraph_bounds(self, offset: int) -> tuple[int, int]:
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return start, len(self.text) if end < 0 else end

    def line_end(self, offset: int) -> int:
        return self.paragraph_bounds(offset)[1]

    def is_finite_verb(self, index: int) -> bool:
        feats = self.feats(index)
        return self.pos(index) in ("VERB", "AUX") and feats.get("VerbForm") == "Fin"

    def first_person(self, index: int) -> bool:
        return self.feats(index).get("Person") == "1"

    # quote marks

    def quotes(self, *verdicts: str) -> list[Marked]:
        return [marked for marked in self.marked if self.verdict.get(marked) in verdicts]

    def inside_quote(self, offset: int, *verdicts: str) -> Marked | None:
        verdicts = verdicts or ("quote", "clause")
        for marked in self.marked:
            if marked.open > offset:
                break
            if marked.open < offset < marked.close and self.verdict.get(marked) in verdicts:
                return marked
        return None

    # entities

    def mentions_in(self, start: int, end: int) -> list[MentionRef]:
        """The mentions starting inside ``[start, end)``."""
        return self.mentions[bisect_left(self.mention_starts, start) : bisect_left(self.mention_starts, end)]

    def mention_over(self, start: int, end: int) -> MentionRef | None:
        """The longest mention overlapping ``[start, end)``."""
        best = None
        first = bisect_left(self.mention_starts, start - self.longest_mention)
        for ref in self.mentions[first:]:
            if ref.start >= end:
                break
            if ref.end > start and (best is None or ref.end - ref.start > best.end - best.start):
                best = ref
        return best

    def name_cover(self, start: int, end: int) -> float:
        """Share of the non-space characters of ``[start, end)`` inside a named-entity span."""
        total = len("".join(self.text[start:end].split()))
        if not total:
            return 0.0
        covered, reach = 0, start
        for name_start, name_end in self.names:
            if name_start >= end:
                break
            low, high = max(name_start, reach), min(name_end, end)
            if high > low:
                covered += len("".join(self.text[low:high].split()))
                reach = high
        return covered / total

    # cue frames

    def _frame(self, index: int) -> Frame | None:
        words = self.lexicon.words
        by_form = words.get(self.lowers[index])  # сказано: a form listed as a passive of its own
        frame = by_form if by_form is not None and by_form.kind == "passive" else (
            words.get(self.lemmas[index]) or by_form)
        if frame is None or frame.kind == "phrase":
            return None
        pos = self.pos(index)
        if frame.kind in ("verb", "passive") and pos not in ("VERB", "AUX", "ADJ", ""):
            return None
        if frame.kind == "noun" and pos not in ("NOUN", ""):
            return None
        if frame.kind == "adjective" and self.feats(index).get("Variant") != "Short":
            return None
        return frame

    def positions(self, lemma: str) -> list[int]:
        """The tokens with this lemma, in text order."""
        if self._positions is None:
            self._positions = {}
            for index, each in enumerate(self.lemmas):
                self._positions.setdefault(each, []).append(index)
        return self._positions.get(lemma, [])

    def collocation(self, index: int) -> tuple[Frame, int] | None:
        """A verb + noun collocation starting at ``index``: its frame and its last token."""
        nouns = self.lexicon.collocations.get(self.lemmas[index])
        if not nouns:
            return None
        for following in range(index + 1, min(index + 4, len(self.tokens))):
            frame = nouns.get(self.lemmas[following])
            if frame is not None:
                return frame, following
            if self.lowers[following] in (",", ".", ":", "—", "«", "»"):
                break
        return None
