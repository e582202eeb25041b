"""SQL written out for the few reads every page makes before anything else.

A page kept for its reader (`cohesio.core.kept`) still reads who the person is in which locality, the plan with
its locality's state and the count of unread notifications. Put together by the ORM, each of those costs about
ten times what the database takes to answer it (measured in bench/pages.py's kept column); written out once they
cost what the database does. The statements are built from the models' own tables and columns, quoted for the
database in use, so a renamed field or table is followed; results come back as model instances through
`Model.objects.raw`, which applies each field's conversion from the database, as the ORM does.
"""

from functools import cache

from django.db import connection


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


def table(model) -> str:
    """The model's table, quoted."""
    return quote(model._meta.db_table)


def column(model, field: str, alias: str) -> str:
    """A field's column, quoted, after the table's alias in the statement."""
    return f"{alias}.{quote(model._meta.get_field(field).column)}"


def columns(model, alias: str) -> str:
    """Every stored column of the model, as `Model.objects.raw` needs them to make instances."""
    return ", ".join(f"{alias}.{quote(f.column)}" for f in model._meta.concrete_fields)


def statement(build):
    """Remember a statement per kind of database (`build(vendor)` is called once for each)."""
    remembered = cache(build)

    def current() -> str:
        return remembered(connection.vendor)

    current.cache_clear = remembered.cache_clear
    return current
