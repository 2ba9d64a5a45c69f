"""Reads that span models: the position an official held on a day, the
caption that names the people in a photo with those positions, and a story's
photos as readers see them (the featured one, and the rest in the gallery)."""

from .models import ArticlePhoto, Position


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


def shown_in_body(item, body):
    """Whether an inline photo already stands in the body (placed with CKEditor).

    An inline photo the writer did not place in the text is shown with the
    gallery instead, so that no photo of a story is lost to readers.
    """
    files = [item.photo.file.name, *(r.file.name for r in item.photo.renditions.all())]
    return any(name and name in body for name in files)


def photos_as_read(article):
    """``(featured, gallery)``: the story's featured ArticlePhoto (or None) and
    the photos shown after the text, as the public page and the newsroom's
    read-only view show them (prefetch ``photos__photo__renditions``)."""
    photos = list(article.photos.all())
    featured = next((p for p in photos if p.role == ArticlePhoto.Role.FEATURED), None)
    gallery = [
        p
        for p in photos
        if p.role == ArticlePhoto.Role.GALLERY
        or (p.role == ArticlePhoto.Role.INLINE and not shown_in_body(p, article.body))
    ]
    return featured, gallery
