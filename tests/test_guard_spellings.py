"""Every active registry channel, written at least a dozen ways, is never flagged.

Spellings are generated from the registry itself, so the test follows
data/channels.yml as operators change it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import phonenumbers
import pytest

from helpcenter.contacts import normalize
from helpcenter.guard.scan import check_source
from helpcenter.guard.verdict import classify
from helpcenter.registry.load import load_registry
from helpcenter.registry.model import Channel

ROOT = Path(__file__).resolve().parent.parent
REGISTRIES = {
    "shipped": ROOT / "data" / "channels.yml",
    "fixture": ROOT / "tests" / "fixtures" / "contacts" / "channels.yml",
}
ALIASES = {
    "t.me": ["telegram.me", "www.t.me"],
    "x.com": ["twitter.com", "mobile.twitter.com", "www.x.com"],
    "twitter.com": ["x.com"],
    "www.facebook.com": ["facebook.com", "m.facebook.com", "fb.com"],
    "facebook.com": ["m.facebook.com", "fb.com"],
    "weibo.com": ["weibo.cn", "www.weibo.com"],
}
WECHAT_WORDS = [
    "微信",
    "微信号",
    "微信公众号",
    "WeChat",
    "VX",
    "V信",
    "wx",
    "加V",
    "薇信",
    "威信",
    "weixin",
    "公众号 微信",
]


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def email_spellings(v: str) -> list[str]:
    local, _, domain = v.partition("@")
    head, _, tld = domain.rpartition(".")
    return [
        v,
        v.upper(),
        v.title(),
        fullwidth(v),
        f"mailto:{v}",
        f"<{v}>",
        f"{v}.",
        f"[{v}](mailto:{v})",
        v.replace("@", "&#64;"),
        f"{local} [at] {head} [dot] {tld}",
        f"{local}(at){head}(dot){tld}",
        f"{local} at {head} dot {tld}",
        f"{local}艾特{head}点{tld}",
        v.replace("@", "＠").replace(".", "。"),
        f"mailto:{local}%40{domain}",
        f'<a href="mailto:{v.upper()}">{v}</a>',
        f"mailto:{v}?subject=Help",
    ]


def phone_spellings(v: str) -> list[str]:
    number = phonenumbers.parse(v, None)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    intl = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    rfc = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.RFC3966)
    cc = str(number.country_code)
    return [
        e164,
        intl,
        intl.replace(" ", "-"),
        intl.replace(" ", ""),
        "00" + e164[1:],
        f"tel:{e164}",
        rfc,
        national,
        national.replace(" ", "-"),
        fullwidth(intl),
        f"(+{cc}) {intl.split(' ', 1)[1]}",
        f"[{intl}](tel:{e164})",
        f'<a href="{rfc}">{national}</a>',
        f"{intl}.",
    ]


def website_spellings(v: str) -> list[str]:
    parts = urlsplit(v)
    host = parts.hostname or ""
    path = parts.path or "/"
    reg = normalize.registrable_domain(host)
    return [
        v,
        v.upper(),
        v.replace("https://", "http://"),
        f"{host}{path}",
        host,
        host.upper(),
        f"{host}.",
        f"https://{host}.{path}",
        fullwidth(host),
        host.replace(".", "。"),
        f"<{v}>",
        f"[{host}]({v})",
        f"{v}?lang=zh#top",
        f"https://help.{reg}/",
        f"sub.{reg}",
        f'<a href="{v}">{host}</a>',
        f"hxxps://{host.replace('.', '[.]')}{path}",
    ]


def social_spellings(c: Channel) -> list[str]:
    v = c.value
    if "/" not in v:  # a bare handle such as a WeChat id
        return [f"{w}:{v}" for w in WECHAT_WORDS] + [
            f"微信:{v.upper()}",
            f"微信号:@{v}",
            f"{c.platform}: {v}",
        ]
    parts = urlsplit(v)
    host = parts.hostname or ""
    handle = parts.path.strip("/")
    hosts = [host, *ALIASES.get(host, [])]
    out = [
        v,
        v.upper().replace("HTTPS://", "https://"),
        f"{host}/{handle}",
        f"{v}/",
        f"{v}?ref=site",
        f"<{v}>",
        f"[{handle}]({v})",
        fullwidth(f"{host}/{handle}"),
        f"{host}/{handle.upper()}",
    ]
    out += [f"https://{alias}/{handle}" for alias in hosts[1:]]
    out += [f"{c.platform.title()}: @{handle}", f"关注 @{handle}"]
    return out


def spellings(c: Channel) -> list[str]:
    if c.type == "email":
        return email_spellings(c.value)
    if c.type == "phone":
        return phone_spellings(c.value)
    if c.type in ("social",) or c.platform:
        return social_spellings(c)
    return website_spellings(c.value)


def cases() -> list[tuple[str, str, str]]:
    out = []
    for name, path in REGISTRIES.items():
        registry = load_registry(path)
        for c in registry.active_channels:
            out += [(name, c.id, s) for s in spellings(c)]
    return out


REGISTRY_CACHE = {name: load_registry(path) for name, path in REGISTRIES.items()}


def test_every_active_channel_has_a_dozen_spellings() -> None:
    for registry in REGISTRY_CACHE.values():
        for c in registry.active_channels:
            assert len(set(spellings(c))) >= 12, c.id


@pytest.mark.parametrize(("registry_name", "channel_id", "spelling"), cases())
def test_official_spelling_is_not_flagged(
    registry_name: str, channel_id: str, spelling: str
) -> None:
    registry = REGISTRY_CACHE[registry_name]
    for lang in ("zh", "en"):
        text = f"联系方式 {spelling} 谢谢\n" if lang == "zh" else f"Contact {spelling} thanks\n"
        found = check_source(text, f"docs/{lang}/page.md", registry, lang="en").findings
        assert found == [], "\n".join(map(str, found))


def pasteable(spelling: str) -> bool:
    """Markdown and HTML are not what a reader pastes into the verifier."""
    return not (spelling.startswith(("<a ", "[")) or "](" in spelling)


@pytest.mark.parametrize(
    ("registry_name", "channel_id", "spelling"), [c for c in cases() if pasteable(c[2])]
)
def test_verifier_calls_each_spelling_official(
    registry_name: str, channel_id: str, spelling: str
) -> None:
    verdict = classify(spelling, REGISTRY_CACHE[registry_name], lang="zh")
    assert verdict.verdict == "official", verdict
