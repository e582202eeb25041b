"""Edit forms of the local network."""

from django import forms
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cohesio.core.choices import choices
from cohesio.core.forms import EmailInput, gds_helper
from cohesio.core.models import Role
from cohesio.format.vocabulary import Sector
from cohesio.plans.editing import Editable, PlanObjectForm, register

from .models import CommunityGroup, Organisation, Partner, Tie, person_sectors

PROFILE_FIELDS = ["function", "role", "mandate", "tasks", "interests", "doubts", "conditions", "accepts_coordinator"]

# Who reads each field, said under it: what a partner writes about themselves is for them, the coordinator and the
# data-protection officer only (core.permissions, "partner.read_private"); the public page shows function, role,
# mandate and tasks of partners who take part for an organisation, never their name (exports/public.py).
YOU_READ = _("Only you, the coordinator and the data-protection officer read this.")
THEY_READ = _("Only this partner, the coordinator and the data-protection officer read this.")
YOU_PUBLIC = _(
    "Everyone in the plan reads this. If you take part for an organisation, the plan's public page shows it too, "
    "with your organisation but never your name."
)
THEY_PUBLIC = _(
    "Everyone in the plan reads this. For a partner who takes part for an organisation, the plan's public page "
    "shows it too, with the organisation but never the name."
)
PLAN_ONLY = _("Everyone in the plan reads this; the public page does not show it.")


def _both(question, readers):
    return format_lazy("{} {}", question, readers)


class OrganisationForm(PlanObjectForm):
    unique_field = "name"
    member_sectors = forms.MultipleChoiceField(
        label=_("Sectors it brings together"),
        choices=person_sectors(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Only for a partnership of several sectors, such as a school, social services and police partnership."
        ),
    )

    class Meta:
        model = Organisation
        fields = ["name", "sector", "member_sectors", "source_ref"]


class PartnerForm(PlanObjectForm):
    class Meta:
        model = Partner
        fields = ["name", "organisation", "sector", "network", "status", *PROFILE_FIELDS, "source_ref"]
        help_texts = {
            "name": _both(_("A named person: ownership comes from people, not organisations."), PLAN_ONLY),
            "sector": _("For people without an organisation, such as inhabitants in the informal network."),
            **dict.fromkeys(("function", "role", "mandate", "tasks"), THEY_PUBLIC),
            "interests": _both(_("What do they hope the plan brings?"), THEY_READ),
            "doubts": _both(_("What makes them hesitate? Listening to doubts early builds trust."), THEY_READ),
            "conditions": _both(_("Under what conditions do they want to take part?"), THEY_READ),
            "accepts_coordinator": PLAN_ONLY,
            "source_ref": _both(Partner._meta.get_field("source_ref").help_text, PLAN_ONLY),
        }


class PartnerProfileForm(PlanObjectForm):
    """What a partner fills in about themselves; under each field it says who reads it."""

    class Meta:
        model = Partner
        fields = PROFILE_FIELDS
        help_texts = {
            **dict.fromkeys(("function", "role", "mandate", "tasks"), YOU_PUBLIC),
            "interests": _both(_("What do you hope the plan brings you?"), YOU_READ),
            "doubts": _both(_("What makes you hesitate?"), YOU_READ),
            "conditions": _both(_("Under what conditions do you take part?"), YOU_READ),
            "accepts_coordinator": PLAN_ONLY,
        }


class CommunityGroupForm(PlanObjectForm):
    unique_field = "name"

    class Meta:
        model = CommunityGroup
        fields = ["name", "description", "area", "contact", "source_ref"]


class TieForm(PlanObjectForm):
    class Meta:
        model = Tie
        fields = ["source", "kind", "target", "source_ref"]


for editable in [
    Editable("organisation", Organisation, OrganisationForm, "network:network", _("organisation")),
    Editable("partner", Partner, PartnerForm, "network:network", _("partner")),
    Editable("community-group", CommunityGroup, CommunityGroupForm, "network:network", _("community group")),
    Editable("tie", Tie, TieForm, "network:network", _("tie"), related=("source", "target")),
]:
    register(editable)


class InviteForm(forms.Form):
    """Invite a named person in a role; a partner also gets their place in the network (organisation, sector)."""

    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        initial=Role.PARTNER,
        help_text=_(
            "Partners fill in their own profile, comment and endorse. The political owner endorses and records "
            "decisions. The data-protection officer reads the audit trail and comments on and proposes changes to the "
            "information sharing. Viewers only read."
        ),
    )
    name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail address"),
        widget=EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        help_text=_("We send the invitation link to this address. It works once and for a limited time."),
    )
    function = forms.CharField(
        label=_("Function"),
        max_length=200,
        required=False,
        help_text=_("For example: head teacher, neighbourhood police officer, youth worker."),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("For partners. Leave empty to add a new organisation below."),
    )
    new_organisation = forms.CharField(label=_("New organisation"), max_length=200, required=False)
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", "—"), *choices(Sector)], required=False)

    def __init__(self, *args, plan, role: str | None = None, **kwargs):
        """`role` fixes the role (the start path invites partners only) and leaves the role question out."""
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.fixed_role = role
        if role is not None:
            del self.fields["role"]
        self.fields["organisation"].queryset = Organisation.objects.filter(plan=plan)
        self.helper = gds_helper(*self.fields, submit=_("Send invitation"))

    def clean(self):
        cleaned = super().clean()
        if self.fixed_role is not None:
            cleaned["role"] = self.fixed_role
        if cleaned.get("role") == Role.PARTNER:
            if not cleaned.get("organisation") and not cleaned.get("new_organisation"):
                self.add_error("organisation", _("Choose the partner's organisation or type the name of a new one."))
            if cleaned.get("new_organisation") and not cleaned.get("sector"):
                self.add_error("sector", _("Choose the sector of the new organisation."))
        email = cleaned.get("email")
        if email and self.plan.locality.memberships.filter(user__email__iexact=email).exists():
            self.add_error("email", _("This person is already a member."))
        return cleaned


class CoordinatorSelfForm(forms.Form):
    """The coordinator says "I am the plan coordinator" and where they work (beside the invite form: own ids)."""

    prefix = "coordinator"

    organisation = forms.ModelChoiceField(
        label=_("Your organisation"), queryset=Organisation.objects.none(), required=False
    )
    new_organisation = forms.CharField(
        label=_("Or the name of your organisation, if it is not in the list"), max_length=200, required=False
    )
    function = forms.CharField(label=_("Your function"), max_length=200, required=False)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(plan=plan)
        self.initial.setdefault("new_organisation", _("Municipality of %(name)s") % {"name": plan.locality.name})
        self.helper = gds_helper("organisation", "new_organisation", "function", submit=_("I am the plan coordinator"))
        self.helper.form_action = reverse("network:coordinator_self", kwargs={"locality": plan.locality.slug})

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("organisation") and not cleaned.get("new_organisation", "").strip():
            self.add_error("new_organisation", _("Choose your organisation or type its name."))
        return cleaned
