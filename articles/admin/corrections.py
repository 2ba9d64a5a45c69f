"""The story admin's correction page: an editor adds a Ralat, Koreksi,
Pembaruan or Hak Jawab entry to a published story, or a new entry replacing
an earlier one (entries themselves are never edited)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from .. import rights
from ..corrections import correction_add
from ..errors import WorkflowError
from ..models import Article, ArticleCorrection


class CorrectionForm(forms.Form):
    """A new correction entry; ``supersedes`` offers the story's entries not
    yet replaced."""

    kind = forms.ChoiceField(label=_("Jenis"), choices=ArticleCorrection.Kind.choices)
    summary = forms.CharField(
        label=_("Yang diubah"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ditampilkan kepada pembaca di atas berita."),
    )
    reason = forms.CharField(
        label=_("Alasan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    sender_name = forms.CharField(
        label=_("Pengirim hak jawab"), required=False, max_length=200
    )
    reply_text = forms.CharField(
        label=_("Isi hak jawab"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Tempel teks pengirim apa adanya; ditampilkan sebagai teks biasa."),
    )
    supersedes = forms.ModelChoiceField(
        label=_("Menggantikan koreksi"),
        required=False,
        queryset=ArticleCorrection.objects.none(),
        help_text=_(
            "Untuk memperbaiki koreksi yang sudah tayang: koreksi lama tetap "
            "tercatat di riwayat."
        ),
    )

    def __init__(self, *args, article, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supersedes"].queryset = article.corrections.filter(
            superseded_by__isnull=True
        )

    def clean(self):
        data = super().clean()
        if data.get("kind") == ArticleCorrection.Kind.HAK_JAWAB:
            if not (data.get("sender_name") or "").strip():
                self.add_error(
                    "sender_name", _("Hak jawab harus memuat nama pengirim.")
                )
            if not (data.get("reply_text") or "").strip():
                self.add_error("reply_text", _("Hak jawab harus memuat isinya."))
        return data


class CorrectionAdminMixin:
    """The ``koreksi/`` page of ``ArticleAdmin``: editors only, checked on
    every request."""

    corrections_template = "admin/articles/article/corrections.html"

    def get_urls(self):
        own = [
            path(
                "<path:object_id>/koreksi/",
                self.admin_site.admin_view(self.corrections_view),
                name="articles_article_corrections",
            ),
        ]
        return own + super().get_urls()

    def corrections_view(self, request, object_id):
        obj = self._viewable(request, object_id)
        if not rights.is_editor(request.user):
            raise PermissionDenied
        visible = Article.objects.visible().filter(pk=obj.pk).exists()
        form = CorrectionForm(request.POST or None, article=obj)
        if request.method == "POST" and visible and form.is_valid():
            try:
                correction_add(article=obj, by=request.user, **form.cleaned_data)
            except WorkflowError as error:
                self.message_user(request, error.message, messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("Koreksi dicatat dan tampil di atas berita."),
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(
                    reverse("admin:articles_article_corrections", args=[obj.pk])
                )
        return self._page(
            request,
            self.corrections_template,
            obj,
            _("Koreksi: %(title)s"),
            form=form,
            visible=visible,
            corrections=obj.corrections.select_related(
                "created_by", "supersedes", "superseded_by"
            ),
        )
