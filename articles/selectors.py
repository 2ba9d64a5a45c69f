"""Reads that span models: the position an official held on a day, and the
caption that names the people in a photo with those positions."""

from .models import Position


def positions_on(official_ids, day):
    """Map each official id to the Position held on ``day`` (one query).

    Officials with no position that day are absent from the result.
    """
    result = {}
    positions = (
        Position.objects.held_on(day)
        .filter(official_id__in=list(official_ids))
        .select_related("agency")
    )
    for position in positions:  # newest start first: keep the first seen
        result.setdefault(position.official_id, position)
    return result


def subject_phrase(official, position, place_label):
    """ "Pj. Bupati Kobar Budi Santosa (tengah)"."""
    parts = [position.label if position else "", official.display_name]
    text = " ".join(p for p in parts if p)
    return f"{text} ({place_label})" if place_label else text


def caption_from_subjects(subjects, day):
    """Name the people of a photo with their positions on ``day``.

    ``subjects`` is an iterable of PhotoSubject (with ``official`` loaded).
    Gives "Kapolres Kobar AKBP Yusfandi Usman (kiri), Pj. Bupati Kobar Budi
    Santosa (tengah) dan Kaban Kesbangpol Kobar Edie Faganti (kanan)".
    """
    subjects = list(subjects)
    positions = positions_on({s.official_id for s in subjects}, day)
    phrases = [
        subject_phrase(
            s.official,
            positions.get(s.official_id),
            "" if s.place == s.Place.OTHER else s.get_place_display(),
        )
        for s in subjects
    ]
    if len(phrases) <= 1:
        return "".join(phrases)
    return ", ".join(phrases[:-1]) + " dan " + phrases[-1]
