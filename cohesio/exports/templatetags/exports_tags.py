"""Template filters of the versions pages: the words for a part or a field of the plan document."""

from django import template

from cohesio.exports.labels import field_label, part_label

register = template.Library()

register.filter("part_label", part_label)
register.filter("field_label", field_label)


@register.filter
def shown(value) -> str:
    """A field value as text: lists joined, nothing as a dash."""
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, list):
        return ", ".join(str(v) if not isinstance(v, dict) else "…" for v in value)
    if isinstance(value, dict):
        return "…"
    return str(value)
