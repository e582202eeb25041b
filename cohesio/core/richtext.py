"""The plan's long texts as safe Markdown: rendered with Python-Markdown, then cleaned with nh3 so that only a
small set of harmless tags is left (no scripts, no images, no styles, links only to http, https and mailto).

One function for every page and export, used through the `markdown` template filter (`core/templatetags`); and
beside it a row's source reference (`source_ref`), a link only when it is a web address (the `source_ref` filter).
"""

import html as htmllib
import re
import threading
from functools import lru_cache
from urllib.parse import urlsplit

import markdown as md
import nh3
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "code", "pre", "blockquote"}
URL_SCHEMES = {"http", "https", "mailto"}
# GOV.UK Frontend styles elements through classes: the app's pages get them, the exports (own style sheet) do not
GOVUK_CLASSES = {
    "p": {"class": "govuk-body"},
    "ul": {"class": "govuk-list govuk-list--bullet"},
    "ol": {"class": "govuk-list govuk-list--number"},
    "a": {"class": "govuk-link"},
}
# A heading inside a text would break the page's own heading order: it is shown as a bold paragraph instead.
_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.DOTALL)
_ONE_PARAGRAPH = re.compile(r"\A<p(?: [^>]*)?>((?:(?!</?p[ >]).)*)</p>\Z", re.DOTALL)


# Texts up to this long are remembered once rendered (the same plan's texts come back on every page view); the
# last RECENT of them, a few megabytes at most.
REMEMBER_UP_TO, RECENT = 4000, 2048
_converters = threading.local()


def markdown_html(text: str | None, *, govuk: bool = True, inline: bool = False) -> SafeString:
    """`text` as sanitised HTML. `govuk` adds GOV.UK Frontend's classes; `inline` leaves out the paragraph around
    a text of one paragraph (for table cells and summary lists); longer texts keep their paragraphs."""
    if not text:
        return mark_safe("")  # noqa: S308 - nothing to render
    text = str(text)
    if len(text) <= REMEMBER_UP_TO:
        return _remembered(text, govuk, inline)
    return _rendered(text, govuk, inline)


@lru_cache(maxsize=RECENT)
def _remembered(text: str, govuk: bool, inline: bool) -> SafeString:
    return _rendered(text, govuk, inline)


def _converter() -> md.Markdown:
    """This thread's Markdown converter: making one loads its extensions, which took longer than converting."""
    converter = getattr(_converters, "markdown", None)
    if converter is None:
        # single line breaks stay line breaks, as people type them in a text box
        converter = _converters.markdown = md.Markdown(extensions=["nl2br", "sane_lists"], output_format="html")
    return converter


def _rendered(text: str, govuk: bool, inline: bool) -> SafeString:
    html = _converter().reset().convert(text)
    html = _HEADING.sub(r"<p><strong>\1</strong></p>", html)
    cleaned = nh3.clean(
        html,
        tags=TAGS,
        clean_content_tags={"script", "style"},
        attributes={"a": {"href"}},
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        set_tag_attribute_values=GOVUK_CLASSES if govuk else None,
    ).strip()
    if inline:
        one = _ONE_PARAGRAPH.match(cleaned)
        if one:
            cleaned = one.group(1)
    return mark_safe(cleaned)  # noqa: S308 - cleaned by nh3 just above


_LINK = re.compile(r'<a href="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)
_BREAKS = re.compile(r"</p>|</li>|<br>|</blockquote>|</pre>|</ul>|</ol>")


def markdown_text(text: str | None) -> str:
    """`text` as plain text for documents that take no HTML (DOCX, ODT): the Markdown marks left out, list items
    as bullets, links as "text (address)", paragraphs and line breaks as new lines."""
    if not text:
        return ""
    html = markdown_html(text, govuk=False)
    html = _LINK.sub(lambda m: m.group(2) if m.group(2) == m.group(1) else f"{m.group(2)} ({m.group(1)})", html)
    html = html.replace("<li>", "• ")
    html = _BREAKS.sub("\n", html)
    plain = htmllib.unescape(nh3.clean(html, tags=set()))
    lines = [line.strip() for line in plain.split("\n")]
    return re.sub(r"\n{2,}", "\n", "\n".join(lines)).strip()


# What a row's source reference may link to; any other scheme (javascript:, data:, file:) is shown as text.
SOURCE_LINK_SCHEMES = {"http", "https"}


def web_address(text: str | None) -> str:
    """`text` when it is one web address (http or https, with a host, no spaces), else "": only then a link."""
    text = (text or "").strip()
    if not text or any(c.isspace() or not c.isprintable() for c in text):
        return ""
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    return text if parts.scheme.lower() in SOURCE_LINK_SCHEMES and parts.hostname else ""


def source_html(text: str | None) -> SafeString:
    """Where a row was taken from, as the element pages show it under the row: "Source: …", a link when it is a
    web address, plain text otherwise; nothing when the row has none."""
    if not (text or "").strip():
        return mark_safe("")  # noqa: S308 - nothing to render
    address = web_address(text)
    shown = (
        format_html('<a class="govuk-link" href="{}" rel="noopener noreferrer">{}</a>', address, address)
        if address
        else text.strip()
    )
    return format_html(
        '<span class="govuk-body-s govuk-hint govuk-!-display-block govuk-!-margin-bottom-0 cohesio-source">'
        "{} {}</span>",
        _("Source:"),
        shown,
    )
