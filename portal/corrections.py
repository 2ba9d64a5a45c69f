"""The public side of corrections: the entries at the top of a story, the
comparison of what readers saw before and after, the /koreksi/ page listing
every entry, and its RSS feed.

The /koreksi/ page renders generic entries (``entry`` dicts: kind label,
date, story title and address, text) so that other kinds of public notice
can be listed alongside corrections.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from articles.models import Article, ArticleCorrection
from articles.revisions import compare

from .caching import not_stored, page_params
from .seo import absolute, xml_text
from .takedowns import public_takedowns, takedown_entry

PAGE_SIZE = 20
FEED_SIZE = 20


def public_corrections():
    """Entries readers may see: on visible stories, not replaced by a newer
    entry; newest first."""
    return (
        ArticleCorrection.objects.filter(
            article__in=Article.objects.visible(), superseded_by__isnull=True
        )
        .select_related("article", "supersedes")
        .order_by("-created_at", "-pk")
    )


def story_corrections(article):
    """The entries shown at the top of ``article``'s page (one query)."""
    return list(
        article.corrections.filter(superseded_by__isnull=True)
        .select_related("supersedes")
        .order_by("-created_at", "-pk")
    )


def entry(correction):
    """A correction as a generic public notice for listings and feeds."""
    return {
        "key": f"koreksi-{correction.pk}",
        "label": correction.get_kind_display(),
        "date": correction.created_at,
        "title": correction.article.title,
        "url": correction.article.get_absolute_url(),
        "text": correction.summary,
        "reason": correction.reason,
        "sender_name": correction.sender_name,
        "reply_text": correction.reply_text,
        "replaces": correction.supersedes.created_at if correction.supersedes else None,
        "changes_url": reverse("portal:story-changes", args=[correction.pk])
        if correction.has_changes
        else "",
    }


def public_notices():
    """Every public notice, newest first, as ``(date, kind, pk)``: corrections
    on visible stories and public takedowns in force (two small queries; such
    notices number in the hundreds, not the thousands)."""
    notices = [
        (created, "koreksi", pk)
        for created, pk in public_corrections().values_list("created_at", "pk")
    ] + [
        (created, "dicabut", pk)
        for created, pk in public_takedowns().values_list("created_at", "pk")
    ]
    return sorted(notices, reverse=True)


def notice_entries(notices):
    """The entries of ``notices`` (from ``public_notices``), in their order."""
    wanted = {kind: [pk for _d, k, pk in notices if k == kind] for kind in KINDS}
    loaded = {
        ("koreksi", c.pk): entry(c)
        for c in public_corrections().filter(pk__in=wanted["koreksi"])
    }
    loaded.update(
        {
            ("dicabut", t.pk): takedown_entry(t)
            for t in public_takedowns().filter(pk__in=wanted["dicabut"])
        }
    )
    return [loaded[kind, pk] for _d, kind, pk in notices if (kind, pk) in loaded]


KINDS = ("koreksi", "dicabut")


def corrections_list(request):
    """/koreksi/: every correction and public takedown, newest first."""
    page = Paginator(public_notices(), PAGE_SIZE).get_page(
        page_params(request).get("page")
    )
    canonical_url = absolute(request.path)
    if page.number > 1:
        canonical_url += f"?page={page.number}"
    response = render(
        request,
        "portal/corrections.html",
        {
            "page": page,
            "entries": notice_entries(page.object_list),
            "canonical_url": canonical_url,
            "feed_url": reverse("portal:corrections-feed"),
        },
    )
    wanted = str(page.number) if page.number > 1 else None
    if page_params(request).get("page") != wanted:
        not_stored(response)  # "?page=01", "?page=999": shown, not cached
    return response


def story_changes(request, pk):
    """What a story said before and after a correction, as readers saw it:
    the two revisions the correction recorded (never a draft's)."""
    correction = get_object_or_404(
        public_corrections().select_related("revision_before", "revision_after"),
        pk=pk,
    )
    if not correction.has_changes:
        raise Http404
    comparison = compare(
        correction.revision_before.content, correction.revision_after.content
    )
    return render(
        request,
        "portal/story_changes.html",
        {
            "correction": correction,
            "entry": entry(correction),
            "article": correction.article,
            "fields": [f for f in comparison["fields"] if f["changed"]],
            # Not "Baca juga": a related story may be one readers cannot see.
            "sets": [
                s
                for s in comparison["sets"]
                if s["key"] != "related" and (s["added"] or s["removed"])
            ],
            "canonical_url": absolute(request.path),
        },
    )


class CorrectionsFeed(Feed):
    """RSS of the newest corrections; the text is escaped to show as typed."""

    feed_type = Rss201rev2Feed
    language = "id"

    def title(self):
        return xml_text(
            _("Koreksi dan hak jawab — %(site)s") % {"site": settings.WARTA_SITE_NAME}
        )

    def link(self):
        return absolute(reverse("portal:corrections"))

    def feed_url(self):
        return absolute(reverse("portal:corrections-feed"))

    def description(self):
        return xml_text(
            _("Ralat, koreksi, pembaruan dan hak jawab atas berita %(site)s")
            % {"site": settings.WARTA_SITE_NAME}
        )

    def items(self):
        return public_corrections()[:FEED_SIZE]

    def item_title(self, item):
        return xml_text(f"{item.get_kind_display()}: {item.article.title}")

    def item_description(self, item):
        text = item.summary
        if item.sender_name:
            text += f"\n\n{item.sender_name}:\n{item.reply_text}"
        return escape(xml_text(text))

    def item_link(self, item):
        return absolute(item.article.get_absolute_url() + f"#koreksi-{item.pk}")

    def item_guid(self, item):
        return absolute(f"/koreksi/#koreksi-{item.pk}")

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.created_at
