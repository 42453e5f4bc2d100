"""Events from trigger verbs and nominalisations, with arguments from the dependency parse.

For each sentence, in order:
  1. triggers: a token whose lemma is in the taxonomy (a verb or participle in ``verbs``, a noun
     in ``nouns``) or a phrase whose lemmas are the token's and its dependents'
     ("подать в отставку"); light verbs ("совершить теракт") are never triggers themselves; a
     lemma that NEREL train shows is rarely an event ("назначение" of a purpose) is dropped, and
     a one-word trigger takes in the dependents NEREL counts as part of the event ("президентские
     выборы", "чемпионат мира", "подписал указ"): both learned counts in ``rates.json``; a verb or
     noun the taxonomy lacks is an event of type ``EVENT`` when the trigger classifier says so
     (open vocabulary, ``open_candidate``);
  2. arguments: read off the trigger's dependents (see ``arguments.py``);
  3. modality: planned, prevented, negated or reported, from the trigger's governors
     (see ``modality.py``).

Argument values are entity ids (the argument's head token falls inside a mention), timex ids or
event ids; an argument that is no entity ("два террориста") is kept as a noun-phrase span in
``Event.arg_spans`` (role -> Span).
"""

from __future__ import annotations

from bisect import bisect_left

from ..document import Document
from ..records import Event, Span
from .arguments import ArgumentReader
from .lexicon import Lexicon
from .modality import modality_of
from .syntax import Tree
from .triggermodel import GENERIC, TriggerModel, default_trigger_model, trigger_features

PHRASE_REACH = 4  # a phrase's words lie this close ("подал вчера в отставку"); a parse that hangs
# a word of a later sentence on the verb (a headline with no full stop) makes no phrase
VERBAL = {"VERB", "AUX"}
NOMINAL = {"NOUN", "PROPN"}


