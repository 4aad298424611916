"""Dates at the edges: every input path refuses dates before 2000 or more than five years ahead."""

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from marketplace.models import Project, Specialist
from tests.api.conftest import Caller
from tests.api.test_bad_input import valid_project
from tests.api.test_specialists import NEW
from tests.marketplace.factories import SpecialistFactory

pytestmark = pytest.mark.django_db

FAR = ["9999-12-31", "2100-01-01"]
EARLY = ["0001-01-01", "1999-12-31"]


@pytest.mark.parametrize("value", FAR)
def test_a_desired_start_far_ahead_is_400(alice: Caller, value: str) -> None:
    response = alice.api.post(
        "/api/v1/projects/", {**valid_project(), "desired_start": value}, format="json"
    )
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"desired_start"}
    assert "years ahead" in response.json()["fields"]["desired_start"][0]
    assert not Project.objects.exists()


@pytest.mark.parametrize("value", FAR + EARLY)
def test_staff_giving_an_available_from_out_of_bounds_get_400(staff_api: Any, value: str) -> None:
    response = staff_api.post("/api/v1/specialists/", {**NEW, "available_from": value})
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"available_from"}
    assert not Specialist.objects.exists()


@pytest.mark.parametrize("value", FAR + EARLY)
def test_a_patch_out_of_bounds_is_400(staff_api: Any, value: str) -> None:
    specialist = SpecialistFactory()
    response = staff_api.patch(
        f"/api/v1/specialists/{specialist.pk}/", {"available_from": value}, format="json"
    )
    assert response.status_code == 400


def test_the_admin_refuses_an_available_from_out_of_bounds(staff_user: Any) -> None:
    # given staff on the admin's bulk availability action
    specialist = SpecialistFactory()
    staff = Client()
    staff.force_login(staff_user)
    before = specialist.available_from

    # when they set the availability to year 1
    staff.post(
        reverse("admin:marketplace_specialist_changelist"),
        {
            "action": "change_availability",
            "_selected_action": [specialist.pk],
            "available_from": "0001-01-01",
            "apply": "1",
        },
    )

    # then nothing changes
    specialist.refresh_from_db()
    assert specialist.available_from == before


def test_the_model_refuses_dates_out_of_bounds() -> None:
    from django.core.exceptions import ValidationError

    specialist = SpecialistFactory.build(available_from="9999-12-31")
    with pytest.raises(ValidationError) as caught:
        specialist.full_clean(exclude=["email"])
    assert "available_from" in caught.value.message_dict


def test_the_import_rejects_rows_with_dates_out_of_bounds(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(
        "name,email,tier,hourly_rate,available_from,skills,vetted,is_active\n"
        "Ok Person,ok@example.com,ai_engineer,30,2027-01-01,python,true,true\n"
        "Old Person,old@example.com,ai_engineer,30,0001-01-01,python,true,true\n"
        "Far Person,far@example.com,ai_engineer,30,9999-12-31,python,true,true\n",
        encoding="utf-8",
    )
    out, err = io.StringIO(), io.StringIO()
    call_command("importspecialists", str(path), stdout=out, stderr=err)

    assert list(Specialist.objects.values_list("email", flat=True)) == ["ok@example.com"]
    assert "line 3" in err.getvalue()
    assert "line 4" in err.getvalue()
