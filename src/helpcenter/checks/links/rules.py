"""Rule codes for links (HC3xx).

HC30x are found by reading the Markdown sources at build time; HC31x by
``helpcenter linkcheck``, which asks the linked servers over the network.
"""

from __future__ import annotations

from helpcenter.report.messages import Rule

RULES: tuple[Rule, ...] = (
    Rule(
        "HC301",
        "warning",
        "link '{value}' points to '{target}', which does not exist: fix the path "
        "or create the page",
        "链接 '{value}' 指向不存在的 '{target}':请修正路径或先创建该页面",
        suppressible=False,
    ),
    Rule(
        "HC302",
        "warning",
        "link '{value}': '{target}' has no heading or element with id '#{anchor}'{suggestion}",
        "链接 '{value}':'{target}' 中没有 id 为 '#{anchor}' 的标题或元素{suggestion}",
        suppressible=False,
    ),
    Rule(
        "HC303",
        "error",
        "external link to '{host}', which is neither an official BitP domain nor listed in "
        "allowed_domains of {registry}: link an official page, use a registry marker "
        "(<!-- hc:channel ID -->) for a contact, or add the domain to allowed_domains",
        "外部链接指向 '{host}',它既不是 BitP 官方域名,也不在 {registry} 的 allowed_domains 中:"
        "请改为链接官方页面;如是联系方式,请使用登记表标记(<!-- hc:channel ID -->);"
        "或把该域名加入 allowed_domains",
        suppressible=False,
    ),
    Rule(
        "HC304",
        "error",
        "link '{value}' uses the '{scheme}:' scheme, which the help center never links to: "
        "use an https:// link or a relative link to a page",
        "链接 '{value}' 使用了 '{scheme}:' 协议,帮助中心不允许这类链接:"
        "请使用 https:// 链接或指向页面的相对链接",
        suppressible=False,
    ),
    Rule(
        "HC305",
        "warning",
        "link '{value}' points from this {lang} page to the {target_lang} page '{target}': "
        "the language build rewrites it to the {lang} version, so readers never reach "
        "'{target}'; link '{suggestion}' instead (the language switcher offers the "
        "other language)",
        "链接 '{value}' 从{lang}页面指向{target_lang}页面 '{target}':按语言构建时它会被改写成"
        "{lang}版本,读者到不了 '{target}';请改为链接 '{suggestion}'(切换语言请用语言切换器)",
        suppressible=False,
    ),
    Rule(
        "HC306",
        "warning",
        "link '{value}' is an absolute path: it breaks when the site is opened from "
        "files or served under a subpath such as /help/; write it relative to this "
        "page: '{suggestion}'",
        "链接 '{value}' 是绝对路径:离线打开或部署在 /help/ 等子路径下时会失效;"
        "请改为相对于本页的链接 '{suggestion}'",
        suppressible=False,
    ),
    # -- helpcenter linkcheck (network) --------------------------------------------------
    Rule(
        "HC310",
        "error",
        "external link '{value}' answered HTTP {status} {reason}: fix or remove the link",
        "外部链接 '{value}' 返回 HTTP {status} {reason}:请修正或删除该链接",
        suppressible=False,
    ),
    Rule(
        "HC311",
        "error",
        "external link '{value}' could not be reached ({reason}) after {attempts} "
        "attempt(s): check the address, or try again later",
        "外部链接 '{value}' 无法访问({reason}),已尝试 {attempts} 次:请检查地址,或稍后重试",
        suppressible=False,
    ),
    Rule(
        "HC312",
        "warning",
        "external link '{value}' moved permanently to '{target}': update the link",
        "外部链接 '{value}' 已永久迁移到 '{target}':请更新链接",
        suppressible=False,
    ),
)
