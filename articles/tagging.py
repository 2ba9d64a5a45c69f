"""How tags are typed: a comma-separated list, no quoting rules to learn.

django-taggit's default parser also splits on spaces and shows multi-word
tags in quotes ("pilkada 2024"), which confuses writers; here a tag is
whatever stands between commas.
"""

from django.utils.text import slugify


def parse_tags(text):
    """ "pilkada 2024, keamanan" -> ["keamanan", "pilkada 2024"]."""
    seen = {}
    for raw in (text or "").split(","):
        name = " ".join(raw.split()).strip("\"'")
        # A tag needs a letter or digit: "!!!" would get an empty address.
        if slugify(name, allow_unicode=True):
            seen.setdefault(name.lower(), name[:100])
    return sorted(seen.values())


def edit_string_for_tags(tags):
    """The tags of a story as the writer typed them: "keamanan, pilkada 2024"."""
    return ", ".join(sorted(tag.name for tag in tags))
