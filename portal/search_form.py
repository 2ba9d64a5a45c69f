"""The search page's form: the query and its filters, bad values ignored.

The agency filter's rows are read once and serve both the check of the value
given and the list the page renders (``ListedChoiceField``).
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from articles.models import Agency, Category

from .search import MAX_QUERY_CHARS, SearchFilters

# Dates outside these bounds overflow when turned into times at either end of
# the calendar; such a filter is ignored like any other bad value.
DATE_BOUNDS = [
    MinValueValidator(datetime.date(1900, 1, 1)),
    MaxValueValidator(datetime.date(9000, 12, 31)),
]


class ListedChoiceField(forms.ModelChoiceField):
    """A ``ModelChoiceField`` whose rows are read once per form: the value is
    looked up among the rows the form renders (``listed``), not by a query of
    its own."""

    def listed(self):
        if not hasattr(self, "_listed"):
            self._listed = list(self.queryset)
        return self._listed

    def to_python(self, value):
        if value in self.empty_values:
            return None
        for choice in self.listed():
            if str(getattr(choice, self.to_field_name)) == str(value):
                return choice
        raise ValidationError(
            self.error_messages["invalid_choice"],
            code="invalid_choice",
            params={"value": value},
        )


class SearchForm(forms.Form):
    """The search page's query and filters; bad filter values are ignored."""

    q = forms.CharField(label=_("Kata kunci"), required=False)
    kategori = forms.ModelChoiceField(
        label=_("Rubrik"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Semua rubrik"),
    )
    instansi = ListedChoiceField(
        label=_("Instansi"),
        queryset=Agency.objects.filter(is_active=True),
        to_field_name="slug",
        required=False,
        empty_label=_("Semua instansi"),
    )
    dari = forms.DateField(
        label=_("Dari tanggal"),
        required=False,
        validators=DATE_BOUNDS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sampai = forms.DateField(
        label=_("Sampai tanggal"),
        required=False,
        validators=DATE_BOUNDS,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_q(self):
        # Truncated rather than rejected: a pasted paragraph still searches.
        return (self.cleaned_data.get("q") or "")[:MAX_QUERY_CHARS].strip()

    def query_and_filters(self):
        """(query, SearchFilters) for this form's data, whatever was typed."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        query = data.get("q", "")
        filters = SearchFilters(
            category=data.get("kategori"),
            agency=data.get("instansi"),
            date_from=data.get("dari"),
            date_to=data.get("sampai"),
        )
        return query, filters
