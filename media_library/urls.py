from django.urls import path

from . import views

urlpatterns = [
    # The name is the one django-ckeditor-5's widget reverses for uploads.
    path("admin/editor/upload/", views.editor_upload, name="ck_editor_5_upload_file"),
]
