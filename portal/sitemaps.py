"""Sitemaps for search engines: an index, one sitemap per kind of page, and a
Google News sitemap of the last 48 hours.

Every address is absolute on ``WARTA_SITE_URL`` (the same as the pages'
canonical links), not on whatever host the request came in by.
"""

import datetime
import re
from html import escape as xml_escape
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Max, Min
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.http import http_date

from articles.models import Agency, Article, Category, Official, Page

from .caching import not_stored, page_params
from .seo import absolute, xml_text

NEWS_HOURS = 48
NEWS_LIMIT = 1000  # Google News sitemaps hold at most 1,000 URLs
# Stories per sitemap page: a page costs the same at any size of archive.
STORIES_PER_SITEMAP = 1000


class SiteSitemap(Sitemap):
    """Addresses on the configured public site."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.WARTA_SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.WARTA_SITE_URL).netloc


class HomeSitemap(SiteSitemap):
    changefreq = "hourly"
    priority = 1.0

    def items(self):
        return ["portal:home"]

    def location(self, item):
        return reverse(item)


class StoryPages(Paginator):
    """The story sitemap's pages: page ``n`` lists the visible stories whose
    ids are in the ``n``-th block of ``per_page`` ids from the lowest, in id
    order.

    Each page is a range of the primary key, and the number of pages comes
    from the lowest and highest visible ids (two index probes): nothing
    counts or skips the stories before a page, so the last page of a decade
    costs what the first does, and old pages stay the same as stories are
    added. A block left without a visible story (a thousand consecutive
    stories deleted) is a 404, as Django answers an empty sitemap page.
    """

    @cached_property
    def _bounds(self):
        return self.object_list.aggregate(low=Min("pk"), high=Max("pk"))

    @cached_property
    def num_pages(self):
        low, high = self._bounds["low"], self._bounds["high"]
        return (high - low) // self.per_page + 1 if low is not None else 1

    def page(self, number):
        number = self.validate_number(number)
        first = (self._bounds["low"] or 0) + (number - 1) * self.per_page
        stories = self.object_list.filter(
            pk__gte=first, pk__lt=first + self.per_page
        ).order_by("pk")
        return self._get_page(stories, number, self)


class ArticleSitemap(SiteSitemap):
    changefreq = "weekly"
    limit = STORIES_PER_SITEMAP

    def items(self):
        return Article.objects.visible().only("slug", "updated_at", "published_at")

    @property
    def paginator(self):
        return StoryPages(self.items(), self.limit)

    def location(self, item):
        return f"{_story_prefix()}{item.slug}/"

    def lastmod(self, item):
        return item.updated_at


class CategorySitemap(SiteSitemap):
    changefreq = "daily"

    def items(self):
        return Category.objects.all()


class AgencySitemap(SiteSitemap):
    changefreq = "weekly"

    def items(self):
        return Agency.objects.filter(is_active=True).order_by("slug")


class OfficialSitemap(SiteSitemap):
    changefreq = "weekly"

    def items(self):
        return Official.objects.filter(is_active=True).order_by("slug")


class PageSitemap(SiteSitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.order_by("slug")

    def lastmod(self, item):
        return item.updated_at


SECTIONS = {
    "beranda": HomeSitemap,
    "berita": ArticleSitemap,
    "kategori": CategorySitemap,
    "instansi": AgencySitemap,
    "pejabat": OfficialSitemap,
    "halaman": PageSitemap,
}


def index(request):
    """The sitemap index: each section's sitemap(s) and the news sitemap."""
    locations = []
    for name, sitemap_class in SECTIONS.items():
        pages = sitemap_class().paginator.num_pages
        url = absolute(reverse("portal:sitemap-section", args=[name]))
        locations.append(url)
        locations.extend(f"{url}?p={page}" for page in range(2, pages + 1))
    locations.append(absolute(reverse("portal:sitemap-news")))
    # Written without the template engine: at 100,000 stories the story
    # sitemap alone has a hundred pages.
    entries = "".join(
        f"<sitemap><loc>{escape(location)}</loc></sitemap>\n" for location in locations
    )
    return HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</sitemapindex>\n",
        content_type="application/xml",
    )


