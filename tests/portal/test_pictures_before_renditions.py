"""Until the worker has made a photo's renditions, every page shows the next
size that exists, or the original: never a broken image (``Photo.image``
behind the ``picture`` tag, the Open Graph image and the feed enclosure)."""

import feedparser
import pytest
from django.core.cache import cache
from lxml import html as lxml_html

from media_library.models import Rendition
from tests.support.stories import seed_story

pytestmark = pytest.mark.django_db
SITE = "https://mmc.kobarkab.go.id"


@pytest.fixture
def story(settings):
    settings.WARTA_SITE_URL = SITE
    return seed_story(photos=1, featured_width=2000)


def _drop(photo, **filters):
    for rendition in photo.renditions.filter(**filters):
        rendition.file.delete(save=False)
        rendition.delete()


def _story_page(client, story):
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    doc = lxml_html.fromstring(response.content)
    og = {m.get("property"): m.get("content") for m in doc.xpath("//meta[@property]")}
    return doc, og


def _featured_img(doc, photo):
    (img,) = doc.xpath(f'//img[@alt="{photo.alt_text}"]')
    return img


def test_without_renditions_pages_show_the_original(client, story):
    photo = story.photos.get().photo
    _drop(photo)

    doc, og = _story_page(client, story)

    img = _featured_img(doc, photo)
    assert img.get("src") == photo.file.url
    assert img.get("srcset") is None
    assert not doc.xpath('//source[@type="image/webp"]')
    assert og["og:image"] == f"{SITE}{photo.file.url}"
    assert og["og:image:width"] == str(photo.width)
    entry = feedparser.parse(client.get("/feed/").content).entries[0]
    assert entry.enclosures[0].href == f"{SITE}{photo.file.url}"
    assert entry.enclosures[0].type == "image/jpeg"
    assert int(entry.enclosures[0].length) == photo.file.size


def test_missing_sizes_give_way_to_the_next_that_exists(client, story):
    photo = story.photos.get().photo
    _drop(photo, width=1200)
    _drop(photo, width=1600, format=Rendition.Format.WEBP)

    doc, og = _story_page(client, story)

    # The 1200 px Open Graph image: the next size up.
    assert og["og:image"].endswith("-1600w.jpg")
    assert og["og:image:width"] == "1600"
    img = _featured_img(doc, photo)
    (webp,) = doc.xpath('//source[@type="image/webp"]')
    assert _widths(img.get("srcset")) == ["320w", "640w", "960w", "1600w"]
    assert _widths(webp.get("srcset")) == ["320w", "640w", "960w"]
    for candidate in img.get("srcset").split(", "):
        assert candidate.split()[0].startswith("/media/renditions/")


def _widths(srcset):
    return [candidate.split()[-1] for candidate in srcset.split(", ")]


def test_without_larger_sizes_the_largest_there_is_serves(client, story):
    photo = story.photos.get().photo
    _drop(photo, width__gte=1200)

    _doc, og = _story_page(client, story)

    assert og["og:image"].endswith("-960w.jpg")


def test_a_photo_shows_its_new_renditions_and_alt_text_at_once(client, story):
    photo = story.photos.get().photo
    renditions = list(photo.renditions.all())
    _drop(photo)
    doc, _og = _story_page(client, story)
    assert photo.file.url in _featured_img(doc, photo).get("src")
    # The worker makes the renditions, an editor corrects the alt text.
    Rendition.objects.bulk_create(
        Rendition(
            photo=photo,
            width=r.width,
            height=r.height,
            format=r.format,
            file=r.file.name,
        )
        for r in renditions
    )
    photo.alt_text = "Teks alternatif baru"
    photo.save(update_fields=["alt_text"])
    cache.clear()  # the page cache's part is tested in test_invalidation.py
    doc, _og = _story_page(client, story)
    img = _featured_img(doc, photo)
    assert "renditions/" in img.get("src")
    assert img.get("srcset")
