"""The checker never raises on a valid plan, whatever is in it."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cohesio.checks import Finding, check_plan

from .strategies import plan_documents


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=plan_documents(), lang=st.sampled_from(["en", "nl"]), today=st.dates(), allow=st.lists(st.text(max_size=20)))
def test_checker_never_raises_on_a_valid_plan(doc, lang, today, allow):
    findings = check_plan(doc, lang=lang, today=today, allow_terms=allow)

    assert all(isinstance(f, Finding) and f.path.startswith("$") for f in findings)
    assert all(f.to_dict()["message"] for f in findings)
