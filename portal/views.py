"""Public pages. Every story shown comes from ``Article.objects.visible()``.

Views only fetch (through ``selectors``) and render; the JSON-LD, Open Graph
and share links are plain data from ``seo`` and escaped by the templates.
"""

import datetime
from urllib.parse import urlencode

from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from articles.models import (
    Article,
    ArticleSlugRedirect,
    Category,
    Official,
)
from articles.selectors import photos_as_read

from . import relations, selectors, seo, takedowns
from .caching import not_stored, page_params
from .corrections import entry, story_corrections
from .highlighting import highlights_add
from .pagination import ListingPaginator
from .popularity import popular_articles, read_report, sent_from_this_site
from .search_fallbacks import empty_outcome, search_outcome
from .search_form import SearchForm
from .seo import absolute

PAGE_SIZE = 12


def _page(request, queryset):
    """The requested page; a bad or too-high number gives the nearest real page."""
    return ListingPaginator(
        queryset, PAGE_SIZE, cards=selectors.listing_queryset()
    ).get_page(page_params(request).get("page"))


def _page_param(page):
    """``page`` as the canonical ``?page=`` value (none for the first)."""
    return str(page.number) if page.number > 1 else None


def _canonical(request, page=None):
    url = absolute(request.path)
    if page is not None and page.number > 1:
        url += f"?page={page.number}"
    return url


def home(request):
    headline, latest = selectors.front_page(latest=6)
    shown = [headline, *latest] if headline else []
    # The categories are the navigation too: the home page stays within its
    # query budget.
    categories, blocks = selectors.category_blocks(
        Category.objects.all(), exclude=shown, per_category=3
    )
    selectors.photos_load(shown + [a for _, articles in blocks for a in articles])
    return render(
        request,
        "portal/home.html",
        {
            "headline": headline,
            "latest": latest,
            "blocks": blocks,
            "popular": popular_articles(),
            "nav_categories": categories,
            "canonical_url": absolute("/"),
            "archive_url": _archive_url(timezone.localdate()),
        },
    )


def article_detail(request, slug):
    article = selectors.story_for_reader(slug)
    if article is None:
        moved = (
            ArticleSlugRedirect.objects.filter(
                old_slug=slug, article__in=Article.objects.visible()
            )
            .select_related("article")
            .first()
        )
        if moved:
            return redirect(moved.article, permanent=True)
        gone = takedowns.withdrawn_page(request, slug)
        if gone:
            return gone
        raise Http404(_("Berita tidak ditemukan."))
    return render_article(request, article)


def render_article(request, article, *, preview=False):
    """Render the story page for ``article``.

    The public view passes a visible story loaded by
    ``selectors.story_for_reader``; the editorial preview passes any story
    with ``preview=True``, which marks the page as a preview, keeps it out of
    search engines and out of every cache.
    """
    if "photos" not in getattr(article, "_prefetched_objects_cache", {}):
        article = selectors.story_with_relations(
            Article.objects.filter(pk=article.pk)
        ).get()
    featured, gallery = photos_as_read(article)
    tags, agencies, officials = relations.story_relations(article)
    canonical_url = absolute(article.get_absolute_url())
    og_image = seo.og_image(featured)
    breadcrumbs = seo.breadcrumbs(article, canonical_url)
    corrections = (
        [entry(c) for c in story_corrections(article)]
        if getattr(article, "has_corrections", True)
        else []
    )
    response = render(
        request,
        "portal/article_detail.html",
        {
            "article": article,
            "featured": featured,
            "gallery": gallery,
            "tags": tags,
            "agencies": agencies,
            "officials": officials,
            "related": relations.related_stories(
                article,
                tags=tags,
                agencies=agencies,
                officials=[official for official, _position in officials],
            ),
            "canonical_url": canonical_url,
            "og_image": og_image,
            "breadcrumbs": breadcrumbs,
            "share_links": seo.share_links(article.title, canonical_url),
            "structured_data": seo.article_structured_data(
                article,
                canonical_url,
                og_image,
                breadcrumbs,
                agencies=agencies,
                officials=officials,
                corrections=corrections,
            ),
            "corrections": corrections,
            "preview": preview,
        },
    )
    if preview:
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex"
    return response


def _listing(request, template, queryset, **context):
    page = _page(request, queryset)
    context.update(page=page, canonical_url=_canonical(request, page))
    response = render(request, template, context)
    if page_params(request).get("page") != _page_param(page):
        not_stored(response)  # "?page=01", "?page=999": shown, not cached
    return response


def category_detail(request, slug):
    category = get_object_or_404(Category, slug=slug)
    return _listing(
        request,
        "portal/category.html",
        selectors.listing_queryset().filter(category=category),
        category=category,
        heading=category.name,
        feed_url=reverse("portal:category-feed", args=[category.slug]),
    )


