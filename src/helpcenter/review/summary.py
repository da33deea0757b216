"""The report as Markdown, in Chinese and English (its words: :mod:`.texts`)."""

from __future__ import annotations

import re

from helpcenter.report.messages import text, texts
from helpcenter.review.model import ChangeReport, ChannelChange


def _t(key: str, lang: str, /, **params: object) -> str:
    return text(f"review.{key}", lang, **params)


def _has(key: str) -> bool:
    return f"review.{key}" in texts()


def code(value: str) -> str:
    """``value`` as a Markdown code span that nothing inside it can break out of.

    Values come from the pull request itself, so a backtick, a newline or a
    pipe in them must not turn into markup (or a clickable link) in the summary.
    """
    value = " ".join(value.split()) or " "
    longest = max((len(m) for m in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") or longest else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def _verdict(verdict: str, lang: str) -> str:
    key = f"verdict.{verdict}"
    if _has(key):
        return _t(key, lang)
    return _t("verdict.other", lang, verdict=verdict)


def _channel_line(change: ChannelChange, lang: str) -> str:
    params = {
        "id": code(change.channel_id),
        "old": code(change.old) if change.old else "—",
        "new": code(change.new) if change.new else "—",
        "replaced_by": code(change.replaced_by),
        "lang": _t(f"label.{change.lang}", lang) if change.lang else "",
    }
    key = f"ch.{change.kind}"
    if change.kind == "retired" and change.replaced_by:
        key = "ch.retired.by"
    return _t(key, lang, **params)


def _section(lang: str, report: ChangeReport) -> list[str]:
    out: list[str] = []
    if report.channels or report.lists:
        out += ["", f"#### {_t('registry', lang, path=report.registry_path)}", ""]
        out += [f"- {_channel_line(c, lang)}" for c in report.channels]
        out += [
            "- "
            + _t(
                f"list.{item.section}.{item.change}",
                lang,
                value=code(item.value),
                type=item.type,
            )
            for item in report.lists
        ]
    if report.contacts:
        out += ["", f"#### {_t('articles', lang)}", ""]
        for change in report.contacts:
            c = change.contact
            out.append(
                "- "
                + _t(
                    f"contact.{change.change}",
                    lang,
                    path=code(change.path),
                    line=c.line,
                    kind=_t(f"kind.{c.kind}", lang) if _has(f"kind.{c.kind}") else c.kind,
                    value=code(c.value),
                    verdict=_verdict(c.verdict, lang),
                )
            )
    if report.references:
        out += ["", f"#### {_t('references', lang)}", ""]
        out += [
            "- "
            + _t(
                f"ref.{r.change}",
                lang,
                path=code(r.path),
                line=r.line,
                marker=code(f"hc:{r.marker}"),
                target=code(r.target),
            )
            for r in report.references
        ]
    if report.problems:
        out += ["", f"#### {_t('problems', lang)}", ""]
        out += [f"- {code(p)}" for p in report.problems]
    if report.empty and not report.problems:
        out += ["", _t("none", lang)]
    return out


def render_markdown(report: ChangeReport) -> str:
    """The report as Markdown: a Chinese section, then an English one."""
    lines = [f"## {_t('title', 'zh')} · {_t('title', 'en')}"]
    for lang, heading in (("zh", "中文"), ("en", "English")):
        side = _t(report.new_side, lang)
        lines += ["", f"### {heading}", ""]
        lines.append(
            _t(
                "compared",
                lang,
                base=report.base_ref.replace("`", "'"),
                commit=report.base_commit[:12],
                side=side,
            )
        )
        lines += _section(lang, report)
    return "\n".join(lines) + "\n"
