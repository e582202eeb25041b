"""Who people are, not what they do: a group of people framed by religion, origin or migration as a risk.

LAP015 looks at the analysis' risk factors; LAP006 looks everywhere else a plan can do it: the vision, the goals,
definitions, the analysis summary, interventions and their target groups, and what is asked of civil-society and
community partners. An ideology ("militant Islamist environments", "right-wing extremist groups") is not a group
of people: only identity words count, and not when they name an ideology ("Turkish nationalist groups") or
hostility against a group ("anti-Muslim incidents").
"""

import re
from collections.abc import Iterator

from cohesio.format import PlanDocument
from cohesio.format.vocabulary import DefinitionAudience, Sector, _

from .findings import Element, Flag, Group, Severity, flag
from .lexicon import Match, identity_words, word_set
from .network import partner_sector
from .registry import CheckContext, rule

_SENTENCE = re.compile(r"[^.!?;\n]+")
_PARTNER_FIELDS = ("conditions", "role", "mandate", "tasks")


def identity_mentions(text: str, lang: str) -> list[Match]:
    """Identity words naming a group of people: not hostility against it, not part of an ideology's name."""
    ideology = word_set("identity", "ideology_after", lang)
    return [m for m in identity_words(lang).find(text) if not ideology.match_at(text, m.end)]


def framed_words(text: str, lang: str, *contexts: str) -> list[str]:
    """Identity words in sentences of `text` that also hold a word of one of the `contexts` lists ("" for any
    sentence) and nothing protective ("victims of discrimination"); each word once."""
    if not text or not identity_words(lang).entries_in(text):
        return []  # no identity word anywhere, so none in any of its sentences
    protective = word_set("identity", "protective_context", lang)
    found: list[str] = []
    for sentence in _SENTENCE.finditer(text):
        part = sentence.group()
        mentions = identity_mentions(part, lang)
        if not mentions or protective.search(part):
            continue
        if any(not name or word_set("identity", name, lang).search(part) for name in contexts):
            found.extend(m.words for m in mentions)
    return list(dict.fromkeys(found))


def _texts_about_risk(doc: PlanDocument) -> Iterator[tuple[Element, str, str, str | None]]:
    for field in ("vision", "protection_statement", "setting_fit"):
        yield Element.STRATEGY, f"$.plan.{field}", getattr(doc.plan, field), None
    for i, goal in enumerate(doc.goals):
        yield Element.STRATEGY, f"$.goals[{i}].title", goal.title, goal.key
        yield Element.STRATEGY, f"$.goals[{i}].description", goal.description, goal.key
    for i, definition in enumerate(doc.definitions):
        if definition.audience != DefinitionAudience.INTERNAL:
            yield Element.DEFINITIONS, f"$.definitions[{i}].text", definition.text, definition.key
    yield Element.ANALYSIS, "$.analysis.summary", doc.analysis.summary, None
    for i, intervention in enumerate(doc.interventions):
        for field in ("name", "description"):
            yield Element.INTERVENTIONS, f"$.interventions[{i}].{field}", getattr(intervention, field), intervention.key


_FRAMING_HINT = _(
    "Describe the behaviour or situation that worries you, and name an ideology ('right-wing extremist groups') "
    "rather than a group of people."
)


@rule(
    "LAP006",
    Severity.WARNING,
    Element.PLAN,
    title=_("The plan describes people by what they do, not by who they are"),
    why=_(
        "Risk shows in behaviour, not in a faith, an origin or a migration history. A vision, goal or intervention "
        "that links a whole group of people to risk, a target group defined by religion or origin, or conditions "
        "put only on a faith or migrant organisation tell that community it is suspected. That costs the trust "
        "prevention depends on and feeds the grievances extremists use. Naming an ideology ('right-wing extremist "
        "groups', 'militant Islamist environments') is not the same as naming a group of people."
    ),
    groups={
        "risk": Group(
            _("{count} texts link a group of people to risk by who they are, not by what they do."), _FRAMING_HINT
        ),
        "target": Group(
            _("{count} interventions define their target group by who people are."),
            _("Describe each target group by age, place, situation or behaviour instead."),
        ),
        "partner": Group(
            _("What is asked of {count} partners is tied to who people are, not to what they do."),
            _("Put the same conditions to every partner, and tie them to behaviour, not to a faith or an origin."),
        ),
    },
)
def identity_framing(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    lang = context.lang
    for element, path, text, subject in _texts_about_risk(doc):
        words = framed_words(text, lang, "risk_context")
        if words:
            yield flag(
                path,
                _("This text links a group of people ('{words}') to risk, rather than describing what people do."),
                _FRAMING_HINT,
                subject=subject,
                element=element,
                group="risk",
                words=", ".join(words),
            )
    for i, intervention in enumerate(doc.interventions):
        words = framed_words(intervention.target_group, lang, "")
        if words:
            yield flag(
                f"$.interventions[{i}].target_group",
                _("The target group of '{intervention}' is defined by who people are ('{words}')."),
                _(
                    "Describe the target group by age, place, situation or behaviour, such as 'young people who share "
                    "violent content'."
                ),
                subject=intervention.key,
                element=Element.INTERVENTIONS,
                group="target",
                intervention=intervention.name,
                words=", ".join(words),
            )
    yield from _partner_conditions(doc, context)


def _partner_conditions(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    civil = {Sector.CIVIL_SOCIETY, Sector.COMMUNITY}
    for i, partner in enumerate(doc.network.partners):
        if partner_sector(partner, context) not in civil:
            continue
        for field in _PARTNER_FIELDS:
            words = framed_words(getattr(partner, field), context.lang, "risk_context", "obligation_context")
            if words:
                yield flag(
                    f"$.network.partners[{i}].{field}",
                    _("What is asked of {partner} is tied to who people are ('{words}') rather than to what they do."),
                    _(
                        "Put the same conditions to every partner, and tie them to behaviour, not to a faith or an "
                        "origin."
                    ),
                    subject=partner.key,
                    element=Element.COOPERATION,
                    group="partner",
                    partner=partner.name,
                    words=", ".join(words),
                )
                break
