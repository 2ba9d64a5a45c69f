"""RSS 2.0 feeds: all stories, and per category, tag and agency.

Each item carries the featured photo (a 1200-pixel JPEG rendition, or the
original until the worker has made it) as its
enclosure. The description (the summary) is HTML-escaped, since feed readers
render it as HTML. Text goes through ``seo.xml_text``: XML 1.0 cannot carry most
control characters, and Django's feed writer refuses them, so they are dropped.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from articles.models import Agency, Category

from . import selectors
from .pagination import newest
from .seo import absolute, xml_text

FEED_SIZE = 20
ENCLOSURE_WIDTH = 1200


class LatestFeed(Feed):
    """The newest visible stories of the whole site."""

    feed_type = Rss201rev2Feed
    language = "id"

    def title(self, obj=None):
        return xml_text(settings.WARTA_SITE_NAME)

    def link(self, obj=None):
        return absolute("/")

    def feed_url(self, obj=None):
        # Absolute on WARTA_SITE_URL, not on the request's host: the cached
        # feed is the same whatever host it was asked for by.
        return absolute(reverse("portal:feed"))

    def description(self, obj=None):
        return xml_text(
            _("Berita terbaru dari %(site)s") % {"site": settings.WARTA_SITE_NAME}
        )

    def stories(self, obj):
        return selectors.listing_queryset()

    def items(self, obj=None):
        # The newest ids first, then their rows (as a listing's page, see
        # portal.pagination): an agency's thousands of stories are never read
        # whole to be sorted.
        cards = (
            selectors.listing_queryset()
            .select_related("contributing_agency")
            .prefetch_related("tags")
        )
        return newest(cards, self.stories(obj), FEED_SIZE)

    def item_title(self, item):
        return xml_text(item.title)

    def item_description(self, item):
        # Readers render an RSS description as HTML; the summary is plain
        # text, so it is escaped to show as typed ("<img ...>" as text).
        return escape(xml_text(item.summary))

    def item_link(self, item):
        return absolute(item.get_absolute_url())

    def item_guid(self, item):
        # Stable across slug changes (old slugs redirect, but a reader's feed
        # client would show a renamed story twice).
        return absolute(f"/#berita-{item.pk}")

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        agency = item.contributing_agency
        return xml_text(agency.short_name if agency else settings.WARTA_SITE_NAME)

    def item_categories(self, item):
        names = [item.category.name] if item.category else []
        return [xml_text(name) for name in names + [t.name for t in item.tags.all()]]

    def item_enclosures(self, item):
        featured = item.featured_photo()
        if not featured:
            return []
        # The original while the worker has not made the renditions yet.
        picture = featured.photo.image(ENCLOSURE_WIDTH, "jpeg")
        if not picture:
            return []
        try:
            length = picture.file.size
        except OSError:
            length = 0
        return [Enclosure(absolute(picture.url), str(length), picture.content_type)]


class CategoryFeed(LatestFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, obj=None):
        return xml_text(f"{obj.name} — {settings.WARTA_SITE_NAME}")

    def link(self, obj=None):
        return absolute(obj.get_absolute_url())

    def feed_url(self, obj=None):
        return absolute(reverse("portal:category-feed", args=[obj.slug]))

    def stories(self, obj):
        return selectors.listing_queryset().filter(category=obj)


class TagFeed(LatestFeed):
    def get_object(self, request, slug):
        return get_object_or_404(selectors.public_tags(), slug=slug)

    def title(self, obj=None):
        return xml_text(f"#{obj.name} — {settings.WARTA_SITE_NAME}")

    def link(self, obj=None):
        return absolute(reverse("portal:tag", args=[obj.slug]))

    def feed_url(self, obj=None):
        return absolute(reverse("portal:tag-feed", args=[obj.slug]))

    def stories(self, obj):
        return selectors.stories_with_tag(obj)


class AgencyFeed(LatestFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Agency, slug=slug)

    def title(self, obj=None):
        return xml_text(f"{obj.short_name} — {settings.WARTA_SITE_NAME}")

    def link(self, obj=None):
        return absolute(obj.get_absolute_url())

    def feed_url(self, obj=None):
        return absolute(reverse("portal:agency-feed", args=[obj.slug]))

    def stories(self, obj):
        return selectors.stories_of_agency(obj)
