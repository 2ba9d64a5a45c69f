"""``slug_url`` gives exactly what ``reverse()`` gives (articles/reversing.py)."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from articles.reversing import slug_url

VIEWS = ["portal:detail", "portal:category", "portal:agency", "portal:tag"]


@pytest.mark.parametrize("view", VIEWS + ["portal:official", "portal:page"])
@pytest.mark.parametrize("slug", ["banjir-bandang", "a", "Pilkada_2024", "x-1-y"])
def test_plain_slugs_give_the_address_reverse_gives(view, slug):
    assert slug_url(view, slug) == reverse(view, kwargs={"slug": slug})


def test_other_values_go_through_reverse():
    # A tag's slug may hold what ``str`` accepts and quoting changes.
    assert slug_url("portal:tag", "jalan rusak") == "/tag/jalan%20rusak/"
    assert slug_url("portal:tag", "pendidikan-é") == reverse(
        "portal:tag", kwargs={"slug": "pendidikan-é"}
    )
    with pytest.raises(NoReverseMatch):
        slug_url("portal:tag", "kota/desa")
    with pytest.raises(NoReverseMatch):
        slug_url("portal:detail", "bukan slug")
    with pytest.raises(NoReverseMatch):
        slug_url("portal:detail", "")


def test_the_script_prefix_is_honoured():
    set_script_prefix("/portal/")
    try:
        assert slug_url("portal:detail", "abc") == "/portal/berita/abc/"
    finally:
        set_script_prefix("/")
    assert slug_url("portal:detail", "abc") == "/berita/abc/"
