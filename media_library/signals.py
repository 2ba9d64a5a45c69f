"""Deleting a Photo or Rendition row deletes its file, once the delete commits.

A signal rather than ``delete()`` because the admin's bulk delete and
cascades (a Photo's renditions) use QuerySet.delete(), which never calls
``Model.delete()``. The file goes only after commit, so a rolled-back delete
keeps a row whose file still exists.
"""

from django.db import transaction


def delete_file_on_commit(sender, instance, using, **kwargs):
    """post_delete receiver for Photo and Rendition."""
    name = instance.file.name
    if not name:
        return
    storage = instance.file.storage
    transaction.on_commit(lambda: storage.delete(name), using=using)
