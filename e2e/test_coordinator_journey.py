"""A new coordinator builds a whole plan with a partner, as the issue's acceptance test describes.

From an empty locality, through the browser only: start the plan, fill all seven elements until the overview
says "7 of 7 elements complete", invite a partner who (in a second browser) joins, completes their profile and
comments; the coordinator resolves the comment and puts the plan to consultation; the partner and the political
owner (a third browser) endorse; the coordinator adopts the plan.

Only the setup is made in Python: the locality, the coordinator's account and the political owner's account.
Locators are by role and label, so the journey also checks that every step has labelled, reachable controls.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import Locator, Page, expect

from conftest import PASSWORD, make_member

pytestmark = pytest.mark.browser

PARTNER_EMAIL = "dana@riverside.example"
OWNER_EMAIL = "pat@riverside.example"
PARTNER_PASSWORD = "a-long-partner-passphrase-7"


class pick(str):
    """A value to choose from a <select> by its visible text (a plain str is typed, True ticks a checkbox)."""


# --- helpers ---------------------------------------------------------------------------------------------------


def fill_form(scope: Locator | Page, fields: dict) -> None:
    """Fill GOV.UK form fields found by their label."""
    for label, value in fields.items():
        field = scope.get_by_label(label, exact=True)
        if value is True:
            field.check()
        elif isinstance(value, pick):
            field.select_option(label=str(value))
        else:
            field.fill(value)


def expect_banner(page: Page, text: str) -> None:
    """The success banner (role=alert) after a save."""
    expect(page.get_by_role("alert")).to_contain_text(text)


def sign_in(page: Page, base_url: str, email: str, password: str = PASSWORD) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def open_element(page: Page, name: str) -> None:
    """Go to one of the seven elements through the side navigation."""
    page.get_by_role("navigation", name="Plan elements").get_by_role("link", name=name, exact=True).click()
    expect(page.get_by_role("heading", level=1, name=name, exact=True)).to_be_visible()


def open_overview(page: Page) -> None:
    page.get_by_role("link", name="Plan overview").click()


def add(page: Page, button: str, fields: dict, *, saved: str) -> None:
    """Click an "Add …" button on an element page, fill the form it opens (inline, with htmx) and save it."""
    _open_and_save(page, button, "Add ", fields, saved=saved)


def edit(page: Page, link: str, fields: dict, *, saved: str) -> None:
    """Follow an "Edit …" link on an element page, change some fields and save."""
    _open_and_save(page, link, "Edit ", fields, saved=saved)


def _open_and_save(page: Page, link: str, heading: str, fields: dict, *, saved: str) -> None:
    # the previous save reloaded the page: wait until htmx has processed this very link, so that it opens the
    # form inline, and until no htmx request is in flight; never a fixed time
    target = page.get_by_role("link", name=link, exact=True)
    wait_for_htmx(page, target)
    target.click()
    form = page.locator("#edit-form")
    expect(form.get_by_role("heading", level=1)).to_have_text(re.compile(f"^{heading}"))
    fill_form(form, fields)
    # a save answers with HX-Redirect and the page reloads: the banner of the previous save (it can read the
    # same) is still on screen until then, so wait for the new document before looking at the banner
    page.evaluate("document.documentElement.dataset.beforeSave = 'yes'")
    form.get_by_role("button", name="Save").click()
    page.wait_for_function("() => document.documentElement.dataset.beforeSave === undefined")
    expect_banner(page, f"Saved: {saved}")


def wait_for_htmx(page: Page, element=None) -> None:
    """htmx has started, has processed `element` (when it is an htmx link) and has no request or swap in progress."""
    page.wait_for_function("() => window.htmx !== undefined && document.readyState === 'complete'")
    if element is not None:
        page.wait_for_function(
            "el => !el.matches('[hx-get], [hx-post]') || el['htmx-internal-data'] !== undefined",
            arg=element.element_handle(),
        )
    page.wait_for_function(
        "() => !document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping, .htmx-added')"
    )


def step_heading(page: Page, number: int, title: str) -> None:
    expect(page.get_by_text(f"Step {number} of 4")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


def endorse(page: Page) -> None:
    """Open the endorsement form from the overview and endorse the plan."""
    page.get_by_role("link", name="Endorse the plan or record objections").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Endorse the plan")
    page.get_by_label("I endorse the plan", exact=True).check()
    page.get_by_role("button", name="Send").click()
    expect_banner(page, "Thank you. Your answer is recorded.")


# --- the journey -----------------------------------------------------------------------------------------------


def test_new_coordinator_builds_and_adopts_a_plan_with_a_partner(browser, page, live_server, riverside, alice):
    base = live_server.url
    owner = make_member(riverside, "political_owner", OWNER_EMAIL)
    owner.first_name, owner.last_name = "Pat", "de Vries"
    owner.save()
    mail.outbox.clear()

    # 1. The coordinator signs in and finds an empty locality with a way to start.
    sign_in(page, base, "alice@riverside.example")
    expect(page.get_by_role("heading", level=1)).to_have_text("Riverside has no local action plan yet")
    page.get_by_role("button", name="Start the plan").click()

    # 2. The start path: plan and period, political owner, first partners (an invitation), vision.
    step_heading(page, 1, "The plan and its period")
    fill_form(
        page,
        {"Title": "Together in Riverside 2026–2029", "Period starts": "2026-01-01", "Period ends": "2029-12-31"},
    )
    page.get_by_role("button", name="Save").click()

    step_heading(page, 2, "Political owner")
    fill_form(page, {"Political owner": "Pat de Vries", "Office": "Mayor of Riverside"})
    page.get_by_role("button", name="Save").click()

    step_heading(page, 3, "First partners")
    fill_form(
        page,
        {
            "Full name": "Dana Okafor",
            "E-mail address": PARTNER_EMAIL,
            "Function": "Head teacher",
            "New organisation": "Riverside College",
            "Sector": pick("Education"),
        },
    )
    page.get_by_role("button", name="Send invitation").click()
    expect_banner(page, "Invitation sent.")
    expect(page.get_by_role("listitem").filter(has_text="Dana Okafor")).to_contain_text("Invited")
    page.get_by_role("link", name="Next step").click()

    step_heading(page, 4, "Vision")
    fill_form(
        page,
        {
            "Vision": "Everyone in Riverside can live, learn and disagree safely, and nobody is left to drift.",
            "Who is protected against what": "Young people against online recruitment; neighbourhoods against "
            "polarisation.",
        },
    )
    page.get_by_role("button", name="Save").click()
    expect_banner(page, "Your plan is started.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Together in Riverside 2026–2029")
    expect(page.locator("#progress")).to_contain_text("of 7 elements complete")

    # 3. Regional analysis: a source, and a risk and a protective factor drawn from it.
    open_element(page, "Regional analysis")
    add(
        page,
        "Add a source",
        {"Name": "Round table with youth workers", "Kind of source": pick("Frontline staff")},
        saved="Round table with youth workers",
    )
    add(
        page,
        "Add a factor",
        {
            "Risk or protective": pick("Risk factor"),
            "Title": "Online recruitment aimed at teenagers",
            "Description": "Youth workers see more teenagers sharing extremist memes in group chats.",
            "Round table with youth workers": True,
        },
        saved="Online recruitment aimed at teenagers",
    )
    add(
        page,
        "Add a factor",
        {
            "Risk or protective": pick("Protective factor"),
            "Title": "Strong sports clubs",
            "Round table with youth workers": True,
        },
        saved="Strong sports clubs",
    )

    # 4. Strategy and goals: the vision came from the start path; add a shared goal.
    open_element(page, "Strategy and goals")
    add(
        page,
        "Add a goal",
        {
            "Title": "Young people in Riverside can recognise and resist online recruitment",
            "Prevention level": pick("General prevention"),
            "Shared by all partners": True,
        },
        saved="Young people in Riverside can recognise and resist online recruitment",
    )
    edit(
        page,
        "Edit Young people in Riverside can recognise and resist online recruitment",
        {"Description": "Lessons at school, and youth workers who know the platforms."},
        saved="Young people in Riverside can recognise and resist online recruitment",
    )
    edit(
        page,
        "Edit the vision, who is protected and the fit with the wider setting",
        {"Fit with the regional and national setting": "Builds on the regional safety strategy."},
        saved="Together in Riverside 2026–2029",
    )
    expect(page.get_by_text("Builds on the regional safety strategy.")).to_be_visible()

    # 5. Political support: the owner came from the start path; a decision and a budget line.
    open_element(page, "Political support")
    expect(page.get_by_text("Pat de Vries, Mayor of Riverside")).to_be_visible()
    add(
        page,
        "Add a decision",
        {
            "Title": "Council resolution on prevention",
            "Who decided": pick("Council decision"),
            "Outcome": pick("Approved"),
            "Date of the decision": "2026-02-12",
            "Reference": "CR-2026-7",
        },
        saved="Council resolution on prevention",
    )
    add(
        page,
        "Add a budget line",
        {"Name": "Prevention fund", "Amount": "25000", "First year": "2026", "Last year": "2027", "Youth": True},
        saved="Prevention fund",
    )
    expect(page.locator("#budget-totals")).to_contain_text("Total in EUR")
    expect(page.locator("#budget-lines")).to_contain_text("2026–2027")

    # 6. Definitions.
    open_element(page, "Definitions")
    add(
        page,
        "Add a definition",
        {
            "Term": "Radicalisation",
            "Definition": "A process in which someone comes to accept violence to change society.",
            "Local wording": "Safeguarding",
        },
        saved="Radicalisation",
    )

    # 7. Local network: the invited partner is there; add the municipality, the coordinator herself and an
    #    inhabitant in the informal network, then make the coordinator the plan coordinator.
    open_element(page, "Local network")
    expect(page.get_by_role("link", name="Dana Okafor", exact=True)).to_be_visible()
    add(
        page,
        "Add an organisation",
        {"Name": "Municipality of Riverside", "Sector": pick("Local government")},
        saved="Municipality of Riverside",
    )
    add(
        page,
        "Add a partner",
        {"Name": "Alice Jansen", "Organisation": pick("Municipality of Riverside"), "Function": "Prevention officer"},
        saved="Alice Jansen",
    )
    add(
        page,
        "Add a partner",
        {
            "Name": "Samir Haddad",
            "Sector": pick("Community"),
            "Network": pick("Informal network"),
            "Function": "Chair of the Eastside residents' association",
        },
        saved="Samir Haddad",
    )
    page.get_by_role("link", name="Alice Jansen", exact=True).click()
    page.get_by_role("button", name="Make this person the plan coordinator").click()
    expect_banner(page, "Alice Jansen is now the plan coordinator.")

    # 8. Cooperation and information sharing: what the college holds, a rule for sharing it, the agreement.
    open_element(page, "Cooperation and information sharing")
    expect(page.get_by_role("link", name="Alice Jansen", exact=True).first).to_be_visible()
    add(
        page,
        "Add an information type",
        {
            "Organisation": pick("Riverside College"),
            "Name": "Worries about a pupil",
            "Sensitivity": pick("Sensitive personal data"),
        },
        saved="Worries about a pupil",
    )
    add(
        page,
        "Add a sharing rule",
        {
            "Information type": pick("Worries about a pupil (Riverside College)"),
            "Municipality of Riverside": True,
            "Prevention and safeguarding": True,
            "Purpose, in words": "Offer support early, before a worry grows.",
            "A task in the public interest (GDPR article 6(1)(e))": True,
            "A national law (name it in the reference)": True,
            "Law or article relied on": "Youth Act, article 7.1",
            "Kept for": "2",
            "Why it is shared": "The prevention officer needs it to arrange support.",
            "When it is shared": "When the school's own care team cannot help further.",
            "How it is shared": "In the monthly case meeting, never by e-mail.",
            "How long it is kept, in words": "Two years, then deleted.",
        },
        saved="sharing rule for Worries about a pupil",
    )
    add(
        page,
        "Write the agreement",
        {"Title": "Riverside information-sharing protocol", "Based on an existing agreement": "School absence"},
        saved="Riverside information-sharing protocol",
    )

    # 9. Interventions on all three levels of the prevention triangle.
    open_element(page, "Interventions")
    for name, level in [
        ("Digital resilience lessons", "General prevention"),
        ("Mentoring for teenagers at risk", "Specific prevention"),
        ("Case meeting for individual support", "Individual prevention"),
    ]:
        add(
            page,
            "Add an intervention",
            {
                "Name": name,
                "Prevention level": pick(level),
                "Young people in Riverside can recognise and resist online recruitment": True,
            },
            saved=name,
        )

    # 10. The overview counts every element as complete.
    open_overview(page)
    expect(page.locator("#progress")).to_have_text("7 of 7 elements complete")

    # 11. The partner opens the invitation from their e-mail in their own browser, joins and fills their profile.
    invitation = next(m for m in mail.outbox if m.to == [PARTNER_EMAIL])
    link = re.search(r"https?://\S+/invitations/\S+/", invitation.body).group(0)
    partner_context = browser.new_context()
    partner = partner_context.new_page()
    partner.goto(link)
    expect(partner.get_by_role("heading", level=1)).to_have_text("Join the local action plan of Riverside")
    fill_form(
        partner,
        {
            "Your name": "Dana Okafor",
            "Choose a password": PARTNER_PASSWORD,
            "Type the password again": PARTNER_PASSWORD,
        },
    )
    partner.get_by_role("button", name="Join").click()
    # the link signs nobody in: the new partner signs in with the password just chosen
    expect_banner(partner, "Your account is ready and you have joined Riverside.")
    partner.get_by_label("Email").fill(PARTNER_EMAIL)
    partner.get_by_label("Password").fill(PARTNER_PASSWORD)
    partner.get_by_role("button", name="Sign in").click()
    expect(partner.get_by_role("heading", level=1)).to_have_text("Together in Riverside 2026–2029")

    partner.get_by_role("link", name="Your profile").click()
    expect(partner.get_by_role("heading", level=1)).to_have_text("Your profile, Dana Okafor")
    fill_form(
        partner,
        {
            "Role": "Speaks for the schools in the network.",
            "Mandate": "May commit the college's care team to case meetings.",
            "Tasks": "Lead the digital resilience lessons.",
            "Interests": "Pupils who feel they belong.",
            "Doubts": "Whether sharing worries about pupils damages their trust in us.",
            "Conditions for taking part": "Clear rules on what is shared about pupils.",
            "Accepts the coordinator": True,
        },
    )
    partner.get_by_role("button", name="Save").click()
    expect_banner(partner, "Your profile is saved.")
    partner.get_by_role("link", name=re.compile("See and add the types of information")).click()
    fill_form(partner, {"Name": "Absence records", "Sensitivity": pick("Personal data")})
    partner.get_by_role("button", name="Save").click()
    expect_banner(partner, "Saved.")
    expect(partner.get_by_role("listitem").filter(has_text="Absence records")).to_be_visible()

    # 12. The partner comments on the goals.
    open_element(partner, "Strategy and goals")
    comments = partner.get_by_role("region", name="Comments")
    comments.get_by_label("Your comment", exact=True).fill("Can we add a goal for parents as well?")
    comments.get_by_role("button", name="Add comment").click()
    expect_banner(partner, "Your comment is added.")
    expect(comments.get_by_role("article")).to_contain_text("Can we add a goal for parents as well?")

    # 13. The coordinator resolves the comment and puts the plan to consultation.
    open_element(page, "Strategy and goals")
    thread = page.get_by_role("region", name="Comments").get_by_role("article")
    expect(thread).to_contain_text("Dana Okafor")
    thread.get_by_role("button", name="Resolve the comment by Dana Okafor").click()
    expect_banner(page, "The comment is resolved.")
    expect(page.get_by_text("1 resolved comment")).to_be_visible()

    open_overview(page)
    page.get_by_role("button", name="Put the plan to consultation").click()
    expect_banner(page, "The plan is now: In consultation.")
    expect(page.locator("#endorsement-counts")).to_contain_text("0 of 2 endorsed")

    # 14. The partner and the political owner (a third browser) endorse.
    open_overview(partner)
    endorse(partner)

    owner_context = browser.new_context()
    owner_page = owner_context.new_page()
    sign_in(owner_page, base, OWNER_EMAIL)
    expect(owner_page.get_by_role("heading", level=1)).to_have_text("Together in Riverside 2026–2029")
    endorse(owner_page)

    # 15. The coordinator adopts the plan after confirming, and the overview shows it adopted and locked.
    page.reload()
    expect(page.locator("#endorsement-counts")).to_contain_text("2 of 2 endorsed")
    page.get_by_role("link", name="Adopt the plan").click()
    expect(page.get_by_role("heading", name="Are you sure you want to adopt the plan?")).to_be_visible()
    page.get_by_label("I confirm the plan is adopted as it is now").check()
    page.get_by_role("button", name="Adopt the plan").click()
    expect_banner(page, "The plan is now: Adopted.")
    expect(page.get_by_text("Riverside · Adopted")).to_be_visible()
    open_element(page, "Strategy and goals")
    expect(page.get_by_role("link", name="Add a goal")).to_have_count(0)

    partner_context.close()
    owner_context.close()
