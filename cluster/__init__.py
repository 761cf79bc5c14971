"""make cluster: the site on several servers, a replica and a shared cache, on loopback."""
