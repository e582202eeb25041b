"""Reads for co-creation, scoped to a plan: comment threads, mentions, notifications, proposals, endorsements."""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import OuterRef, Prefetch, Subquery
from django.shortcuts import get_object_or_404

from cohesio.core.models import Membership, Role
from cohesio.core.permissions import can
from cohesio.core.sql import column, statement, table
from cohesio.format.private import EVERY, PrivateReading
from cohesio.format.vocabulary import PlanStatus
from cohesio.network.models import Partner
from cohesio.plans.editing import REGISTRY, row_revision
from cohesio.plans.models import Plan

from .elements import Target, private_field, reads_text, targets_prefetch
from .mentions import Mentions, normal_name
from .models import Comment, Endorsement, EndorsementDecision, Notification, Proposal, ProposalStatus
from .workflow import available_transitions


def person_name(user) -> str:
    """How a person is shown to the other members: their name, or their e-mail address when they gave none."""
    if user is None:
        return ""
    return user.get_full_name().strip() or user.email


def people_names(plan: Plan) -> dict[int, str]:
    """user id -> the name shown for every member of the plan's locality; partners by their partner name.

    One query, however many members."""
    partner_name = Partner.objects.filter(plan=plan, user_id=OuterRef("user_id")).order_by("pk").values("name")[:1]
    members = (
        Membership.objects.filter(locality_id=plan.locality_id)
        .select_related("user")
        .annotate(partner_name=Subquery(partner_name))
    )
    return {m.user_id: m.partner_name or person_name(m.user) for m in members}


def comment_threads(plan: Plan, element: str) -> list[Comment]:
    """The element's threads: top-level comments, oldest first, each with its replies and the object it is about."""
    replies = Comment.objects.filter(plan=plan).order_by("created_at", "id")
    return list(
        Comment.objects.filter(plan=plan, element=element, parent__isnull=True)
        .prefetch_related(targets_prefetch(), Prefetch("replies", queryset=replies))
        .order_by("created_at", "id")
    )


def comment_in_plan(plan: Plan, pk) -> Comment:
    return get_object_or_404(Comment, pk=pk, plan=plan, locality_id=plan.locality_id)


def mentioned_members(plan: Plan, mentions: Mentions) -> list:
    """Members of the plan's locality named in `mentions`: by e-mail (theirs or their partner profile's) or name."""
    if not mentions:
        return []
    users = {
        u.pk: u
        for u in get_user_model().objects.filter(memberships__locality_id=plan.locality_id)
        if u.email.lower() in mentions.emails or normal_name(u.get_full_name()) in mentions.names
    }
    partners = Partner.objects.filter(plan=plan, user__memberships__locality_id=plan.locality_id).select_related("user")
    for partner in partners:
        if partner.email.lower() in mentions.emails or normal_name(partner.name) in mentions.names:
            users.setdefault(partner.user_id, partner.user)
    return sorted(users.values(), key=lambda u: u.pk)


def notifications_for(user, locality):
    return Notification.objects.filter(user=user, locality=locality)


@statement
def _unread_sql(vendor: str) -> str:
    return (
        f"SELECT COUNT(*) FROM {table(Notification)} n WHERE {column(Notification, 'locality', 'n')} = %s "  # noqa: S608 - names from the models, values as parameters
        f"AND {column(Notification, 'user', 'n')} = %s AND {column(Notification, 'read_at', 'n')} IS NULL"
    )


def unread_notification_count(user, locality) -> int:
    """Counted on every page (the layout shows it), so the query is written out (`cohesio.core.sql`)."""
    with connection.cursor() as cursor:
        cursor.execute(_unread_sql(), [locality.pk, user.pk])
        return cursor.fetchone()[0]


def notification_of(user, locality, pk) -> Notification:
    """One of the person's own notifications; everyone else's are simply not found."""
    return get_object_or_404(Notification, pk=pk, user=user, locality=locality)


def open_proposals(plan: Plan) -> list[Proposal]:
    """Open proposals, oldest first, each with the object it would change."""
    return list(
        Proposal.objects.filter(plan=plan, status=ProposalStatus.OPEN)
        .prefetch_related(targets_prefetch())
        .order_by("created_at")
    )


def recent_decisions(plan: Plan, limit: int = 20, *, reading: PrivateReading = EVERY) -> list[Proposal]:
    """The latest decided proposals; each has `private`: it proposed words for what a partner wrote about
    themselves, which the reader with `reading` may not read (one more query only when there are such)."""
    decided = list(
        Proposal.objects.filter(plan=plan).exclude(status=ProposalStatus.OPEN).order_by("-decided_at")[:limit]
    )
    about = {p.object_id for p in decided if _about_private(p)} if not reading.every else set()
    keys = dict(Partner.objects.filter(plan=plan, pk__in=about).values_list("pk", "key")) if about else {}
    for proposal in decided:
        proposal.private = proposal.object_id in about and not reading.reads(keys.get(proposal.object_id))
    return decided


