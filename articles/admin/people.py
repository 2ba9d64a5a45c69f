"""Admin for agencies, officials and their dated positions."""

from django.contrib import admin
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from ..models import Agency, Official, Position


class PositionInline(admin.TabularInline):
    model = Position
    fk_name = "official"
    extra = 1
    autocomplete_fields = ["agency"]
    fields = ["title", "short_title", "agency", "start_date", "end_date"]


class AgencyPositionInline(admin.TabularInline):
    model = Position
    fk_name = "agency"
    extra = 0
    autocomplete_fields = ["official"]
    fields = ["official", "title", "short_title", "start_date", "end_date"]
    verbose_name_plural = _("pejabat di instansi ini")


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["short_name", "name", "kind", "parent", "is_active"]
    list_filter = ["kind", "is_active"]
    list_select_related = ["parent"]
    search_fields = ["name", "short_name"]
    autocomplete_fields = ["parent"]
    prepopulated_fields = {"slug": ["short_name"]}
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [AgencyPositionInline]


@admin.register(Official)
class OfficialAdmin(admin.ModelAdmin):
    list_display = ["display_name", "current_position", "is_active"]
    list_filter = ["is_active", "positions__agency__kind"]
    search_fields = ["name", "rank", "positions__title", "positions__short_title"]
    autocomplete_fields = ["portrait"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PositionInline]

    def get_queryset(self, request):
        # Today's positions by the one rule of "held on a day" (held_on).
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "positions",
                    queryset=Position.objects.current(),
                    to_attr="current_positions",
                )
            )
        )

    def get_search_results(self, request, queryset, search_term):
        results, may_have_duplicates = super().get_search_results(
            request, queryset, search_term
        )
        return results.distinct(), False

    @admin.display(description=_("nama"), ordering="name")
    def display_name(self, obj):
        return obj.display_name

    @admin.display(description=_("jabatan sekarang"))
    def current_position(self, obj):
        return ", ".join(p.label for p in obj.current_positions) or "—"


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = [
        "official",
        "title",
        "short_title",
        "agency",
        "start_date",
        "end_date",
    ]
    list_filter = ["agency__kind", "agency"]
    list_select_related = ["official", "agency"]
    search_fields = ["official__name", "title", "short_title", "agency__short_name"]
    autocomplete_fields = ["official", "agency"]
    date_hierarchy = "start_date"
