"""Django choices built from the pure vocabularies in cohesio.format.vocabulary (defined once there)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy

from cohesio.format.vocabulary import Choice


def choices(enum: type[Choice]) -> list[tuple[str, str]]:
    """(value, translated label) pairs for a model field or form."""
    return [(m.value, gettext_lazy(m.label)) for m in enum]


def in_choices(field: str, enum: type[Choice]) -> Q:
    """A check-constraint condition that keeps `field` inside the fixed set."""
    return Q(**{f"{field}__in": [m.value for m in enum]})


def label(enum: type[Choice], value: str | None) -> str:
    """The translated label of a stored value ('' for none)."""
    if not value:
        return ""
    try:
        return str(gettext_lazy(enum(value).label))
    except ValueError:
        return value
