"""Writes of co-creation. Each takes the acting user, asks the permission function first, and writes its audit
record in the same transaction; e-mail goes out only after commit."""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import send_mail, send_mass_mail
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cohesio.audit.services import record
from cohesio.core.choices import label
from cohesio.core.models import Locality, Membership, Role
from cohesio.core.permissions import can, require, role_in
from cohesio.format.vocabulary import PlanStatus
from cohesio.plans.editing import InvalidEdit, StaleEdit, lock_plan, plan_row_update
from cohesio.plans.models import Plan

from .elements import Element, Target, element_url, private_field, text_fields
from .mentions import find_mentions
from .models import Comment, Endorsement, EndorsementDecision, Notification, Proposal, ProposalStatus
from .selectors import endorser_role, mentioned_members, person_name, political_owner_has_endorsed
from .signals import plan_adopted
from .workflow import ADOPTED, CONSULTATION, transition_for

logger = logging.getLogger(__name__)


class Refused(Exception):
    """Allowed in principle, but not now; the message says why in plain words."""

    def __init__(self, message):
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.message)


class ProposalRefused(Refused):
    """The proposal is already decided, or what it is about was deleted."""


class StaleProposal(ProposalRefused):
    """The text changed after the proposal was written; accepting it would overwrite that change."""

    def __init__(self, message, current_value: str):
        self.current_value = current_value
        super().__init__(message)


class EndorsementRefused(Refused):
    """The plan is not in consultation, or this person does not endorse the plan."""


class StatusChangeRefused(Refused):
    """The plan cannot make this move now."""


# --- comments and mentions ------------------------------------------------------------------------------------


def comment_create(
    *, acting_user, plan: Plan, element: str = "", body: str, target: Target | None = None, parent=None, link_for=None
) -> Comment:
    """Add a comment to an element, or a reply to a thread (a reply joins its thread and the thread's element).

    People mentioned in it ("@e-mail" or "@[Full Name]") get an in-app notification and, after commit, an e-mail.
    `link_for` turns a path into the full address used in the e-mail.
    """
    comment = _new_comment(plan=plan, element=element, author=acting_user, target=target, parent=parent)
    comment.body = body.strip()
    require(acting_user, "plan.comment", comment)  # with the comment: some roles comment on one part only
    comment.full_clean()
    with transaction.atomic():
        comment.save()
        record(actor=acting_user, action="comment.create", obj=comment, locality=plan.locality)
        link_for = link_for or (lambda path: path)
        mentioned = _notify_mentioned(comment=comment, plan=plan, author=acting_user, link_for=link_for)
        words = {"author": person_name(acting_user), "element": Element(comment.element).label}
        notify_coordinators(
            plan=plan,
            actor=acting_user,
            text=_("%(author)s commented on %(element)s.") % words,
            link=f"{element_url(plan.locality, comment.element)}#comment-{comment.pk}",
            skip=mentioned,
        )
    return comment


def _new_comment(*, plan: Plan, element: str, author, target: Target | None = None, parent=None) -> Comment:
    """The comment as it would be saved (a reply joins its thread and the thread's element), not saved yet."""
    comment = Comment(plan=plan, locality=plan.locality, element=element, author=author)
    if parent is not None:
        if parent.plan_id != plan.pk:
            raise Http404
        comment.parent = parent.parent if parent.parent_id else parent
        comment.element = comment.parent.element
    if target is not None and not target.editable.singleton:
        comment.content_type = ContentType.objects.get_for_model(target.obj)
        comment.object_id = target.obj.pk
    return comment


def may_comment(user, *, plan: Plan, element: str, target: Target | None = None) -> bool:
    """May `user` comment on this element of the plan (on `target` on its page, when given)? Asks the permission
    function with the comment it would be, so pages offer only the forms the service accepts."""
    if element not in Element.values:
        return can(user, "plan.comment", plan.locality)
    return can(user, "plan.comment", _new_comment(plan=plan, element=element, author=user, target=target))


