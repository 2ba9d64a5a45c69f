"""Previews of stories that readers cannot see yet.

Two ways in: a logged-in editor, or a contributor of the story's agency, at
``/pratinjau/<id>/``; and a signed link (``articles.preview``), made by an
editor for someone without an account (the agency head), which opens that one
story only, while its record lives: not expired, not revoked, the story not
taken down. Both render the story exactly as readers would
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
from articles.preview import PreviewLinkEnded, preview_link_open

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
    """The preview behind a signed link: that one story, while the link lives."""
    try:
        article = preview_link_open(token)
    except signing.SignatureExpired:
        return _expired(request)
    except signing.BadSignature:
        return _refusal(
            request,
            403,
            _("Tautan pratinjau tidak sah"),
            _("Tautan ini tidak lengkap atau telah diubah. Periksa kembali tautannya."),
        )
    except PreviewLinkEnded as ended:
        return _ended(request, ended.reason)
    return _preview_response(request, article)


def _expired(request):
    return _refusal(
        request,
        410,
        _("Tautan pratinjau sudah kedaluwarsa"),
        _(
            "Tautan ini sudah melewati masa berlakunya. Mintalah tautan baru "
            "kepada redaksi."
        ),
    )


def _ended(request, reason):
    if reason == "deleted":
        return _refusal(
            request,
            404,
            _("Berita tidak ditemukan"),
            _("Berita untuk tautan pratinjau ini sudah dihapus."),
        )
    if reason == "expired":
        return _expired(request)
    messages = {
        "taken_down": _(
            "Berita ini sudah diturunkan redaksi, sehingga tautan pratinjaunya "
            "tidak berlaku lagi."
        ),
        "revoked": _(
            "Tautan pratinjau ini sudah dicabut redaksi. Mintalah tautan baru "
            "kepada redaksi bila masih perlu melihat berita ini."
        ),
    }
    return _refusal(
        request,
        410,
        _("Tautan pratinjau tidak berlaku lagi"),
        messages.get(
            reason,
            _("Tautan ini tidak berlaku lagi. Mintalah tautan baru kepada redaksi."),
        ),
    )
