"""The terminology rule: harsh security and religious terms in texts meant for partners and the public."""

from collections.abc import Iterator

from cohesio.format import PlanDocument
from cohesio.format.vocabulary import DefinitionAudience, _

from .findings import Element, Flag, Group, Severity, flag
from .lexicon import Entry, Lexicon, harsh_terms
from .registry import CheckContext, rule

_MESSAGES = {
    "security": _("'{words}' is a harsh security term, in a text meant for partners and the public."),
    "religious": _("'{words}' is a religious term, in a text meant for partners and the public."),
}


def public_texts(doc: PlanDocument) -> Iterator[tuple[Element, str, str, str | None, str]]:
    """The texts partners and the public read: (element, path, text, subject key, term defined there)."""
    for field in ("vision", "protection_statement", "setting_fit"):
        yield Element.STRATEGY, f"$.plan.{field}", getattr(doc.plan, field), None, ""
    for i, goal in enumerate(doc.goals):
        yield Element.STRATEGY, f"$.goals[{i}].title", goal.title, goal.key, ""
        yield Element.STRATEGY, f"$.goals[{i}].description", goal.description, goal.key, ""
    for i, definition in enumerate(doc.definitions):
        if definition.audience != DefinitionAudience.INTERNAL:
            yield Element.DEFINITIONS, f"$.definitions[{i}].text", definition.text, definition.key, definition.term
            yield (
                Element.DEFINITIONS,
                f"$.definitions[{i}].local_wording",
                definition.local_wording,
                definition.key,
                definition.term,
            )
    for i, intervention in enumerate(doc.interventions):
        for field in ("name", "description", "target_group"):
            yield (
                Element.INTERVENTIONS,
                f"$.interventions[{i}].{field}",
                getattr(intervention, field),
                intervention.key,
                "",
            )


def _harsh_entries(lexicon: Lexicon, text: str, defined_term: str) -> dict[Entry, str]:
    # A definition may use the very term it defines; that is not a harsh use.
    skip = lexicon.entries_in(defined_term) if defined_term else set()
    found: dict[Entry, str] = {}
    for match in lexicon.find(text):
        if match.entry not in skip:
            found.setdefault(match.entry, match.words)
    return found


@rule(
    "LAP005",
    Severity.WARNING,
    Element.PLAN,
    title=_("Texts for partners and the public avoid harsh security and religious terms"),
    why=_(
        "Words decide who comes on board. Schools, youth workers, care providers and communities want to work on "
        "safeguarding and social cohesion, not on a fight against an enemy; religious labels make whole "
        "communities feel suspected. The vision, goals, definitions for partners or the public, and the "
        "intervention descriptions should use words people can relate to. A plan can accept a term its partners "
        "are comfortable with."
    ),
    groups={
        "security": Group(
            _("The harsh security term '{words}' is used in {count} texts meant for partners and the public."),
            _("Consider words such as: {alternatives}. If partners are comfortable with it, accept the term."),
            row="",  # the headline names the term; the path says where
        ),
        "religious": Group(
            _("The religious term '{words}' is used in {count} texts meant for partners and the public."),
            _("Consider words such as: {alternatives}. If partners are comfortable with it, accept the term."),
            row="",  # the headline names the term; the path says where
        ),
    },
)
def gentle_terminology(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    lexicon = harsh_terms(context.lang, context.allow_terms)
    for element, path, text, subject, defined_term in public_texts(doc):
        if not text:
            continue
        for entry, words in _harsh_entries(lexicon, text, defined_term).items():
            yield flag(
                path,
                _MESSAGES.get(entry.category, _MESSAGES["security"]),
                _("Consider words such as: {alternatives}. If partners are comfortable with it, accept the term."),
                subject=subject,
                element=element,
                group=entry.category if entry.category in _MESSAGES else "security",
                group_by=entry.term,
                words=words,
                alternatives=", ".join(entry.alternatives),
            )