def _notify_mentioned(*, comment: Comment, plan: Plan, author, link_for) -> set[int]:
    """Notify the people mentioned in the comment; returns their user ids."""
    people = [user for user in mentioned_members(plan, find_mentions(comment.body)) if user.pk != author.pk]
    if not people:
        return set()
    link = f"{element_url(plan.locality, comment.element)}#comment-{comment.pk}"
    words = {"author": person_name(author), "element": Element(comment.element).label, "plan": plan.title}
    text = _("%(author)s mentioned you in a comment on %(element)s.") % words
    Notification.objects.bulk_create(
        Notification(plan=plan, locality_id=plan.locality_id, user=user, text=text, link=link) for user in people
    )
    subject = _("You were mentioned in the plan %(plan)s") % words
    message = _("%(author)s mentioned you in a comment on %(element)s.\nRead it here: %(url)s") % {
        **words,
        "url": link_for(link),
    }
    mails = [(subject, message, None, [user.email]) for user in people if user.email]
    transaction.on_commit(lambda: _send_mention_mails(mails, comment_id=comment.pk))
    return {user.pk for user in people}


def _send_mention_mails(mails, *, comment_id: int) -> None:
    """The comment and its in-app notifications are saved already: a mail server that fails is logged, by id only."""
    try:
        send_mass_mail(mails, fail_silently=False)
    except OSError:  # smtplib.SMTPException and connection errors
        logger.warning("mention e-mail not sent", extra={"comment_id": comment_id, "recipients": len(mails)})


def _require_resolver(user, root: Comment) -> None:
    """The thread's author may resolve their own thread; anyone else needs the right to resolve comments."""
    if root.author_id is not None and root.author_id == user.pk:
        require(user, "plan.comment", root)
    else:
        require(user, "plan.comment_resolve", root)


def comment_resolve(*, acting_user, comment: Comment, resolved: bool = True, now=None) -> Comment:
    """Mark a thread resolved (or open it again); a reply stands for its thread."""
    root = comment.parent if comment.parent_id else comment
    _require_resolver(acting_user, root)
    now = now or timezone.now()
    with transaction.atomic():
        root = Comment.objects.select_for_update().get(pk=root.pk)
        root.resolved_at, root.resolved_by = (now, acting_user) if resolved else (None, None)
        root.save(update_fields=["resolved_at", "resolved_by", "updated_at"])
        action = "comment.resolve" if resolved else "comment.reopen"
        record(actor=acting_user, action=action, obj=root, locality=root.locality, now=now)
    return root


# --- notifications ---------------------------------------------------------------------------------------------


def notifications_mark_read(*, acting_user, locality, notification: Notification | None = None, now=None) -> int:
    """Mark one of the person's own notifications read, or all of them in this locality; returns how many."""
    require(acting_user, "plan.view", locality)
    unread = Notification.objects.filter(user=acting_user, locality=locality, read_at__isnull=True)
    if notification is not None:
        unread = unread.filter(pk=notification.pk)
    return unread.update(read_at=now or timezone.now())


# --- proposals -------------------------------------------------------------------------------------------------


def proposal_create(*, acting_user, plan: Plan, target: Target, field_name: str, value: str, base_revision: int):
    """Propose a new text for one text field of one object in the plan, as it was at `base_revision`."""
    proposal = _new_proposal(plan=plan, target=target, author=acting_user)
    require(acting_user, "plan.comment", proposal)  # with the proposal: some roles propose in one part only
    if field_name not in text_fields(target.editable):
        raise ValidationError({"target": _("You can only propose changes to texts.")})
    if private_field(type(target.obj), field_name):  # what a partner wrote about themselves: only who may read it
        require(acting_user, "partner.read_private", target.obj)
    try:
        value = target.obj._meta.get_field(field_name).clean(value.strip(), target.obj)
    except ValidationError as exc:
        raise ValidationError({"value": exc.messages}) from None
    proposal.field_name, proposal.value, proposal.base_revision = field_name, value, base_revision
    proposal.value_when_proposed = getattr(target.obj, field_name) or ""
    proposal.full_clean()
    with transaction.atomic():
        proposal.save()
        record(actor=acting_user, action="proposal.create", obj=proposal, locality=plan.locality)
        notify_coordinators(
            plan=plan,
            actor=acting_user,
            text=_("%(author)s proposed a change to %(element)s.")
            % {"author": person_name(acting_user), "element": Element(proposal.element).label},
            link=reverse("cocreation:proposals", kwargs={"locality": plan.locality.slug}),
        )
    return proposal


