"""The contact guard's rule codes (HC1xx) and messages in Chinese and English.

Codes are stable: a code is never reused for another meaning. Each message
names the value and says how to fix it. ``{hint}`` is a " (did you mean
ID?)" suggestion of the closest official channel, or empty.
"""

from __future__ import annotations

from helpcenter.report.messages import Rule

_FIX_EN = "reference a registry channel with <!-- hc:channel ID --> instead"
_FIX_ZH = "请改用登记表中的渠道标记 <!-- hc:channel ID -->"

RULES: tuple[Rule, ...] = (
    Rule("HC101", "error",
         "email '{value}' is not a verified BitP channel; " + _FIX_EN + "{hint}",
         "邮箱“{value}”不是经过核实的 BitP 渠道;" + _FIX_ZH + "{hint}"),
    Rule("HC102", "error",
         "phone '{value}' ({e164}) is not a verified BitP channel; " + _FIX_EN + "{hint}",
         "电话“{value}”({e164})不是经过核实的 BitP 渠道;" + _FIX_ZH + "{hint}"),
    Rule("HC103", "error",
         "website '{value}' ({host}) is not an official BitP domain; " + _FIX_EN
         + ", or add the domain to allowed_domains if it is not a contact{hint}",
         "网址“{value}”({host})不是 BitP 官方域名;" + _FIX_ZH
         + ";如果它不是联系方式,请把域名加入 allowed_domains{hint}"),
    Rule("HC104", "error",
         "{platform} account '{value}' is not a verified BitP channel; " + _FIX_EN + "{hint}",
         "{platform} 账号“{value}”不是经过核实的 BitP 渠道;" + _FIX_ZH + "{hint}"),
    Rule("HC105", "error",
         "'{value}' imitates the official {official} (lookalike); remove it, "
         "or quote scams only through the registry's known_scams list",
         "“{value}”冒充官方的 {official}(仿冒);请删除它,"
         "如需提醒读者,请把它登记到 known_scams 并用 <!-- hc:known-scams --> 展示",
         suppressible=False),
    Rule("HC106", "error",
         "'{value}' is the retired channel {channel}; use {replacement} instead "
         "(<!-- hc:channel {replacement} -->)",
         "“{value}”是已停用的渠道 {channel};请改用 {replacement}"
         "(<!-- hc:channel {replacement} -->)"),
    Rule("HC107", "error",
         "'{value}' is a known scam; never show it as a contact — the registry's "
         "<!-- hc:known-scams --> list shows scams defanged",
         "“{value}”是已知的诈骗联系方式;不要把它当作联系方式写进文章,"
         "需要提醒读者时请使用 <!-- hc:known-scams --> 列表(已去链接化)",
         suppressible=False),
    Rule("HC108", "error",
         "link text shows '{value}' but the link goes to '{target}'; make the text "
         "and the target the same contact (use <!-- hc:channel ID -->)",
         "链接文字显示“{value}”,实际却指向“{target}”;请让文字与链接指向同一个联系方式"
         "(使用 <!-- hc:channel ID -->)",
         suppressible=False),
    Rule("HC109", "error",
         "link to '{value}' ({host}) goes to a domain that is neither official nor "
         "in allowed_domains; remove the link or add {domain} to allowed_domains in the registry",
         "链接“{value}”({host})指向的域名既不是官方域名,也不在 allowed_domains 中;"
         "请删除链接,或在登记表的 allowed_domains 中加入 {domain}"),
    Rule("HC110", "error",
         "invisible character(s) {value} in the text; delete them (they can hide or "
         "disguise a contact detail)",
         "文本中含有不可见字符 {value};请删除(它们可能隐藏或伪装联系方式)"),
    Rule("HC111", "error",
         "crypto wallet address '{value}'; a help article never asks readers to send "
         "funds to an address — remove it",
         "加密货币钱包地址“{value}”;帮助文章绝不会让读者向某个地址转账,请删除"),
    Rule("HC112", "error",
         "shortened link '{value}' hides where it goes; link to the official page "
         "directly (<!-- hc:channel ID -->)",
         "短链接“{value}”隐藏了真实去向;请直接链接官方页面(<!-- hc:channel ID -->)"),
    Rule("HC113", "error",
         "'{value}' uses the userinfo trick: it looks like '{shown}' but opens '{host}'; "
         "remove it",
         "“{value}”使用了 userinfo 伪装:看起来是“{shown}”,实际打开的是“{host}”;请删除",
         suppressible=False),
    Rule("HC114", "error",
         "suppression of {value} has no reason; write <!-- hc-allow: {value} "
         "reason=\"why this value must appear\" -->",
         "对 {value} 的豁免缺少理由;请写成 <!-- hc-allow: {value} reason=\"为什么必须出现\" -->",
         suppressible=False),
    Rule("HC115", "error",
         "suppression '{value}' is not allowed: {detail}",
         "豁免“{value}”无效:{detail}",
         suppressible=False),
)  # fmt: skip
"""Every contact-guard rule."""

