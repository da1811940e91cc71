"""WSGI entry point: `gunicorn iopguide.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iopguide.settings")

application = get_wsgi_application()