def _new_proposal(*, plan: Plan, target: Target, author) -> Proposal:
    """A proposal about `target`, its text not filled in yet, not saved."""
    return Proposal(
        plan=plan,
        locality=plan.locality,
        kind=target.kind,
        element=target.element,
        content_type=ContentType.objects.get_for_model(target.obj),
        object_id=target.obj.pk,
        proposed_by=author,
    )


def may_propose(user, *, plan: Plan, target: Target) -> bool:
    """May `user` propose a change to a text of `target`? Asks the permission function with the proposal it would
    be, so the list of texts offers only what the service accepts."""
    return can(user, "plan.comment", _new_proposal(plan=plan, target=target, author=user))


def _lock_open(proposal: Proposal) -> Proposal:
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.status != ProposalStatus.OPEN:
        raise ProposalRefused(_("This proposal was already decided."))
    return proposal


def _lock_target(proposal: Proposal):
    model = proposal.content_type.model_class()
    target = model.objects.select_for_update().filter(pk=proposal.object_id, locality_id=proposal.locality_id).first()
    if target is None:
        raise ProposalRefused(_("What this proposal is about was deleted, so it cannot be accepted. Decline it."))
    return target


def _close(proposal: Proposal, *, acting_user, status: str, now, reason: str = "") -> None:
    proposal.status, proposal.decided_by, proposal.decided_at, proposal.decline_reason = (
        status,
        acting_user,
        now,
        reason,
    )
    proposal.save(update_fields=["status", "decided_by", "decided_at", "decline_reason", "updated_at"])
    record(actor=acting_user, action=f"proposal.{status}", obj=proposal, locality=proposal.locality, now=now)


def _notify_proposer(proposal: Proposal, text: str) -> None:
    if proposal.proposed_by_id is None or proposal.proposed_by_id == proposal.decided_by_id:
        return
    link = element_url(proposal.locality, proposal.element)
    Notification.objects.create(
        plan_id=proposal.plan_id,
        locality_id=proposal.locality_id,
        user_id=proposal.proposed_by_id,
        text=text,
        link=link,
    )


def proposal_accept(*, acting_user, proposal: Proposal, now=None) -> Proposal:
    """Write the proposed text into the plan, unless the plan is adopted or the text changed since it was proposed."""
    require(acting_user, "plan.decide_proposal", proposal)
    now = now or timezone.now()
    with transaction.atomic():
        plan = lock_plan(Plan.objects.get(pk=proposal.plan_id))
        proposal = _lock_open(proposal)
        target = _lock_target(proposal)
        try:
            plan_row_update(
                acting_user=acting_user,
                plan=plan,
                row=target,
                data={proposal.field_name: proposal.value},
                expected_revision=proposal.base_revision,
                allowed=[proposal.field_name],
                action="plan.decide_proposal",
                permission_object=proposal,
            )
        except StaleEdit:
            raise StaleProposal(
                _(
                    "Someone changed this text after the proposal was written, so accepting it would overwrite that "
                    "change. Compare the current text with the proposal; ask for a new proposal or edit it yourself."
                ),
                current_value=getattr(target, proposal.field_name),
            ) from None
        except InvalidEdit as invalid:
            problem = " ".join(m for messages in invalid.errors.values() for m in messages)
            raise ProposalRefused(
                _("The proposed text does not fit this field: %(problem)s") % {"problem": problem}
            ) from None
        _close(proposal, acting_user=acting_user, status=ProposalStatus.ACCEPTED, now=now)
        _notify_proposer(proposal, _("Your proposal was accepted and is now in the plan."))
    return proposal


def proposal_decline(*, acting_user, proposal: Proposal, reason: str = "", now=None) -> Proposal:
    """Decline a proposal, with an optional reason the proposer sees."""
    require(acting_user, "plan.decide_proposal", proposal)
    now = now or timezone.now()
    with transaction.atomic():
        proposal = _lock_open(proposal)
        _close(proposal, acting_user=acting_user, status=ProposalStatus.DECLINED, now=now, reason=reason.strip())
        _notify_proposer(proposal, _("Your proposal was declined. Open the list of proposals to read why."))
    return proposal


