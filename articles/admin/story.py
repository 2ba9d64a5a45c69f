"""Admin for stories: the form with its photos, who may change what, saving,
the warning that someone else has the story open, and old addresses.

The list (columns, filters, search, sorting, its count) lives in
``admin/story_list.py``, the workflow buttons and bulk actions in
``admin/workflow.py``, the history, compare, restore and preview-link pages
in ``admin/history.py``; all are mixins of ``ArticleAdmin``."""

from django.contrib import admin, messages
from django.contrib.admin import actions as admin_actions
from django.db.models import Q
from django.http import Http404
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .. import rights, services
from ..autosave import autosave_discard
from ..forms import ArticleAdminForm, ArticlePhotoFormSet, ArticlePhotoInlineForm
from ..models import Article, ArticlePhoto, ArticleSlugRedirect
from ..revisions import revision_record
from .corrections import CorrectionAdminMixin
from .desk import DeskAdminMixin
from .history import ASCII_ID, HistoryAdminMixin, compare_url
from .integrity import IntegrityAdminMixin
from .shortcut import public_url
from .story_list import StoryListAdminMixin
from .workflow import WorkflowAdminMixin


class ArticlePhotoInline(admin.StackedInline):
    """The story's photos as cards that fit a phone: each with its caption,
    credit, alt text, role, order and the people in it (``admin/desk.py``),
    under a box that uploads several photos at once."""

    model = ArticlePhoto
    form = ArticlePhotoInlineForm
    formset = ArticlePhotoFormSet
    template = "admin/articles/article/photo_inline.html"
    extra = 0
    autocomplete_fields = ["photo"]
    fields = [
        "thumbnail",
        "photo",
        "upload",
        ("role", "order"),
        "caption",
        "credit",
        "alt_text",
    ]
    readonly_fields = ["thumbnail"]
    verbose_name = _("foto")
    verbose_name_plural = _(
        "foto berita (foto utama wajib punya keterangan dan teks alternatif)"
    )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "photo":
            # A crafted id of a photo the writer may not see is not a choice.
            kwargs["queryset"] = rights.photos_for(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

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
            '<img src="{}" alt="" class="desk-thumb">', obj.photo.thumbnail_url
        )


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
class ArticleAdmin(
    StoryListAdminMixin,
    DeskAdminMixin,
    WorkflowAdminMixin,
    CorrectionAdminMixin,
    HistoryAdminMixin,
    IntegrityAdminMixin,
    admin.ModelAdmin,
):
    """Stories. Every right is checked through ``articles.rights`` on every
    request; state changes only through the buttons, which call
    ``articles.workflow``."""

    form = ArticleAdminForm
    autocomplete_fields = [
        "category",
        "officials",
        "agencies",
        "related",
        "contributing_agency",
    ]
    inlines = [ArticlePhotoInline]
    save_on_top = True
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

    def view_on_site(self, obj):
        # A story readers may not see has no public address to show.
        return public_url(obj)

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

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            actions["delete_selected"] = (
                delete_selected_checked,
                "delete_selected",
                delete_selected_checked.short_description,
            )
        return actions

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
        self.integrity_record(request, form)
        revision_record(article=form.instance, by=request.user)
        autosave_discard(article=form.instance, user=request.user)
        services.edit_session_touch(article=form.instance, user=request.user)

    # --- opening the form ---------------------------------------------------

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        form = context.get("adminform") and context["adminform"].form
        stale = getattr(form, "stale_revision", None)
        if stale is not None and obj is not None:
            token = form.data.get("revision_token") or ""
            context["stale_compare_url"] = compare_url(
                obj, token if ASCII_ID.fullmatch(token) else "", stale.pk
            )
        context["desk"] = self.desk_context(request, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)


@admin.register(ArticleSlugRedirect)
class ArticleSlugRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "article", "created_at"]
    list_select_related = ["article"]
    search_fields = ["old_slug", "article__title"]
    autocomplete_fields = ["article"]
