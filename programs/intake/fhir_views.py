"""The public FHIR Questionnaire and CodeSystems that exported responses point to.

Public and cacheable: they hold the questions and choices only, never anyone's answers.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import get_script_prefix
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from programs.intake import fhir
from programs.questionnaire import triage

FHIR_JSON = "application/fhir+json; charset=utf-8"


def fhir_base_url(request: HttpRequest) -> str:
    """The FHIR base URL: the FHIR_BASE_URL setting, else this site's own /fhir."""
    if settings.FHIR_BASE_URL:
        return settings.FHIR_BASE_URL
    return request.build_absolute_uri(f"{get_script_prefix()}fhir")


def fhir_response(resource: dict, *, status: int = 200) -> HttpResponse:
    return HttpResponse(
        json.dumps(resource, ensure_ascii=False, indent=2),
        content_type=FHIR_JSON,
        status=status,
    )


def _not_found(what: str) -> HttpResponse:
    return fhir_response(fhir.operation_outcome("not-found", f"No {what} here."), status=404)


@require_GET
@cache_control(public=True, max_age=3600)
def questionnaire(request: HttpRequest, resource_id: str) -> HttpResponse:
    """The current Questionnaire at ``iop-guide``; every version at ``iop-guide-{version}``."""
    # Stored responses name the version they answered, so every version stays served.
    current = triage.QUESTIONNAIRE_VERSION
    served = {fhir.questionnaire_resource_id(v): v for v in fhir.known_versions()}
    served[fhir.QUESTIONNAIRE_ID] = current
    version = served.get(resource_id)
    if version is None:
        return _not_found(f"Questionnaire {resource_id!r}; the current one is {current}")
    resource = fhir.build_questionnaire(
        fhir_base_url(request), version=version, publisher=settings.SITE_OPERATOR
    )
    return fhir_response(resource)


@require_GET
@cache_control(public=True, max_age=3600)
def code_system(request: HttpRequest, resource_id: str) -> HttpResponse:
    """One CodeSystem, in the current version or the one named by ``?version=``."""
    version = request.GET.get("version") or triage.QUESTIONNAIRE_VERSION
    if version not in fhir.known_versions():
        return _not_found(f"CodeSystem version {version!r}")
    key = fhir.code_system_key(resource_id)
    if key is None or key not in fhir.code_system_keys(version):
        return _not_found(f"CodeSystem {resource_id!r}")
    return fhir_response(fhir.build_code_system(fhir_base_url(request), key, version=version))