# --- endorsement and the status workflow -----------------------------------------------------------------------


def endorsement_record(*, acting_user, plan: Plan, decision: str, objections: str = "") -> Endorsement:
    """Record that a partner or the political owner endorses the plan in consultation, or their objections.

    It replaces the person's earlier answer in this round (one current endorsement per person per plan).
    """
    require(acting_user, "plan.endorse", plan.locality)
    role = endorser_role(acting_user, plan, role_in(acting_user, plan.locality))
    if role is None:
        raise EndorsementRefused(
            _("Partners endorse the plan once their account is linked to their partner profile. Ask the coordinator.")
        )
    with transaction.atomic():
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        if plan.status != CONSULTATION:
            raise EndorsementRefused(
                _("You can endorse the plan, or record objections, only while it is in consultation.")
            )
        Endorsement.objects.filter(plan=plan, user=acting_user, current=True).update(current=False)
        endorsement = Endorsement(
            plan=plan,
            locality_id=plan.locality_id,
            user=acting_user,
            role=role,
            decision=decision,
            objections=objections.strip() if decision == EndorsementDecision.OBJECTIONS else "",
        )
        endorsement.full_clean()
        endorsement.save()
        record(actor=acting_user, action=f"endorsement.{decision}", obj=endorsement, locality=plan.locality)
        words = {"author": person_name(acting_user)}
        notify_coordinators(
            plan=plan,
            actor=acting_user,
            text=_("%(author)s endorsed the plan.") % words
            if decision == EndorsementDecision.ENDORSED
            else _("%(author)s has objections to the plan.") % words,
            link=reverse("cocreation:status", kwargs={"locality": plan.locality.slug}) + "#objections",
        )
    return endorsement


def objection_answer(*, acting_user, endorsement: Endorsement, answer: str, now=None) -> Endorsement:
    """The coordinator answers a person's objections; that person is notified."""
    require(acting_user, "plan.answer_objection", endorsement)
    answer = answer.strip()
    with transaction.atomic():
        endorsement = Endorsement.objects.select_for_update().get(pk=endorsement.pk)
        if endorsement.decision != EndorsementDecision.OBJECTIONS or not endorsement.current:
            raise EndorsementRefused(_("These objections were replaced by a newer answer; reload the page."))
        endorsement.answer, endorsement.answered_by, endorsement.answered_at = (
            answer,
            acting_user,
            now or timezone.now(),
        )
        endorsement.full_clean()
        endorsement.save(update_fields=["answer", "answered_by", "answered_at", "updated_at"])
        record(actor=acting_user, action="endorsement.answer", obj=endorsement, locality=endorsement.locality)
        _notify(
            users=[endorsement.user],
            plan_id=endorsement.plan_id,
            locality=endorsement.locality,
            text=_("%(author)s answered your objections to the plan.") % {"author": person_name(acting_user)},
            link=reverse("cocreation:endorsement", kwargs={"locality": endorsement.locality.slug}),
        )
    return endorsement


# --- notifications and the hourly e-mail digest ----------------------------------------------------------------

DIGEST_EVERY = timedelta(hours=1)


def notify_coordinators(*, plan: Plan, actor, text: str, link: str, skip: set[int] = frozenset()) -> None:
    """Tell the locality's coordinators (except the one who acted) what a partner did; e-mail follows as a digest."""
    users = [
        m.user
        for m in Membership.objects.filter(locality_id=plan.locality_id, role=Role.COORDINATOR).select_related("user")
        if m.user_id != getattr(actor, "pk", None) and m.user_id not in skip
    ]
    _notify(users=users, plan_id=plan.pk, locality=plan.locality, text=text, link=link)


def _notify(*, users, plan_id: int, locality, text: str, link: str) -> None:
    if not users:
        return
    Notification.objects.bulk_create(
        Notification(plan_id=plan_id, locality_id=locality.pk, user=user, text=text, link=link) for user in users
    )
    user_ids = [user.pk for user in users]
    transaction.on_commit(lambda: [notification_digest_send(user_id=uid, locality=locality) for uid in user_ids])


