"""Rule codes and their messages, and the project's other words, in both languages.

Each checker keeps its rules next to its code as a ``RULES`` tuple of
:class:`Rule` (registry: ``helpcenter.registry.rules``, guard:
``helpcenter.guard.rules``, links: ``helpcenter.checks.links.rules``, translations:
``helpcenter.checks.i18n.rules``, content policy: ``helpcenter.checks.rules``);
this module merges them into one catalog so the CLI, the build and the
contributor guide speak with one voice, in Chinese or English. Words that
are not a rule's (the reviewer's report, say) are kept the same way, as a
``TEXTS`` table next to their code, and merged into :func:`texts` under the
table's prefix.
"""

from __future__ import annotations

import importlib
import locale
import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

LANGS = ("zh", "en")
"""The languages the project's own texts are written in (messages, labels, widgets)."""

FALLBACK_LANG = "en"
"""The texts for a language not in :data:`LANGS` (a third site language, say ``zh-Hant``)."""


LANGUAGE_NAMES = {"zh": {"zh": "中文", "en": "Chinese"}, "en": {"zh": "英文", "en": "English"}}
"""How messages name a site language, in each language of the texts."""


def language_name(code: str, lang: str) -> str:
    """How a message in ``lang`` names the site language ``code`` (the code itself when the
    texts have no name for it)."""
    names = LANGUAGE_NAMES.get(code)
    return names[text_language(lang)] if names else code


def text_language(lang: str) -> str:
    """The language of the project's texts for a page or reader in ``lang``: itself when the
    texts exist in it, else :data:`FALLBACK_LANG`."""
    return lang if lang in LANGS else FALLBACK_LANG


_SOURCES = (
    "helpcenter.registry.rules",
    "helpcenter.guard.rules",
    "helpcenter.checks.links.rules",
    "helpcenter.checks.i18n.rules",
    "helpcenter.checks.rules",
)


@dataclass(frozen=True)
class Rule:
    """One stable rule code and what it says."""

    code: str
    """Stable code, e.g. ``HC101``; never reused for another meaning."""
    severity: str
    """``error`` or ``warning``."""
    en: str
    """English message template, ``str.format`` style (``{value}``, ``{suggestion}``, ...)."""
    zh: str
    """Chinese message template with the same placeholders."""
    suppressible: bool = True
    """Whether an inline suppression with a reason may silence it."""

    def text(self, lang: str, /, **params: object) -> str:
        """The message in ``lang`` with ``params`` filled in.

        ``lang`` is positional-only so a rule may have a ``{lang}`` placeholder.
        """
        template = self.zh if lang == "zh" else self.en
        return template.format(**params)


_TEXT_SOURCES = {"review": "helpcenter.review.texts", "registry": "helpcenter.registry.rules"}
"""Prefix -> module holding a ``TEXTS`` table ``{key: {"zh": ..., "en": ...}}``."""


@cache
def texts() -> dict[str, dict[str, str]]:
    """Every text that is not a rule's message, by ``prefix.key``."""
    merged: dict[str, dict[str, str]] = {}
    for prefix, name in _TEXT_SOURCES.items():
        for key, by_lang in importlib.import_module(name).TEXTS.items():
            if set(by_lang) != set(LANGS):
                raise ValueError(f"text {prefix}.{key} is not in every language ({name})")
            merged[f"{prefix}.{key}"] = by_lang
    return merged


def text(key: str, lang: str, /, **params: object) -> str:
    """The text ``key`` (``prefix.key``) in ``lang``, with ``params`` filled in."""
    by_lang = texts()[key]
    return by_lang.get(lang, by_lang["en"]).format(**params)


@cache
def catalog() -> dict[str, Rule]:
    """Every known rule, by code."""
    rules: dict[str, Rule] = {}
    for name in _SOURCES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is not None and name.startswith(exc.name):
                continue
            raise
        for rule in module.RULES:
            if rule.code in rules:
                raise ValueError(f"rule code {rule.code} defined twice ({name})")
            rules[rule.code] = rule
    return rules


def render(code: str, lang: str, params: Mapping[str, Any]) -> str:
    """The message of rule ``code`` in ``lang``, filled with ``params``.

    A finding about one entry of its file names the entry first: ``about``,
    if given, is ``(text key, name)`` and that text says how (the registry's
    ``channel 'support-email': ``).
    """
    params = dict(params)
    about = params.pop("about", None)
    message = catalog()[code].text(lang, **params)
    if about is None:
        return message
    key, name = about
    return text(key, lang, name=name) + message


def default_lang() -> str:
    """The contributor's language.

    From ``HELPCENTER_LANG``, ``LC_ALL``, ``LC_MESSAGES`` or ``LANG``, in that order.
    """
    for var in ("HELPCENTER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    loc = locale.getlocale()[0] or ""
    return "zh" if loc.lower().startswith("zh") else "en"


def message(code: str, lang: str | None = None, /, **params: object) -> str:
    """The message for ``code`` in ``lang`` (default: the environment's)."""
    return catalog()[code].text(lang or default_lang(), **params)
