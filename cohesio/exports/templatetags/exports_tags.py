"""Template filters of the versions pages: the words for a part or a field of the plan document."""

from django import template

from cohesio.exports.labels import field_label, part_label

register = template.Library()

register.filter("part_label", part_label)
register.filter("field_label", field_label)

