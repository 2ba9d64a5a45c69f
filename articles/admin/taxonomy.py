"""Admin for categories (rubrik) and tags."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from ..models import Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "display_order", "story_count"]
    list_editable = ["display_order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(_story_count=Count("articles"))
            .order_by("display_order", "name")
        )

    @admin.display(description=_("jumlah berita"), ordering="_story_count")
    def story_count(self, obj):
        return obj._story_count


# django-taggit's own tag admin offers "Merge selected tags", a page and
# messages written in English only; the newsroom lists and edits tags plainly.
admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
