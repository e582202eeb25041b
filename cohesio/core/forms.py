"""Forms for memberships and invitations."""

from crispy_forms.layout import LayoutObject
from crispy_forms.utils import TEMPLATE_PACK
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Layout
from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from cohesio.format.vocabulary import LocalityKind

from .choices import choices
from .models import Locality, Role


def gds_helper(*fields, submit=None) -> FormHelper:
    """The one FormHelper setup: server-side validation only (novalidate), GOV.UK button."""
    helper = FormHelper()
    helper.attrs = {"novalidate": ""}
    helper.layout = Layout(*fields, Button("submit", submit or _("Save")))
    return helper


class Details(LayoutObject):
    """Fields folded away in a GOV.UK details element, opened by its summary: for what few people fill in.

    It is open when any of its fields holds a value or an error, so that nothing typed or refused is hidden."""

    template = "cohesio/components/details_fields.html"

    def __init__(self, summary, *fields):
        self.summary = summary
        self.fields = list(fields)

    def render(self, form, context, template_pack=TEMPLATE_PACK, **kwargs):
        rendered = self.get_rendered_fields(form, context, template_pack, **kwargs)
        shown = [form[name] for name in self.fields if isinstance(name, str) and name in form.fields]
        is_open = any(field.errors or field.value() not in (None, "") for field in shown)
        return render_to_string(self.template, {"summary": self.summary, "fields": rendered, "open": is_open})


class EmailInput(forms.TextInput):
    """E-mail input rendered as a text input so crispy-forms-gds adds its error border (a known gds fault)."""

    input_type = "email"


class AcceptInvitationForm(forms.Form):
    """Sets a name and password for someone who has no account yet."""

    name = forms.CharField(label=_("Your name"), max_length=150)
    password1 = forms.CharField(
        label=_("Choose a password"),
        widget=forms.PasswordInput,
        strip=False,
        help_text=_("At least 10 characters. Avoid common words."),
    )
    password2 = forms.CharField(label=_("Type the password again"), widget=forms.PasswordInput, strip=False)

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.helper = gds_helper("name", "password1", "password2", submit=_("Join"))

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords are not the same."))
        elif p1:
            user = get_user_model()(email=self.email, username=self.email, first_name=cleaned.get("name", ""))
            try:
                password_validation.validate_password(p1, user)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return cleaned


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("New role"), choices=Role.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper("role", submit=_("Change role"))


class LocalityCreateForm(forms.Form):
    """Platform staff start a municipality or region with its first coordinator."""

    name = forms.CharField(label=_("Name"), max_length=200, help_text=_("As people know it, for example Lakeside."))
    slug = forms.SlugField(
        label=_("Short name for web addresses"),
        max_length=60,
        required=False,
        help_text=_("Lower-case letters, digits and hyphens. Leave empty to make one from the name."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=choices(LocalityKind), initial=LocalityKind.MUNICIPALITY)
    region = forms.ModelChoiceField(
        label=_("Region it belongs to"),
        queryset=Locality.objects.filter(kind=LocalityKind.REGION),
        required=False,
        empty_label=_("None"),
    )
    coordinator_email = forms.EmailField(
        label=_("E-mail address of the first coordinator"),
        widget=EmailInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        help_text=_("We send this person an invitation link. They set their own password."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper("name", "slug", "kind", "region", "coordinator_email", submit=_("Start the locality"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("name") and not cleaned.get("slug"):
            cleaned["slug"] = slugify(cleaned["name"])[:60]
            if not cleaned["slug"]:
                self.add_error("slug", _("Choose a short name: the name has no letters or digits to make one from."))
        slug = cleaned.get("slug")
        if slug and Locality.objects.filter(slug=slug).exists():
            self.add_error(
                "slug" if self.data.get("slug") else "name",
                _("There is already a locality called %(slug)s.") % {"slug": slug},
            )
        if cleaned.get("region") and cleaned.get("kind") == LocalityKind.REGION:
            self.add_error("region", _("A region cannot belong to another region."))
        return cleaned
