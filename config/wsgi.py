"""WSGI entry point for a production server (gunicorn config.wsgi, with DATABASE_URL set)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
application = get_wsgi_application()
