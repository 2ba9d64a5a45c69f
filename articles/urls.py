"""The public site's URL map (see DESIGN.md)."""

from django.urls import path

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.home, name="home"),
    path("berita/<slug:slug>/", views.article_detail, name="detail"),
    path("kategori/<slug:slug>/", views.category_detail, name="category"),
    path("tag/<str:slug>/", views.tag_detail, name="tag"),
    path("instansi/<slug:slug>/", views.agency_detail, name="agency"),
    path("pejabat/<slug:slug>/", views.official_detail, name="official"),
]
