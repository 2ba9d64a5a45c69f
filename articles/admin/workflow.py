"""The story admin's workflow: buttons drawn and dispatched from
``articles.workflow.TRANSITIONS``, the bulk actions, and the review queue."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import OuterRef, Subquery
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .. import rights, workflow
from ..errors import WorkflowError
from ..forms import workflow_choice
from ..models import Article, ArticleEvent, ArticleInReview
from .history import since_review_link


class WorkflowAdminMixin:
    """The workflow half of ``ArticleAdmin``: every state change goes through
    a service of ``articles.workflow``, which checks rights and state again."""

    actions = ["submit_selected", "publish_selected"]

    # --- bulk actions -------------------------------------------------------

    def has_publish_permission(self, request):
        return rights.is_editor(request.user)

    def has_submit_permission(self, request):
        return self.has_add_permission(request)

    def _bulk(self, request, queryset, name):
        transition = workflow.TRANSITIONS[name]
        done, failed = 0, []
        for article in queryset:
            try:
                transition.run(article=article, by=request.user)
                done += 1
            except WorkflowError as error:
                failed.append(f"“{article.title}”: {error.message}")
        if done:
            self.message_user(
                request,
                _("%(count)d berita: %(what)s")
                % {"count": done, "what": transition.label},
                messages.SUCCESS,
            )
        for line in failed:
            self.message_user(request, line, messages.ERROR)

    @admin.action(
        permissions=["submit"], description=workflow.TRANSITIONS["submit"].label
    )
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, "submit")

    @admin.action(permissions=["publish"], description=_("Terbitkan sekarang"))
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, "publish")

    # --- buttons on the form ------------------------------------------------

    def save_form(self, request, form, change):
        # The button pressed with this save, checked by the form; run by
        # response_add/response_change once the story and its rows are saved.
        request.workflow_choice = form.workflow_choice
        return super().save_form(request, form, change)

    def _run_transition(self, request, obj, choice):
        """Run the button pressed; report the outcome as a message."""
        try:
            choice.run(article=obj, by=request.user)
        except WorkflowError as error:
            self.message_user(request, error.message, messages.ERROR)
            return False
        self.message_user(
            request, choice.transition.done_message(obj), messages.SUCCESS
        )
        return True

    def _back_to_form(self, obj):
        return HttpResponseRedirect(
            reverse("admin:articles_article_change", args=[obj.pk])
        )

    def response_add(self, request, obj, post_url_continue=None):
        choice = getattr(request, "workflow_choice", None)
        if choice:
            self.message_user(request, _("Berita disimpan."), messages.SUCCESS)
            self._run_transition(request, obj, choice)
            return self._back_to_form(obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        choice = getattr(request, "workflow_choice", None)
        if choice:
            self.message_user(request, _("Perubahan disimpan."), messages.SUCCESS)
            self._run_transition(request, obj, choice)
            return self._back_to_form(obj)
        return super().response_change(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and object_id and request.POST.get("_transition"):
            obj = self.get_object(request, unquote(object_id))
            if not self.has_change_permission(request, obj):
                # A view-only story (a contributor's story under review): the
                # button acts without the story form, which it may not save.
                if not self.has_view_permission(request, obj):
                    raise PermissionDenied
                try:
                    choice = workflow_choice(request.POST)
                except ValidationError as error:
                    for message in error.messages:
                        self.message_user(request, message, messages.ERROR)
                else:
                    self._run_transition(request, obj, choice)
                return self._back_to_form(obj)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        context["workflow"] = self.workflow_context(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def workflow_context(self, request, obj):
        """The state panel and the buttons ``request.user`` may press on ``obj``."""
        user = request.user
        buttons = workflow.available_transitions(user, obj)
        context = {
            "buttons": buttons,
            # The buttons that need the note box or the time box, by label.
            "needs_comment": ", ".join(
                str(b.label) for b in buttons if b.needs_comment
            ),
            "needs_time": ", ".join(str(b.label) for b in buttons if b.needs_time),
            # Typed before a refused save: shown back, never lost.
            "comment": request.POST.get("_workflow_comment", ""),
            "at": request.POST.get("_workflow_at", ""),
            "inputs": _inputs(request, buttons),
        }
        if obj is None:
            return context
        noted = obj.status in (
            Article.Status.CHANGES_REQUESTED,
            Article.Status.UNPUBLISHED,
        )
        return {
            **context,
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
            if noted
            else None,
            "events": list(obj.events.select_related("actor")[:5]),
        }


def _inputs(request, buttons):
    """The further inputs the buttons ask for (``Transition.inputs``), each with
    the buttons that need it and the value typed before a refused save."""
    drawn = {}
    for button in buttons:
        for item in button.inputs:
            drawn.setdefault(item.field, (item, []))[1].append(str(button.label))
    posted = bool(request.POST.get("_transition"))
    return [
        {
            "input": item,
            "buttons": ", ".join(names),
            "value": (bool(request.POST.get(item.field)) if posted else item.initial)
            if item.is_checkbox
            else request.POST.get(item.field, ""),
        }
        for item, names in drawn.values()
    ]


def labels(transitions):
    return ", ".join(str(t.label) for t in transitions)


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

    def changelist_view(self, request, extra_context=None):
        # Not Django's "Pilih antrean redaksi untuk melihat": a queue is read.
        title = _("Antrean redaksi: berita menunggu review, terlama di atas")
        return super().changelist_view(
            request, {"title": title, **(extra_context or {})}
        )

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
        link = since_review_link(obj)
        if not link:
            return _("pengajuan pertama")
        return format_html('<a href="{}">{}</a>', link["url"], link["label"])