BY_CODE = {rule.code: rule for rule in RULES}

HINT = {"en": " (did you mean {id}?)", "zh": "(是否应为 {id}?)"}
"""Suffix suggesting the closest official channel."""

VERDICTS: dict[str, dict[str, str]] = {
    "official": {
        "en": "Official: {value} is the verified channel \u201c{label}\u201d.",
        "zh": "官方:{value} 是经过核实的渠道“{label}”。",
    },
    "retired": {
        "en": "Retired: {value} was \u201c{label}\u201d and is no longer used. "
        "Use {replacement} instead; anyone contacting you through it now is not BitP.",
        "zh": "已停用:{value} 曾是“{label}”,现已停用。请改用 {replacement};"
        "现在通过它联系你的人不是 BitP。",
    },
    "scam": {
        "en": "Scam: {value} is a known scam. Do not contact it, send nothing, "
        "and report it to the official security channel.",
        "zh": "诈骗:{value} 是已知的诈骗联系方式。不要联系、不要转账,并通过官方安全渠道举报。",
    },
    "lookalike": {
        "en": "Lookalike: {value} imitates the official {official}. It is not BitP; do not use it.",
        "zh": "仿冒:{value} 冒充官方的 {official}。它不是 BitP,请勿使用。",
    },
    "unsafe": {
        "en": "Unsafe link: {value} is a {scheme} link, which no BitP channel uses. "
        "Do not open it; it can run code or open something other than what it shows.",
        "zh": "危险链接:{value} 是 {scheme} 链接,BitP 的渠道都不用这种链接。"
        "不要打开它:它可能运行代码,或打开与显示内容不同的东西。",
    },
    "unknown": {
        "en": "Unknown: {value} is not a verified BitP channel. Treat it as unofficial "
        "and use only the channels listed on this site.",
        "zh": "未知:{value} 不是经过核实的 BitP 渠道。请视为非官方,只使用本站列出的渠道。",
    },
}
"""What the verifier says for each verdict, by language."""

DETAILS = {
    "not_suppressible": {
        "en": "{codes} cannot be suppressed inline (lookalikes, scams and deceptive links "
        "must be removed)",
        "zh": "{codes} 不能在文中豁免(仿冒、诈骗和欺骗性链接必须删除)",
    },
    "unknown_code": {
        "en": "{codes} is not a contact-guard rule (HC101-HC115)",
        "zh": "{codes} 不是联系方式检查的规则代码(HC101-HC115)",
    },
    "no_codes": {
        "en": 'name the rule codes, e.g. <!-- hc-allow: HC101 reason="..." -->',
        "zh": '请写明规则代码,例如 <!-- hc-allow: HC101 reason="..." -->',
    },
}
"""Details for HC115."""
