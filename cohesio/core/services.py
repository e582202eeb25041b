"""Writes of tenancy: invitations and memberships."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cohesio.audit.services import record

from .accounts import account_with_verified_email, create_account, has_verified_email, normalise_email
from .models import Invitation, Locality, Membership, Role, new_invitation_token
from .permissions import require, require_platform
from .signals import invitation_accepted


class InvitationClosed(Exception):
    """The invitation was used, revoked or has expired."""


class InvitationNotYours(Exception):
    """The signed-in account has not verified the address the invitation was sent to."""


class InvitationNeedsSignIn(Exception):
    """An account already uses the invited address: its owner signs in, then accepts."""


def invitation_create(
    *, locality: Locality, acting_user, email: str, role: str, accept_url_for, name: str = ""
) -> Invitation:
    """Invite one person into the locality in a role and e-mail them the link (after commit)."""
    require(acting_user, "membership.invite", locality)
    with transaction.atomic():
        return _invite(
            locality=locality, invited_by=acting_user, email=email, role=role, accept_url_for=accept_url_for, name=name
        )


def _invite(*, locality: Locality, invited_by, email: str, role: str, accept_url_for, name: str = "") -> Invitation:
    invitation = Invitation.objects.create(
        locality=locality, email=normalise_email(email), role=role, invited_by=invited_by, name=name
    )
    record(actor=invited_by, action="invitation.create", obj=invitation, locality=locality)
    _send_invitation(invitation, accept_url_for(invitation))
    return invitation


def _send_invitation(invitation: Invitation, url: str) -> None:
    """E-mail the link once the transaction has committed (nothing is sent for a write that rolled back)."""
    locality, email, expires = invitation.locality, invitation.email, invitation.expires_at
    transaction.on_commit(
        lambda: send_mail(
            _("You are invited to work on the local action plan of %(locality)s") % {"locality": locality.name},
            _("Open this link to join: %(url)s\nThe link works once and expires on %(date)s.")
            % {"url": url, "date": f"{expires:%Y-%m-%d}"},
            None,
            [email],
        )
    )


def invitation_resend(*, acting_user, invitation: Invitation, accept_url_for, now=None) -> Invitation:
    """Send an unused invitation again with a new link and a new expiry; the old link stops working."""
    require(acting_user, "membership.invite", invitation.locality)
    now = now or timezone.now()
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().select_related("locality").get(pk=invitation.pk)
        if invitation.accepted_at is not None:
            raise InvitationClosed
        invitation.token = new_invitation_token()
        invitation.expires_at = now + timedelta(days=settings.INVITATION_DAYS)
        invitation.revoked_at = None
        invitation.save(update_fields=["token", "expires_at", "revoked_at"])
        record(actor=acting_user, action="invitation.resend", obj=invitation, locality=invitation.locality)
        _send_invitation(invitation, accept_url_for(invitation))
    return invitation


def invitation_revoke(*, acting_user, invitation: Invitation, now=None) -> Invitation:
    """Withdraw an unused invitation: its link stops working at once."""
    require(acting_user, "membership.invite", invitation.locality)
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at is not None:
            raise InvitationClosed
        invitation.revoked_at = now or timezone.now()
        invitation.save(update_fields=["revoked_at"])
        record(actor=acting_user, action="invitation.revoke", obj=invitation, locality=invitation.locality)
    return invitation


class LastCoordinator(Exception):
    """A locality keeps at least one coordinator: the last one can be neither removed nor given another role."""


def membership_change_role(*, acting_user, membership: Membership, role: str) -> Membership:
    require(acting_user, "membership.manage", membership.locality)
    if role not in Role.values:
        raise ValueError(f"unknown role {role!r}")
    with transaction.atomic():
        membership = _locked_membership(membership)
        if membership.role == role:
            return membership
        if membership.role == Role.COORDINATOR:
            _keep_a_coordinator(membership)
        membership.role = role
        membership.save(update_fields=["role"])
        record(actor=acting_user, action="membership.change_role", obj=membership, locality=membership.locality)
    return membership


def membership_remove(*, acting_user, membership: Membership) -> None:
    require(acting_user, "membership.manage", membership.locality)
    with transaction.atomic():
        membership = _locked_membership(membership)
        if membership.role == Role.COORDINATOR:
            _keep_a_coordinator(membership)
        record(actor=acting_user, action="membership.remove", obj=membership, locality=membership.locality)
        membership.delete()


def _locked_membership(membership: Membership) -> Membership:
    """Lock every membership of the locality, so two coordinators cannot remove each other at the same time."""
    list(Membership.objects.select_for_update().filter(locality_id=membership.locality_id).values_list("pk"))
    return Membership.objects.select_related("locality", "user").get(pk=membership.pk)


def _keep_a_coordinator(membership: Membership) -> None:
    others = Membership.objects.filter(locality_id=membership.locality_id, role=Role.COORDINATOR)
    if not others.exclude(pk=membership.pk).exists():
        raise LastCoordinator


def locality_create(
    *, acting_user, name: str, slug: str, kind: str, region: Locality | None, coordinator_email: str, accept_url_for
) -> Invitation:
    """Start a municipality or region: the locality and its first coordinator's invitation, e-mailed after commit.

    `acting_user` is platform staff in the app, or None for the operator on the command line.
    """
    if acting_user is not None:
        require_platform(acting_user, "locality.create")
    with transaction.atomic():
        locality = Locality(name=name, slug=slug, kind=kind, region=region)
        locality.full_clean()
        locality.save()
        record(actor=acting_user, action="locality.create", obj=locality, locality=locality)
        return _invite(
            locality=locality,
            invited_by=acting_user,
            email=coordinator_email,
            role=Role.COORDINATOR,
            accept_url_for=accept_url_for,
        )


def invitation_accept(*, invitation: Invitation, user, now=None) -> Invitation:
    """A signed-in person uses an invitation sent to one of their verified addresses. Single use.

    Never signs anyone in: the person has already signed in through allauth (password, then second factor).
    """
    now = now or timezone.now()
    if not has_verified_email(user, invitation.email):
        raise InvitationNotYours
    with transaction.atomic():
        invitation = _open_invitation(invitation, now)
        _join(invitation, user, now)
    return invitation


def invitation_accept_new_account(*, invitation: Invitation, name: str, password: str, now=None):
    """Someone with no account joins: the link was sent to the invited address, which the new account gets.

    Refused when an account already uses that address: its owner signs in first. The new person then
    signs in with the password just chosen; the link itself signs nobody in.
    """
    now = now or timezone.now()
    with transaction.atomic():
        invitation = _open_invitation(invitation, now)
        if account_exists_for(invitation.email):
            raise InvitationNeedsSignIn
        user = create_account(email=invitation.email, password=password, name=name)
        _join(invitation, user, now)
    return user


def account_exists_for(email: str) -> bool:
    """An account owns this address (verified), or an older account was made with it as its user name."""
    return account_with_verified_email(email) is not None or (
        get_user_model().objects.filter(username__iexact=normalise_email(email)).exists()
    )


def _open_invitation(invitation: Invitation, now) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open(now):
        raise InvitationClosed
    return invitation


def _join(invitation: Invitation, user, now) -> None:
    try:
        with transaction.atomic():
            Membership.objects.create(user=user, locality=invitation.locality, role=invitation.role)
    except IntegrityError:
        pass  # already a member: the invitation is still used up
    invitation.accepted_at = now
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    record(actor=user, action="invitation.accept", obj=invitation, locality=invitation.locality)
    invitation_accepted.send(sender=Invitation, invitation=invitation, user=user)


def account_changed(*, acting_user, user, action: str = "account.update") -> None:
    """A person's account changed outside the app's own forms (their e-mail address in the account settings, or
    the operator in the admin): an event in each locality they belong to, since pages there show their name or
    address (`cohesio.core.kept` keys kept pages by the locality's events). Ids only, as always."""
    with transaction.atomic():
        for locality_id in Membership.objects.filter(user=user).values_list("locality_id", flat=True):
            record(actor=acting_user, action=action, obj=user, locality=Locality(pk=locality_id))


def locality_changed(*, acting_user, locality: Locality) -> None:
    """The operator changed a locality in the admin (its name, say): an event in its chain."""
    record(actor=acting_user, action="locality.update", obj=locality, locality=locality)
