"""gunicorn settings for `make serve`, read from the environment like the Django settings."""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Threads let a worker keep connections alive and overlap database waits.
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1) + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = 30
graceful_timeout = 20
# Requests with an oversized line or headers are refused before Django sees them.
limit_request_line = 4094
limit_request_fields = 50
# Access log on stdout with the id Django's log lines carry.
accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms request_id=%({x-request-id}o)s'
# No runtime control socket: one shared path per user would clash between servers.
control_socket_disable = True
