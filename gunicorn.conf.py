"""Gunicorn settings for production: `gunicorn iopguide.wsgi` reads this file by default.

Every value can be overridden with the usual GUNICORN_CMD_ARGS or command-line flags.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Threads let one worker overlap database waits; two per core keeps memory modest.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
worker_class = "gthread"
# A request that takes this long is stuck: kill the worker rather than queue behind it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak can never take the site down.
max_requests = 2000
max_requests_jitter = 200
# The app runs behind a load balancer or reverse proxy that terminates TLS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
limit_request_line = 4094
limit_request_fields = 60
limit_request_field_size = 8190
# The app writes one log line per request (route name, status, duration, request id), so
# gunicorn's access log is off. GUNICORN_ACCESS_LOG=- turns it on: method, path
# (result-page tokens redacted), status, size, duration; never the client address or the
# query string. Both logs follow LOG_FORMAT (JSON unless DEBUG).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = '"%(m)s %(U)s" %(s)s %(b)s %(L)ss %({x-request-id}o)s'
logger_class = "iopguide.gunicorn_logging.RedactingLogger"
errorlog = "-"
preload_app = True


def when_ready(server) -> None:
    """Load the offline ZIP/city tables once in the master, before the workers fork.

    With preload_app the workers share these pages (copy-on-write), and no visitor's
    first place search waits about a second for the tables to load.
    """
    from programs.directory.geo import warm_up

    warm_up()
