"""Small readers of the dependency tree that the event rules share."""

from __future__ import annotations

from collections.abc import Container

from ..document import Document, Token
from ..records import Span

# dependents that do not belong to a noun phrase's span
OUTSIDE_PHRASE = {"punct", "acl:relcl", "parataxis", "conj", "cc", "appos", "acl", "advcl", "ccomp"}
# a cause keeps its participle ("полученным от ФБР сведениям")
OUTSIDE_CAUSE = OUTSIDE_PHRASE - {"acl"}
PERSONAL = {"он", "она", "они", "оно"}  # third-person pronouns, whose antecedent the text names


class Tree:
    """Children lists and sentence bounds for one document's tokens."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.tokens: list[Token] = doc.tokens
        self.children: list[list[int]] = [[] for _token in doc.tokens]
        self.sentence_of = [0] * len(doc.tokens)
        self._lemmas: list[str | None] = [None] * len(doc.tokens)
        for number, sentence in enumerate(doc.sentences):
            first, last = sentence.tokens
            for index in range(first, last):
                self.sentence_of[index] = number
                head = doc.tokens[index].head
                if head is not None and first <= head < last and head != index:
                    self.children[head].append(index)

    def lemma(self, index: int) -> str:
        """The token's lemma (its text if none), lower case, ё as е; computed once per token."""
        lemma = self._lemmas[index]
        if lemma is None:
            token = self.tokens[index]
            lemma = self._lemmas[index] = (token.lemma or token.text).lower().replace("ё", "е")
        return lemma

    def head(self, index: int) -> int | None:
        head = self.tokens[index].head
        if head is None or head == index or not 0 <= head < len(self.tokens):
            return None
        if self.sentence_of[head] != self.sentence_of[index]:
            return None
        return head

    def case(self, index: int) -> str | None:
        """The preposition (case marker) of a nominal, as a lemma, or None."""
        markers = [child for child in self.children[index]
                   if child < index and self.tokens[child].rel == "case" and self.tokens[child].pos == "ADP"]
        # the nearest one: a misparse may hang a distant preposition on the same word
        return self.lemma(max(markers)) if markers else None

    def children_with(self, index: int, *rels: str) -> list[int]:
        return [child for child in self.children[index] if self.tokens[child].rel in rels]

    def subtree(self, index: int, skip: set[str] = OUTSIDE_PHRASE) -> list[int]:
        found, stack, seen = [], [index], {index}
        while stack:  # `seen` guards against the cycles a parser may leave in its heads
            current = stack.pop()
            found.append(current)
            for child in self.children[current]:
                if child in seen or self.tokens[child].rel in skip:
                    continue
                if current == index and self._locative(child):
                    continue
                seen.add(child)
                stack.append(child)
        return sorted(found)

    def _locative(self, index: int) -> bool:
        """A "в/на ..." modifier in the locative case: a place, not part of the phrase it follows."""
        token = self.tokens[index]
        return token.rel == "nmod" and token.feats.get("Case") == "Loc" and self.case(index) in ("в", "во", "на")

    def _adjacent(self, left: int, right: int) -> bool:
        """Next to each other, or one preposition apart (a misparse may hang it elsewhere)."""
        return right == left + 1 or right == left + 2 and self.tokens[left + 1].pos == "ADP"

    def phrase(self, index: int, skip: set[str] = OUTSIDE_PHRASE) -> Span:
        """The noun phrase headed by a token: its contiguous subtree, without clauses."""
        members = self.subtree(index, skip)
        # keep the contiguous run around the head
        first = last = members.index(index)
        while first > 0 and self._adjacent(members[first - 1], members[first]):
            first -= 1
        while last + 1 < len(members) and self._adjacent(members[last], members[last + 1]):
            last += 1
        run = members[first : last + 1]
        # no leading prepositions or trailing punctuation
        while len(run) > 1 and self.tokens[run[0]].rel in ("case", "punct", "cc"):
            run = run[1:]
        while len(run) > 1 and self.tokens[run[-1]].rel in ("punct",):
            run = run[:-1]
        start, end = self.tokens[run[0]].start, self.tokens[run[-1]].end
        return Span(start=start, end=end, text=self.doc.text[start:end])

    def antecedent(self, index: int, named: Container[int]) -> int | None:
        """он/она/они: the nearest earlier noun of the pronoun's number and gender, animate or
        inside a ``named`` mention, at most two sentences back."""
        token = self.tokens[index]
        number, gender = token.feats.get("Number"), token.feats.get("Gender")
        first_sentence = max(self.sentence_of[index] - 2, 0)
        for position in range(index - 1, -1, -1):
            if self.sentence_of[position] < first_sentence:
                break
            candidate = self.tokens[position]
            if candidate.pos not in ("NOUN", "PROPN") or candidate.rel in ("flat:name", "flat"):
                continue
            if candidate.feats.get("Animacy") != "Anim" and position not in named:
                continue
            if number and candidate.feats.get("Number") != number:
                continue
            if number == "Sing" and gender and candidate.feats.get("Gender") not in (gender, None):
                continue
            return position
        return None

    def stands_for_entity(self, index: int, named: Container[int]) -> bool:
        """A pronoun that coreference put in an entity (``named`` holds every entity mention's
        tokens, the pronoun's too) stands for it, unless a person described by a common noun, whom
        no entity holds, is nearer ("арестован американский гражданин ... его освободили")."""
        if index not in named:
            return False
        if self.lemma(index) not in PERSONAL:
            return True
        found = self.antecedent(index, named)
        return found is None or found in named
