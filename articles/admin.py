"""The newsroom's admin: stories with their photos, and the people and
agencies they name. All labels are Indonesian through the models'
``verbose_name`` and gettext."""

from django.contrib import admin, messages
from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

import media_library.admin as media_admin
from media_library.models import Photo

from . import services
from .forms import ArticleAdminForm, ArticlePhotoInlineForm
from .models import (
    Agency,
    Article,
    ArticlePhoto,
    ArticleSlugRedirect,
    Category,
    Official,
    PhotoSubject,
    Position,
)
from .selectors import caption_from_subjects


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
        return super().get_queryset(request).prefetch_related("positions")

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
        today = timezone.localdate()
        held = [
            p
            for p in obj.positions.all()
            if (p.start_date is None or p.start_date <= today)
            and (p.end_date is None or p.end_date >= today)
        ]
        return ", ".join(p.label for p in held) or "—"


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


class ArticlePhotoInline(admin.TabularInline):
    model = ArticlePhoto
    form = ArticlePhotoInlineForm
    extra = 1
    autocomplete_fields = ["photo"]
    fields = ["thumbnail", "photo", "upload", "role", "order", "caption", "alt_text"]
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


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
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
        "status",
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
    readonly_fields = ["status", "created_at", "updated_at", "view_count"]
    inlines = [ArticlePhotoInline]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "summary", "dateline", "body"]}),
        (_("Kegiatan"), {"fields": ["event_date", "event_place"]}),
        (
            _("Klasifikasi"),
            {"fields": ["category", "tags", "agencies", "officials", "related"]},
        ),
        (_("Penulis"), {"fields": ["contributing_agency", "credit_line", "author"]}),
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

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj):
        if obj.is_scheduled:
            return format_html(
                "{} <small>({})</small>",
                _("Terjadwal"),
                timezone.localtime(obj.published_at).strftime("%d/%m/%Y %H.%M"),
            )
        return obj.get_status_display()

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
        if not obj.author_id:
            obj.author = request.user
        old_slug = form.initial.get("slug") if change else None
        super().save_model(request, obj, form, change)
        if old_slug and old_slug != obj.slug:
            services.slug_redirect_record(article=obj, old_slug=old_slug)


@admin.register(ArticleSlugRedirect)
class ArticleSlugRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "article", "created_at"]
    list_select_related = ["article"]
    search_fields = ["old_slug", "article__title"]
    autocomplete_fields = ["article"]


class PhotoSubjectInline(admin.TabularInline):
    model = PhotoSubject
    extra = 1
    autocomplete_fields = ["official"]
    fields = ["official", "place", "order"]


# The photo library's admin, with the people in each photo: the tie between a
# photo and a person belongs to articles, so the inline is added here.
admin.site.unregister(Photo)


@admin.register(Photo)
class PhotoWithSubjectsAdmin(media_admin.PhotoAdmin):
    readonly_fields = [*media_admin.PhotoAdmin.readonly_fields, "suggested_caption"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        people = (_("Orang di foto"), {"fields": ["suggested_caption"]})
        return [fieldsets[0], people, *fieldsets[1:]]

    def get_inlines(self, request, obj):
        inlines = super().get_inlines(request, obj)
        return inlines if obj is None else [PhotoSubjectInline, *inlines]

    @admin.display(description=_("usulan keterangan dari orang di foto"))
    def suggested_caption(self, obj):
        if not obj.pk:
            return "—"
        subjects = obj.subjects.select_related("official")
        day = obj.taken_on or timezone.localdate()
        return caption_from_subjects(subjects, day) or "—"

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if form.instance.subjects.exists() and not form.instance.caption:
            messages.info(
                request,
                _(
                    "Keterangan foto masih kosong; lihat usulan "
                    "keterangan dari orang di foto."
                ),
            )
