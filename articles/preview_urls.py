"""Preview addresses for drafts (editorial workflow)."""

app_name = "preview"

urlpatterns = []
