"""Admin for stories: the form with its photos, workflow buttons, history,
revisions, the review queue and old addresses."""

import re

from django.contrib import admin, messages
from django.contrib.admin import actions as admin_actions
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Q, Subquery
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .. import rights, services, workflow
from ..errors import WorkflowError
from ..forms import (
    TRANSITION_INPUTS,
    ArticleAdminForm,
    ArticlePhotoFormSet,
    ArticlePhotoInlineForm,
    parse_workflow_time,
)
from ..models import (
    Article,
    ArticleEvent,
    ArticleInReview,
    ArticlePhoto,
    ArticleSlugRedirect,
)
from ..preview import preview_link_make
from ..revisions import compare as compare_revisions
from ..revisions import revision_record, revision_restore

# A revision id in a query string: ASCII digits only ("²".isdigit() is true).
ASCII_ID = re.compile(r"[0-9]{1,18}")


class ArticlePhotoInline(admin.TabularInline):
    model = ArticlePhoto
    form = ArticlePhotoInlineForm
    formset = ArticlePhotoFormSet
    extra = 1
    autocomplete_fields = ["photo"]
    fields = ["thumbnail", "photo", "upload", "caption", "alt_text", "role", "order"]
    readonly_fields = ["thumbnail"]
    verbose_name = _("foto")
    verbose_name_plural = _(
        "foto berita (foto utama wajib punya keterangan dan teks alternatif)"
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("photo")
            .prefetch_related("photo__renditions")
        )

    # Photo rows follow the story: editable exactly when the story is.
    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and (
            obj is None or rights.can_edit(request.user, obj)
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or rights.can_edit(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or rights.can_edit(request.user, obj)
        )

    @admin.display(description=_("pratinjau"))
    def thumbnail(self, obj):
        if not obj.pk:
            return "—"
        return format_html(
            '<img src="{}" alt="" style="max-width:120px;height:auto">'
            '<br><a href="{}" target="_blank">{}</a>',
            obj.photo.thumbnail_url,
            reverse("admin:media_library_photo_change", args=[obj.photo_id]),
            _("atur orang di foto"),
        )


class StatusFilter(admin.SimpleListFilter):
    """The workflow states, with "scheduled" told apart from "on the site"."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            (Article.Status.DRAFT, _("Draf")),
            (Article.Status.IN_REVIEW, _("Menunggu review")),
            (Article.Status.CHANGES_REQUESTED, _("Perlu revisi")),
            ("visible", _("Terbit (tayang)")),
            ("scheduled", _("Terjadwal")),
            (Article.Status.UNPUBLISHED, _("Diturunkan")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "visible":
            return queryset.visible()
        if value == "scheduled":
            return queryset.scheduled()
        if value in Article.Status.values:
            return queryset.filter(status=value)
        return queryset


# Buttons on the story form: (name, label, needs comment, needs time, style).
WORKFLOW_BUTTONS = {
    "submit": _("Ajukan ke redaksi"),
    "withdraw": _("Tarik kembali"),
    "request_changes": _("Minta revisi"),
    "publish": _("Terbitkan"),
    "schedule": _("Jadwalkan"),
    "unpublish": _("Turunkan"),
}
DONE_MESSAGES = {
    "submit": _("Berita diajukan ke redaksi. Redaktur mendapat pemberitahuan."),
    "withdraw": _("Berita ditarik kembali menjadi draf."),
    "request_changes": _("Berita dikembalikan ke penulis dengan catatan Anda."),
    "publish": _("Berita diterbitkan."),
    "schedule": _("Berita dijadwalkan terbit %(time)s."),
    "unpublish": _("Berita diturunkan dari situs."),
}


@admin.action(
    permissions=["delete"], description=_("Hapus %(verbose_name_plural)s terpilih")
)
def delete_selected_checked(modeladmin, request, queryset):
    """Django's bulk delete, refused as a whole if any story may not be deleted."""
    refused = [a for a in queryset if not modeladmin.has_delete_permission(request, a)]
    if refused:
        modeladmin.message_user(
            request,
            _(
                "Tidak ada yang dihapus: Anda tidak berhak menghapus %(titles)s "
                "(berita yang pernah terbit atau sedang direview tidak bisa "
                "dihapus kontributor)."
            )
            % {"titles": ", ".join(f"“{a.title}”" for a in refused[:5])},
            messages.ERROR,
        )
        return None
    return admin_actions.delete_selected(modeladmin, request, queryset)


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    """Stories. Every right is checked through ``articles.rights`` on every
    request; state changes only through the buttons, which call
    ``articles.workflow``."""

    form = ArticleAdminForm
    list_display = [
        "title",
        "status_label",
        "category",
        "contributing_agency",
        "author",
        "published_at",
        "is_headline",
    ]
    list_filter = [
        StatusFilter,
        "category",
        "contributing_agency",
        "is_headline",
        ("published_at", admin.DateFieldListFilter),
    ]
    list_select_related = ["category", "contributing_agency", "author"]
    search_fields = ["title", "summary", "slug"]
    date_hierarchy = "published_at"
    autocomplete_fields = [
        "category",
        "officials",
        "agencies",
        "related",
        "contributing_agency",
    ]
    inlines = [ArticlePhotoInline]
    save_on_top = True
    actions = ["submit_selected", "publish_selected"]
    # Never settable through the form: state and its time change only through
    # the workflow services.
    workflow_readonly = ["status", "published_at"]
    # What a contributor can see but never set.
    contributor_readonly = ["author", "contributing_agency", "is_headline", "slug"]

    def get_fieldsets(self, request, obj=None):
        first = ["title", "summary", "dateline", "body"]
        if obj is None or self.has_change_permission(request, obj):
            first.append("revision_token")
        return [
            (None, {"fields": first}),
            (_("Kegiatan"), {"fields": ["event_date", "event_place"]}),
            (
                _("Klasifikasi"),
                {"fields": ["category", "tags", "agencies", "officials", "related"]},
            ),
            (
                _("Penulis"),
                {"fields": ["contributing_agency", "credit_line", "author"]},
            ),
            (
                _("Penerbitan"),
                {"fields": ["status", "published_at", "is_headline", "slug"]},
            ),
            (
                _("Catatan"),
                {
                    "classes": ["collapse"],
                    "fields": ["created_at", "updated_at", "view_count"],
                },
            ),
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = [*self.workflow_readonly, "created_at", "updated_at", "view_count"]
        if not rights.is_editor(request.user):
            fields += self.contributor_readonly
        return fields

    # --- rights -------------------------------------------------------------

    def get_queryset(self, request):
        return rights.stories_for(request.user, super().get_queryset(request))

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            # Another agency's story and a deleted one look the same: absent.
            raise Http404(_("Berita tidak ditemukan."))
        return obj

    def has_add_permission(self, request):
        user = request.user
        return super().has_add_permission(request) and (
            rights.is_editor(user) or rights.is_contributor(user)
        )

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and (
            obj is None or rights.can_view(request.user, obj)
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or rights.can_edit(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or rights.can_delete(request.user, obj)
        )

    def has_publish_permission(self, request):
        return rights.is_editor(request.user)

    def has_submit_permission(self, request):
        return self.has_add_permission(request)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            actions["delete_selected"] = (
                delete_selected_checked,
                "delete_selected",
                delete_selected_checked.short_description,
            )
        return actions

    # --- list ---------------------------------------------------------------

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj):
        if obj.is_scheduled:
            return format_html(
                "{} <small>({})</small>",
                _("Terjadwal"),
                timezone.localtime(obj.published_at).strftime("%d/%m/%Y %H.%M"),
            )
        return obj.get_status_display()

    def _bulk(self, request, queryset, name, service, **kwargs):
        done, failed = 0, []
        for article in queryset:
            try:
                service(article=article, by=request.user, **kwargs)
                done += 1
            except WorkflowError as error:
                failed.append(f"“{article.title}”: {error.message}")
        if done:
            self.message_user(
                request,
                _("%(count)d berita: %(what)s")
                % {"count": done, "what": WORKFLOW_BUTTONS[name]},
                messages.SUCCESS,
            )
        for line in failed:
            self.message_user(request, line, messages.ERROR)

    @admin.action(permissions=["submit"], description=_("Ajukan ke redaksi"))
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, "submit", workflow.article_submit)

    @admin.action(permissions=["publish"], description=_("Terbitkan sekarang"))
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, "publish", workflow.article_publish)

    # --- saving -------------------------------------------------------------

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "related" and not rights.is_editor(request.user):
            # A contributor links their own agency's stories or public ones,
            # never another agency's unpublished work.
            kwargs["queryset"] = Article.objects.filter(
                Q(pk__in=rights.stories_for(request.user).values("pk"))
                | Q(pk__in=Article.objects.visible().values("pk"))
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, ArticlePhotoInline):
            kwargs["form_kwargs"] = {"user": request.user}
        return kwargs

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("author", request.user.pk)
        return initial

    def save_model(self, request, obj, form, change):
        if not change:
            if not obj.author_id:
                obj.author = request.user
            if not rights.is_editor(request.user):
                # A contributor always writes for their own agency.
                obj.contributing_agency_id = rights.user_agency_id(request.user)
                obj.author = request.user
                obj.is_headline = False
        old_slug = form.initial.get("slug") if change else None
        super().save_model(request, obj, form, change)
        if old_slug and old_slug != obj.slug:
            services.slug_redirect_record(article=obj, old_slug=old_slug)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        revision_record(article=form.instance, by=request.user)
        services.edit_session_touch(article=form.instance, user=request.user)

    # --- workflow buttons ---------------------------------------------------

    def _run_transition(self, request, obj):
        """Apply the workflow button pressed; report the outcome as a message."""
        name = request.POST.get("_transition")
        comment = request.POST.get("_workflow_comment", "")
        try:
            if name == "submit":
                workflow.article_submit(article=obj, by=request.user)
            elif name == "withdraw":
                workflow.article_withdraw(article=obj, by=request.user)
            elif name == "request_changes":
                workflow.article_request_changes(
                    article=obj, by=request.user, comment=comment
                )
            elif name in ("publish", "schedule"):
                at = None
                if name == "schedule":
                    at = parse_workflow_time(request.POST.get("_workflow_at", ""))
                    if at is None:
                        raise WorkflowError(_("Isi waktu terbit yang akan datang."))
                workflow.article_publish(article=obj, by=request.user, at=at)
            elif name == "unpublish":
                workflow.article_unpublish(article=obj, by=request.user, reason=comment)
            else:
                raise WorkflowError(_("Tindakan tidak dikenal."))
        except WorkflowError as error:
            self.message_user(request, error.message, messages.ERROR)
            return False
        text = DONE_MESSAGES[name]
        if name == "schedule":
            text = text % {
                "time": date_format(
                    timezone.localtime(obj.published_at), "DATETIME_FORMAT"
                )
            }
        self.message_user(request, text, messages.SUCCESS)
        return True

    def _back_to_form(self, obj):
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[obj.pk])
        )

    def response_add(self, request, obj, post_url_continue=None):
        if request.POST.get("_transition"):
            self.message_user(request, _("Berita disimpan."), messages.SUCCESS)
            self._run_transition(request, obj)
            return self._back_to_form(obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        if request.POST.get("_transition"):
            self.message_user(request, _("Perubahan disimpan."), messages.SUCCESS)
            self._run_transition(request, obj)
            return self._back_to_form(obj)
        return super().response_change(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id and request.POST.get("_transition"):
            obj = self.get_object(request, unquote(object_id))
            if not self.has_change_permission(request, obj):
                # A view-only story (a contributor's story under review):
                # the button acts without saving the form, which it cannot.
                if not self.has_view_permission(request, obj):
                    raise PermissionDenied
                self._run_transition(request, obj)
                return self._back_to_form(obj)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if request.method == "GET":
            others, changed_by = services.edit_session_touch(
                article=obj, user=request.user
            )
            for session in others:
                self.message_user(
                    request,
                    _(
                        "%(who)s juga membuka berita ini pukul %(when)s. "
                        "Berbicaralah dulu agar tidak saling menimpa."
                    )
                    % {
                        "who": user_label(session.user),
                        "when": timezone.localtime(session.seen_at).strftime("%H.%M"),
                    },
                    messages.WARNING,
                )
            if changed_by:
                self.message_user(
                    request,
                    _("%(who)s mengubah berita ini pukul %(when)s.")
                    % {
                        "who": user_label(changed_by.author),
                        "when": timezone.localtime(changed_by.created_at).strftime(
                            "%H.%M"
                        ),
                    },
                    messages.WARNING,
                )
        context = {
            **(extra_context or {}),
            "workflow": self._workflow_context(request, obj),
        }
        return super().change_view(request, object_id, form_url, context)

    def add_view(self, request, form_url="", extra_context=None):
        context = {
            **(extra_context or {}),
            "workflow": self._workflow_context(request, None),
        }
        return super().add_view(request, form_url, context)

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        form = context.get("adminform") and context["adminform"].form
        stale = getattr(form, "stale_revision", None)
        if stale is not None and obj is not None:
            token = form.data.get("revision_token") or ""
            context["workflow"]["stale_compare_url"] = (
                reverse("admin:articles_article_compare", args=[obj.pk])
                + f"?a={token if ASCII_ID.fullmatch(token) else ''}&b={stale.pk}"
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _workflow_context(self, request, obj):
        user = request.user
        names = workflow.available_actions(user, obj)
        buttons = [
            {
                "name": name,
                "label": WORKFLOW_BUTTONS[name],
                "needs_comment": TRANSITION_INPUTS[name][0],
                "needs_time": TRANSITION_INPUTS[name][1],
            }
            for name in names
        ]
        context = {
            "buttons": buttons,
            "needs_comment": any(b["needs_comment"] for b in buttons),
            "needs_time": any(b["needs_time"] for b in buttons),
            "is_editor": rights.is_editor(user),
            # Typed before a refused save: shown back, never lost.
            "comment": request.POST.get("_workflow_comment", ""),
            "at": request.POST.get("_workflow_at", ""),
        }
        if obj is not None:
            context.update(
                {
                    "status": obj.get_status_display(),
                    "is_scheduled": obj.is_scheduled,
                    "published_at": obj.published_at,
                    "note": obj.events.filter(
                        action__in=[
                            ArticleEvent.Action.REQUEST_CHANGES,
                            ArticleEvent.Action.UNPUBLISH,
                        ]
                    )
                    .select_related("actor")
                    .first()
                    if obj.status
                    in (Article.Status.CHANGES_REQUESTED, Article.Status.UNPUBLISHED)
                    else None,
                    "events": list(obj.events.select_related("actor")[:5]),
                    "preview_url": reverse("preview:article", args=[obj.pk]),
                    "history_url": reverse(
                        "admin:articles_article_history", args=[obj.pk]
                    ),
                    "compare_url": since_submission_url(obj),
                    "preview_link_url": reverse(
                        "admin:articles_article_preview_link", args=[obj.pk]
                    )
                    if rights.is_editor(user)
                    else None,
                }
            )
        return context

    # --- history, revisions, preview link -----------------------------------

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

    def _viewable(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        return obj

    def history_view(self, request, object_id, extra_context=None):
        """The story's workflow events (with every note) and its revisions."""
        obj = self._viewable(request, object_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": _("Riwayat: %(title)s") % {"title": obj.title},
            "subtitle": None,
            "events": obj.events.select_related("actor", "revision"),
            "revisions": obj.revisions.select_related("author"),
            "compare_url": reverse("admin:articles_article_compare", args=[obj.pk]),
            "since_submission_url": since_submission_url(obj),
            "can_restore": self.has_change_permission(request, obj),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request, "admin/articles/article/workflow_history.html", context
        )

    def compare_view(self, request, object_id):
        """Two revisions side by side: words struck out and added."""
        obj = self._viewable(request, object_id)
        revisions = obj.revisions.select_related("author")
        a_id, b_id = request.GET.get("a", ""), request.GET.get("b", "")
        if not (ASCII_ID.fullmatch(a_id) and ASCII_ID.fullmatch(b_id)):
            pair = since_submission_pair(obj)
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
        old = get_object_or_404(revisions, pk=int(a_id))
        new = get_object_or_404(revisions, pk=int(b_id))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": _("Perubahan: %(title)s") % {"title": obj.title},
            "subtitle": None,
            "old": old,
            "new": new,
            "comparison": compare_revisions(old.content, new.content),
            "revisions": revisions,
            "can_restore": self.has_change_permission(request, obj),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request, "admin/articles/article/revision_compare.html", context
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
        return self._back_to_form(obj)

    def preview_link_view(self, request, object_id):
        """A signed, expiring preview address for someone without an account."""
        obj = self._viewable(request, object_id)
        if not rights.is_editor(request.user):
            raise PermissionDenied
        url, expires = preview_link_make(obj)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": obj,
            "title": _("Tautan pratinjau: %(title)s") % {"title": obj.title},
            "subtitle": None,
            "link": request.build_absolute_uri(url),
            "expires": expires,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(
            request, "admin/articles/article/preview_link.html", context
        )


def user_label(user):
    if user is None:
        return _("pengguna yang sudah dihapus")
    return user.get_full_name() or user.get_username()


def since_submission_pair(article):
    """(older, newer) revisions for "what changed since the last submission".

    For a story back in review after changes: the previous submission against
    the newest content. Otherwise the last submission against the newest
    content. None when there is nothing to compare.
    """
    latest = article.revisions.order_by("-pk").first()
    submitted = [
        e.revision
        for e in article.events.filter(
            action=ArticleEvent.Action.SUBMIT, revision__isnull=False
        ).select_related("revision")[:2]
    ]
    if latest is None or not submitted:
        return None
    if len(submitted) == 2 and submitted[0].pk == latest.pk:
        return submitted[1], latest
    if submitted[0].pk != latest.pk:
        return submitted[0], latest
    return None


def since_submission_url(article):
    pair = since_submission_pair(article)
    if pair is None:
        return None
    return (
        reverse("admin:articles_article_compare", args=[article.pk])
        + f"?a={pair[0].pk}&b={pair[1].pk}"
    )


@admin.register(ArticleInReview)
class ReviewQueueAdmin(admin.ModelAdmin):
    """Antrean redaksi: stories waiting for an editor, oldest submission first."""

    list_display = ["story", "contributing_agency", "author", "submitted", "changes"]
    list_display_links = None
    list_filter = ["category", "contributing_agency"]
    list_select_related = ["category", "contributing_agency", "author"]
    search_fields = ["title", "summary"]

    def get_queryset(self, request):
        submitted = ArticleEvent.objects.filter(
            article=OuterRef("pk"), action=ArticleEvent.Action.SUBMIT
        ).order_by("-created_at", "-pk")
        return (
            super()
            .get_queryset(request)
            .filter(status=Article.Status.IN_REVIEW)
            .annotate(_submitted=Subquery(submitted.values("created_at")[:1]))
            .order_by("_submitted", "pk")
        )

    def has_module_permission(self, request):
        return rights.is_editor(request.user)

    def has_view_permission(self, request, obj=None):
        return rights.is_editor(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("judul"), ordering="title")
    def story(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:articles_article_change", args=[obj.pk]),
            obj.title,
        )

    @admin.display(description=_("diajukan"), ordering="_submitted")
    def submitted(self, obj):
        if not obj._submitted:
            return "—"
        return date_format(timezone.localtime(obj._submitted), "DATETIME_FORMAT")

    @admin.display(description=_("perubahan"))
    def changes(self, obj):
        url = since_submission_url(obj)
        if not url:
            return _("pengajuan pertama")
        return format_html('<a href="{}">{}</a>', url, _("lihat perubahan"))


@admin.register(ArticleSlugRedirect)
class ArticleSlugRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "article", "created_at"]
    list_select_related = ["article"]
    search_fields = ["old_slug", "article__title"]
    autocomplete_fields = ["article"]
