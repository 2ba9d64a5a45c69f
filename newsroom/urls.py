"""Root URL map: the admin, the editor's upload endpoint and the public site."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from articles.admin.shortcut import view_on_site
from newsroom import twofactor

from .health import healthz

admin.site.site_header = _("Warta — Redaksi")
admin.site.site_title = _("Warta")
admin.site.index_title = _("Meja redaksi")

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Before the admin's own "view on site": a story's answers by its rights.
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
    ),
    # The second step of the newsroom's login, before the admin's catch-all.
    path(
        "admin/dua-langkah/",
        admin.site.admin_view(twofactor.verify),
        name="twofactor_verify",
    ),
    path(
        "admin/dua-langkah/atur/",
        admin.site.admin_view(twofactor.setup),
        name="twofactor_setup",
    ),
    path("admin/", admin.site.urls),
    # Our own upload endpoint under the URL name the CKEditor widget reverses;
    # the package's own urls (which store files under client names) are not
    # included anywhere.
    path("", include("media_library.urls")),
    path("", include("portal.urls")),
]

if settings.WARTA_BENCH:
    from newsroom import benchmark

    urlpatterns.insert(0, path("bench/ceiling/", benchmark.ceiling))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Not-found pages use templates/404.html (with the site's navigation); server
# errors use the standalone templates/500.html, which needs no database.
