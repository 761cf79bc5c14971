"""Who is asking: the client's address, one rule for lockouts, throttles and rate limits.

Behind ``PROXY_COUNT`` trusted proxies (``DJANGO_PROXY_COUNT``), each proxy appends the
address it received the request from to ``X-Forwarded-For``, so the client is the
``PROXY_COUNT``-th address from the right: anything further left was written by the
client and proves nothing. Without a proxy (``0``) the client is the connection's own
address, ``REMOTE_ADDR``, and the header is ignored. Django's login lockouts
(django-axes), the API throttle and the page and export limits all use this rule.
"""

import ipaddress

from django.conf import settings

# Rate limits group an IPv6 client by its /64 network: one subscriber holds a whole
# /64 and could otherwise take a new address for every request.
IPV6_PREFIX = 64


def client_address(request):
    """The client's IP address as text, per the rule above; REMOTE_ADDR when in doubt."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not proxies or not forwarded:
        return remote
    hops = [hop.strip() for hop in forwarded.split(",")]
    # Fewer entries than proxies: the request skipped the outer ones, and the nearest
    # proxy's own entry (the left-most here) is the address it saw.
    candidate = hops[-min(proxies, len(hops))]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def client_key(request):
    """What rate limits count by: the address, or its /64 network for IPv6."""
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if parsed.version == 6:
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/{IPV6_PREFIX}", strict=False))
    return str(parsed)
