"""Data migrations of articles, run on rows as they were before them."""

import importlib

import pytest
from django.apps import apps

from articles.models import ArticlePhoto
from tests.support.newsroom import bare_photo, ready_story

pytestmark = pytest.mark.django_db


def test_a_story_rows_copy_of_the_library_caption_is_dropped_and_an_override_kept():
    migration = importlib.import_module(
        "articles.migrations.0005_photo_captions_in_the_library"
    )
    photo = bare_photo()
    copied = ArticlePhoto.objects.get(article=ready_story(photo=photo))
    copied.caption = photo.caption
    copied.save()
    own = ArticlePhoto.objects.get(article=ready_story(photo=photo))

    migration.drop_copied_captions(apps, None)

    copied.refresh_from_db()
    own.refresh_from_db()
    assert copied.caption == ""
    assert copied.effective_caption == photo.caption
    assert own.caption == "Pj. Bupati Kobar (tengah) memberi arahan."
