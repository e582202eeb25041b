"""The audit trail's filters: person, action, outcome, kind of thing, one thing by its key or number, dates."""

from crispy_forms_gds.layout import Fieldset, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from cohesio.core.forms import gds_helper

from .labels import OUTCOMES, choice_words, object_type_words
from .selectors import EventFilter, actions_in_chain, actors_in_chain, object_types_in_chain, person_name, rows_with_key

NO_ACTOR = "none"
DATE_HELP = _("For example, 2026-12-03.")


class DateWidget(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(attrs={"class": "govuk-input govuk-input--width-10"}, format="%Y-%m-%d")


def _date(label):
    return forms.DateField(
        label=label,
        required=False,
        widget=DateWidget(),
        help_text=DATE_HELP,
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        error_messages={"invalid": _("Enter a real date, for example 2026-12-03.")},
    )


class AuditFilterForm(forms.Form):
    """Bound to the page's query string; the choices are what the locality's chain holds (a query each)."""

    person = forms.ChoiceField(label=_("Person"), required=False)
    action = forms.ChoiceField(label=_("Action"), required=False)
    outcome = forms.ChoiceField(label=_("Outcome"), required=False)
    object_type = forms.ChoiceField(label=_("Kind of thing"), required=False)
    object = forms.CharField(
        label=_("One thing, by its key or number"),
        required=False,
        max_length=64,
        help_text=_("The key of a row of the plan, such as goal-resilient-youth, or the number shown in the list."),
    )
    date_from = _date(_("From"))
    date_to = _date(_("To"))

    def __init__(self, data, *, locality):
        super().__init__(data)
        self.locality = locality
        everyone = [("", _("Anyone")), (NO_ACTOR, _("Cohesio itself (no person)"))]
        self.fields["person"].choices = everyone + [(str(u.pk), person_name(u)) for u in actors_in_chain(locality)]
        self.fields["person"].error_messages["invalid_choice"] = _("Choose a person from the list.")
        actions = sorted(((code, choice_words(code)) for code in actions_in_chain(locality)), key=lambda c: c[1])
        self.fields["action"].choices = [("", _("Any action"))] + actions
        self.fields["action"].error_messages["invalid_choice"] = _("Choose an action from the list.")
        self.fields["outcome"].choices = [("", _("Any outcome"))] + [(code, words) for code, words in OUTCOMES.items()]
        self.fields["outcome"].error_messages["invalid_choice"] = _("Choose an outcome from the list.")
        kinds = sorted(
            ((code, object_type_words(code)) for code in object_types_in_chain(locality)), key=lambda c: c[1]
        )
        self.fields["object_type"].choices = [("", _("Any kind"))] + kinds
        self.fields["object_type"].error_messages["invalid_choice"] = _("Choose a kind of thing from the list.")
        self.helper = gds_helper(
            Fieldset(
                "person",
                "action",
                "outcome",
                "object_type",
                "object",
                legend=_("Who and what"),
                legend_size=Size.SMALL,
            ),
            Fieldset("date_from", "date_to", legend=_("Dates"), legend_size=Size.SMALL),
            submit=_("Show events"),
        )
        self.helper.form_method = "get"

    def clean_object(self) -> dict[str, tuple[str, ...]] | None:
        """A number names an event's thing as it is (kind -> ids, "" for any kind); a key is looked up among the
        plan's rows."""
        value = self.cleaned_data.get("object", "").strip()
        if not value:
            return None
        if value.isdigit():
            return {"": (value,)}
        found = rows_with_key(self.locality, value)
        if not found:
            raise forms.ValidationError(
                _("No row of the plan has the key %(key)s. Check the key, or leave this empty."),
                params={"key": value},
            )
        return found

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("date_from"), cleaned.get("date_to")
        if since and until and since > until:
            self.add_error("date_to", _("The end date must be the same as or after the start date."))
        self._narrow_object(cleaned)
        return cleaned

    def _narrow_object(self, cleaned) -> None:
        """One kind and its ids for the thing asked for: the kind chosen above, or the only kind with that key."""
        found, chosen = cleaned.get("object"), cleaned.get("object_type") or ""
        if not found:
            return
        if "" in found:  # a number: whatever kind is chosen, if any
            cleaned["object"] = (chosen, found[""])
        elif chosen in found:
            cleaned["object"] = (chosen, found[chosen])
        elif chosen:
            self.add_error("object", _("This key is of another kind of thing than the one chosen above."))
        elif len(found) > 1:
            self.add_error("object", _("Rows of more than one kind have this key: choose the kind of thing above."))
        else:
            [(kind, ids)] = found.items()
            cleaned["object"] = (kind, ids)

    def event_filter(self) -> EventFilter:
        """The valid filter as the selector takes it."""
        cleaned = self.cleaned_data
        person = cleaned.get("person") or ""
        object_type, object_ids = cleaned.get("object") or (cleaned.get("object_type") or "", None)
        return EventFilter(
            actor_id=int(person) if person.isdigit() else None,
            no_actor=person == NO_ACTOR,
            action=cleaned.get("action") or "",
            outcome=cleaned.get("outcome") or "",
            object_type=object_type,
            object_ids=object_ids,
            since=cleaned.get("date_from"),
            until=cleaned.get("date_to"),
        )
