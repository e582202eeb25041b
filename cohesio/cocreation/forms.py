"""Forms of co-creation: comments and replies, proposals and decisions on them, endorsements, status moves."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from cohesio.core.choices import choices
from cohesio.core.forms import gds_helper
from cohesio.format.private import PrivateReading
from cohesio.format.vocabulary import PlanStatus
from cohesio.plans.editing import row_revision
from cohesio.plans.models import Plan

from .elements import Element, Target, element_targets, reads_text, target_from_key, text_fields
from .models import EndorsementDecision
from .services import may_comment, may_propose

BODY_HELP = _("To let someone know, write @ and their e-mail address, or @[their full name] with square brackets.")


def _helper(form: forms.Form, *fields: str, submit):
    """The GDS helper, with a button id made like the fields' ids, so a form shown many times on a page (one
    reply form per thread) has unique ids."""
    helper = gds_helper(*fields, submit=submit)
    if isinstance(form.auto_id, str) and "%s" in form.auto_id:
        helper.layout.fields[-1].id = form.auto_id % "submit"
    return helper


def _textarea(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class CommentForm(forms.Form):
    """A new comment on an element, optionally about one thing on its page.

    `targets=False` leaves out "What is it about?" (the element pages' own form: listing every row of the page
    would cost a query per kind on every view; the form with the list is loaded when someone asks for it).
    """

    element = forms.ChoiceField(label=_("Which part of the plan is it about?"), choices=Element.choices)
    about = forms.ChoiceField(label=_("What is it about?"), required=False)
    body = forms.CharField(
        label=_("Your comment"),
        widget=_textarea(),
        max_length=5000,
        help_text=BODY_HELP,
        error_messages={"required": _("Write your comment.")},
    )

    def __init__(self, *args, plan: Plan, element: str | None = None, targets: bool = True, user=None, **kwargs):
        """With `user`, only the parts of the plan and the things on them that this person may comment on."""
        super().__init__(*args, **kwargs)
        self.plan = plan
        fields = ["element", "body"]
        self.targets = {}
        if user is not None:
            self.fields["element"].choices = [
                (value, name) for value, name in Element.choices if may_comment(user, plan=plan, element=value)
            ]
        if element in Element.values:
            self.fields["element"].widget = forms.HiddenInput()
            self.initial["element"] = element
            if targets:
                self.targets = {
                    t.key: t
                    for t in element_targets(plan, element, singletons=False)
                    if user is None or may_comment(user, plan=plan, element=element, target=t)
                }
            self.fields["about"].choices = [("", _("This part of the plan as a whole"))] + [
                (key, t.label) for key, t in self.targets.items()
            ]
            fields = ["element", "about", "body"] if self.targets else fields
        if "about" not in fields:
            del self.fields["about"]
        self.helper = _helper(self, *fields, submit=_("Add comment"))

    def clean_about(self) -> Target | None:
        key = self.cleaned_data.get("about")
        return self.targets.get(key) if key else None


class ReplyForm(forms.Form):
    parent = forms.IntegerField(widget=forms.HiddenInput)
    body = forms.CharField(
        label=_("Your reply"),
        widget=_textarea(3),
        max_length=5000,
        help_text=BODY_HELP,
        error_messages={"required": _("Write your reply.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(self, "parent", "body", submit=_("Reply"))


def text_choices(plan: Plan, element: str | None, reading: PrivateReading, user=None) -> list[tuple[str, str]]:
    """("kind:id:field", label) for every text on the element page(s) one may propose to change: not what a
    partner wrote about themselves, unless the reader with `reading` may read it (with `user`: only what this
    person may propose to change)."""
    rows = []
    for target in element_targets(plan, element):
        if user is not None and not may_propose(user, plan=plan, target=target):
            continue
        for name in text_fields(target.editable):
            if not reads_text(target.obj, name, reading):
                continue
            verbose = target.obj._meta.get_field(name).verbose_name
            rows.append((f"{target.key}:{name}", f"{target.label} — {verbose}"))
    return rows


def text_from_key(plan: Plan, key: str, reading: PrivateReading) -> tuple[Target, str]:
    """The object and field a "kind:id:field" key names (LookupError when it is not a text of this plan, or one
    the reader with `reading` may not read)."""
    object_key, _sep, name = (key or "").rpartition(":")
    target = target_from_key(plan, object_key)
    if name not in text_fields(target.editable) or not reads_text(target.obj, name, reading):
        raise LookupError(key)
    return target, name


class ProposalTextForm(forms.Form):
    """First step of a proposal: which text to change."""

    text = forms.ChoiceField(label=_("Which text do you want to change?"))

    def __init__(self, *args, plan: Plan, reading: PrivateReading, element: str | None = None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].choices = text_choices(plan, element, reading, user)
        self.helper = _helper(self, "text", submit=_("Continue"))
        self.helper.form_method = "get"


class ProposalForm(forms.Form):
    """Second step: the new text, written against the revision the proposer saw."""

    text = forms.CharField(widget=forms.HiddenInput)
    revision = forms.IntegerField(widget=forms.HiddenInput)
    value = forms.CharField(
        label=_("Your proposed text"),
        widget=_textarea(6),
        error_messages={"required": _("Write the text you propose.")},
    )

    def __init__(self, *args, target: Target, field_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.target, self.field_name = target, field_name
        self.current = getattr(target.obj, field_name) or ""
        self.initial.setdefault("text", f"{target.key}:{field_name}")
        self.revision = row_revision(target.obj, [field_name])
        self.initial.setdefault("revision", self.revision)
        self.initial.setdefault("value", self.current)
        model_field = target.obj._meta.get_field(field_name)
        if getattr(model_field, "max_length", None):
            self.fields["value"].max_length = model_field.max_length
            self.fields["value"].validators.append(MaxLengthValidator(model_field.max_length))
        self.helper = _helper(self, "text", "revision", "value", submit=_("Send proposal"))

    def clean_value(self):
        value = self.cleaned_data["value"].strip()
        if value == self.current.strip():
            raise forms.ValidationError(_("Your proposal is the same as the current text. Change the text first."))
        return value

    def clean(self):
        cleaned = super().clean()
        if "revision" in cleaned and cleaned["revision"] != self.revision:
            self.data = self.data.copy()
            self.data["revision"] = self.revision
            self.add_error(
                "value",
                _(
                    "Someone changed this text while you were writing. The current text is shown above: check your "
                    "proposal and send it again."
                ),
            )
        return cleaned


class DeclineForm(forms.Form):
    proposal = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason (optional)"),
        widget=_textarea(2),
        required=False,
        max_length=2000,
        help_text=_("The person who proposed the change sees it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(self, "proposal", "reason", submit=_("Decline"))


class EndorsementForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Do you endorse the plan?"),
        choices=EndorsementDecision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you endorse the plan or have objections.")},
    )
    objections = forms.CharField(
        label=_("Your objections"),
        widget=_textarea(5),
        required=False,
        max_length=5000,
        help_text=_("Say what would need to change for you to endorse the plan."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(self, "decision", "objections", submit=_("Send"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == EndorsementDecision.OBJECTIONS and not cleaned.get("objections", "").strip():
            self.add_error("objections", _("Write your objections, so the coordinator can respond to them."))
        return cleaned


class StatusForm(forms.Form):
    to_status = forms.ChoiceField(choices=choices(PlanStatus), widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label=_("I confirm the plan is adopted as it is now. Nobody can change it until a review starts."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(self, "to_status", "confirm", submit=_("Adopt the plan"))

    def clean(self):
        cleaned = super().clean()
        if "to_status" in self.errors:
            self.add_error(None, _("Choose a status the plan can move to."))
        if cleaned.get("to_status") == PlanStatus.ADOPTED and not cleaned.get("confirm"):
            self.add_error("confirm", _("Confirm that you want to adopt the plan."))
        return cleaned


class AnswerForm(forms.Form):
    """The coordinator's answer to a person's objections."""

    answer = forms.CharField(
        label=_("Your answer"),
        widget=_textarea(3),
        max_length=5000,
        error_messages={"required": _("Write your answer before sending it.")},
        help_text=_("The person who objected reads it, and so do the other coordinators."),
    )
