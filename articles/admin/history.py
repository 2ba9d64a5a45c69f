"""The story admin's history pages: workflow events and revisions, comparing
two revisions, restoring one, the signed preview links for outsiders (made,
listed, revoked), and the story as readers will see it for whoever may only
view it."""

import re

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import (
    Http404,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .. import rights
from ..errors import WorkflowError
from ..models import Article
from ..preview import preview_link_days, preview_link_make, preview_link_revoke
from ..revisions import compare as compare_revisions
from ..revisions import review_pair, revision_restore
from ..selectors import photos_as_read

# A revision id in a query string: ASCII digits only ("²".isdigit() is true).
ASCII_ID = re.compile(r"[0-9]{1,18}")
SINCE_LABELS = {
    "review": _("Perubahan sejak review terakhir"),
    "submission": _("Perubahan sejak pengajuan"),
}


def compare_url(article, old_id, new_id):
    """The compare page for two revisions of ``article``."""
    return (
        reverse("admin:articles_article_compare", args=[article.pk])
        + f"?a={old_id}&b={new_id}"
    )


def since_review_link(article):
    """``{"url", "label"}`` of "what changed since the editor last looked"
    (``revisions.review_pair``), or None when nothing changed since."""
    pair = review_pair(article)
    if pair is None:
        return None
    older, newer, since = pair
    return {
        "url": compare_url(article, older.pk, newer.pk),
        "label": SINCE_LABELS[since],
    }


def story_as_read(obj):
    """What the read-only view of a story shows: the story with its photos
    (renditions, people in them) and relations, as readers will see it."""
    article = (
        Article.objects.filter(pk=obj.pk)
        .select_related("category", "contributing_agency", "author")
        .prefetch_related(
            "photos__photo__renditions",
            "photos__photo__subjects__official",
            "officials",
            "agencies",
            "tags",
        )
        .get()
    )
    featured, gallery = photos_as_read(article)
    return {"article": article, "featured": featured, "gallery": gallery}


class HistoryAdminMixin:
    """History, compare, restore and preview-link pages of ``ArticleAdmin``,
    and the links to them above the story form."""

    history_template = "admin/articles/article/workflow_history.html"
    compare_template = "admin/articles/article/revision_compare.html"
    preview_link_template = "admin/articles/article/preview_link.html"

    def get_urls(self):
        own = [
            path(
                "<path:object_id>/bandingkan/",
                self.admin_site.admin_view(self.compare_view),
                name="articles_article_compare",
            ),
            path(
                "<path:object_id>/revisi/<int:revision_id>/pulihkan/",
                self.admin_site.admin_view(self.restore_view),
                name="articles_article_restore",
            ),
            path(
                "<path:object_id>/tautan-pratinjau/",
                self.admin_site.admin_view(self.preview_link_view),
                name="articles_article_preview_link",
            ),
        ]
        return own + super().get_urls()

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        context["story_links"] = self.story_links(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            context["reading"] = story_as_read(obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def story_links(self, request, obj):
        """Preview, preview link, changes since submission and history of
        ``obj`` (nothing for a story not saved yet)."""
        if obj is None:
            return {}
        return {
            "preview_url": reverse("portal:preview", args=[obj.pk]),
            "preview_link_url": reverse(
                "admin:articles_article_preview_link", args=[obj.pk]
            )
            if rights.is_editor(request.user)
            else None,
            "since_review": since_review_link(obj),
            "history_url": reverse("admin:articles_article_history", args=[obj.pk]),
            "corrections_url": reverse(
                "admin:articles_article_corrections", args=[obj.pk]
            )
            if rights.is_editor(request.user)
            else None,
        }

    def _viewable(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        return obj

    def _page(self, request, template, obj, title, **context):
        """An admin page about ``obj``: the site's context, the story, a title."""
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": obj,
                "title": title % {"title": obj.title},
                "subtitle": None,
                **context,
            },
        )

    def history_view(self, request, object_id, extra_context=None):
        """The story's workflow events (with every note) and its revisions."""
        obj = self._viewable(request, object_id)
        return self._page(
            request,
            self.history_template,
            obj,
            _("Riwayat: %(title)s"),
            events=obj.events.select_related("actor", "revision"),
            corrections=obj.corrections.select_related(
                "created_by", "supersedes", "superseded_by"
            ),
            revisions=obj.revisions.select_related("author"),
            compare_url=reverse("admin:articles_article_compare", args=[obj.pk]),
            since_review=since_review_link(obj),
            can_restore=self.has_change_permission(request, obj),
        )

    def compare_view(self, request, object_id):
        """Two revisions side by side: words struck out and added."""
        obj = self._viewable(request, object_id)
        revisions = obj.revisions.select_related("author")
        a_id, b_id = request.GET.get("a", ""), request.GET.get("b", "")
        pair = review_pair(obj)
        if not (ASCII_ID.fullmatch(a_id) and ASCII_ID.fullmatch(b_id)):
            if pair is None:
                self.message_user(
                    request,
                    _("Belum ada dua revisi untuk dibandingkan."),
                    messages.INFO,
                )
                return HttpResponseRedirect(
                    reverse("admin:articles_article_history", args=[obj.pk])
                )
            a_id, b_id = str(pair[0].pk), str(pair[1].pk)
        # Named when it is the comparison with what the editor last reviewed.
        since = (
            SINCE_LABELS[pair[2]]
            if pair and (pair[0].pk, pair[1].pk) == (int(a_id), int(b_id))
            else None
        )
        old = get_object_or_404(revisions, pk=int(a_id))
        new = get_object_or_404(revisions, pk=int(b_id))
        return self._page(
            request,
            self.compare_template,
            obj,
            _("Perubahan: %(title)s"),
            old=old,
            new=new,
            comparison=compare_revisions(old.content, new.content),
            since=since,
            revisions=revisions,
            can_restore=self.has_change_permission(request, obj),
        )

    def restore_view(self, request, object_id, revision_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        revision = get_object_or_404(obj.revisions, pk=revision_id)
        try:
            revision_restore(revision=revision, by=request.user)
        except WorkflowError as error:
            self.message_user(request, error.message, messages.ERROR)
        else:
            self.message_user(
                request,
                _("Revisi #%(id)s dipulihkan dan disimpan sebagai revisi baru.")
                % {"id": revision.pk},
                messages.SUCCESS,
            )
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[obj.pk])
        )

    def preview_link_view(self, request, object_id):
        """The story's signed preview links: each one with who made it, until
        when and whether it still works; making a new one and revoking one
        (POST, editors only)."""
        obj = self._viewable(request, object_id)
        if not rights.is_editor(request.user):
            raise PermissionDenied
        link = made = None
        if request.method == "POST":
            action = request.POST.get("action")
            if action == "revoke":
                return self._preview_link_revoke(request, obj)
            if action != "create":
                return HttpResponseBadRequest()
            url, made = preview_link_make(article=obj, by=request.user)
            link = request.build_absolute_uri(url)
        return self._page(
            request,
            self.preview_link_template,
            obj,
            _("Tautan pratinjau: %(title)s"),
            link=link,
            expires=made.expires_at if made else None,
            links=obj.preview_links.select_related("created_by", "revoked_by"),
            days=preview_link_days(),
        )

    def _preview_link_revoke(self, request, obj):
        link_id = request.POST.get("link", "")
        if not ASCII_ID.fullmatch(link_id):
            raise Http404
        link = get_object_or_404(obj.preview_links, pk=int(link_id))
        preview_link_revoke(link=link, by=request.user)
        self.message_user(
            request,
            _("Tautan pratinjau yang dibuat %(when)s sudah dicabut.")
            % {
                "when": date_format(
                    timezone.localtime(link.created_at), "DATETIME_FORMAT"
                )
            },
            messages.SUCCESS,
        )
        return HttpResponseRedirect(
            reverse("admin:articles_article_preview_link", args=[obj.pk])
        )
