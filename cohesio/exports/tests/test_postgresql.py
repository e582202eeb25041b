"""On PostgreSQL the database itself keeps published versions as they were (skipped on SQLite)."""

import pytest
from django.db import DatabaseError, connection, transaction

from cohesio.exports.models import PlanVersion
from cohesio.exports.services import version_publish

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger is PostgreSQL's; set DATABASE_URL to a PostgreSQL database"
)


@postgresql_only
def test_the_database_refuses_to_change_a_published_version(alice, plan):
    version = version_publish(acting_user=alice, plan=plan)

    with pytest.raises(DatabaseError), transaction.atomic():
        PlanVersion.objects.filter(pk=version.pk).update(note="rewritten")
    with pytest.raises(DatabaseError), transaction.atomic():
        PlanVersion.objects.filter(pk=version.pk).update(document={})

    assert PlanVersion.objects.get(pk=version.pk).note == ""


@postgresql_only
def test_only_the_publisher_can_be_cleared_when_their_account_goes(alice, plan):
    version = version_publish(acting_user=alice, plan=plan)

    PlanVersion.objects.filter(pk=version.pk).update(published_by=None)  # what on_delete=SET_NULL does

    assert PlanVersion.objects.get(pk=version.pk).published_by is None
