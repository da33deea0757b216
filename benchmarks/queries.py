"""The search-quality query list: the project's (``tests/browser/queries.yml``) or a fallback.

The browser tests keep the realistic queries and the article each one must
find; the benchmark reuses that file so the figure it prints is the one the
tests hold the site to. Accepted shapes (YAML)::

    zh:                              # language -> list
      - {query: 忘记密码, expect: troubleshooting/login.md}
    en:
      - [forgot password, troubleshooting/login.md]

or a flat list of mappings with a ``lang`` key. ``expect`` may also be spelt
``expected``, ``page``, ``article`` or ``url``, be a list (any one counts),
and name the page as ``.md`` or ``.html``, with or without ``en/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PROJECT_FILE = Path("tests/browser/queries.yml")
"""The browser suite's query list, relative to the project root."""

FALLBACK: dict[str, list[tuple[str, str]]] = {
    "zh": [
        ("忘记密码", "troubleshooting/login.md"),
        ("登录不了", "troubleshooting/login.md"),
        ("收不到验证码", "troubleshooting/login.md"),
        ("账户被盗", "troubleshooting/account-security.md"),
        ("双重验证", "troubleshooting/account-security.md"),
        ("身份验证失败", "troubleshooting/identity-verification.md"),
        ("提现没到账", "troubleshooting/trades.md"),
        ("客服电话", "contact/phone.md"),
        ("客服邮箱", "contact/email.md"),
        ("官方网站", "contact/website.md"),
        ("假客服", "safety/fake-support.md"),
        ("诈骗", "safety/known-scams.md"),
        ("投诉", "troubleshooting/unsatisfied.md"),
    ],
    "en": [
        ("forgot password", "troubleshooting/login.md"),
        ("logging in", "troubleshooting/login.md"),
        ("account hacked", "troubleshooting/account-security.md"),
        ("two-factor", "troubleshooting/account-security.md"),
        ("identity verification", "troubleshooting/identity-verification.md"),
        ("withdrawal", "troubleshooting/trades.md"),
        ("trading", "troubleshooting/trades.md"),
        ("phone number", "contact/phone.md"),
        ("support email", "contact/email.md"),
        ("official website", "contact/website.md"),
        ("fake support", "safety/fake-support.md"),
        ("known scams", "safety/known-scams.md"),
        ("complaint", "troubleshooting/unsatisfied.md"),
    ],
}
"""Used while the project has no query list of its own: (query, expected article)."""

_EXPECT_KEYS = ("expect", "expected", "page", "article", "url", "top3")
_QUERY_KEYS = ("query", "q", "text")


@dataclass(frozen=True)
class Query:
    """A search and the article(s) that should be among its top 3 results."""

    lang: str
    text: str
    expected: tuple[str, ...]
    """Site-relative HTML paths of acceptable pages (``en/...`` for English)."""


def page_path(lang: str, ref: str) -> str:
    """``troubleshooting/login.md`` -> ``troubleshooting/login.html`` (``en/`` for English)."""
    ref = ref.split("#", 1)[0].lstrip("/").removeprefix("docs/")
    ref = ref.removeprefix("zh/").removeprefix("en/")
    if ref.endswith(".md"):
        ref = ref[:-3] + ".html"
    elif ref.endswith("/") or not ref:
        ref += "index.html"
    elif not ref.endswith(".html"):
        ref += ".html"
    return ref if lang == "zh" else f"en/{ref}"


def _one(lang: str, item: Any) -> Query | None:
    if isinstance(item, list | tuple) and len(item) >= 2:
        text, expect = item[0], item[1]
    elif isinstance(item, dict):
        lang = str(item.get("lang", lang))
        text = next((item[k] for k in _QUERY_KEYS if k in item), None)
        expect = next((item[k] for k in _EXPECT_KEYS if k in item), None)
    else:
        return None
    if not text or not expect:
        return None
    refs = expect if isinstance(expect, list) else [expect]
    return Query(lang, str(text), tuple(page_path(lang, str(r)) for r in refs))


def parse(data: Any) -> list[Query]:
    """Queries from the loaded YAML of a query list (shapes in the module docstring)."""
    out: list[Query] = []
    if isinstance(data, dict):
        if "queries" in data:
            return parse(data["queries"])
        for lang, items in data.items():
            if lang in ("zh", "en") and isinstance(items, list):
                out += [q for q in (_one(lang, i) for i in items) if q]
    elif isinstance(data, list):
        out += [q for q in (_one("zh", i) for i in data) if q]
    return out


def load(project: Path) -> tuple[list[Query], str]:
    """The query list and where it came from."""
    path = project / PROJECT_FILE
    if path.is_file():
        queries = parse(yaml.safe_load(path.read_text(encoding="utf-8")))
        if queries:
            return queries, str(PROJECT_FILE)
    fallback = [
        Query(lang, text, (page_path(lang, page),))
        for lang, items in FALLBACK.items()
        for text, page in items
    ]
    return fallback, "built-in fallback list (tests/browser/queries.yml not found)"
