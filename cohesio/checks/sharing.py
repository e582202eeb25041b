"""Rules for information sharing: an agreement signed by those who share, rules per type, and evaluations."""

from collections.abc import Iterator
from datetime import date

from cohesio.format import PlanDocument
from cohesio.format.sharing import has_legal_basis
from cohesio.format.vocabulary import PERSONAL_DATA, AgreementState, Sensitivity, _

from .findings import Element, Flag, Group, Severity, flag
from .registry import CheckContext, rule

_RULE_FIELDS = {
    "purposes": _("a purpose from the agreed list"),
    "why": _("why"),
    "when": _("when"),
    "how": _("how"),
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
    signed = {
        s.organisation
        for s in agreement.signatories
        if (s.signed_on or agreement.signed_on) and s.version == agreement.version
    }
    sharing = sharing_organisations(doc)
    for key in sharing:
        if key not in signed:
            yield flag(
                "$.sharing.agreement.signatories",
                _(
                    "{organisation} shares or receives information but has not signed version {version} of the agreement."
                ),
                _("Ask the person who may sign for {organisation} to sign the agreement, and record the date."),
                subject=key,
                total=len(sharing),
                organisation=context.organisations[key].name,
                version=agreement.version,
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
    title=_("Every sharing rule says why, when, how, for what purpose and with whom"),
    why=_(
        "Frontline workers who rely on trust will only share when they know what happens to the information. "
        "A complete rule (purpose, reason, moment, way and recipients) answers that question."
    ),
    group=Group(
        _("{count} of {total} sharing rules leave out why, when, how, the purpose or the recipients."),
        _("Complete the rules, so partners know exactly when and how the information may be shared."),
        row="'{information}': {fields}",
    ),
)
def sharing_rule_complete(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    names = {t.key: t.name for t in doc.sharing.information_types}
    for i, sharing_rule in enumerate(doc.sharing.rules):
        missing = [name for name in _RULE_FIELDS if not _filled(getattr(sharing_rule, name))]
        if "recipients" in missing and sharing_rule.recipient_roles:  # named by their role in a case
            missing.remove("recipients")
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
    due = _evaluation_due_by_cadence(doc, context.today)
    if due is not None:
        yield flag(
            "$.sharing.evaluations",
            _("The agreement asks for an evaluation every {months} months; one was due on {date}."),
            _("Ask the organisations that signed to answer the evaluation, and record the results."),
            subject="cadence",
            months=doc.sharing.agreement.evaluate_every_months,
            date=due.isoformat(),
        )
    for i, evaluation in enumerate(doc.sharing.evaluations):
        if evaluation.done_on is None and evaluation.scheduled_for < context.today:
            yield flag(
                f"$.sharing.evaluations[{i}].scheduled_for",
                _("The evaluation of the information sharing planned for {date} has not been held."),
                _("Hold the evaluation with partners and record what came out of it."),
                subject=evaluation.key,
                date=evaluation.scheduled_for.isoformat(),
            )


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, 28))


def _evaluation_due_by_cadence(doc: PlanDocument, today: date) -> date | None:
    """The day an evaluation fell due under the agreement's cadence, when none was held or planned since."""
    agreement = doc.sharing.agreement
    if agreement is None or not agreement.evaluate_every_months or agreement.state != AgreementState.IN_FORCE:
        return None
    if agreement.in_force_from is None:
        return None
    if any(e.done_on is None and e.scheduled_for >= today for e in doc.sharing.evaluations):
        return None  # the next one is planned; LAP075 watches whether it is held
    held = [e.done_on for e in doc.sharing.evaluations if e.done_on is not None]
    due = _add_months(max([agreement.in_force_from, *held]), agreement.evaluate_every_months)
    return due if due < today else None


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
    Severity.ERROR,
    Element.COOPERATION,
    title=_("Personal information has a legal basis"),
    why=_(
        "Personal and sensitive information may only be shared on a legal basis. Naming it in each rule (a ground "
        "of GDPR article 6, a condition of article 9 for sensitive information, or a national law) lets partners "
        "and the data-protection officer check that sharing is allowed; without one, Cohesio allows no sharing."
    ),
    group=Group(
        _("{count} of {total} types of personal information have no legal basis for sharing."),
        _("Ask the data-protection officer which legal basis applies to each, and record it in its rules."),
    ),
)
def legal_basis_named(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    total = sum(t.sensitivity in PERSONAL_DATA for t in doc.sharing.information_types)
    for i, information_type in enumerate(doc.sharing.information_types):
        if information_type.sensitivity not in PERSONAL_DATA:
            continue
        rules = [r for r in doc.sharing.rules if r.information_type == information_type.key]
        if rules and not any(has_legal_basis(r, information_type.sensitivity) for r in rules):
            sensitive = information_type.sensitivity == Sensitivity.SENSITIVE
            yield flag(
                f"$.sharing.information_types[{i}].legal_basis",
                _(
                    "'{information}' is sensitive personal information, but no rule names a condition of GDPR article 9 or a national law for sharing it."
                )
                if sensitive
                else _("'{information}' is personal information, but no rule names the legal basis for sharing it."),
                _("Ask the data-protection officer which legal basis applies, and record it in the rule."),
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


@rule(
    "LAP079",
    Severity.ERROR,
    Element.COOPERATION,
    title=_("Every sharing rule says how long the information is kept"),
    why=_(
        "Information kept for ever is a risk for the person and for trust between partners. A rule that says how "
        "long the receiver keeps it, and from when, lets everyone delete it on time; Cohesio allows no sharing of "
        "personal information under a rule without one."
    ),
    group=Group(
        _("{count} of {total} sharing rules do not say how long the information is kept."),
        _("Agree for each rule how many days, months or years the receiver keeps the information."),
        row="'{information}'",
    ),
)
def retention_stated(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    names = {t.key: t.name for t in doc.sharing.information_types}
    for i, sharing_rule in enumerate(doc.sharing.rules):
        if not sharing_rule.retention_amount:
            yield flag(
                f"$.sharing.rules[{i}].retention_amount",
                _("The rule for sharing '{information}' does not say how long the information is kept."),
                _("Agree how many days, months or years the receiver keeps it, and from when."),
                subject=sharing_rule.key,
                total=len(doc.sharing.rules),
                information=names.get(sharing_rule.information_type, sharing_rule.information_type),
            )


@rule(
    "LAP066",
    Severity.WARNING,
    Element.COOPERATION,
    title=_("The information-sharing agreement is in force"),
    why=_(
        "Rules only protect people once the organisations have signed them and the agreement is in force. Until "
        "then, partners may not share personal information under it, and a changed agreement must be signed again."
    ),
)
def agreement_in_force(doc: PlanDocument, context: CheckContext) -> Iterator[Flag]:
    agreement = doc.sharing.agreement
    if agreement is None or not doc.sharing.rules:
        return
    if agreement.state == AgreementState.DRAFT:
        yield flag(
            "$.sharing.agreement.state",
            _("Version {version} of the agreement is a draft: nothing may be shared under it until it is in force."),
            _("Ask the organisations to sign this version, then bring it into force."),
            version=agreement.version,
        )
    elif agreement.state == AgreementState.ENDED:
        yield flag(
            "$.sharing.agreement.state",
            _("The agreement has ended: nothing may be shared under it."),
            _("Agree a new version with the partners, or record why sharing has stopped."),
        )
