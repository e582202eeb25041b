"""Writes of tenancy: invitations and memberships."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cohesio.audit.services import record

from .accounts import account_with_verified_email, create_account, has_verified_email, normalise_email
from .models import Invitation, Locality, Membership
from .permissions import require
from .signals import invitation_accepted


class InvitationClosed(Exception):
    """The invitation was used, revoked or has expired."""


class InvitationNotYours(Exception):
    """The signed-in account has not verified the address the invitation was sent to."""


class InvitationNeedsSignIn(Exception):
    """An account already uses the invited address: its owner signs in, then accepts."""


def invitation_create(*, locality: Locality, acting_user, email: str, role: str, accept_url_for) -> Invitation:
    """Invite one person into the locality in a role and e-mail them the link (after commit)."""
    require(acting_user, "membership.invite", locality)
    with transaction.atomic():
        invitation = Invitation.objects.create(locality=locality, email=email, role=role, invited_by=acting_user)
        record(actor=acting_user, action="invitation.create", obj=invitation, locality=locality)
        url = accept_url_for(invitation)
        transaction.on_commit(
            lambda: send_mail(
                _("You are invited to work on the local action plan of %(locality)s") % {"locality": locality.name},
                _("Open this link to join: %(url)s\nThe link works once and expires on %(date)s.")
                % {"url": url, "date": f"{invitation.expires_at:%Y-%m-%d}"},
                None,
                [email],
            )
        )
    return invitation


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
