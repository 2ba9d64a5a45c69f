"""The public site's URL map (see docs/urls.md)."""

from django.urls import path

from . import corrections, feeds, listings, pages, preview, replies, sitemaps, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("berita/<slug:slug>/", views.article_detail, name="detail"),
    path("kategori/", listings.categories_with_stories, name="categories"),
    path("berita/<slug:slug>/hak-jawab/", replies.reply_request, name="reply"),
    path("kategori/<slug:slug>/", views.category_detail, name="category"),
    path("kategori/<slug:slug>/feed/", feeds.CategoryFeed(), name="category-feed"),
    path("tag/<str:slug>/", views.tag_detail, name="tag"),
    path("tag/<str:slug>/feed/", feeds.TagFeed(), name="tag-feed"),
    path("instansi/", listings.agencies_by_kind, name="agencies"),
    path("instansi/<slug:slug>/", views.agency_detail, name="agency"),
    path("instansi/<slug:slug>/feed/", feeds.AgencyFeed(), name="agency-feed"),
    path("pejabat/", listings.officials_in_office, name="officials"),
    path("pejabat/<slug:slug>/", views.official_detail, name="official"),
    path("arsip/<int:year>/<int:month>/", views.archive_month, name="archive"),
    path("halaman/<slug:slug>/", pages.page_detail, name="page"),
    path("cari/", views.search, name="search"),
    path("feed/", feeds.LatestFeed(), name="feed"),
    path("koreksi/", corrections.corrections_list, name="corrections"),
    path("koreksi/feed/", corrections.CorrectionsFeed(), name="corrections-feed"),
    path("koreksi/<int:pk>/", corrections.story_changes, name="story-changes"),
    path("sitemap.xml", sitemaps.index, name="sitemap-index"),
    path("sitemap-news.xml", sitemaps.news, name="sitemap-news"),
    path("sitemap-<section>.xml", sitemaps.section, name="sitemap-section"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("baca/<int:pk>/", views.read_beacon, name="read"),
    # Stories readers cannot see yet: never cached, never indexed.
    path("pratinjau/<int:pk>/", preview.article_preview, name="preview"),
    path(
        "pratinjau/tautan/<str:token>/", preview.signed_preview, name="preview-signed"
    ),
]
