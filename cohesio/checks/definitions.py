"""Rules for definitions: the core terms, every kind of extremism the plan mentions, and local wording."""

import unicodedata
from collections.abc import Iterator

from cohesio.format import PlanDocument
from cohesio.format.document import Definition
from cohesio.format.vocabulary import DefinitionAudience, ExtremismKind, _

from .findings import Element, Flag, Group, Severity, flag
from .registry import CheckContext, rule

# Defined terms are recognised in English and Dutch, whatever language the plan is written in;
# each is a fragment of the term with spaces, hyphens and accents removed.
CORE_TERMS = {
    "radicalisation": (_("radicalisation"), ("radicalis", "radicaliz")),
    "violent_extremism": (_("violent extremism"), ("violentextremism", "gewelddadigextremisme")),
    "polarisation": (_("polarisation"), ("polaris", "polariz")),
}

KIND_TERMS = {
    ExtremismKind.RIGHT_WING: ("rightwing", "farright", "extremeright", "rechtsextrem", "extreemrechts"),
    ExtremismKind.LEFT_WING: ("leftwing", "farleft", "extremeleft", "linksextrem", "extreemlinks"),
    ExtremismKind.RELIGIOUSLY_INSPIRED: ("religious", "religieus", "religie"),
    ExtremismKind.OTHER: (
        "other",
        "singleissue",
        "antigovernment",
        "antiinstitution",
        "conspiracy",
        "separatis",
        "overig",
        "ander",
        "complot",
    ),
}


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def _defines(definitions: list[Definition], fragments: tuple[str, ...]) -> bool:
    return any(any(f in _folded(d.term) for f in fragments) for d in definitions)


@rule(
    "LAP040",
    Severity.ERROR,
    Element.DEFINITIONS,
    title=_("Radicalisation, violent extremism and polarisation are defined"),
    why=_(
        "Partners come from schools, police, care and communities, and each uses these words differently. "
        "Agreeing on what they mean here prevents misunderstandings and makes clear what the plan is, and is "
        "not, about."
    ),
    group=Group(
        _("The plan does not define {count} of the {total} core terms."),
        _("Add a definition of each that partners agree on, in plain words."),
    ),
)
def core_terms_defined(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    for key, (term, fragments) in CORE_TERMS.items():
        if not _defines(doc.definitions, fragments):
            yield flag(
                "$.definitions",
                _("The plan does not define '{term}'."),
                _("Add a definition of '{term}' that partners agree on, in plain words."),
                subject=key,
                total=len(CORE_TERMS),
                term=term,
            )


def mentioned_kinds(doc: PlanDocument) -> set[ExtremismKind]:
    """The kinds of extremism the plan addresses or mentions in a goal, factor or intervention."""
    kinds = {s.kind for s in doc.plan.extremism_scope if s.addressed}
    for item in (*doc.goals, *doc.analysis.factors, *doc.interventions):
        kinds.update(item.extremism_kinds)
    return kinds


@rule(
    "LAP041",
    Severity.WARNING,
    Element.DEFINITIONS,
    title=_("Every kind of extremism the plan mentions is defined"),
    why=_(
        "Right-wing, left-wing, religiously inspired and other kinds of extremism each have their own signs and "
        "their own sensitivities. A definition of each kind the plan works on keeps partners talking about the "
        "same thing."
    ),
    group=Group(
        _("The plan mentions {count} kinds of extremism it does not define."),
        _("Add a definition of each kind the plan works on."),
    ),
)
def kinds_defined(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    mentioned = mentioned_kinds(doc)
    for kind in ExtremismKind:
        if kind in mentioned and not _defines(doc.definitions, KIND_TERMS[kind]):
            yield flag(
                "$.definitions",
                _("The plan mentions {kind} but does not define it."),
                _("Add a definition of {kind}."),
                subject=kind.value,
                kind=kind.label.lower(),
            )


@rule(
    "LAP042",
    Severity.WARNING,
    Element.DEFINITIONS,
    title=_("Every definition has a text"),
    why=_("A term without a definition leaves partners to guess; the guess differs per organisation."),
    group=Group(
        _("{count} of {total} terms have no definition text."),
        _("Write what each term means in this plan, in words partners and the public understand."),
    ),
)
def definition_has_text(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    for i, definition in enumerate(doc.definitions):
        if not definition.text.strip():
            yield flag(
                f"$.definitions[{i}].text",
                _("The term '{term}' has no definition text."),
                _("Write what '{term}' means in this plan, in words partners and the public understand."),
                subject=definition.key,
                total=len(doc.definitions),
                term=definition.term,
            )


@rule(
    "LAP043",
    Severity.TIP,
    Element.DEFINITIONS,
    title=_("Radicalisation has a local wording"),
    why=_(
        "The word 'radicalisation' puts some partners and communities off. Many places have better results "
        "talking about safeguarding, social inclusion or cohesion. Recording the local wording helps everyone "
        "use the same, friendlier words."
    ),
    group=Group(
        _("{count} definitions of radicalisation have no local wording for partners and the public."),
        _("Agree on a wording that works locally, such as 'safeguarding' or 'social inclusion'."),
    ),
)
def local_wording(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    fragments = CORE_TERMS["radicalisation"][1]
    for i, definition in enumerate(doc.definitions):
        public = definition.audience != DefinitionAudience.INTERNAL
        if public and any(f in _folded(definition.term) for f in fragments) and not definition.local_wording.strip():
            yield flag(
                f"$.definitions[{i}].local_wording",
                _("'{term}' has no local wording for partners and the public."),
                _("Agree on a wording that works locally, such as 'safeguarding' or 'social inclusion'."),
                subject=definition.key,
                term=definition.term,
            )
