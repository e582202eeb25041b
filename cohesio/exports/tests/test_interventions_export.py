"""Interventions and monitoring in every export format: the lead as the person with the organisation or the
organisation alone, interventions whose level is not stated in a group of their own, and what each indicator
measures with which way is better."""

import re

import pytest

from cohesio.exports.content import plan_content
from cohesio.exports.figures import monitoring_chart
from cohesio.exports.rendering import export_file
from cohesio.format import dump
from cohesio.plans.tests.documents import small_document

from .files import docx_text, odt_text, pdf_text

NO_FINDINGS = {"summary": {"errors": 0, "warnings": 0, "tips": 0, "accepted": 0}, "findings": []}


def _data() -> dict:
    data = dump(small_document())
    lessons, mentoring = data["interventions"]
    lessons["lead_organisation"] = "o2"  # Ann Teacher leads it for the police
    mentoring.update(prevention_level=None, lead=None, lead_organisation="o1")
    data["monitoring"][0].update(kind="output", direction="up", goals=["g1", "g2"])
    return data


def _rows(content, key: str) -> list[list[str]]:
    return content.tables[key].rows


@pytest.fixture(scope="module")
def content():
    return plan_content(_data(), NO_FINDINGS)


def test_the_lead_is_the_person_within_the_organisation_or_the_organisation_alone(content):
    assert _rows(content, "interventions-general")[0][:2] == [
        "Critical thinking lessons",
        "Ann Teacher, Police Riverside",
    ]
    assert _rows(content, "interventions-not-stated")[0][:2] == ["Mentoring", "North School"]


def test_interventions_whose_level_is_not_stated_have_a_table_of_their_own(content):
    assert content.tables["interventions-not-stated"].caption == "Level not stated"
    assert "interventions-specific" not in content.tables  # mentoring was the only specific one


def test_the_monitoring_table_names_the_goals_and_what_each_indicator_measures(content):
    [row] = _rows(content, "monitoring")

    assert row[:3] == [
        "Pupils reached",
        "Resilient youth; Early support; Critical thinking lessons",
        "Output (what it produced), Higher is better",
    ]


def test_the_public_version_shows_the_lead_organisation_only():
    public = plan_content(_data(), NO_FINDINGS, public=True)

    assert _rows(public, "interventions-general")[0][1] == "Police Riverside"
    assert _rows(public, "interventions-not-stated")[0][1] == "North School"


@pytest.mark.parametrize("fmt", ["docx", "pdf", "odt", "html"])
def test_every_format_shows_the_lead_organisation_and_the_level_not_stated(content, fmt):
    data = export_file(content, fmt)
    text = {"docx": docx_text, "pdf": pdf_text, "odt": odt_text, "html": bytes.decode}[fmt](data)
    text = re.sub(r"\s+", " ", text)

    assert "Level not stated" in text
    assert "Ann Teacher, Police Riverside" in text
    assert "Output (what it produced), Higher is better" in text


def test_the_progress_chart_reads_the_direction():
    hold = {"name": "Hold", "baseline": 10, "target": 10, "measurements": [{"value": 8}]}

    assert monitoring_chart([hold]) is None  # no direction: a target equal to the baseline says nothing
    assert monitoring_chart([{**hold, "direction": "down"}]) is not None  # lower is better: 8 has reached it
    assert monitoring_chart([{**hold, "target": 20, "direction": "down"}]) is None  # target contradicts direction
