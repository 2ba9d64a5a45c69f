"""The admin's "view on site" address, ``/admin/r/<type>/<id>/``.

Django's own view (``contenttypes.views.shortcut``) sends any staff user to
any object's public address. For a story that would reveal the address, and
so the headline, of every draft and embargoed story to whoever walks the ids.
Here a story answers by the story rights: absent (404) for who may not open
it (``rights.can_view``); its preview while readers may not see it; its public
page once they may. Other models keep Django's answer. ``newsroom.urls`` puts
this view before the admin's own.
"""

import re

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import rights
from ..models import Article

# Every model here has an integer key; anything else is absent.
ID = re.compile(r"[0-9]{1,18}")


def view_on_site(request, content_type_id, object_id):
    if not (ID.fullmatch(str(content_type_id)) and ID.fullmatch(object_id)):
        raise Http404(_("Alamat ini tidak ada."))
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    model = content_type.model_class() if content_type else None
    if model is None or not issubclass(model, Article):
        return shortcut(request, content_type_id, object_id)
    article = Article.objects.filter(pk=object_id).first()
    if article is None or not rights.can_view(request.user, article):
        raise Http404(_("Berita tidak ditemukan."))
    return HttpResponseRedirect(public_url(article) or preview_url(article))


def public_url(article):
    """The story's public address, or None while readers may not see it."""
    if Article.objects.visible().filter(pk=article.pk).exists():
        return article.get_absolute_url()
    return None


def preview_url(article):
    return reverse("portal:preview", args=[article.pk])
