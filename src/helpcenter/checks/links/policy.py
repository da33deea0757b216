"""Which hosts the help center may send readers to.

One rule for the whole project, used by the link checker here and by the
contact guard: a host is acceptable when it is an official BitP domain
(``organization.official_domains``) or one of the registry's
``allowed_domains``, or a subdomain of either. Hosts are compared in their
canonical form (:func:`helpcenter.contacts.normalize.normalize_host`), so
``WWW.BitP.Example.``, ``ｗｗｗ．ｂｉｔｐ．ｅｘａｍｐｌｅ`` and the punycode
form of an IDN are judged alike, and ``bitp.example.evil.example`` or
``https://bitp.example@evil.example/`` are not mistaken for BitP.
"""

from __future__ import annotations

from helpcenter.contacts.normalize import is_subdomain_of, normalize_host, split_url
from helpcenter.registry.model import Registry


def trusted_domains(registry: Registry) -> tuple[str, ...]:
    """Official and allowed domains of ``registry``, canonical, official first."""
    domains: list[str] = []
    for domain in (*registry.organization.official_domains, *registry.allowed_domains):
        norm = normalize_host(domain)
        if norm and norm not in domains:
            domains.append(norm)
    return tuple(domains)


def is_official_host(host: str, registry: Registry) -> bool:
    """Whether ``host`` is an official BitP domain or a subdomain of one."""
    norm = normalize_host(host)
    if norm is None:
        return False
    return any(
        is_subdomain_of(norm, official)
        for official in (normalize_host(d) for d in registry.organization.official_domains)
        if official
    )


def external_host_allowed(host: str, registry: Registry) -> bool:
    """Whether articles may link to ``host``: official or in ``allowed_domains`` (or below)."""
    norm = normalize_host(host)
    if norm is None:
        return False
    return any(is_subdomain_of(norm, domain) for domain in trusted_domains(registry))


def external_url_allowed(url: str, registry: Registry) -> bool:
    """Whether articles may link to ``url``; the host decides (userinfo is ignored)."""
    parts = split_url(url)
    return parts is not None and external_host_allowed(parts[0], registry)