class EventStage:
    name = "events"
    requires = frozenset({"tokens", "sentences", "tokens.lemma", "tokens.pos", "tokens.head", "entities"})
    provides = frozenset({"events"})

    def __init__(self, lexicon: Lexicon | None = None, triggers: TriggerModel | None | bool = True):
        """``triggers``: the classifier that decides, per occurrence, whether a trigger word of a
        NEREL event type is an event (``triggermodel.py``; default: the shipped pack); ``False``
        leaves that to the word's event rate alone (``rates.json``)."""
        self.lexicon = lexicon or Lexicon.load()
        self.triggers = default_trigger_model() if triggers is True else triggers or None
        self._navec = None

    def process(self, docs: list[Document]) -> None:
        for doc in docs:
            events, spans = self.extract(doc)
            for event in events:
                event.arg_spans = spans.get(event.id, {})
            doc.events = events

    def extract(self, doc: Document) -> tuple[list[Event], dict[str, dict[str, Span]]]:
        if not doc.tokens:
            return [], {}
        tree = Tree(doc)
        found = []  # (trigger token, type, first, last)
        in_time = _inside(doc, [(timex.start, timex.end) for timex in doc.timexes])
        for index, type, first, last in self.triggers_of(tree, skip=in_time):
            if first == last:
                first, last = self.extent(tree, index)
            found.append((index, type, first, last))
        # a token inside a multi-word trigger ("подал в отставку") is no trigger of its own
        covered = {position for index, _type, first, last in found if last > first
                   for position in range(first, last + 1) if position != index}
        found = [item for item in found if item[0] not in covered]
        events: list[Event] = []
        by_token: dict[int, str] = {}
        for number, (index, type, first, last) in enumerate(found):
            start, end = doc.tokens[first].start, doc.tokens[last].end
            event_id = f"ev{number + 1}"
            by_token[index] = event_id
            events.append(Event(id=event_id, type=type, trigger=Span(start=start, end=end, text=doc.text[start:end])))
        reader = ArgumentReader(doc, tree, self.lexicon, by_token)
        spans: dict[str, dict[str, Span]] = {}
        for (index, type, _first, _last), event in zip(found, events):
            args, arg_spans = reader.read(index, self.lexicon.types[type])
            event.args = args
            event.modality = modality_of(tree, index, self.lexicon, doc)
            if arg_spans:
                spans[event.id] = arg_spans
        # a prevention event's object event is prevented
        for (index, type, _first, _last), event in zip(found, events):
            if type == "PREVENTION" and event.modality in ("happened", "reported"):
                target = event.args.get("event")
                for other in events:
                    if other.id == target and other.modality in ("happened", "planned"):
                        other.modality = "prevented"
        self._arrest_prevents(tree, found, events)
        return events, spans

    @staticmethod
    def _arrest_prevents(tree: Tree, found: list, events: list[Event]) -> None:
        """A planned event stopped by an arrest is prevented: the plan is a relative clause on
        the person arrested ("задержаны боевики, которые готовили теракт"), part of the arrest's
        own phrase ("арестовало по обвинению в подготовке теракта") or the first of two
        coordinated verbs ("пыталась выехать, но была задержана"). NEREL train: the same
        sentence alone was right in 2 of 5 cases ("заседание, которое должно избрать генсека",
        "задерживает поставку"), so the link must be syntactic."""
        arrests = [index for (index, type, _f, _l), event in zip(found, events)
                   if type == "ARREST" and event.modality == "happened"]
        if not arrests:
            return
        for (index, _type, _f, _l), event in zip(found, events):
            if event.modality != "planned":
                continue
            chain, current = [], index
            while current is not None and len(chain) < 8:
                chain.append(current)
                current = tree.head(current)
            for arrest in arrests:
                if tree.sentence_of[arrest] != tree.sentence_of[index]:
                    continue
                patients = {child for child in tree.children[arrest]
                            if tree.tokens[child].rel in ("obj", "nsubj:pass")}
                under_patient = any(tree.tokens[member].rel == "acl:relcl" and self_or_up(tree, tree.head(member), patients)
                                    for member in chain)
                # the second of two verbs with one subject: "пыталась выехать, но была задержана"
                coordinated = tree.tokens[arrest].rel == "conj" and tree.head(arrest) in chain and not any(
                    tree.tokens[child].rel in ("nsubj", "nsubj:pass") for child in tree.children[arrest])
                # inside the arrest's own phrase, not a clause coordinated with it
                inside = arrest in chain[1:] and tree.tokens[chain[chain.index(arrest) - 1]].rel in ("obl", "nmod", "obj")
                if inside or under_patient or coordinated:
                    event.modality = "prevented"
                    break

    def extent(self, tree: Tree, index: int) -> tuple[int, int]:
        """The trigger's span: the token and the nearby dependents NEREL includes in an event."""
        key = lexicon_key(tree, index)
        threshold = self.lexicon.gate.get("extend_rate", 0.5)
        first = last = index
        for child in tree.children[index]:
            if abs(child - index) > 3:
                continue
            rate = self.lexicon.inside_rate(key, tree.tokens[child].rel, tree.lemma(child))
            if rate is not None and rate >= threshold:
                first, last = min(first, child), max(last, child)
        return first, last

    def triggers_of(self, tree: Tree, skip: set[int] = frozenset()) -> list[tuple[int, str, int, int]]:
        """(token, type, first, last) of every trigger: the taxonomy's candidates that pass the
        form rules (``allowed``), those of a NEREL type kept by the trigger classifier where there
        is one, else by their lemma's event rate; phrases always."""
        found, judged, open_vocabulary = [], [], []
        open_threshold = self.triggers.open_threshold if self.triggers is not None else None
        for index in range(len(tree.tokens)):
            if index in skip:  # "в новогодние праздники" dates something, it is no event
                continue
            candidate = self.candidate(tree, index)
            if candidate is None:
                if open_threshold is not None and self.open_candidate(tree, index):
                    open_vocabulary.append((index, GENERIC, index, index))
                continue
            type, first, last = candidate
            if first < last:  # a phrase ("подать в отставку") is always an event
                found.append((index, type, first, last))
            elif self.triggers is not None and self.judged(tree, index, type):
                judged.append((index, type, first, last))
            elif self.kept(tree, index, type):
                found.append((index, type, first, last))
        if judged or open_vocabulary:
            items = judged + open_vocabulary
            probabilities = self.triggers.probabilities(self.features(tree, items))
            thresholds = [self.triggers.threshold] * len(judged) + [open_threshold] * len(open_vocabulary)
            # a word the text uses as an event once names it again ("поединок" ... "поединок")
            echo = self.triggers.meta.get("echo")
            sure = {tree.lemma(index) for (index, *_rest), probability, threshold in zip(items, probabilities, thresholds)
                    if probability >= threshold} if echo else set()
            found += [item for item, probability, threshold in zip(items, probabilities, thresholds)
                      if probability >= threshold or echo and probability >= threshold * echo
                      and tree.lemma(item[0]) in sure]
        return sorted(found)

    def features(self, tree: Tree, items: list[tuple], model: TriggerModel | None = None, rate=None
                 ) -> list[list[str]]:
        """The trigger classifier's features of (token, type, ...) candidates: ``model``'s lemma
        clusters (default: the stage's classifier); ``rate(token)``
        the lemma's event rate (default: ``rates.json``'s; training holds it out by fold)."""
        model = model or self.triggers
        if rate is None:
            def rate(index: int) -> float | None:
                return self.lexicon.event_rate(lexicon_key(tree, index))
        if model is None or model.centroids is None:
            return [trigger_features(tree, index, type, rate(index)) for index, type, *_rest in items]
        clusters = model.clusters([tree.lemma(index) for index, *_rest in items], self.vector)
        return [trigger_features(tree, index, type, rate(index), near)
                for (index, type, *_rest), near in zip(items, clusters)]

    def vector(self, lemma: str):
        """navec's vector of a word (None when it has none), for the classifier's lemma clusters."""
        if self._navec is None:
            from ..resources import shared_resources

            self._navec = shared_resources().navec
        return self._navec.get(lemma)

    def open_candidate(self, tree: Tree, index: int) -> bool:
        """A verb or noun the taxonomy lacks that may still name an event ("капитуляция", "сдал
        экзамен"): the trigger classifier judges it as type ``GENERIC``. Infinitives, adjectival
        participles (the form rules' ``drop_verb_forms`` and ``drop_rels``) and light verbs are none."""
        if GENERIC not in self.lexicon.types:
            return False
        token = tree.tokens[index]
        if token.pos not in ("VERB", "NOUN"):
            return False
        gate = self.lexicon.gate
        if token.rel in gate.get("drop_rels", ()) or token.feats.get("VerbForm") in gate.get("drop_verb_forms", ()):
            return False
        lemma = tree.lemma(index)
        return len(lemma) > 2 and lemma.replace("-", "").isalpha() and lemma not in self.lexicon.light

    def allowed(self, tree: Tree, index: int, type: str) -> bool:
        """False for a NEREL-type trigger attached as a modifier NEREL does not count, and for an
        adjectival participle or an infinitive that is not planned or prevented ("может уйти")."""
        if not self.lexicon.types[type].nerel:
            return True
        gate, token = self.lexicon.gate, tree.tokens[index]
        if token.rel in gate.get("drop_rels", ()):
            return False
        if token.feats.get("VerbForm") in gate.get("drop_verb_forms", ()):
            # an infinitive is an event only when planned or prevented ("планировали взорвать")
            return modality_of(tree, index, self.lexicon, tree.doc) in ("planned", "prevented")
        return True

    def planned_verb(self, tree: Tree, index: int) -> bool:
        """An infinitive ``allowed`` kept: planned or prevented ("планировали взорвать"). NEREL
        marks few infinitives as events, so neither the rate nor the classifier judges these."""
        return tree.tokens[index].feats.get("VerbForm") in self.lexicon.gate.get("drop_verb_forms", ())

    def frequent_event(self, tree: Tree, index: int) -> bool:
        """False for a lemma NEREL train shows is rarely an event ("назначение" of a purpose)."""
        rate = self.lexicon.event_rate(lexicon_key(tree, index))
        return rate is None or rate >= self.lexicon.gate.get("min_rate", 0.0)

    def judged(self, tree: Tree, index: int, type: str) -> bool:
        """What the trigger classifier decides, where the rate would: a word of a NEREL type that
        passes the form rules and is no planned infinitive."""
        return self.lexicon.types[type].nerel and self.allowed(tree, index, type) and not self.planned_verb(tree, index)

    def kept(self, tree: Tree, index: int, type: str) -> bool:
        """The form rules and, for a NEREL type, the lemma's event rate (no classifier)."""
        return self.allowed(tree, index, type) and (not self.lexicon.types[type].nerel or self.planned_verb(tree, index)
                                                    or self.frequent_event(tree, index))

    def trigger(self, tree: Tree, index: int) -> tuple[str, int, int] | None:
        """(type, first token, last token) when the taxonomy's candidate is a phrase or passes
        ``kept``."""
        candidate = self.candidate(tree, index)
        if candidate is None or candidate[1] == candidate[2] and not self.kept(tree, index, candidate[0]):
            return None
        return candidate

    def candidate(self, tree: Tree, index: int) -> tuple[str, int, int] | None:
        """(type, first token, last token) when the token's lemma (or a phrase of it and its
        dependents) is in the taxonomy."""
        token = tree.tokens[index]
        lemma = tree.lemma(index)
        lexicon = self.lexicon
        for phrase in lexicon.phrases.get(lemma, ()):
            others = phrase.lemmas - {lemma}
            found = [child for child in tree.children[index]
                     if tree.lemma(child) in others and abs(child - index) <= PHRASE_REACH]
            if others and {tree.lemma(child) for child in found} >= others and token.pos in VERBAL | NOMINAL:
                positions = [index, *found]
                return phrase.type, min(positions), max(positions)
        if lemma in lexicon.light:
            return None
        type = None
        if token.pos in VERBAL and lemma in lexicon.verbs:
            type = lexicon.verbs[lemma]
        elif token.pos in NOMINAL and lemma in lexicon.nouns:
            type = lexicon.nouns[lemma]
        elif token.pos in NOMINAL and lemma in lexicon.plural and token.feats.get("Number") == "Plur":
            type = lexicon.plural[lemma]
        if type is None:
            return None
        return type, index, index


def self_or_up(tree: Tree, index: int | None, targets: set[int], steps: int = 3) -> bool:
    """The token or one of its nearest heads is a target ("террористы ИГИЛ (организация ...),
    которые": the clause may hang on a word inside the target's phrase)."""
    while index is not None and steps >= 0:
        if index in targets:
            return True
        index, steps = tree.head(index), steps - 1
    return False


def _inside(doc: Document, spans: list[tuple[int, int]]) -> set[int]:
    """Indices of the tokens that lie inside any of the spans."""
    starts = [token.start for token in doc.tokens]
    inside = set()
    for start, end in spans:
        index = bisect_left(starts, start)
        while index < len(doc.tokens) and doc.tokens[index].end <= end:
            inside.add(index)
            index += 1
    return inside


def lexicon_key(tree: Tree, index: int) -> str:
    """The key of ``rates.json``: lemma/V for verbs, lemma/N for nominals."""
    return f"{tree.lemma(index)}/{'V' if tree.tokens[index].pos in VERBAL else 'N'}"
