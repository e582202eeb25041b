"""Rules for the regional analysis: risk and protective factors, their sources, urgency, and what lies ahead."""

import re
from collections.abc import Iterator

from cohesio.format import PlanDocument
from cohesio.format.vocabulary import FactorKind, SourceKind, Timeframe, _

from .findings import Element, Flag, Group, Severity, flag
from .framing import identity_mentions
from .registry import CheckContext, rule

# The kinds of source the analysis should draw on; research is welcome but does not replace them.
_MAIN_SOURCE_KINDS = (SourceKind.CIVIL_SOCIETY, SourceKind.FRONTLINE, SourceKind.NATIONAL_DATA)

# The analysis may state once, in its summary, how urgent the situation is (English, Dutch); the format has
# no field for that yet.
_URGENCY_STATED = re.compile(r"\b(urgen|dringend|acute?\b|acuut|spoedeisend)", re.IGNORECASE)


@rule(
    "LAP010",
    Severity.WARNING,
    Element.ANALYSIS,
    title=_("The analysis maps protective factors as well as risk factors"),
    why=_(
        "An analysis that lists only risks shows a community by its weaknesses. Protective factors (a strong "
        "youth centre, trusted key figures, active parents) are what prevention builds on, and naming them "
        "invites the people behind them to take part. Risks are needed too: they show where to invest."
    ),
)
def both_kinds_of_factor(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    factors = doc.analysis.factors
    kinds = {f.kind for f in factors}
    if factors and FactorKind.PROTECTIVE not in kinds:
        yield flag(
            "$.analysis.factors",
            _("The analysis lists risk factors but no protective factors."),
            _("Add the strengths of the area: people, places and services that help young people stay resilient."),
        )
    if factors and FactorKind.RISK not in kinds:
        yield flag(
            "$.analysis.factors",
            _("The analysis lists protective factors but no risk factors."),
            _("Add the risks you see, so it is clear where prevention is needed most."),
        )


@rule(
    "LAP011",
    Severity.WARNING,
    Element.ANALYSIS,
    title=_("Every factor has a source"),
    why=_(
        "A factor without a source is an opinion. Recording where each finding comes from lets partners weigh "
        "it, lets the next review update it, and shows the council the analysis rests on more than hearsay."
    ),
    group=Group(
        _("{count} of {total} factors have no source."),
        _("Link each factor to where it comes from: a conversation, frontline staff, or regional figures."),
    ),
)
def factor_has_source(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    for i, factor in enumerate(doc.analysis.factors):
        if not factor.sources:
            yield flag(
                f"$.analysis.factors[{i}].sources",
                _("The factor '{factor}' has no source."),
                _("Link the factor to where it comes from: a conversation, frontline staff, or regional figures."),
                subject=factor.key,
                total=len(doc.analysis.factors),
                factor=factor.title,
            )


@rule(
    "LAP012",
    Severity.WARNING,
    Element.ANALYSIS,
    title=_("Sources come from more than one kind"),
    why=_(
        "Civil society, frontline staff and national or regional figures each see a different part of the "
        "picture. Figures miss what youth workers hear; conversations miss trends. Combining kinds of source "
        "makes the analysis fairer and harder to dismiss."
    ),
)
def varied_sources(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    sources = doc.analysis.sources
    kinds = {s.kind for s in sources}
    if sources and len(kinds) < 2:
        missing = [k.label for k in _MAIN_SOURCE_KINDS if k not in kinds]
        yield flag(
            "$.analysis.sources",
            _("All sources of the analysis are of one kind."),
            _("Add sources of another kind, for instance: {missing}."),
            missing=", ".join(missing),
        )


@rule(
    "LAP013",
    Severity.WARNING,
    Element.ANALYSIS,
    title=_("Every risk factor says how urgent it is"),
    why=_(
        "Not every risk needs action tomorrow. Stating the urgency of each risk helps partners set priorities "
        "together and explains to the council why some work comes first. The urgency may also be stated once, "
        "for the situation as a whole, in the analysis summary."
    ),
    group=Group(
        _("{count} of {total} risk factors do not say how urgent they are."),
        _("Choose low, medium or high urgency for each, or state once how urgent the situation is as a whole."),
    ),
)
def risk_has_urgency(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    if _URGENCY_STATED.search(doc.analysis.summary):
        return
    risks = sum(f.kind == FactorKind.RISK for f in doc.analysis.factors)
    for i, factor in enumerate(doc.analysis.factors):
        if factor.kind == FactorKind.RISK and factor.urgency is None:
            yield flag(
                f"$.analysis.factors[{i}].urgency",
                _("The risk factor '{factor}' does not say how urgent it is."),
                _("Choose low, medium or high urgency, together with the partners who know the situation."),
                subject=factor.key,
                total=risks,
                factor=factor.title,
            )


@rule(
    "LAP014",
    Severity.TIP,
    Element.ANALYSIS,
    title=_("The analysis looks ahead"),
    why=_(
        "What drew people towards violence yesterday is not what will tomorrow. Thinking about emerging "
        "developments (new online spaces, new tensions, new groups) keeps the plan useful for its whole period."
    ),
)
def emerging_developments(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    factors = doc.analysis.factors
    if factors and all(f.timeframe != Timeframe.EMERGING for f in factors):
        yield flag(
            "$.analysis.factors",
            _("The analysis does not yet consider what may be coming."),
            _("Add at least one emerging development that partners expect in the coming years."),
        )


@rule(
    "LAP015",
    Severity.WARNING,
    Element.ANALYSIS,
    title=_("Risk factors describe behaviour, not who people are"),
    why=_(
        "Risk shows in what people do, not in their religion, origin or nationality. Naming a group as a risk "
        "factor stigmatises everyone in it, pushes away the communities prevention needs, and can itself feed "
        "the grievances extremists use."
    ),
    group=Group(
        _("{count} texts of the analysis point at who people are rather than what they do."),
        _("Describe the behaviour that worries you instead, for instance what is said, shared or done."),
    ),
)
def behaviour_not_identity(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    for i, factor in enumerate(doc.analysis.factors):
        if factor.kind != FactorKind.RISK:
            continue  # naming a community's own strengths is not a risk label
        for field in ("title", "description"):
            matches = identity_mentions(getattr(factor, field), context.lang)
            if matches:
                yield flag(
                    f"$.analysis.factors[{i}].{field}",
                    _("The factor '{factor}' points at who people are ('{words}') rather than what they do."),
                    _("Describe the behaviour that worries you instead, for instance what is said, shared or done."),
                    subject=factor.key,
                    factor=factor.title,
                    words=", ".join(dict.fromkeys(m.words for m in matches)),
                )


@rule(
    "LAP016",
    Severity.TIP,
    Element.ANALYSIS,
    title=_("The analysis names the areas it is about"),
    why=_(
        "A map of the city or region makes the analysis easy to grasp and shows where efforts and strengths "
        "lie. It needs the analysis to name its areas (neighbourhoods, districts, villages)."
    ),
)
def analysis_has_areas(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    if doc.analysis.factors and not doc.analysis.areas:
        yield flag(
            "$.analysis.areas",
            _("The analysis does not name any areas yet."),
            _("Add the neighbourhoods or villages the analysis covers, so it can be shown on a map."),
        )


@rule(
    "LAP017",
    Severity.WARNING,
    Element.ANALYSIS,
    title=_("The analysis hears civil society, not only institutions"),
    why=_(
        "Figures from the police and reports from professionals show one side of the picture: what institutions "
        "see. Community organisations, inhabitants and civil society see what happens before it reaches an "
        "institution, and what the plan's measures feel like from the other side. An analysis with no "
        "civil-society source misses that, and is harder for communities to recognise as theirs."
    ),
)
def civil_society_heard(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    sources = doc.analysis.sources
    kinds = {s.kind for s in sources}
    if len(kinds) >= 2 and SourceKind.CIVIL_SOCIETY not in kinds:  # a single kind is LAP012's finding
        yield flag(
            "$.analysis.sources",
            _("None of the {count} sources of the analysis comes from civil society or the community."),
            _(
                "Add what community organisations, key figures or inhabitants see, for instance from a residents' "
                "evening or talks with a community group."
            ),
            count=len(sources),
        )
