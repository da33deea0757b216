"""Rule codes for translations (HC4xx).

``HC401``, ``HC402`` and ``HC405`` fail the build (``HC405`` even without
``--strict``). The revision-tracking rules in :data:`REPORT_ONLY` are shown
on every build, on the translation status page and by ``helpcenter
translations``, but they do not fail the build: Chinese is the source
language, and an urgent fix to a Chinese article (a new scam warning) must
ship before its translation catches up. English readers of such a page see
a notice that the Chinese original is newer.
"""

from __future__ import annotations

from helpcenter.report.messages import Rule

RULES: tuple[Rule, ...] = (
    Rule(
        "HC401",
        "warning",
        "'{path}' has no {lang} counterpart: create '{missing}' (same file name) "
        "or remove this page (a page missing in English is shown in Chinese with a notice, "
        "one missing in Chinese is not shown at all)",
        "'{path}' 没有对应的{lang}页面:请创建同名文件 '{missing}',或删除本页"
        "(缺少英文版时,英文读者看到带提示的中文页面;缺少中文版时,该页面根本不会显示)",
        suppressible=False,
    ),
    Rule(
        "HC402",
        "warning",
        "'{path}' and '{other}' show different channels: {value} is in '{has}' "
        "(line {has_line}) but not in '{lacks}'; add the same marker to '{lacks}' "
        "or remove it from '{has}'",
        "'{path}' 与 '{other}' 展示的渠道不一致:{value} 出现在 '{has}'(第 {has_line} 行),"
        "却不在 '{lacks}' 中;请在 '{lacks}' 中加入同样的标记,或从 '{has}' 中删除",
        suppressible=False,
    ),
    Rule(
        "HC403",
        "warning",
        "translation is older than its source: '{source}' changed since this page was "
        "translated (recorded {recorded}, now {current}); update the translation, then "
        "run `python -m helpcenter translations --stamp`",
        "译文落后于原文:翻译后 '{source}' 又有改动(记录的是 {recorded},现在是 {current});"
        "请更新译文,然后运行 `python -m helpcenter translations --stamp`",
        suppressible=False,
    ),
    Rule(
        "HC404",
        "warning",
        "translation does not record which revision of '{source}' it was made from: "
        "once it matches the source, run `python -m helpcenter translations --stamp`",
        "译文没有记录它译自 '{source}' 的哪个版本:确认译文与原文一致后,"
        "请运行 `python -m helpcenter translations --stamp`",
        suppressible=False,
    ),
    Rule(
        "HC405",
        "error",
        "front matter is not valid YAML: {problem}; fix this line (quote values that "
        "contain ': ' or start with '[', '{{', '@', '*' or '&') or remove the '---' block",
        "页首元数据(front matter)不是合法的 YAML:{problem};请修正这一行"
        "(含有 ': ' 或以 '['、'{{'、'@'、'*'、'&' 开头的值要加引号),或删除 '---' 区块",
        suppressible=False,
    ),
    Rule(
        "HC406",
        "warning",
        "source_hash '{value}' is not of the form 'sha256:<12 hex digits>': run "
        "`python -m helpcenter translations --stamp` once the translation matches its source",
        "source_hash '{value}' 的格式不是 'sha256:<12 位十六进制>':确认译文与原文一致后,"
        "请运行 `python -m helpcenter translations --stamp`",
        suppressible=False,
    ),
)

REPORT_ONLY = frozenset({"HC403", "HC404", "HC406"})
"""Codes that are reported on every build but never fail it (see the module docstring)."""
