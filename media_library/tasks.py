"""Background work on photos, run by the django-tasks worker
(``manage.py db_worker``; at once, inside the test, in tests).

An upload's request only checks and stores the photo; ``renditions_enqueue``
asks for its renditions once the upload's transaction commits, so a rolled
back upload asks for nothing and the worker never looks for a row that is
not there yet.
"""

import logging
from functools import partial

from django.db import transaction
from django_tasks import task

from .models import Photo
from .renditions import renditions_make

logger = logging.getLogger(__name__)


@task()
def photo_renditions_make(photo_id):
    """Make the missing renditions of photo ``photo_id``; return their count.

    Idempotent, so a failed run can simply be enqueued again
    (``manage.py photo_renditions``). A photo deleted in the meantime is
    nothing to do. A photo whose file cannot be read fails the task (its
    result is FAILED with the traceback); pages keep showing the original.
    """
    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None:
        return 0
    return len(renditions_make(photo=photo))


def renditions_enqueue(*, photo, using=None):
    """Ask the worker for ``photo``'s renditions once the transaction commits.

    ``robust``: a queue that cannot be written to is logged, not raised,
    since the upload itself has committed; ``manage.py photo_renditions``
    finds photos left without renditions.
    """
    transaction.on_commit(
        partial(photo_renditions_make.enqueue, photo.pk), using=using, robust=True
    )