def tag_detail(request, slug):
    tag = get_object_or_404(selectors.public_tags(), slug=slug)
    return _listing(
        request,
        "portal/listing.html",
        selectors.stories_with_tag(tag),
        heading=f"#{tag.name}",
        feed_url=reverse("portal:tag-feed", args=[tag.slug]),
    )


def agency_detail(request, slug):
    agency, children = selectors.agency_with_children(slug)
    if agency is None:
        raise Http404(_("Instansi tidak ditemukan."))
    return _listing(
        request,
        "portal/agency.html",
        selectors.stories_of_agency(agency),
        agency=agency,
        heading=agency.name,
        children=children,
        current_positions=selectors.agency_current_officials(agency),
        feed_url=reverse("portal:agency-feed", args=[agency.slug]),
    )


def official_detail(request, slug):
    official = get_object_or_404(Official.objects.select_related("portrait"), slug=slug)
    if official.portrait:
        # One query for the portrait's renditions, used by the <picture>.
        list(official.portrait.renditions.all())
    return _listing(
        request,
        "portal/official.html",
        selectors.stories_mentioning_official(official),
        official=official,
        heading=official.display_name,
        positions=selectors.official_positions(official),
    )


def _archive_url(day):
    return reverse(
        "portal:archive", kwargs={"year": day.year, "month": f"{day.month:02d}"}
    )


def archive_month(request, year, month):
    if not 1 <= month <= 12 or not 2000 <= year <= 9000:
        raise Http404(_("Bulan tidak dikenal."))
    start = datetime.date(year, month, 1)
    if request.path != _archive_url(start):  # /arsip/2024/1/, /arsip/02024/01/
        query = request.META.get("QUERY_STRING", "")
        return redirect(_archive_url(start) + (f"?{query}" if query else ""))
    following = (start + datetime.timedelta(days=32)).replace(day=1)
    previous = (start - datetime.timedelta(days=1)).replace(day=1)
    queryset = selectors.listing_queryset().filter(
        published_at__gte=timezone.make_aware(
            datetime.datetime.combine(start, datetime.time.min)
        ),
        published_at__lt=timezone.make_aware(
            datetime.datetime.combine(following, datetime.time.min)
        ),
    )
    return _listing(
        request,
        "portal/archive.html",
        queryset,
        month=start,
        previous_url=_archive_url(previous),
        next_url=_archive_url(following) if following <= timezone.localdate() else None,
    )


def search(request):
    params = page_params(request)
    form = SearchForm(params or None)
    if params:
        outcome = search_outcome(*form.query_and_filters(), params.get("page"))
    else:
        outcome = empty_outcome()
    # A search shows at most its ranked window (search.RANK_WINDOW), counted
    # by the page's own query.
    page = outcome.page
    highlights_add(page.object_list, outcome.words)
    response = render(
        request,
        "portal/search.html",
        {
            "form": form,
            "query": outcome.query,
            "outcome": outcome,
            "suggestion_url": _suggestion_url(form, page, outcome),
            "page": page,
            "estimate": outcome.estimate(),
            "canonical_url": absolute(request.path),
        },
    )
    if params != _search_params(form, page):
        not_stored(response)  # an unknown rubric, a date typed another way ...
    return response


def _search_params(form, page):
    """The canonical query string of a search, from what the form accepted."""
    data = getattr(form, "cleaned_data", {})
    values = {
        "q": data.get("q"),
        "kategori": data["kategori"].slug if data.get("kategori") else None,
        "instansi": data["instansi"].slug if data.get("instansi") else None,
        "dari": data["dari"].isoformat() if data.get("dari") else None,
        "sampai": data["sampai"].isoformat() if data.get("sampai") else None,
        "page": _page_param(page),
    }
    return {name: value for name, value in values.items() if value}


def _suggestion_url(form, page, outcome):
    """The search for the suggested words, with the same filters."""
    if not outcome.suggestion:
        return ""
    params = _search_params(form, page)
    params.pop("page", None)
    params["q"] = outcome.suggestion
    return f"{reverse('portal:search')}?{urlencode(params)}"


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /pratinjau/",
        "Disallow: /cari/",
        "Disallow: /baca/",
        "",
        f"Sitemap: {absolute(reverse('portal:sitemap-index'))}",
        f"Sitemap: {absolute(reverse('portal:sitemap-news'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


# A beacon carries no CSRF token; the read counter checks where it came from
# itself and answers other websites 403 (see ``portal.popularity``).
@csrf_exempt
@require_POST
def read_beacon(request, pk):
    """Count one read of story ``pk`` (see ``portal.popularity``)."""
    if not sent_from_this_site(request):
        response = HttpResponseForbidden()
    elif not read_report(request, article_id=pk):
        response = HttpResponse(status=404)
    else:
        response = HttpResponse(status=204)
    patch_cache_control(response, no_store=True)
    return response
