from django.urls import path

from . import views

urlpatterns = [
    # The name is the one django-ckeditor-5's widget reverses for uploads.
    # Not under admin/: the project includes these urls after admin.site.urls,
    # whose catch-all view would answer /admin/<anything>/ first (a login
    # redirect or 404 instead of our JSON).
    path("editor/upload/", views.editor_upload, name="ck_editor_5_upload_file"),
]