def _story_prefix():
    """A story's address without its slug: one reverse() for a whole page."""
    return reverse("portal:detail", args=["-"])[:-2]


def _story_urls(request):
    """The story sitemap's page as Django's sitemap view lists it, read as
    plain values rather than one model instance per story."""
    try:
        page = ArticleSitemap().paginator.page(request.GET.get("p", 1))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404("No such sitemap page") from error
    prefix = absolute(_story_prefix())
    urls = [
        {"location": f"{prefix}{slug}/", "lastmod": updated, "changefreq": "weekly"}
        for slug, updated in page.object_list.values_list("slug", "updated_at")
    ]
    if not urls and page.number > 1:
        raise Http404("Empty sitemap page")
    return urls


def section(request, section):
    if section not in SECTIONS:
        raise Http404("No such sitemap")
    if section == "berita":
        urls = _story_urls(request)
        response = HttpResponse(content_type="application/xml")
        if urls:
            latest = max(url["lastmod"] for url in urls)
            response["Last-Modified"] = http_date(latest.timestamp())
    else:
        response = sitemap_view(request, {section: SECTIONS[section]}, section)
        urls = response.context_data["urlset"]
    # Written without the template engine: a thousand entries through
    # Django's sitemap template cost most of the page's time.
    response.content = _urlset(urls)
    number = page_params(request).get("p")
    if number is not None and not re.fullmatch(r"[2-9]|[1-9][0-9]+", number):
        not_stored(response)  # "?p=1", "?p=02": the same sitemap, not stored twice
    return response


def _urlset(urls):
    """The ``<urlset>`` document of Django's ``sitemap.xml`` for ``urls``."""
    zone = timezone.get_current_timezone()  # once, not once per entry
    entries = []
    for url in urls:
        parts = [f"<loc>{escape(url['location'])}</loc>"]
        lastmod = url.get("lastmod")
        if lastmod:
            if isinstance(lastmod, datetime.datetime):
                lastmod = lastmod.astimezone(zone)
            parts.append(f"<lastmod>{lastmod.isoformat()}</lastmod>")
        if url.get("changefreq"):
            parts.append(f"<changefreq>{url['changefreq']}</changefreq>")
        if url.get("priority"):
            parts.append(f"<priority>{url['priority']}</priority>")
        entries.append(f"<url>{''.join(parts)}</url>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{''.join(entries)}</urlset>\n"
    )


def news(request):
    """Google News sitemap: visible stories of the last 48 hours, written
    without the template engine (a busy newsroom has hundreds of them)."""
    since = timezone.now() - datetime.timedelta(hours=NEWS_HOURS)
    stories = (
        Article.objects.visible()
        .filter(published_at__gte=since)
        .order_by("-published_at", "-pk")
        .values_list("slug", "title", "published_at")[:NEWS_LIMIT]
    )
    zone = timezone.get_current_timezone()
    prefix = escape(absolute(_story_prefix()))
    # Each entry's text is escaped with the standard library's ``escape``:
    # Django's (a lazy-aware wrapper making a SafeString) cost more than the
    # rest of an entry.
    head = (
        "</loc>\n<news:news>\n<news:publication><news:name>"
        f"{escape(xml_text(settings.WARTA_SITE_NAME))}</news:name>"
        "<news:language>id</news:language></news:publication>\n"
        "<news:publication_date>"
    )
    entries = [
        f"<url>\n<loc>{prefix}{xml_escape(slug)}/{head}"
        f"{published_at.astimezone(zone).replace(microsecond=0).isoformat()}"
        "</news:publication_date>\n"
        f"<news:title>{xml_escape(xml_text(title))}</news:title>\n</news:news>\n</url>\n"
        for slug, title, published_at in stories
    ]
    return HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
        f"{''.join(entries)}</urlset>\n",
        content_type="application/xml",
    )
