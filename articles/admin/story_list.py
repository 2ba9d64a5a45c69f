"""The admin's story list: its columns, filters, search, sorting and count,
kept flat as the archive grows (100,000 stories and more).

- The count stops at ``CappedPaginator.cap``: past it the list says "lebih
  dari 10000 berita" (``templates/admin/articles/article/pagination.html``)
  and offers no "select all" across pages (``actions.html``).
- The search reads titles (a trigram index on PostgreSQL) and a pasted slug.
- Only columns an index sorts can be sorted.
- The date drill-down's years come from the whole archive
  (``templatetags/story_admin.py``).

``StoryListAdminMixin`` is a mixin of ``ArticleAdmin`` (``admin/story.py``)."""

import re
from urllib.parse import parse_qsl, urlencode

from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.core.paginator import InvalidPage, Paginator
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .. import workflow
from ..models import Article

SLUG = re.compile(r"[\w]+(?:-[\w]+)+")
# Each status's label, translated when shown.
STATUS_LABELS = dict(Article.Status.choices)


class CappedPaginator(Paginator):
    """Counts the stories of a list up to ``cap`` and no further: counting a
    decade of news (or every story a common word matches) costs more than the
    whole page, and nobody pages that far; the date drill-down, the filters
    and the search narrow the list instead."""

    cap = 10_000

    @cached_property
    def _counted(self):
        # A sliced count is ``COUNT(*)`` over a subquery that stops at the
        # limit; unordered, it stops at the first rows found, in any order.
        return self.object_list.order_by()[: self.cap + 1].count()

    @cached_property
    def count(self):
        return min(self._counted, self.cap)

    @property
    def capped(self):
        """True when there are more stories than ``count`` says."""
        return self._counted > self.cap


class StoryChangeList(ChangeList):
    """The story list: no bodies or search vectors, the largest values of a
    row, are read for it, and its count stops at ``CappedPaginator.cap``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each row's link keeps the list's search and filters. Django adds
        # them row by row through ``add_preserved_filters``, which resolves
        # every row's address to learn it is no list (a tenth of a searched
        # page's time); a story's change page never is, so the filters are
        # added here once, the same query string, and Django has none to add.
        self._row_query = urlencode(dict(parse_qsl(self.preserved_filters)))
        self.preserved_filters = ""

    def url_for_result(self, result):
        url = super().url_for_result(result)
        return f"{url}?{self._row_query}" if self._row_query else url

    def get_queryset(self, request, exclude_parameters=None):
        return (
            super()
            .get_queryset(request, exclude_parameters)
            .defer("body", "search_vector")
        )

    def get_results(self, request):
        super().get_results(request)
        self.result_count_capped = getattr(self.paginator, "capped", False)
        if self.result_count_capped and (self.can_show_all or not self.multi_page):
            # A count that stopped at its cap is no total: whatever the cap
            # and the page size, the list stays in pages and never shows all.
            self.can_show_all = False
            self.multi_page = True
            try:
                self.result_list = self.paginator.page(self.page_num).object_list
            except InvalidPage as error:
                raise IncorrectLookupParameters from error

    def get_ordering_field(self, field_name):
        # Django offers only ``sortable_by`` in the headers but follows any
        # column an address names; an old link sorts by the default instead.
        if field_name not in self.sortable_by:
            return None
        return super().get_ordering_field(field_name)


class StatusFilter(admin.SimpleListFilter):
    """The workflow states, with "scheduled" told apart from "on the site"."""

    title = _("status")
    parameter_name = "status"
    VISIBLE = "visible"

    def lookups(self, request, model_admin):
        choices = []
        for status in Article.Status:
            if status == Article.Status.PUBLISHED:
                # "Published" splits in two: on the site, and waiting for its time.
                choices += [
                    (self.VISIBLE, _("Terbit (tayang)")),
                    (workflow.SCHEDULED, _("Terjadwal")),
                ]
            else:
                choices.append((status.value, status.label))
        return choices

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.VISIBLE:
            return queryset.visible()
        if value == workflow.SCHEDULED:
            return queryset.scheduled()
        if value in Article.Status.values:
            return queryset.filter(status=value)
        return queryset


class StoryListAdminMixin:
    """The list half of ``ArticleAdmin``."""

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
    # Only columns an index sorts (migration 0017 for titles): sorting 100,000
    # stories by rubric, agency, author or headline took 100-250 ms, and the
    # filters beside the list answer those questions.
    sortable_by = ["title", "status_label", "published_at"]
    # Titles only, read from their trigram index on PostgreSQL (migration
    # 0012): with summaries and slugs too, a word in one story in twenty was
    # planned as three LIKEs over every row. A slug pasted whole is looked up
    # as well (get_search_results).
    search_fields = ["title"]
    search_help_text = _(
        "Mencari kata di judul berita. Slug (alamat) berita juga bisa ditempel utuh."
    )
    # No second count of the whole archive on every filtered page.
    show_full_result_count = False
    date_hierarchy = "published_at"

    def get_changelist(self, request, **kwargs):
        return StoryChangeList

    def get_paginator(
        self, request, queryset, per_page, orphans=0, allow_empty_first_page=True
    ):
        return CappedPaginator(queryset, per_page, orphans, allow_empty_first_page)

    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(
            request, queryset, search_term
        )
        term = search_term.strip()
        if SLUG.fullmatch(term):
            # A story's address pasted whole: its slug, from the unique index.
            found |= queryset.filter(slug=term.lower())
        return found, may_have_duplicates

    def action_checkbox(self, obj):
        # Django's own draws a form widget through the template engine for
        # every row, a third of the list's rendering; the same HTML, written
        # directly.
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" '
            'aria-label="{}">',
            ACTION_CHECKBOX_NAME,
            obj.pk,
            format_html(_("Select this object for an action - {}"), str(obj)),
        )

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, obj):
        if obj.is_scheduled:
            return format_html(
                "{} <small>({})</small>",
                _("Terjadwal"),
                date_format(timezone.localtime(obj.published_at), "DATETIME_FORMAT"),
            )
        # What get_status_display gives, without building the field's
        # choices again for each of the page's rows (a tenth of a row's time).
        return str(STATUS_LABELS.get(obj.status, obj.status))
