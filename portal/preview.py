"""Previews of stories that readers cannot see yet.

Two ways in: a logged-in editor, or a contributor of the story's agency, at
``/pratinjau/<id>/``; and a signed link that expires (``articles.preview``),
made by an editor for someone without an account (the agency head), which
opens that one story only. Both render the story exactly as readers would
see it (``views.render_article`` with ``preview=True``), never cached and
never indexed.
"""

from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from articles import rights
from articles.models import Article
from articles.preview import preview_link_article_id

from .views import render_article


def _preview_response(request, article):
    response = render_article(request, article, preview=True)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _refusal(request, status, title, message):
    response = render(
        request,
        "portal/preview_error.html",
        {"title": title, "message": message},
        status=status,
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
def article_preview(request, pk):
    """The preview for someone logged in who may see this story in the admin."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    article = get_object_or_404(rights.stories_for(request.user), pk=pk)
    return _preview_response(request, article)


@never_cache
def signed_preview(request, token):
    """The preview behind a signed link: that one story, until the link expires."""
    try:
        article_id = preview_link_article_id(token)
    except signing.SignatureExpired:
        return _refusal(
            request,
            410,
            _("Tautan pratinjau sudah kedaluwarsa"),
            _(
                "Tautan ini sudah melewati masa berlakunya. Mintalah tautan "
                "baru kepada redaksi."
            ),
        )
    except signing.BadSignature:
        return _refusal(
            request,
            403,
            _("Tautan pratinjau tidak sah"),
            _("Tautan ini tidak lengkap atau telah diubah. Periksa kembali tautannya."),
        )
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return _refusal(
            request,
            404,
            _("Berita tidak ditemukan"),
            _("Berita untuk tautan pratinjau ini sudah dihapus."),
        )
    return _preview_response(request, article)
