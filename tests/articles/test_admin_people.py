"""The officials' admin (articles/admin/people.py)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from tests.support.factories import OfficialFactory, PositionFactory

pytestmark = pytest.mark.django_db


def test_official_list_names_only_the_positions_held_today(client):
    client.force_login(
        get_user_model().objects.create_superuser("root", "root@example.go.id", "x")
    )
    today = timezone.localdate()
    official = OfficialFactory(name="Budi Santosa")
    PositionFactory(
        official=official,
        title="Penjabat Bupati",
        short_title="Pj. Bupati",
        start_date=today - datetime.timedelta(days=30),
        end_date=None,
    )
    PositionFactory(
        official=official,
        title="Kepala Dinas Lama",
        short_title="Kadis Lama",
        start_date=today - datetime.timedelta(days=400),
        end_date=today - datetime.timedelta(days=31),
    )
    PositionFactory(
        official=official,
        title="Sekretaris Daerah",
        short_title="Sekda",
        start_date=today + datetime.timedelta(days=1),
        end_date=None,
    )

    page = client.get(reverse("admin:articles_official_changelist")).content.decode()

    assert "Pj. Bupati" in page
    assert "Kadis Lama" not in page
    assert "Sekda" not in page
