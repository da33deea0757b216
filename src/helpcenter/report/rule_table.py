"""The rule-code tables of the contributor guides, generated from the message catalog.

``CONTRIBUTING.md`` and ``CONTRIBUTING.zh.md`` each hold a table of every
rule code between two markers::

    <!-- rule-table:start -->
    ...
    <!-- rule-table:end -->

Run ``python -m helpcenter.report.rule_table`` after adding or changing a rule to
rewrite both tables from :func:`helpcenter.report.messages.catalog`;
``tests/test_messages.py`` fails while a guide misses a code.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from helpcenter.report.messages import Rule, catalog

START = "<!-- rule-table:start -->"
END = "<!-- rule-table:end -->"

GUIDES = {"CONTRIBUTING.md": "en", "CONTRIBUTING.zh.md": "zh"}
"""Guide file (relative to the project root) -> its language."""

_GROUPS = (
    (
        "HC0",
        {"en": "Registry file (`data/channels.yml`)", "zh": "渠道登记表文件(`data/channels.yml`)"},
    ),
    (
        "HC1",
        {"en": "Contact details in articles (the guard)", "zh": "文章中的联系方式(联系方式检查)"},
    ),
    ("HC2", {"en": "Channel markers in articles", "zh": "文章中的渠道标记"}),
    ("HC3", {"en": "Links", "zh": "链接"}),
    ("HC4", {"en": "Translations", "zh": "翻译"}),
    ("HC5", {"en": "Other", "zh": "其他"}),
    ("HC6", {"en": "Active content (content policy)", "zh": "主动内容(内容策略)"}),
)

_HEAD = {
    "en": ("Code", "Severity", "What it says (and how to fix it)", "Inline exception"),
    "zh": ("代码", "级别", "提示内容(及修改方法)", "可行内豁免"),
}
_SEVERITY = {
    "en": {"error": "error", "warning": "warning"},
    "zh": {"error": "错误", "warning": "警告"},
}
_YES_NO = {"en": ("yes", "no"), "zh": ("可以", "不可以")}

_PLACEHOLDER_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:![rsa])?(?::[^{}]*)?\}")


def _cell(rule: Rule, lang: str) -> str:
    template = rule.zh if lang == "zh" else rule.en
    # Placeholders become ‹name›, what the real message fills in.
    text = _PLACEHOLDER_RE.sub(lambda m: "‹" + m.group(1).removesuffix("_zh") + "›", template)
    text = text.replace("{{", "{").replace("}}", "}")
    return " ".join(text.split()).replace("|", "\\|")


def render(lang: str, rules: dict[str, Rule] | None = None) -> str:
    """The rule tables in ``lang``, one per code range, as Markdown."""
    rules = catalog() if rules is None else rules
    head = _HEAD[lang]
    out: list[str] = []
    for prefix, title in _GROUPS:
        group = [rules[c] for c in sorted(rules) if c.startswith(prefix)]
        if not group:
            continue
        out += [f"#### {title[lang]}", "", "| " + " | ".join(head) + " |", "|---|---|---|---|"]
        for rule in group:
            yes, no = _YES_NO[lang]
            severity = _SEVERITY[lang].get(rule.severity, rule.severity)
            out.append(
                f"| `{rule.code}` | {severity} | {_cell(rule, lang)} | "
                f"{yes if rule.suppressible else no} |"
            )
        out.append("")
    return "\n".join(out)


def update(path: Path, lang: str) -> bool:
    """Rewrite the table between the markers in ``path``; whether the file changed."""
    text = path.read_text(encoding="utf-8")
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise ValueError(f"{path}: markers {START} ... {END} not found")
    new = text[: start + len(START)] + "\n\n" + render(lang) + "\n" + text[end:]
    if new == text:
        return False
    path.write_text(new, encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    """Rewrite the tables of both guides in the project at ``argv[0]`` (default: here)."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path.cwd()
    for name, lang in GUIDES.items():
        try:
            changed = update(root / name, lang)
        except (OSError, ValueError) as exc:
            print(f"rule_table: {exc}", file=sys.stderr)
            return 2
        print(f"{name}: {'updated' if changed else 'up to date'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
