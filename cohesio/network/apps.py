"""Local network: organisations, partners as named people, community groups, ties."""

from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "cohesio.network"
    label = "network"
    verbose_name = "Network"

    def ready(self):
        from cohesio.core.signals import invitation_accepted

        from . import forms  # noqa: F401 - registers the editable kinds

        invitation_accepted.connect(_on_invitation_accepted, dispatch_uid="network.link_invited_partner")


def _on_invitation_accepted(sender, invitation, user, **kwargs):
    from .services import link_invited_partner

    link_invited_partner(invitation=invitation, user=user)
