"""Edit forms of the local network."""

from django.utils.translation import gettext_lazy as _

from cohesio.plans.editing import Editable, PlanObjectForm, register

from .models import CommunityGroup, Organisation, Partner, Tie

PROFILE_FIELDS = ["function", "role", "mandate", "tasks", "interests", "doubts", "conditions", "accepts_coordinator"]


class OrganisationForm(PlanObjectForm):
    unique_field = "name"

    class Meta:
        model = Organisation
        fields = ["name", "sector"]


class PartnerForm(PlanObjectForm):
    class Meta:
        model = Partner
        fields = ["name", "organisation", "sector", "network", "status", *PROFILE_FIELDS]
        help_texts = {
            "name": _("A named person: ownership comes from people, not organisations."),
            "sector": _("For people without an organisation, such as inhabitants in the informal network."),
            "doubts": _("What makes them hesitate? Listening to doubts early builds trust."),
            "conditions": _("Under what conditions do they want to take part?"),
        }

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("organisation") and not cleaned.get("sector"):
            self.add_error("sector", _("Choose an organisation or a sector."))
        return cleaned


class PartnerProfileForm(PlanObjectForm):
    """What a partner fills in about themselves."""

    class Meta:
        model = Partner
        fields = PROFILE_FIELDS


class CommunityGroupForm(PlanObjectForm):
    unique_field = "name"

    class Meta:
        model = CommunityGroup
        fields = ["name", "description", "area", "contact"]


class TieForm(PlanObjectForm):
    class Meta:
        model = Tie
        fields = ["source", "kind", "target"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("source") and cleaned.get("source") == cleaned.get("target"):
            self.add_error("target", _("A tie connects two different partners."))
        return cleaned


for editable in [
    Editable("organisation", Organisation, OrganisationForm, "network:network", _("organisation")),
    Editable("partner", Partner, PartnerForm, "network:network", _("partner")),
    Editable("community-group", CommunityGroup, CommunityGroupForm, "network:network", _("community group")),
    Editable("tie", Tie, TieForm, "network:network", _("tie")),
]:
    register(editable)
