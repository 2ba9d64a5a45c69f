"""Admin for the fixed pages: editors only, the body in the story's editor."""

from django.contrib import admin

from .. import rights
from ..models import Page


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "show_in_footer", "footer_order", "updated_at"]
    list_editable = ["show_in_footer", "footer_order"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "body", "show_in_footer", "footer_order"]

    # Only editors write what the whole portal carries; the checks run on
    # every request, so a contributor's crafted POST is refused too.
    def has_module_permission(self, request):
        return rights.is_editor(request.user)

    def has_view_permission(self, request, obj=None):
        return rights.is_editor(request.user)

    def has_add_permission(self, request):
        return rights.is_editor(request.user)

    def has_change_permission(self, request, obj=None):
        return rights.is_editor(request.user)

    def has_delete_permission(self, request, obj=None):
        return rights.is_editor(request.user)

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
