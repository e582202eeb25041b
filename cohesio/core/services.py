"""Writes of tenancy: invitations and memberships."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cohesio.audit.services import record

from .models import Invitation, Locality, Membership
from .permissions import require
from .signals import invitation_accepted


class InvitationClosed(Exception):
    """The invitation was used, revoked or has expired."""


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


def invitation_accept(*, invitation: Invitation, user=None, name: str = "", password: str = "", now=None):
    """Use an invitation: create the account if needed, then the membership. Single use."""
    now = now or timezone.now()
    User = get_user_model()
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not invitation.is_open(now):
            raise InvitationClosed
        if user is None:
            user = User.objects.filter(email__iexact=invitation.email).first()
        if user is None:
            user = User.objects.create_user(
                username=invitation.email, email=invitation.email, password=password, first_name=name
            )
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
    return user
