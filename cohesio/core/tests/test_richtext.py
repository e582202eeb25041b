"""The plan's long texts as safe Markdown: bold and lists render, scripts and `javascript:` links never do, on the
element pages, the public page and the exports; documents without HTML get the text without its marks."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from cohesio.core.richtext import markdown_html, markdown_text
from cohesio.document.services import import_plan
from cohesio.exports.services import publication_switch, version_publish
from cohesio.network.models import Partner
from cohesio.plans.tests.documents import small_document

HOSTILE = (
    "We start **together** with *everyone*.\n\n"
    "- schools\n- youth work\n\n"
    '<script>alert("vision")</script>'
    "[click me](javascript:alert('link')) and "
    '<a href="javascript:alert(\'raw\')" onclick="alert(\'click\')">raw link</a> '
    '<img src="https://tracker.example/x.png" onerror="alert(\'img\')">'
    "[our site](https://riverside.example/plan)"
)


def _safe(html: str, *, figures: bool = False) -> None:
    """Rendered, and nothing hostile left (`figures`: the page has pictures of its own)."""
    assert "<strong>together</strong>" in html
    assert "<em>everyone</em>" in html
    assert "**together**" not in html
    for bad in ("alert(", "javascript:", "<script", "onclick", "onerror", "tracker.example", *(() if figures else ("<img",))):
        assert bad not in html, bad


def test_bold_renders_and_scripts_and_javascript_links_are_stripped():
    html = markdown_html(HOSTILE)

    _safe(html)
    assert '<ul class="govuk-list govuk-list--bullet">' in html and "<li>schools</li>" in html
    assert '<a href="https://riverside.example/plan" class="govuk-link" rel="noopener noreferrer nofollow">' in html


def test_the_filter_is_the_same_function_and_escapes_what_is_not_markdown():
    template = Template('{% load richtext %}{{ text|markdown }}|{{ text|markdown:"plain inline" }}')
    shown, plain = template.render(Context({"text": "**A** & B < C"})).split("|")

    assert shown == '<p class="govuk-body"><strong>A</strong> &amp; B &lt; C</p>'
    assert plain == "<strong>A</strong> &amp; B &lt; C"
    assert Template("{% load richtext %}{{ text|markdown }}").render(Context({"text": None})) == ""


def test_a_heading_in_a_text_does_not_break_the_pages_headings():
    html = markdown_html("# Big\n\ntext")
    assert "<h1" not in html
    assert "<strong>Big</strong>" in html


def test_documents_without_html_get_the_text_without_its_marks():
    text = markdown_text(HOSTILE)

    assert text.startswith("We start together with everyone.\n• schools\n• youth work")
    assert "our site (https://riverside.example/plan)" in text
    assert "**" not in text and "alert(" not in text and "<" not in text


@pytest.fixture
def plan(riverside):
    doc = small_document()
    doc.plan.vision = HOSTILE
    doc.plan.cooperation_process = "We meet **every month**. <script>alert('process')</script>"
    doc.network.partners[0].doubts = "Whether **the police** take part [x](javascript:alert('doubt'))"
    return import_plan(doc, riverside)


def test_the_strategy_page_renders_the_vision_as_safe_markdown(client, alice, plan):
    client.force_login(alice)
    body = client.get(reverse("plans:strategy", kwargs={"locality": "riverside"})).content.decode()

    vision = body[body.index('<div id="vision">') :]
    vision = vision[: vision.index("</div>")]
    _safe(vision)
    assert "alert(" not in body


def test_the_cooperation_and_partner_pages_render_markdown(client, alice, plan):
    client.force_login(alice)
    cooperation = client.get(reverse("sharing:cooperation", kwargs={"locality": "riverside"})).content.decode()
    partner = Partner.objects.filter(plan=plan).order_by("position").first()
    profile = client.get(reverse("network:partner", kwargs={"locality": "riverside", "pk": partner.pk})).content.decode()

    assert "We meet <strong>every month</strong>." in cooperation
    assert "Whether <strong>the police</strong> take part" in profile
    for body in (cooperation, profile):
        assert "alert(" not in body and "javascript:" not in body and "**" not in body


def test_the_public_page_renders_markdown_and_strips_scripts(client, alice, plan):
    version_publish(acting_user=alice, plan=plan)
    publication = publication_switch(acting_user=alice, plan=plan, enabled=True)

    body = client.get(reverse("public:page", kwargs={"token": publication.token})).content.decode()

    _safe(body, figures=True)
    assert "We meet <strong>every month</strong>." in body
    assert "**" not in body


def test_the_editor_says_markdown_may_be_used(client, alice, plan):
    client.force_login(alice)
    form = client.get(reverse("plans:edit_section", kwargs={"locality": "riverside", "kind": "vision"})).content.decode()
    assert "You can format the text: **bold**, *italic*" in form


def test_one_converter_per_thread_gives_each_text_its_own_html():
    """The converter is reused: nothing of one text (its lists, its links) carries over into the next."""
    from cohesio.core.richtext import REMEMBER_UP_TO, _rendered

    first = markdown_html("- one\n- two\n\n[a link](https://example.org)")
    second = markdown_html("Just a sentence.")
    long_text = "A sentence that is long enough. " * (REMEMBER_UP_TO // 30)

    assert "<li" in first and "href" in first
    assert second == '<p class="govuk-body">Just a sentence.</p>'
    assert markdown_html(long_text) == _rendered(long_text, True, False)  # long texts are not kept, same result
    assert markdown_html("Just a sentence.", inline=True) == "Just a sentence."
