"""Rules for the conditions of multi-agency cooperation: shared goals, roles, and one accepted coordinator."""

from collections.abc import Iterator

from cohesio.format import PlanDocument
from cohesio.format.vocabulary import PartnerStatus, _

from .findings import Element, Flag, Group, Severity, flag
from .registry import CheckContext, rule

_ROLE_FIELDS = {"role": _("role"), "mandate": _("mandate"), "tasks": _("tasks")}


@rule(
    "LAP060",
    Severity.ERROR,
    Element.COOPERATION,
    title=_("There is exactly one coordinator"),
    why=_(
        "In a partnership of many, one person has to keep the process going: bring partners together, watch "
        "the agreements, build trust. Without a coordinator nobody does; with several, nobody is sure who does."
    ),
)
def one_coordinator(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    key = doc.cooperation.coordinator
    if key is None:
        yield flag(
            "$.cooperation.coordinator",
            _("The plan has no coordinator."),
            _("Choose, with partners, the one person who coordinates the cooperation."),
        )
    elif context.partners[key].status == PartnerStatus.INACTIVE:
        yield flag(
            "$.cooperation.coordinator",
            _("The coordinator, {partner}, is no longer an active partner."),
            _("Choose a new coordinator with the partners."),
            subject=key,
            partner=context.partners[key].name,
        )


@rule(
    "LAP061",
    Severity.TIP,
    Element.COOPERATION,
    title=_("Every active partner in the cooperation accepts the coordinator"),
    why=_(
        "A coordinator can only coordinate partners who accept that role. Asking each partner, and recording "
        "the answer, surfaces doubts early, while they can still be talked through. It is a question for the "
        "plan's making: once the plan is adopted, the check no longer asks it."
    ),
    group=Group(
        _("{count} of {total} partners have not accepted {coordinator} as coordinator."),
        _("Ask each of them whether they accept the coordinator, and talk through any doubts."),
        row="{partner}",
    ),
)
def coordinator_accepted(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    coordinator = doc.cooperation.coordinator
    if coordinator is None or context.adopted:
        return
    asked = [
        (i, p) for i, p in context.cooperation_members if p.status == PartnerStatus.ACTIVE and p.key != coordinator
    ]
    for i, partner in asked:
        if not partner.accepts_coordinator:
            yield flag(
                f"$.network.partners[{i}].accepts_coordinator",
                _("{partner} has not accepted {coordinator} as coordinator."),
                _("Ask {partner} whether they accept the coordinator, and talk through any doubts."),
                subject=partner.key,
                total=len(asked),
                partner=partner.name,
                coordinator=context.partners[coordinator].name,
            )


@rule(
    "LAP062",
    Severity.WARNING,
    Element.COOPERATION,
    title=_("The cooperation process is described"),
    why=_(
        "Partners need to know how the cooperation works: when they meet, how cases and signals come in, who "
        "decides what. A written process makes it work when people change."
    ),
)
def process_described(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    if not doc.plan.cooperation_process.strip():
        yield flag(
            "$.plan.cooperation_process",
            _("The plan does not describe how partners work together."),
            _("Describe how partners meet, how signals are brought in, and who decides what."),
        )


@rule(
    "LAP063",
    Severity.WARNING,
    Element.COOPERATION,
    title=_("Partners share at least one goal"),
    why=_(
        "Cooperation rests on goals every partner agrees on. Marking the goals all partners share shows the "
        "common ground, and makes it easier to ask partners for effort."
    ),
)
def shared_goal(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    if doc.goals and not any(g.shared_by_all for g in doc.goals):
        yield flag(
            "$.goals",
            _("No goal is marked as shared by all partners."),
            _("Agree with partners which goals they all share, and mark them."),
        )


@rule(
    "LAP064",
    Severity.WARNING,
    Element.COOPERATION,
    title=_("Every partner has a role, a mandate and tasks"),
    why=_(
        "Knowing what each partner does, may do and will do avoids both gaps and overlaps, and lets partners "
        "understand each other's way of working. It is best written together."
    ),
    group=Group(
        _("{count} of {total} partners have no role, mandate or tasks recorded."),
        _("Describe, with each partner, their role, their mandate and their tasks in the plan."),
        row="{partner}: {fields}",
    ),
)
def roles_defined(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    for i, partner in context.cooperation_members:
        missing = [name for name in _ROLE_FIELDS if not getattr(partner, name).strip()]
        if missing:
            yield flag(
                f"$.network.partners[{i}].{missing[0]}",
                _("{partner} has no {fields} recorded."),
                _("Describe, with {partner}, their role, their mandate and their tasks in the plan."),
                subject=partner.key,
                total=len(context.cooperation_members),
                partner=partner.name,
                fields=", ".join(_ROLE_FIELDS[name] for name in missing),
            )


@rule(
    "LAP065",
    Severity.TIP,
    Element.COOPERATION,
    title=_("Each partner's interests, doubts and conditions are recorded"),
    why=_(
        "Partners join for their own reasons and with their own worries. Listening to them, and writing down "
        "under what conditions they take part, builds trust and prevents surprises later. It is a question for "
        "the plan's making: once the plan is adopted, the check no longer asks it."
    ),
    group=Group(
        _("Nothing is recorded about what {count} of {total} partners hope for, doubt or need to take part."),
        _("Ask each of them about their interests, doubts and conditions for joining, and note them."),
        row="{partner}",
    ),
)
def doubts_recorded(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    if context.adopted:
        return
    for i, partner in context.cooperation_members:
        if not (partner.interests.strip() or partner.doubts.strip() or partner.conditions.strip()):
            yield flag(
                f"$.network.partners[{i}].doubts",
                _("Nothing is recorded about what {partner} hopes for, doubts or needs to take part."),
                _("Ask {partner} about their interests, doubts and conditions for joining, and note them."),
                subject=partner.key,
                total=len(context.cooperation_members),
                partner=partner.name,
            )
