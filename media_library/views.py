"""The rich-text editor's image upload endpoint."""

import logging

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from .models import Rendition
from .processing import title_from_filename
from .renditions import rendition_widths, renditions_make
from .services import photo_create

logger = logging.getLogger(__name__)

# The width of the rendition placed in a story's body.
EDITOR_IMAGE_WIDTH = 1200


def _error(message, status):
    # The shape CKEditor 5's upload adapter shows to the user.
    return JsonResponse({"error": {"message": str(message)}}, status=status)


@require_POST
@csrf_protect
def editor_upload(request):
    """Store an image dropped into CKEditor as a Photo; answer with its URL.

    CKEditor's upload adapter posts the file as ``upload`` with the CSRF
    token in the X-CSRFToken header. Answers are JSON, also for refusals:
    a redirect to the login page would reach the editor as a broken image.
    """
    user = request.user
    if not user.is_authenticated:
        return _error(_("Sesi Anda telah berakhir. Silakan masuk lagi."), 403)
    if not (
        user.is_active and user.is_staff and user.has_perm("media_library.add_photo")
    ):
        return _error(_("Anda tidak berhak mengunggah foto."), 403)

    upload = request.FILES.get("upload")
    if upload is None:
        return _error(_("Tidak ada berkas foto yang diunggah."), 400)
    try:
        photo = photo_create(
            file=upload, uploaded_by=user, title=title_from_filename(upload.name)
        )
    except ValidationError as exc:
        return _error(exc.messages[0], 400)

    # The story's text keeps this address, so it must be a rendition's and
    # not the original's: this one size is made now (from a reduced decode,
    # a fraction of a second), the others by the worker.
    width = min(EDITOR_IMAGE_WIDTH, rendition_widths(photo.width)[-1])
    try:
        renditions_make(photo=photo, sizes={(width, Rendition.Format.JPEG)})
    except Exception:
        logger.exception("Editor image rendition failed for photo %s", photo.pk)
    picture = photo.image(EDITOR_IMAGE_WIDTH, Rendition.Format.JPEG)
    return JsonResponse({"url": picture.url})
