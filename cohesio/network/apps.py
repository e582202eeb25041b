"""Local network: organisations, partners as named people, community groups, ties."""

from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "cohesio.network"
    label = "network"
    verbose_name = "Network"

    def ready(self):
        from . import forms  # noqa: F401 - registers the editable kinds
