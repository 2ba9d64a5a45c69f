"""Public pages. Every story shown comes from ``Article.objects.visible()``."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from taggit.models import Tag

from .models import (
    Agency,
    Article,
    ArticlePhoto,
    ArticleSlugRedirect,
    Category,
    Official,
)
from .selectors import positions_on

PAGE_SIZE = 12


def _listing():
    return (
        Article.objects.visible()
        .select_related("category", "contributing_agency")
        .prefetch_related(
            Prefetch(
                "photos",
                queryset=ArticlePhoto.objects.select_related("photo").prefetch_related(
                    "photo__renditions"
                ),
            )
        )
        .order_by("-published_at", "-pk")
    )


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def home(request):
    return render(request, "articles/home.html", {"page": _page(request, _listing())})


def article_detail(request, slug):
    article = (
        _listing()
        .prefetch_related("tags", "agencies", "officials")
        .filter(slug=slug)
        .first()
    )
    if article is None:
        moved = (
            ArticleSlugRedirect.objects.filter(old_slug=slug)
            .select_related("article")
            .first()
        )
        if moved and moved.article.is_visible:
            return redirect(moved.article, permanent=True)
        article = get_object_or_404(Article.objects.none())
    positions = positions_on(
        [o.pk for o in article.officials.all()], article.reference_date
    )
    officials = [(o, positions.get(o.pk)) for o in article.officials.all()]
    related = _listing().filter(pk__in=article.related.values("pk"))
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "officials": officials,
            "related": related,
        },
    )


def category_detail(request, slug):
    category = get_object_or_404(Category, slug=slug)
    page = _page(request, _listing().filter(category=category))
    return render(
        request, "articles/listing.html", {"heading": category.name, "page": page}
    )


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page = _page(request, _listing().filter(tags=tag))
    return render(request, "articles/listing.html", {"heading": tag.name, "page": page})


def agency_detail(request, slug):
    agency = get_object_or_404(Agency, slug=slug)
    page = _page(request, _listing().filter(agencies=agency).distinct())
    return render(
        request, "articles/listing.html", {"heading": agency.name, "page": page}
    )


def official_detail(request, slug):
    official = get_object_or_404(Official, slug=slug)
    page = _page(request, _listing().filter(officials=official).distinct())
    return render(
        request,
        "articles/listing.html",
        {
            "heading": official.display_name,
            "page": page,
        },
    )
