from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def editor_upload(request):
    return JsonResponse({"error": {"message": "not yet"}}, status=503)
