"""WSGI entry point for a production server (gunicorn config.wsgi, with DATABASE_URL set)."""

from django.core.wsgi import get_wsgi_application

from config import env

env.use_default_settings()
application = get_wsgi_application()
