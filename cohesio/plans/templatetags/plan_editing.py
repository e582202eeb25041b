"""Template helpers for the edit controls on element pages."""

from django import template

from cohesio.plans.editing import REGISTRY

register = template.Library()


@register.filter
def has_history(kind: str) -> bool:
    """Whether edits of this kind of row are kept in the edit history."""
    editable = REGISTRY.get(kind)
    return editable is not None and hasattr(editable.model, "history")
