"""`{{ text|markdown }}`: a long text of the plan as safe Markdown (see cohesio/core/richtext.py).

The argument says where it stands: `"inline"` in a table cell or summary list (one paragraph without its `<p>`),
`"plain"` in an export (no GOV.UK classes), `"plain inline"` both.

`{{ row.source_ref|source_ref }}`: where a row was taken from, "Source: …" (a link only to a web address).
"""

from django import template

from cohesio.core.richtext import markdown_html, source_html

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text, where: str = ""):
    words = set(where.split())
    return markdown_html(text, govuk="plain" not in words, inline="inline" in words)


@register.filter(name="source_ref")
def source_ref_filter(text):
    return source_html(text)
