"""Rules for information sharing: an agreement signed by those who share, rules per type, and evaluations."""

from collections.abc import Iterator

from cohesio.format import PlanDocument
from cohesio.format.vocabulary import Sensitivity, _

from .findings import Element, Flag, Group, Severity, flag
from .registry import CheckContext, rule

_RULE_FIELDS = {
    "purpose": _("purpose"),
    "why": _("why"),
    "when": _("when"),
    "how": _("how"),
    "retention": _("retention"),
    "recipients": _("recipients"),
}


def sharing_organisations(doc: PlanDocument) -> list[str]:
    """Keys of the organisations that share or receive information, in the order they first appear."""
    keys = [t.organisation for t in doc.sharing.information_types]
    for sharing_rule in doc.sharing.rules:
        keys.extend(sharing_rule.recipients)
    return list(dict.fromkeys(keys))


@rule(
    "LAP070",
    Severity.ERROR,
    Element.COOPERATION,
    title=_("There is an information-sharing agreement"),
    why=_(
        "Partners only share what they are sure they may share. An agreement that says what is shared, why, "
        "with whom and what happens to it afterwards is what makes timely, lawful sharing possible. Existing "
        "agreements (on truancy or child neglect) are a good starting point."
    ),
)
def agreement_exists(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    if doc.sharing.agreement is None:
        yield flag(
            "$.sharing.agreement",
            _("There is no information-sharing agreement."),
            _("Draw up an agreement with partners; an existing one on truancy or child neglect can be the template."),
        )


@rule(
    "LAP071",
    Severity.ERROR,
    Element.COOPERATION,
    title=_("Every organisation that shares information has signed the agreement"),
    why=_(
        "An agreement binds only those who signed it. Each organisation that shares or receives information "
        "should have signed, so its staff know they are covered and what is expected of them."
    ),
    group=Group(
        _("{count} of {total} organisations that share or receive information have not signed the agreement."),
        _("Ask the person who may sign for each organisation to sign the agreement, and record the date."),
    ),
)
def agreement_signed(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    agreement = doc.sharing.agreement
    if agreement is None:
        return
    signed = {s.organisation for s in agreement.signatories if s.signed_on or agreement.signed_on}
    sharing = sharing_organisations(doc)
    for key in sharing:
        if key not in signed:
            yield flag(
                "$.sharing.agreement.signatories",
                _("{organisation} shares or receives information but has not signed the agreement."),
                _("Ask the person who may sign for {organisation} to sign the agreement, and record the date."),
                subject=key,
                total=len(sharing),
                organisation=context.organisations[key].name,
            )


@rule(
    "LAP072",
    Severity.ERROR,
    Element.COOPERATION,
    title=_("Every type of information has a sharing rule"),
    why=_(
        "Listing what each partner knows is half the work; the other half is agreeing when each type may be "
        "shared. Without a rule, practitioners either share nothing or share without a basis."
    ),
    group=Group(
        _("There is no sharing rule for {count} of {total} types of information."),
        _("Agree for each why, when and how it may be shared, with whom, and how long it is kept."),
    ),
)
def information_type_has_rule(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    with_rule = {r.information_type for r in doc.sharing.rules}
    for i, information_type in enumerate(doc.sharing.information_types):
        if information_type.key not in with_rule:
            yield flag(
                f"$.sharing.information_types[{i}]",
                _("There is no rule for sharing '{information}'."),
                _("Agree why, when and how '{information}' may be shared, with whom, and how long it is kept."),
                subject=information_type.key,
                total=len(doc.sharing.information_types),
                information=information_type.name,
            )


@rule(
    "LAP073",
    Severity.WARNING,
    Element.COOPERATION,
    title=_("Every sharing rule says why, when, how, for what purpose and for how long"),
    why=_(
        "Frontline workers who rely on trust will only share when they know what happens to the information. "
        "A complete rule (purpose, reason, moment, way, recipients and retention) answers that question."
    ),
    group=Group(
        _("{count} of {total} sharing rules leave out why, when, how, the purpose, the recipients or retention."),
        _("Complete the rules, so partners know exactly when and how the information may be shared."),
        row="'{information}': {fields}",
    ),
)
def sharing_rule_complete(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    names = {t.key: t.name for t in doc.sharing.information_types}
    for i, sharing_rule in enumerate(doc.sharing.rules):
        missing = [name for name in _RULE_FIELDS if not _filled(getattr(sharing_rule, name))]
        if missing:
            yield flag(
                f"$.sharing.rules[{i}].{missing[0]}",
                _("The rule for sharing '{information}' does not say: {fields}."),
                _("Complete the rule, so partners know exactly when and how this information may be shared."),
                subject=sharing_rule.key,
                total=len(doc.sharing.rules),
                information=names[sharing_rule.information_type],
                fields=", ".join(_RULE_FIELDS[name] for name in missing),
            )


def _filled(value: str | list) -> bool:
    return bool(value.strip() if isinstance(value, str) else value)


@rule(
    "LAP074",
    Severity.WARNING,
    Element.COOPERATION,
    title=_("An evaluation of the sharing is scheduled"),
    why=_(
        "Sharing information is a process that needs looking after: is the right information shared on time, "
        "and is it handled as agreed? A scheduled evaluation keeps asking those questions."
    ),
)
def evaluation_scheduled(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    sharing = doc.sharing
    upcoming = [e for e in sharing.evaluations if e.done_on is None]
    if (sharing.agreement or sharing.rules) and not upcoming:
        yield flag(
            "$.sharing.evaluations",
            _("No evaluation of the information sharing is scheduled."),
            _("Schedule a moment to ask partners whether the right information is shared on time and as agreed."),
        )


@rule(
    "LAP075",
    Severity.WARNING,
    Element.COOPERATION,
    title=_("Evaluations of the sharing are not overdue"),
    why=_("An evaluation that keeps slipping is no evaluation. Holding it on time shows partners it matters."),
    group=Group(
        _("{count} evaluations of the information sharing are overdue."),
        _("Hold the evaluation with partners and record what came out of it."),
    ),
)
def evaluation_not_overdue(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    for i, evaluation in enumerate(doc.sharing.evaluations):
        if evaluation.done_on is None and evaluation.scheduled_for < context.today:
            yield flag(
                f"$.sharing.evaluations[{i}].scheduled_for",
                _("The evaluation of the information sharing planned for {date} has not been held."),
                _("Hold the evaluation with partners and record what came out of it."),
                subject=evaluation.key,
                date=evaluation.scheduled_for.isoformat(),
            )


@rule(
    "LAP076",
    Severity.WARNING,
    Element.COOPERATION,
    title=_("The agreement's review date has not passed"),
    why=_(
        "Laws, partners and practice change. An agreement past its review date may no longer match how "
        "information is actually shared."
    ),
)
def agreement_review_not_overdue(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    agreement = doc.sharing.agreement
    if agreement and agreement.review_date and agreement.review_date < context.today:
        yield flag(
            "$.sharing.agreement.review_date",
            _("The information-sharing agreement was due for review on {date}."),
            _("Review the agreement with the organisations that signed it, and set the next review date."),
            date=agreement.review_date.isoformat(),
        )


@rule(
    "LAP077",
    Severity.WARNING,
    Element.COOPERATION,
    title=_("Personal information has a legal basis"),
    why=_(
        "Personal and sensitive information may only be shared on a legal basis. Naming it for each type lets "
        "partners and the data-protection officer check that sharing is allowed."
    ),
    group=Group(
        _("{count} of {total} types of personal information have no legal basis for sharing."),
        _("Ask the data-protection officer which legal basis applies to each, and record it."),
    ),
)
def legal_basis_named(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    personal = {Sensitivity.PERSONAL, Sensitivity.SENSITIVE}
    total = sum(t.sensitivity in personal for t in doc.sharing.information_types)
    for i, information_type in enumerate(doc.sharing.information_types):
        if information_type.sensitivity in personal and not information_type.legal_basis.strip():
            yield flag(
                f"$.sharing.information_types[{i}].legal_basis",
                _("'{information}' is personal information but has no legal basis for sharing."),
                _("Ask the data-protection officer which legal basis applies, and record it."),
                subject=information_type.key,
                total=total,
                information=information_type.name,
            )


@rule(
    "LAP078",
    Severity.TIP,
    Element.COOPERATION,
    title=_("The agreement builds on an existing one"),
    why=_(
        "Partners often already share information on truancy or child neglect. Building on that agreement, and "
        "on the people who made it, saves time and starts from trust that is already there."
    ),
)
def agreement_based_on(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    agreement = doc.sharing.agreement
    if agreement and not agreement.based_on.strip():
        yield flag(
            "$.sharing.agreement.based_on",
            _("The agreement does not say whether it builds on an existing agreement."),
            _("Check which sharing agreements partners already have, and name the one this agreement builds on."),
        )
