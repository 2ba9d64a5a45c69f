import datetime

import pytest

from articles.selectors import caption_from_subjects, positions_on
from tests.support.factories import AgencyFactory, OfficialFactory, PositionFactory

pytestmark = pytest.mark.django_db

HANDOVER = datetime.date(2024, 2, 20)


@pytest.fixture
def regency_handover():
    """A Bupati hands over to a Pj. Bupati on 20 Feb 2024."""
    pemkab = AgencyFactory(short_name="Pemkab Kobar")
    outgoing = OfficialFactory(name="Hj. Lama")
    incoming = OfficialFactory(name="Budi Santosa")
    before = PositionFactory(
        official=outgoing,
        agency=pemkab,
        title="Bupati",
        short_title="Bupati Kobar",
        start_date=datetime.date(2019, 2, 20),
        end_date=HANDOVER,
    )
    after = PositionFactory(
        official=incoming,
        agency=pemkab,
        title="Penjabat Bupati",
        short_title="Pj. Bupati Kobar",
        start_date=HANDOVER + datetime.timedelta(days=1),
    )
    earlier = PositionFactory(
        official=incoming,
        agency=pemkab,
        title="Sekretaris Daerah",
        short_title="Sekda Kobar",
        start_date=datetime.date(2018, 1, 1),
        end_date=HANDOVER,
    )
    return outgoing, incoming, before, after, earlier


def test_position_on_the_day_before_and_after_a_handover(regency_handover):
    outgoing, incoming, before, after, earlier = regency_handover
    assert outgoing.position_on(HANDOVER) == before
    assert outgoing.position_on(HANDOVER + datetime.timedelta(days=1)) is None
    assert incoming.position_on(HANDOVER) == earlier
    assert incoming.position_on(datetime.date(2024, 6, 4)) == after


def test_open_ended_position_is_held_until_today(regency_handover):
    _, incoming, _, after, _ = regency_handover
    assert incoming.position_on(datetime.date(2031, 1, 1)) == after


def test_no_position_before_the_first_one(regency_handover):
    outgoing, *_ = regency_handover
    assert outgoing.position_on(datetime.date(2010, 1, 1)) is None


def test_positions_on_maps_many_officials_in_one_query(
    regency_handover, django_assert_num_queries
):
    outgoing, incoming, before, after, _ = regency_handover
    with django_assert_num_queries(1):
        result = positions_on([outgoing.pk, incoming.pk], HANDOVER)
        labels = {pk: p.label for pk, p in result.items()}
    assert labels == {outgoing.pk: "Bupati Kobar", incoming.pk: "Sekda Kobar"}


def test_official_display_name_puts_rank_first():
    assert OfficialFactory.build(name="Yusfandi Usman", rank="AKBP").display_name == (
        "AKBP Yusfandi Usman"
    )


def test_end_date_before_start_date_is_refused():
    from django.core.exceptions import ValidationError

    position = PositionFactory.build(
        official=OfficialFactory(),
        agency=AgencyFactory(),
        start_date=datetime.date(2024, 5, 1),
        end_date=datetime.date(2024, 4, 1),
    )
    with pytest.raises(ValidationError, match="sebelum"):
        position.full_clean()


def test_caption_from_subjects_names_positions_on_the_photo_day(regency_handover):
    from articles.models import PhotoSubject

    outgoing, incoming, *_ = regency_handover
    subjects = [
        PhotoSubject(official=outgoing, place=PhotoSubject.Place.LEFT),
        PhotoSubject(official=incoming, place=PhotoSubject.Place.RIGHT),
    ]
    for subject in subjects:
        subject.official_id = subject.official.pk
    assert caption_from_subjects(subjects, HANDOVER) == (
        "Bupati Kobar Hj. Lama (kiri) dan Sekda Kobar Budi Santosa (kanan)"
    )
    assert caption_from_subjects(subjects, datetime.date(2024, 6, 4)) == (
        "Hj. Lama (kiri) dan Pj. Bupati Kobar Budi Santosa (kanan)"
    )
