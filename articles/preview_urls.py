"""Preview addresses for drafts (editorial workflow); see articles/preview.py."""

from django.urls import path

from . import preview

app_name = "preview"

urlpatterns = [
    path("<int:pk>/", preview.article_preview, name="article"),
    path("tautan/<str:token>/", preview.signed_preview, name="signed"),
]