def _about_private(proposal: Proposal) -> bool:
    editable = REGISTRY.get(proposal.kind)
    return editable is not None and private_field(editable.model, proposal.field_name)


def proposal_in_plan(plan: Plan, pk) -> Proposal:
    return get_object_or_404(Proposal, pk=pk, plan=plan, locality_id=plan.locality_id)


def current_endorsement(user, plan: Plan) -> Endorsement | None:
    return Endorsement.objects.filter(plan=plan, user=user, current=True).first()


def endorser_role(user, plan: Plan, role: str | None) -> str | None:
    """The role in which a person endorses this plan: political owner, or partner with a linked profile; else None."""
    if role == Role.POLITICAL_OWNER:
        return Role.POLITICAL_OWNER
    if role == Role.PARTNER and Partner.objects.filter(plan=plan, user=user).exists():
        return Role.PARTNER
    return None


@dataclass
class Endorser:
    name: str
    role: str
    endorsement: Endorsement | None = None


@dataclass
class EndorsementOverview:
    """Who has endorsed the plan, who has objections, and who has not answered yet."""

    endorsed: list[Endorser] = field(default_factory=list)
    objections: list[Endorser] = field(default_factory=list)
    waiting: list[Endorser] = field(default_factory=list)
    political_owner_endorsed: bool = False

    @property
    def total(self) -> int:
        return len(self.endorsed) + len(self.objections) + len(self.waiting)


def _endorsers(plan: Plan) -> dict[int, Endorser]:
    endorsers = {
        user_id: Endorser(name=name, role=Role.PARTNER)
        for user_id, name in Partner.objects.filter(plan=plan, user__isnull=False)
        .order_by("name")
        .values_list("user_id", "name")
    }
    owners = Membership.objects.filter(locality_id=plan.locality_id, role=Role.POLITICAL_OWNER).select_related("user")
    for membership in owners:
        endorsers[membership.user_id] = Endorser(name=person_name(membership.user), role=Role.POLITICAL_OWNER)
    return endorsers


def endorsement_overview(plan: Plan) -> EndorsementOverview:
    """Three queries whatever the number of partners."""
    endorsers = _endorsers(plan)
    for endorsement in Endorsement.objects.filter(plan=plan, current=True):
        if endorsement.user_id in endorsers:
            endorsers[endorsement.user_id].endorsement = endorsement
    overview = EndorsementOverview()
    for person in sorted(endorsers.values(), key=lambda e: e.name.casefold()):
        if person.endorsement is None:
            overview.waiting.append(person)
        elif person.endorsement.decision == EndorsementDecision.ENDORSED:
            overview.endorsed.append(person)
            overview.political_owner_endorsed |= person.role == Role.POLITICAL_OWNER
        else:
            overview.objections.append(person)
    return overview


def political_owner_has_endorsed(plan: Plan) -> bool:
    """Whether someone who is political owner now has endorsed the plan in the current round."""
    return Endorsement.objects.filter(
        plan=plan,
        current=True,
        role=Role.POLITICAL_OWNER,
        decision=EndorsementDecision.ENDORSED,
        user__memberships__locality_id=plan.locality_id,
        user__memberships__role=Role.POLITICAL_OWNER,
    ).exists()


def endorsement_open(plan: Plan) -> bool:
    return plan.status == PlanStatus.CONSULTATION


@dataclass
class ProposalRow:
    """An open proposal as the list shows it: what it changes, the text now, and whether it went stale.

    `private`: it is about what a partner wrote about themselves, which the reader may not read: neither the
    text now nor the proposed one is shown."""

    proposal: Proposal
    what: str
    field_label: str
    current_value: str | None  # None when what it is about was deleted
    stale: bool
    private: bool = False


def proposal_rows(plan: Plan, reading: PrivateReading = EVERY) -> list[ProposalRow]:
    """The open proposals as a reader with `reading` sees them."""
    rows = []
    for proposal in open_proposals(plan):
        target = proposal.target
        editable = REGISTRY.get(proposal.kind)
        if target is None or editable is None:
            hidden = _about_private(proposal) and not reading.every  # whose words they were is gone with the row
            rows.append(ProposalRow(proposal, "", proposal.field_name, None, stale=True, private=hidden))
            continue
        what = Target(proposal.kind, target).label
        field_label = str(target._meta.get_field(proposal.field_name).verbose_name)
        current = getattr(target, proposal.field_name) or ""
        rows.append(
            ProposalRow(
                proposal,
                what,
                field_label,
                current,
                stale=row_revision(target, [proposal.field_name]) != proposal.base_revision,
                private=not reads_text(target, proposal.field_name, reading),
            )
        )
    return rows


def consultation_context(plan: Plan, user) -> dict:
    """What the plan overview shows about consultation: endorsements, and the status moves this person may make."""
    return {
        "endorsements": endorsement_overview(plan),
        "status_moves": available_transitions(user, plan),
        "may_endorse": can(user, "plan.endorse", plan.locality),
    }
