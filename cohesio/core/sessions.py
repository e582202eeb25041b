"""Django's database sessions, with the one read every signed-in request makes written out in SQL.

Everything else is Django's own (`django.contrib.sessions.backends.db`): the same table, saving, expiry and
clearing. Only finding the session by its key (among those not expired) is a statement of ours, for the reason
in `cohesio.core.sql`; the key is a parameter, as in Django's query.
"""

from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.db import connection
from django.utils import timezone

from .sql import column, columns, statement, table


@statement
def _session_sql(vendor: str) -> str:
    key, expires = column(Session, "session_key", "s"), column(Session, "expire_date", "s")
    return f"SELECT {columns(Session, 's')} FROM {table(Session)} s WHERE {key} = %s AND {expires} > %s"  # noqa: S608 - names from the models, values as parameters


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        found = next(iter(Session.objects.raw(_session_sql(), [self.session_key, now])), None)
        if found is None:
            self._session_key = None
        return found
