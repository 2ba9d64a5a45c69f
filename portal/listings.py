"""The directories readers look for: officials in office, agencies by kind,
and the categories with their stories. Each is paginated, a bad or too-high
``?page=`` giving the nearest real page (shown, not cached)."""

from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, OuterRef, Q, Subquery, When
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Agency, Article, Category, Position

from .caching import not_stored, page_params
from .seo import absolute

DIRECTORY_PAGE_SIZE = 50


def _directory(request, template, queryset, heading):
    page = Paginator(queryset, DIRECTORY_PAGE_SIZE).get_page(
        page_params(request).get("page")
    )
    canonical_url = absolute(request.path)
    if page.number > 1:
        canonical_url += f"?page={page.number}"
    response = render(
        request,
        template,
        {"page": page, "heading": heading, "canonical_url": canonical_url},
    )
    wanted = str(page.number) if page.number > 1 else None
    if page_params(request).get("page") != wanted:
        not_stored(response)  # "?page=01", "?page=999": shown, not cached
    return response


def officials_in_office(request):
    """Officials by agency, each with the position held today (one query)."""
    positions = (
        Position.objects.current()
        .filter(official__is_active=True, agency__is_active=True)
        .select_related("official", "agency")
        .order_by("agency__short_name", "agency_id", "official__name", "pk")
    )
    return _directory(
        request, "portal/officials.html", positions, _("Pejabat yang menjabat")
    )


def agencies_by_kind(request):
    """Active agencies grouped by kind, in the order the kinds are declared."""
    kind_order = Case(
        *(When(kind=kind, then=n) for n, kind in enumerate(Agency.Kind.values)),
        output_field=IntegerField(),
    )
    agencies = (
        Agency.objects.filter(is_active=True)
        .annotate(kind_order=kind_order)
        .order_by("kind_order", "short_name", "pk")
    )
    return _directory(request, "portal/agencies.html", agencies, _("Instansi"))


def categories_with_stories(request):
    """Every category with its number of visible stories and its newest one."""
    now = timezone.now()
    visible = Q(
        articles__status=Article.Status.PUBLISHED, articles__published_at__lte=now
    )
    newest = (
        Article.objects.visible()
        .filter(category=OuterRef("pk"))
        .order_by("-published_at", "-pk")
    )
    categories = Category.objects.annotate(
        story_count=Count("articles", filter=visible),
        newest_title=Subquery(newest.values("title")[:1]),
        newest_slug=Subquery(newest.values("slug")[:1]),
    ).order_by("display_order", "name", "pk")
    return _directory(request, "portal/categories.html", categories, _("Rubrik"))
