"""Evaluations of the sharing: partners answer two questions; everyone in the plan reads the results (read from
the plan document, so the page sits above it)."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from cohesio.core.access import locality_view
from cohesio.core.forms import gds_helper
from cohesio.document.selectors import salvaged_plan_document
from cohesio.format import evaluation as results_of
from cohesio.network.selectors import own_partner_profile
from cohesio.plans.editing import InvalidEdit, PlanLocked, StaleEdit
from cohesio.plans.selectors import plan_for
from cohesio.sharing.models import EvaluationAnswer, SharingEvaluation
from cohesio.sharing.services import evaluation_answer, may_answer

YES_NO = [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No")), ("not_sure", gettext_lazy("Not sure"))]
AS_VALUE = {"yes": True, "no": False, "not_sure": None}
AS_CHOICE = {True: "yes", False: "no", None: "not_sure"}
SHORT = {"right_information_on_time": gettext_lazy("On time"), "handled_as_agreed": gettext_lazy("As agreed")}
WHO_READS = gettext_lazy("The coordinator, the data-protection officer and everyone in the plan read the results.")


class AnswerForm(forms.Form):
    right_information_on_time = forms.ChoiceField(
        label=gettext_lazy("Was the right information shared on time?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text=gettext_lazy("Think of the cases since the last evaluation: did you get, and give, what was needed?"),
    )
    handled_as_agreed = forms.ChoiceField(
        label=gettext_lazy("Was shared information handled as agreed?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text=gettext_lazy("Passed on only as the rules say, kept no longer than agreed, not shared further."),
    )
    notes = forms.CharField(
        label=gettext_lazy("Anything else to tell"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=gettext_lazy("What went well, what got in the way. Write no names or details of people."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(*self.fields, submit=_("Send the answers"))

    def values(self) -> dict:
        data = self.cleaned_data
        return {
            "right_information_on_time": AS_VALUE[data["right_information_on_time"]],
            "handled_as_agreed": AS_VALUE[data["handled_as_agreed"]],
            "notes": data["notes"],
        }


@locality_view("plan.view")
@require_GET
def evaluations(request):
    """The results of the evaluations, per question over time and per organisation, and what is open to answer."""
    plan = plan_for(request.locality)
    doc = salvaged_plan_document(plan).document
    today = timezone.localdate()
    organisations = {o.key: o.name for o in doc.network.organisations}
    rows = results_of.results(doc, today)
    table = results_of.by_organisation(doc)
    shown = [r.evaluation for r in rows if r.evaluation.answers]
    partner = own_partner_profile(plan, request.user)
    own_key = partner.organisation.key if partner is not None and partner.organisation is not None else None
    open_now = [r.evaluation for r in rows if results_of.is_due(r.evaluation, today)]
    context = {
        "plan": plan,
        "results": [
            {
                "evaluation": r.evaluation,
                "tallies": [(_(results_of.QUESTIONS[q]), t) for q, t in r.tallies.items()],
                "waiting_for": [organisations.get(k, k) for k in r.waiting_for],
            }
            for r in rows
        ],
        "columns": shown,
        "by_organisation": [
            (
                organisations.get(key, key),
                [
                    [(SHORT[q], AS_CHOICE[answers[e.key][q]]) for q in results_of.QUESTIONS] if e.key in answers else []
                    for e in shown
                ],
            )
            for key, answers in sorted(table.items(), key=lambda item: organisations.get(item[0], item[0]))
        ],
        "to_answer": [e for e in open_now if own_key and own_key not in {a.organisation for a in e.answers}],
    }
    return render(request, "sharing/evaluations.html", context)


@locality_view("plan.view")
def answer(request, key: str):
    """The contact person of a signing organisation answers an open evaluation for their organisation."""
    plan = plan_for(request.locality)
    evaluation = get_object_or_404(SharingEvaluation, plan=plan, key=key)
    partner = own_partner_profile(plan, request.user)
    allowed, why = may_answer(plan, partner, evaluation, timezone.localdate())
    if not allowed:
        if partner is None:
            raise Http404
        messages.info(request, why)
        return redirect("plans:sharing_evaluations", locality=request.locality.slug)
    given = EvaluationAnswer.objects.filter(evaluation=evaluation, organisation_id=partner.organisation_id).first()
    initial = (
        {
            "right_information_on_time": AS_CHOICE[given.right_information_on_time],
            "handled_as_agreed": AS_CHOICE[given.handled_as_agreed],
            "notes": given.notes,
        }
        if given
        else {}
    )
    form = AnswerForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            evaluation_answer(acting_user=request.user, plan=plan, evaluation=evaluation, data=form.values())
        except InvalidEdit as invalid:
            invalid.show_on(form)
        except (PlanLocked, StaleEdit):
            form.add_error(None, _("Someone changed this answer meanwhile. Look at it again and send it."))
        else:
            messages.success(request, _("Thank you. Your answers are recorded."))
            return redirect("plans:sharing_evaluations", locality=request.locality.slug)
    context = {"plan": plan, "evaluation": evaluation, "form": form, "partner": partner, "who_reads": WHO_READS}
    return render(request, "sharing/evaluation_answer.html", context)
