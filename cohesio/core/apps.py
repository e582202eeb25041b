"""Tenancy, roles and the one permission function."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def create_cache_table(sender, using="default", **kwargs):
    """The shared cache lives in the database (settings.CACHES): make its table whenever migrations run,
    so a fresh installation, a test database and `make migrate` all have it (a no-op for other caches)."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class CoreConfig(AppConfig):
    name = "cohesio.core"
    label = "core"
    verbose_name = "Cohesio core"

    def ready(self):
        from . import account_signals, login_protection, session_limits  # noqa: F401 - their signal receivers

        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="cohesio-create-cache-table")
