"""The fixed pages (halaman): the editorial board, the press guideline, about,
contact and any others the editors add."""

from django.shortcuts import get_object_or_404, render

from articles.models import Page

from .seo import absolute


def page_detail(request, slug):
    page = get_object_or_404(Page, slug=slug)
    return render(
        request,
        "portal/page.html",
        {"page": page, "canonical_url": absolute(page.get_absolute_url())},
    )
