"""Entity resolution: one entity per real-world referent in a document.

The stage runs an ordered list of small rules over the document's mention candidates; each
rule adds candidates or joins two of them into one cluster (union-find), and the clusters
become ``Entity`` records (``build.py``). Generic rules come first, the alias tables under
``models/entities/`` second. The rules, in order:

    repair.ner_names                  NER spans are name mentions, cut at line breaks, brackets
    repair.table_names                countries and organisations NER missed       (NER repair)
    repair.repeated_names             forms of names NER recognised elsewhere       (NER repair)
    repair.feminine_names             "Валерия Сидорова" is a woman's name          (tagger repair)
    descriptors.institutions          "полиция", "правительство" are organisations  (full only)
    repair.org_with_country           "Конгресса" + "США" -> "Конгресса США"        (NER repair)
    repair.org_branches               "ГУ" + "МВД России" + "по г. Москве" -> one    (NER repair)
    aliases.metonyms                  "Кремль заявил", "Вашингтон обратился" -> the country
    names.same_name                   equal names in any case form
    aliases.demonyms                  "американцы" -> США
    aliases.actor_adjectives          "американская сторона" -> США
    aliases.country_adjectives        "японского" (Япония never named) -> Япония
    names.table_referents             names one table entry lists (РФ / Россия)
    names.abbreviations               ФБР / Федеральное бюро расследований
    names.parenthesised               "... электростанция (ХАЭС)", "Ши Тао (Shi Tao)"
    organisations.org_parts           Конгресс / Конгресс США, Яблоко / партия «Яблоко»
    organisations.org_country_forms   правительство Израиля / израильское правительство
    names.variant_names               Уэнтуорт Миллер / Вентворт Миллер, Сабурова / Сабирова
    names.person_parts                Путин / В. Путин / Владимир Путин
    descriptors.find_role_phrases, appositive_roles, bare_descriptors              (full only)
    pronouns.pronouns                                                                (full only)

Type and name repair: an entity's type is its names' majority (or its table entry's), so one
name tagged ORG here and LOC there comes out with one type (``build.py``).

``EntityStage(names_only=True)`` runs the name rules alone (no descriptors, no pronouns): the
PullEnti-style baseline. ``EntityStage(trace=True)`` logs which rule joined what in
``doc.meta["entities_trace"]``.
"""

from __future__ import annotations

from collections.abc import Callable

from ..document import Document
from ..records import Entity
from ..resources import Resources, shared_resources
from . import aliases, descriptors, names, organisations, pronouns, repair
from .build import build_entities
from .mentions import Context
from .tables import Tables, load_tables

Rule = Callable[[Context], None]

RULES: list[Rule] = [
    repair.ner_names,
    repair.table_names,
    repair.repeated_names,
    repair.feminine_names,
    descriptors.institutions,
    repair.org_with_country,
    repair.org_branches,
    aliases.metonyms,
    names.same_name,
    aliases.demonyms,
    aliases.actor_adjectives,
    aliases.country_adjectives,
    names.table_referents,
    names.abbreviations,
    names.parenthesised,
    organisations.org_parts,
    organisations.org_country_forms,
    names.variant_names,
    names.person_parts,
    descriptors.find_role_phrases,
    descriptors.appositive_roles,
    descriptors.bare_descriptors,
    pronouns.pronouns,
]
# what name-merging only (the PullEnti-style baseline) leaves out
REFERENCE_RULES: frozenset[Rule] = frozenset(
    [
        descriptors.institutions,
        descriptors.find_role_phrases,
        descriptors.appositive_roles,
        descriptors.bare_descriptors,
        pronouns.pronouns,
    ]
)
NAME_RULES: list[Rule] = [rule for rule in RULES if rule not in REFERENCE_RULES]

__all__ = ["NAME_RULES", "REFERENCE_RULES", "RULES", "EntityStage", "resolve"]


class EntityStage:
    name = "entities"
    requires = frozenset({"ner", "tokens.pos", "tokens.feats", "tokens.lemma", "tokens.head"})
    provides = frozenset({"entities"})

    def __init__(
        self,
        resources: Resources | None = None,
        *,
        names_only: bool = False,
        tables: Tables | None = None,
        trace: bool = False,
    ):
        self.resources = resources or shared_resources()
        self.names_only = names_only
        self.rules = NAME_RULES if names_only else RULES
        self._tables = tables
        self.trace = trace

    @property
    def tables(self) -> Tables:
        if self._tables is None:
            self._tables = load_tables()
        return self._tables

    def process(self, docs: list[Document]) -> None:
        vocab = self.resources.morph_vocab
        for doc in docs:
            trace: list[str] | None = [] if self.trace else None
            doc.entities = resolve(doc, self.tables, vocab, self.rules, trace)
            if trace is not None:
                doc.meta["entities_trace"] = trace


def resolve(
    doc: Document, tables: Tables, vocab: object, rules: list[Rule], trace: list[str] | None = None
) -> list[Entity]:
    if not doc.tokens:
        return []
    ctx = Context(doc=doc, tables=tables, vocab=vocab, trace=trace)
    for rule in rules:
        rule(ctx)
    return build_entities(ctx)
