"""The editors' queue of readers' right-of-reply and correction requests:
oldest first, with how long each has waited, the attachment downloadable
by editors only."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from .. import rights
from ..models import ReplyRequest
from ..replies import reply_request_handle

CONTENT_TYPES = {
    ReplyRequest.AttachmentKind.PDF: "application/pdf",
    ReplyRequest.AttachmentKind.JPEG: "image/jpeg",
    ReplyRequest.AttachmentKind.PNG: "image/png",
    ReplyRequest.AttachmentKind.WEBP: "image/webp",
}


@admin.register(ReplyRequest)
class ReplyRequestAdmin(admin.ModelAdmin):
    list_display = ["reference", "article", "name", "status", "waited"]
    list_display_links = ["reference"]
    list_filter = ["status"]
    list_select_related = ["article"]
    search_fields = ["reference", "name", "contact", "article__title"]
    ordering = ["created_at", "pk"]
    fields = [
        "reference",
        "article",
        "created_at",
        "name",
        "contact",
        "text",
        "attachment_link",
        "status",
        "editor_note",
        "handled_by",
        "handled_at",
    ]
    readonly_fields = [
        "reference",
        "article",
        "created_at",
        "name",
        "contact",
        "text",
        "attachment_link",
        "handled_by",
        "handled_at",
    ]

    def has_module_permission(self, request):
        return rights.is_editor(request.user)

    def has_view_permission(self, request, obj=None):
        return rights.is_editor(request.user)

    def has_change_permission(self, request, obj=None):
        return rights.is_editor(request.user)

    def has_add_permission(self, request):
        return False  # requests come from readers only

    def has_delete_permission(self, request, obj=None):
        return False  # the record of a request is kept

    @admin.display(description=_lazy("lama menunggu"), ordering="created_at")
    def waited(self, obj):
        if obj.is_open:
            return _("menunggu %(time)s") % {"time": timesince(obj.created_at)}
        if obj.handled_at:
            return _("ditangani dalam %(time)s") % {
                "time": timesince(obj.created_at, obj.handled_at)
            }
        return "—"

    @admin.display(description=_lazy("lampiran"))
    def attachment_link(self, obj):
        if not obj.attachment:
            return "—"
        url = reverse("admin:articles_replyrequest_attachment", args=[obj.pk])
        return format_html(
            '<a href="{}">{}</a>',
            url,
            _("Unduh lampiran (%(kind)s)")
            % {"kind": obj.get_attachment_kind_display()},
        )

    def save_model(self, request, obj, form, change):
        old = ReplyRequest.objects.get(pk=obj.pk)
        reply_request_handle(
            reply=old,
            status=obj.status,
            note=obj.editor_note,
            by=request.user,
            at=timezone.now(),
        )

    def get_urls(self):
        return [
            path(
                "<int:object_id>/lampiran/",
                self.admin_site.admin_view(self.attachment_view),
                name="articles_replyrequest_attachment",
            ),
            *super().get_urls(),
        ]

    def attachment_view(self, request, object_id):
        """The attachment, to editors only, always as a download."""
        if not rights.is_editor(request.user):
            raise PermissionDenied
        reply = get_object_or_404(ReplyRequest, pk=object_id)
        if not reply.attachment:
            raise Http404(_("Permintaan ini tidak berlampiran."))
        response = FileResponse(
            reply.attachment.open("rb"),
            as_attachment=True,
            filename=f"{reply.reference}.{reply.attachment_kind}",
            content_type=CONTENT_TYPES[reply.attachment_kind],
        )
        response["Cache-Control"] = "private, no-store"
        return response
