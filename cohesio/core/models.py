"""Tenancy: localities (municipalities and regions), memberships with roles, and invitations."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesio.format.vocabulary import LocalityKind

from .choices import choices, in_choices


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    PARTNER = "partner", _("Partner")
    POLITICAL_OWNER = "political_owner", _("Political owner")
    DPO = "dpo", _("Data-protection officer")
    VIEWER = "viewer", _("Viewer")


class Locality(models.Model):
    """A municipality or a region; a region groups municipalities."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=choices(LocalityKind), default=LocalityKind.MUNICIPALITY)
    region = models.ForeignKey(
        "self",
        verbose_name=_("region"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="localities",
        limit_choices_to={"kind": LocalityKind.REGION},
    )
    fictional = models.BooleanField(_("fictional (demo data)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("locality")
        verbose_name_plural = _("localities")
        constraints = [
            models.CheckConstraint(condition=in_choices("kind", LocalityKind), name="locality_kind_valid"),
            models.CheckConstraint(condition=~Q(region=models.F("id")), name="locality_not_own_region"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("plans:overview", kwargs={"locality": self.slug})


class Membership(models.Model):
    """A person's role in one locality; a person may belong to several localities."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    locality = models.ForeignKey(Locality, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["locality__name"]
        verbose_name = _("membership")
        constraints = [
            models.UniqueConstraint(fields=["user", "locality"], name="membership_one_role_per_locality"),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="membership_role_valid"),
        ]

    def __str__(self) -> str:
        return f"user {self.user_id} · locality {self.locality_id} · {self.role}"  # reads no related rows


def _new_token() -> str:
    return secrets.token_urlsafe(32)


new_invitation_token = _new_token  # (the migrations name the default by its first name)


def _default_expiry():
    return timezone.now() + timedelta(days=settings.INVITATION_DAYS)


class InvitationQuerySet(models.QuerySet):
    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now)


class Invitation(models.Model):
    """An invitation link for one person to join a locality in a role; single use, with an expiry."""

    locality = models.ForeignKey(Locality, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    name = models.CharField(
        _("name"), max_length=150, blank=True, help_text=_("Offered as the name of the new account; coordinators read it.")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTNER)
    token = models.CharField(max_length=64, unique=True, default=_new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_default_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        constraints = [models.CheckConstraint(condition=Q(role__in=Role.values), name="invitation_role_valid")]

    def __str__(self) -> str:
        return f"invitation {self.pk} to locality {self.locality_id}"

    def get_absolute_url(self) -> str:
        return reverse("core:invitation_accept", kwargs={"token": self.token})

    def is_open(self, now=None) -> bool:
        return self.closed_reason(now) is None

    def closed_reason(self, now=None) -> str | None:
        """Why the link no longer works ("used", "revoked", "expired"), or None while it is open."""
        now = now or timezone.now()
        if self.accepted_at is not None:
            return "used"
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at <= now:
            return "expired"
        return None
