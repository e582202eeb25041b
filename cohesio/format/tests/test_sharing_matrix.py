"""The matrix and the signatures as the pages show them, from the same document `may_share` decides on."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cohesio.format import load
from cohesio.format.files import sharing_from_bytes
from cohesio.format.references import PlanFormatError
from cohesio.format.sharing import (
    Column,
    Recipient,
    flows,
    may_share,
    not_signed,
    organisations_to_sign,
    sharing_matrix,
)
from cohesio.format.vocabulary import CaseRole, SharingPurpose

from .test_may_share import DAY, DOC, ORGS, _data


def test_a_rule_gives_a_flow_to_each_organisation_it_names_limited_to_its_roles():
    found = {(f.holder, f.column, f.information_type, f.roles) for f in flows(DOC.sharing)}
    assert ("o-school", Column(organisation="o-town"), "i-absence", ()) in found
    assert ("o-police", Column(organisation="o-town"), "i-contacts", (CaseRole.CASE_LEAD,)) in found


def test_a_rule_naming_only_roles_gives_a_column_for_each_role():
    data = _data()
    data["sharing"]["rules"][0]["recipients"] = []
    data["sharing"]["rules"][0]["recipient_roles"] = ["case_lead", "participant"]
    matrix = sharing_matrix(load(data).sharing, ORGS)
    assert matrix.columns[-2:] == [Column(role=CaseRole.CASE_LEAD), Column(role=CaseRole.PARTICIPANT)]
    assert [f.information_type for f in matrix.cell("o-school", Column(role=CaseRole.CASE_LEAD))] == ["i-absence"]


def test_rows_and_columns_are_only_the_organisations_that_hold_or_receive_in_the_plans_order():
    matrix = sharing_matrix(DOC.sharing, ORGS)
    assert matrix.holders == ["o-school", "o-police"]
    assert matrix.columns == [Column(organisation=o) for o in ("o-school", "o-town", "o-care")]
    assert matrix.cell("o-school", Column(organisation="o-school")) == []  # a no


def test_the_matrix_for_one_type_or_one_purpose():
    by_type = sharing_matrix(DOC.sharing, ORGS, information_type="i-contacts")
    assert (by_type.holders, by_type.columns) == (["o-police"], [Column(organisation="o-town")])
    by_purpose = sharing_matrix(DOC.sharing, ORGS, purpose="support_planning")
    assert {f.rule.key for cell in by_purpose.cells.values() for f in cell} == {"r-absence"}
    assert sharing_matrix(DOC.sharing, ORGS, purpose="evaluation").holders == []


def test_only_a_signature_of_the_current_version_on_or_before_the_day_counts():
    assert organisations_to_sign(DOC.sharing) == {"o-school", "o-police", "o-town", "o-care"}
    assert not_signed(DOC.sharing, DAY) == {"o-care"}
    data = _data()
    data["sharing"]["agreement"]["signatories"][0]["version"] = 1  # the school signed the version before
    data["sharing"]["agreement"]["signatories"][1]["signed_on"] = "2026-07-01"  # the police sign later
    assert not_signed(load(data).sharing, DAY) == {"o-care", "o-school", "o-police"}


@given(
    information_type=st.sampled_from(["i-absence", "i-contacts", "i-tension"]),
    holder=st.sampled_from(ORGS),
    receiver=st.sampled_from(ORGS),
    role=st.sampled_from([None, *CaseRole]),
    purpose=st.sampled_from(list(SharingPurpose)),
)
def test_whatever_may_share_allows_is_in_the_matrix(information_type, holder, receiver, role, purpose):
    decision = may_share(
        DOC,
        information_type=information_type,
        holder=holder,
        recipient=Recipient(receiver, role),
        purpose=purpose,
        at_date=DAY,
    )
    if decision.allowed:
        cell = sharing_matrix(DOC.sharing, ORGS, purpose=purpose).cell(holder, Column(organisation=receiver))
        assert decision.rule_key in {f.rule.key for f in cell}


def _read(text: str, **keys):
    return sharing_from_bytes(
        text.encode(),
        organisations=keys.get("organisations", set(ORGS)),
        information_types=keys.get("information_types", set()),
        max_bytes=1000,
    )


def test_a_sharing_file_is_read_with_its_references_checked_against_the_plan():
    sharing = _read(
        '{"rules": [{"key": "r", "information_type": "i-x", "recipients": ["o-town"]}]}', information_types={"i-x"}
    )
    assert [r.key for r in sharing.rules] == ["r"]


def test_a_sharing_file_names_each_problem_at_its_path():
    with pytest.raises(PlanFormatError) as refused:
        _read(
            '{"information_types": [{"key": "a", "organisation": "o-mars", "name": "A"},'
            ' {"key": "a", "organisation": "o-town", "name": "B"}],'
            ' "rules": [{"key": "r", "information_type": "i-none", "recipients": ["o-town", "o-mars"]}]}'
        )
    assert [p.path for p in refused.value.problems] == [
        "$.information_types[0].organisation",
        "$.information_types[1].key",
        "$.rules[0].information_type",
        "$.rules[0].recipients[1]",
    ]


def test_a_sharing_file_over_its_limit_is_refused_by_its_size():
    with pytest.raises(PlanFormatError) as refused:
        _read(" " * 1001)
    assert "plan files may be at most" in refused.value.problems[0].message


def test_a_rule_that_ends_stays_in_the_matrix_with_its_end_date():
    """The matrix lays out what the rules say; the page marks a rule that has ended, may_share refuses it."""
    assert sharing_matrix(DOC.sharing, ORGS).cell("o-police", Column(organisation="o-school"))[
        0
    ].rule.valid_until == date(2026, 12, 31)


def test_a_plan_file_may_not_sign_one_version_twice_for_one_organisation():
    """The database keeps one signature per organisation and version; the format says so first."""
    data = _data()
    signatures = data["sharing"]["agreement"]["signatories"]
    signatures.append({**signatures[0], "signed_on": "2026-02-21"})
    with pytest.raises(PlanFormatError) as refused:
        load(data)
    assert [p.path for p in refused.value.problems] == [f"$.sharing.agreement.signatories[{len(signatures) - 1}]"]
    signatures[-1]["version"] = 1  # an earlier version signed too: kept beside it
    assert len(load(data).sharing.agreement.signatories) == len(signatures)