def notification_digest_send(*, user_id: int, locality, now=None) -> int:
    """E-mail one person the notifications not yet e-mailed, unless they had a digest within the last hour.

    Returns how many notifications went out. Notifications that wait are sent by the next event after the hour,
    or by `cohesio send-digests` (run it hourly from cron).
    """
    now = now or timezone.now()
    with transaction.atomic():
        mine = Notification.objects.select_for_update().filter(user_id=user_id, locality_id=locality.pk)
        if mine.filter(emailed_at__gt=now - DIGEST_EVERY).exists():
            return 0
        waiting = list(mine.filter(emailed_at__isnull=True, read_at__isnull=True).order_by("created_at", "id"))
        user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
        if not waiting or user is None or not user.email:
            return 0
        Notification.objects.filter(pk__in=[n.pk for n in waiting]).update(emailed_at=now)
    base = settings.COHESIO_BASE_URL.rstrip("/")
    lines = [f"- {n.text} {base}{n.link}" if n.link else f"- {n.text}" for n in waiting]
    subject = _("What happened in the plan of %(locality)s") % {"locality": locality.name}
    body = _("Since your last e-mail:\n%(lines)s\n\nYou get at most one of these an hour.") % {
        "lines": "\n".join(lines)
    }
    try:
        send_mail(subject, body, None, [user.email])
    except OSError:  # smtplib.SMTPException and connection errors: the notifications stay in the app
        logger.warning("digest e-mail not sent", extra={"user_id": user_id, "notifications": len(waiting)})
    return len(waiting)


def notification_digests_send(*, now=None) -> int:
    """Send every digest that is due (the hourly job); returns how many e-mails went out."""
    pending = (
        Notification.objects.filter(emailed_at__isnull=True, read_at__isnull=True)
        .values_list("user_id", "locality_id")
        .distinct()
    )
    localities = {loc.pk: loc for loc in Locality.objects.filter(pk__in={loc for _u, loc in pending})}
    return sum(
        1
        for user_id, locality_id in pending
        if notification_digest_send(user_id=user_id, locality=localities[locality_id], now=now)
    )


def plan_status_change(*, acting_user, plan: Plan, to_status: str, now=None) -> Plan:
    """Move the plan along the workflow (see workflow.TRANSITIONS for the moves and who may make each).

    Putting the plan to consultation starts a new round of endorsements. Adopting needs the political owner's
    endorsement.
    """
    transition = transition_for(plan.status, to_status)
    require(acting_user, transition.action if transition else "plan.change_status", plan.locality)
    now = now or timezone.now()
    with transaction.atomic():
        plan = Plan.objects.select_for_update().select_related("locality").get(pk=plan.pk)
        transition = transition_for(plan.status, to_status)
        if transition is None:
            raise StatusChangeRefused(
                _("The plan cannot move from “%(from)s” to “%(to)s”.") % _status_words(plan, to_status)
            )
        require(acting_user, transition.action, plan.locality)
        if transition.needs_political_endorsement and not political_owner_has_endorsed(plan):
            raise StatusChangeRefused(
                _(
                    "The plan cannot be adopted yet: the political owner has not endorsed it. Ask them to endorse the "
                    "plan while it is in consultation."
                )
            )
        if to_status == CONSULTATION:
            Endorsement.objects.filter(plan=plan, current=True).update(current=False)
        previous = plan.status
        plan.status = to_status
        # a new revision, so an edit form opened before the move cannot save the old status back
        plan.revision += 1
        plan.save(update_fields=["status", "revision", "updated_at"])
        record(actor=acting_user, action=f"plan.status.{previous}_to_{to_status}", obj=plan, now=now)
        if to_status == ADOPTED:
            plan_adopted.send(sender=Plan, plan=plan, acting_user=acting_user, now=now)
    return plan


def _status_words(plan: Plan, to_status: str) -> dict[str, str]:
    return {"from": label(PlanStatus, plan.status), "to": label(PlanStatus, to_status)}
