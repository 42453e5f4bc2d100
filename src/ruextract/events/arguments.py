"""Event arguments from the trigger's dependents: one small reader per syntactic relation.

Roles: agent, patient, recipient, participant, place, time, cause, source, event. A value is an
entity id when the argument's head token lies in an entity mention (DATE/TIME entities and
timexes serve as time), a timex id for time, an event id for an event argument; otherwise the
argument's noun phrase is returned as a span.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..document import Document
from ..records import Span
from .lexicon import EventType, Lexicon
from .syntax import OUTSIDE_CAUSE, PERSONAL, Tree

PLACE_PREPOSITIONS = {"в", "во", "на"}
PLACE_TYPES = {"LOC", "COUNTRY", "CITY", "STATE_OR_PROVINCE", "DISTRICT", "LOCATION", "FACILITY"}
TIME_TYPES = {"DATE", "TIME"}
DESCRIPTOR_TYPES = {"PROFESSION"}  # a common noun's entity: a name beside it is preferred
NAMED_TYPES = {"PER", "ORG", "PERSON", "ORGANIZATION"}
PERSON_TYPES = {"PER", "PERSON"}
PARTICIPANT_PREPOSITIONS = {"с", "со", "между"}
RECIPIENT_PREPOSITIONS = {"к", "ко"}
CAUSE_PREPOSITIONS = {"благодаря", "из-за", "за", "вследствие", "ввиду"}
SPEAKER = {"я", "мы"}
CORE_ROLES = ("agent", "patient", "recipient", "participant")


class ArgumentReader:
    def __init__(self, doc: Document, tree: Tree, lexicon: Lexicon, events: dict[int, str]):
        self.doc = doc
        self.tree = tree
        self.lexicon = lexicon
        self.events = events  # trigger token -> event id
        self.entity_at: dict[int, tuple[int, str, str]] = {}  # token -> (width, id, type)
        self.time_at: dict[int, str] = {}
        self._index_mentions()

    def _index_mentions(self) -> None:
        doc = self.doc
        starts = [token.start for token in doc.tokens]
        ends = [token.end for token in doc.tokens]

        def tokens_of(start: int, end: int) -> range:
            first = bisect_right(ends, start)
            return range(first, max(bisect_left(starts, end), first))

        for entity in doc.entities:
            for mention in entity.mentions:
                span = tokens_of(mention.start, mention.end)
                for index in span:
                    width = len(span)
                    if index not in self.entity_at or width < self.entity_at[index][0]:
                        self.entity_at[index] = (width, entity.id, entity.type)
                    if entity.type in TIME_TYPES:
                        self.time_at.setdefault(index, entity.id)
        for timex in doc.timexes:
            if timex.type in ("DATE", "TIME"):
                for index in tokens_of(timex.start, timex.end):
                    self.time_at[index] = timex.id
        self.quotes = [(quote.content.start, quote.content.end, quote.speaker)
                       for quote in doc.quotes if quote.speaker]

    # reading

    def read(self, index: int, type: EventType) -> tuple[dict[str, str], dict[str, Span]]:
        tree = self.tree
        token = tree.tokens[index]
        found: dict[str, int] = {}
        if token.pos in ("VERB", "AUX"):
            self._verbal(index, type, found)
        else:
            self._nominal(index, type, found)
        for child in tree.children[index]:
            self._oblique(child, found)
        governor = self._light_governor(index)
        if governor is None:
            self._clause_participant(index, type, found)
        if governor is not None:
            for child in tree.children[governor]:
                if child == index:
                    continue
                rel = tree.tokens[child].rel
                if rel == "nsubj" and "agent" not in found and tree.tokens[index].rel == "obj":
                    found["agent"] = child
                elif rel in ("obl", "nmod"):
                    self._oblique(child, found)

        if "place" not in found:
            # "встретился с послом в Томске": a place hanging on an argument
            for role in ("participant", "patient", "agent", "recipient"):
                if role in found:
                    for child in tree.children[found[role]]:
                        self._oblique(child, found, only=("place",))
        args: dict[str, str] = {}
        spans: dict[str, Span] = {}
        for role, argument in found.items():
            if role == "time":
                continue
            self._assign(role, argument, args, spans)
        time = self._time(index, governor)
        if time is not None:
            args["time"] = time
        return args, spans

    def _verbal(self, index: int, type: EventType, found: dict[str, int]) -> None:
        tree = self.tree
        token = tree.tokens[index]
        children = tree.children[index]
        passive = token.feats.get("Voice") == "Pass" or any(
            tree.tokens[child].rel in ("aux:pass", "nsubj:pass") for child in children)
        for child in children:
            rel = tree.tokens[child].rel
            feats = tree.tokens[child].feats
            if rel == "nsubj":
                found.setdefault("patient" if passive else type.subject, child)
            elif rel == "nsubj:pass":
                found.setdefault("patient", child)
            elif rel == "obj":
                if child in self.events and type.name == "PREVENTION":
                    found.setdefault("event", child)
                else:
                    found.setdefault(type.object, child)
            elif rel == "iobj":
                found.setdefault("recipient", child)
            elif rel == "obl:agent":
                found.setdefault("agent", child)
            elif rel == "obl" and tree.case(child) is None:
                if feats.get("Case") == "Dat":
                    found.setdefault("recipient", child)
                elif passive and feats.get("Case") == "Ins" and tree.tokens[child].pos in ("NOUN", "PROPN"):
                    found.setdefault("agent", child)
            elif rel == "xcomp" and child in self.events and type.name == "PREVENTION":
                found.setdefault("event", child)
        # a participle describes its noun: the noun is the patient (passive) or the agent
        if token.feats.get("VerbForm") == "Part" and token.rel in ("acl", "amod"):
            head = tree.head(index)
            if head is not None:
                found.setdefault("patient" if passive else type.subject, head)
        # a relative clause's pronoun stands for the noun the clause describes
        # conjoined and controlled verbs share the subject and object of their first verb
        head = tree.head(index)
        if head is not None and token.rel in ("conj", "xcomp"):
            for child in tree.children[head]:
                rel = tree.tokens[child].rel
                if rel == "nsubj" and "agent" not in found and "patient" not in found:
                    found[type.subject] = child
                elif rel == "obj" and token.rel == "conj" and type.object not in found:
                    found[type.object] = child
                elif rel == "nsubj:pass" and token.rel == "conj" and "patient" not in found:
                    found["patient"] = child
                elif rel == "obl" and token.rel == "conj" and "place" not in found:
                    self._oblique(child, found, only=("place",))

    def _nominal(self, index: int, type: EventType, found: dict[str, int]) -> None:
        tree = self.tree
        for child in tree.children[index]:
            child_token = tree.tokens[child]
            entity = self.entity_at.get(child)
            place = entity is not None and entity[2] in PLACE_TYPES
            if child_token.rel == "nmod" and tree.case(child) is None and child_token.feats.get("Case") == "Gen":
                if child_token.pos in ("NOUN", "PROPN", "PRON") and child not in self.time_at:
                    # "чемпионат России": a place; "задержание хакеров": the type's genitive role
                    found.setdefault("place" if place and type.genitive != "patient" else type.genitive, child)
            elif child_token.rel == "amod" and place:
                found.setdefault("place", child)  # "минский концерт"

    def _oblique(self, child: int, found: dict[str, int], only: tuple[str, ...] | None = None) -> None:
        tree = self.tree
        token = tree.tokens[child]
        if token.rel not in ("obl", "nmod", "obl:agent"):
            return
        case = tree.case(child)
        entity = self.entity_at.get(child)
        role = None
        if case in PLACE_PREPOSITIONS and tree.lemma(child) == "рука":
            # "передать в руки X": X receives
            owners = [grand for grand in tree.children[child] if tree.tokens[grand].rel == "nmod"]
            if owners:
                found.setdefault("recipient", owners[0])
            return
        if case in PLACE_PREPOSITIONS and entity is not None and entity[2] in PLACE_TYPES:
            role = "place"
        elif case in PLACE_PREPOSITIONS and entity is None and (only is None or "place" in only):
            # "в больнице Ижевска", "в городе Донецке": the place names the locative's noun
            named = self._named_place(child)
            if named is not None:
                found.setdefault("place", named)
            return
        elif case in PARTICIPANT_PREPOSITIONS and token.feats.get("Case") == "Ins":
            role = "participant"
        elif case in RECIPIENT_PREPOSITIONS and (token.feats.get("Animacy") == "Anim" or entity is not None):
            role = "recipient"
        elif case in ("на", "против") and token.rel == "nmod" and token.feats.get("Case") == "Acc":
            role = "patient"  # "нападение на банк"
        elif case in CAUSE_PREPOSITIONS and child not in self.time_at:
            if case == "за" and token.feats.get("Case") not in ("Acc", None):
                return
            role = "cause"
        elif case == "против":
            role = "patient"
        if role is None or (only is not None and role not in only):
            return
        found.setdefault(role, child)
        if role == "cause":
            # "благодаря сведениям от ФБР": the source of the cause
            for grand in tree.subtree(child, OUTSIDE_CAUSE):
                before = tree.lemma(grand - 1) if grand > 0 else ""
                if (tree.case(grand) or before) in ("от", "из") and grand in self.entity_at:
                    found.setdefault("source", grand)
                    break

    def _clause_participant(self, index: int, type: EventType, found: dict[str, int]) -> None:
        """"Берсани победил на выборах": the subject of the verb a nominal trigger complements
        takes part in the event."""
        tree = self.tree
        token = tree.tokens[index]
        head = tree.head(index)
        if token.pos not in ("NOUN", "PROPN") or token.rel not in ("obl", "obj") or head is None:
            return
        if tree.tokens[head].pos not in ("VERB", "AUX") or head in self.events:
            return
        for child in tree.children[head]:
            if tree.tokens[child].rel == "nsubj" and not {"agent", "participant", "patient"} & found.keys():
                found[type.clause] = child

    def _named_place(self, index: int) -> int | None:
        tree = self.tree
        for child in tree.children[index]:
            if tree.tokens[child].rel in ("nmod", "appos", "flat", "flat:name"):
                entity = self.entity_at.get(child)
                if entity is not None and entity[2] in PLACE_TYPES:
                    return child
        return None

    def _light_governor(self, index: int) -> int | None:
        """The light verb a nominal trigger is the object or subject of ("совершить теракт")."""
        tree = self.tree
        if tree.tokens[index].pos not in ("NOUN", "PROPN"):
            return None
        head = tree.head(index)
        if head is not None and tree.tokens[index].rel in ("obj", "nsubj") and tree.lemma(head) in self.lexicon.light:
            return head
        return None

    def _time(self, index: int, governor: int | None) -> str | None:
        """A time expression the trigger governs, else the nearest one in its sentence."""
        tree = self.tree
        roots = [index] + ([governor] if governor is not None else [])
        for root in roots:
            for child in tree.children[root]:
                if tree.tokens[child].rel in ("obl", "nmod", "advmod", "nummod") or child in self.time_at:
                    for member in tree.subtree(child):
                        if member in self.time_at and not self._owned_by_other(member, index, governor):
                            return self.time_at[member]
        sentence = tree.sentence_of[index]
        ancestors = set(self._ancestors(index))
        candidates = [member for member in self.time_at if tree.sentence_of[member] == sentence
                      and not self._owned_by_other(member, index, governor)
                      and self._clause_time(member, ancestors)]
        if not candidates:
            return None
        return self.time_at[min(candidates, key=lambda member: abs(member - index))]

    def _ancestors(self, index: int) -> list[int]:
        chain, current = [], self.tree.head(index)
        while current is not None and current not in chain and len(chain) < 20:
            chain.append(current)
            current = self.tree.head(current)
        return chain

    def _clause_time(self, member: int, ancestors: set[int]) -> bool:
        """A time expression that dates a clause governing the trigger, not a noun ("премьер в
        1988—1998 годах"): the first verb above it governs the trigger too."""
        tree = self.tree
        for current in self._ancestors(member):
            if current in self.time_at:
                continue
            if tree.tokens[current].pos in ("VERB", "AUX"):
                return current in ancestors
            if tree.tokens[current].pos in ("NOUN", "PROPN", "PRON"):
                return False
        return False

    def _owned_by_other(self, member: int, index: int, governor: int | None = None) -> bool:
        """True when a different trigger governs the time token more closely than this one
        (or than the light verb this trigger is the object of)."""
        tree = self.tree
        current, steps = tree.head(member), 0
        while current is not None and steps < 20:
            if current in (index, governor):
                return False
            if current in self.events:
                return True
            current, steps = tree.head(current), steps + 1
        return False

    # values

    def _assign(self, role: str, argument: int, args: dict[str, str], spans: dict[str, Span]) -> None:
        argument = self._antecedent(argument)
        if argument is None:
            return
        if role == "event" and argument in self.events:
            args[role] = self.events[argument]
            return
        argument = self._named(argument)
        speaker = self._speaker(argument)
        if speaker is not None:
            args[role] = speaker
            return
        entity = self.entity_at.get(argument)
        if entity is not None and entity[2] not in TIME_TYPES:
            args[role] = entity[1]
            return
        if self.tree.tokens[argument].pos == "PRON":
            return  # an unresolved pronoun says nothing
        if role in CORE_ROLES:
            spans[role] = self.tree.phrase(argument)
        elif role == "cause":
            spans[role] = self.tree.phrase(argument, OUTSIDE_CAUSE)
            # a common noun whose phrase names an entity ("террористы ИГИЛ") keeps the span
            # as the argument: the entity is a modifier, not the argument itself

    def _named(self, argument: int) -> int:
        """"дирижёр Николас Арнонкур": a common noun's appositive name is the argument."""
        own = self.entity_at.get(argument)
        if own is not None and own[2] not in DESCRIPTOR_TYPES:
            return argument
        tree = self.tree
        candidates = []  # (rank, position)
        stack = [(child, 1) for child in tree.children[argument]]
        while stack:
            child, depth = stack.pop(0)
            rel = tree.tokens[child].rel
            if rel not in ("appos", "flat", "flat:name", "nmod"):
                continue
            entity = self.entity_at.get(child)
            if entity is not None and entity[2] in NAMED_TYPES and (rel != "nmod" or tree.tokens[child].feats.get("Case") == "Nom"):
                # a person before an organisation, an appositive before a modifier, the nearer first
                candidates.append(((entity[2] not in PERSON_TYPES, rel == "nmod", depth, abs(child - argument)), child))
            if depth < 2:
                stack.extend((grand, depth + 1) for grand in tree.children[child])
        return min(candidates)[1] if candidates else argument

    def _antecedent(self, argument: int) -> int | None:
        """"который" -> the noun its clause describes; он/она/они -> the nearest earlier match."""
        tree = self.tree
        token = tree.tokens[argument]
        lemma = tree.lemma(argument)
        if lemma == "который":
            current = argument
            for _step in range(6):
                head = tree.head(current)
                if head is None:
                    return None
                if tree.tokens[current].rel == "acl:relcl":
                    return head
                current = head
            return None
        if lemma in PERSONAL and token.pos == "PRON":
            if tree.stands_for_entity(argument, self.entity_at):
                return argument  # coreference resolved it: a mention of its entity
            return tree.antecedent(argument, self.entity_at)
        return argument

    def _speaker(self, argument: int) -> str | None:
        tree = self.tree
        if tree.lemma(argument) not in SPEAKER or tree.tokens[argument].pos != "PRON":
            return None
        start = tree.tokens[argument].start
        for quote_start, quote_end, speaker in self.quotes:
            if quote_start <= start < quote_end:
                return speaker
        return None
