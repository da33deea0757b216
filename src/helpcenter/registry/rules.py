"""Rule codes for the registry file (HC0xx) and for registry references in pages (HC2xx).

Every finding about the registry file and every page finding of the registry
hook carries one of these codes; the text comes from here, in Chinese and
English, so the build, the CLI and the contributor guide agree.
"""

from __future__ import annotations

from helpcenter.report.messages import Rule

RULES: tuple[Rule, ...] = (
    # -- the file as a whole ---------------------------------------------------------------
    Rule(
        "HC001",
        "error",
        "cannot read the registry ({reason}): check the path and save the file as UTF-8",
        "无法读取渠道登记表({reason}):请检查路径,并以 UTF-8 编码保存文件",
        suppressible=False,
    ),
    Rule(
        "HC002",
        "error",
        "YAML syntax error: {problem}; fix the indentation or quoting on this line "
        "(quote values that contain ': ' or start with '@', '*' or '&')",
        "YAML 语法错误:{problem};请修正这一行的缩进或引号"
        "(含有 ': ' 或以 '@'、'*'、'&' 开头的值要加引号)",
        suppressible=False,
    ),
    Rule(
        "HC003",
        "error",
        "the registry is empty: it needs at least 'organization' and 'channels'",
        "渠道登记表是空的:至少需要 'organization' 和 'channels' 两项",
        suppressible=False,
    ),
    Rule(
        "HC004",
        "error",
        "the registry is {kind}, not a mapping: write 'organization:' and 'channels:' "
        "at the top level",
        "渠道登记表是{kind_zh},不是映射(mapping):请在最外层写 'organization:' 和 'channels:'",
        suppressible=False,
    ),
    Rule(
        "HC005",
        "error",
        "'{key}' is missing: add {example}",
        "缺少 '{key}':请添加 {example}",
        suppressible=False,
    ),
    Rule(
        "HC006",
        "error",
        "unknown key '{key}': fix its spelling or remove it (allowed here: {allowed})",
        "未知的键 '{key}':请修正拼写或删除它(此处允许:{allowed})",
        suppressible=False,
    ),
    Rule(
        "HC007",
        "error",
        "'{key}' must be {expected}, not {actual}: {fix}",
        "'{key}' 必须是{expected_zh},而不是 {actual}:{fix_zh}",
        suppressible=False,
    ),
    Rule(
        "HC008",
        "error",
        "key '{key}' appears twice in this mapping (first on line {first}): keep only one",
        "键 '{key}' 在同一映射中出现了两次(第一次在第 {first} 行):只保留一个",
        suppressible=False,
    ),
    Rule(
        "HC009",
        "error",
        "schema_version {value} is not supported: this version of the tools reads version 1",
        "不支持 schema_version {value}:当前工具只能读取版本 1",
        suppressible=False,
    ),
    # -- one channel -----------------------------------------------------------------------
    Rule(
        "HC010",
        "error",
        "channel id {value} is invalid: use lower-case letters, digits and inner '-', "
        "e.g. 'support-email'",
        "渠道 id {value} 无效:只能使用小写字母、数字和中间的 '-',例如 'support-email'",
        suppressible=False,
    ),
    Rule(
        "HC011",
        "error",
        "duplicate id '{value}': already used on line {first}; give each channel its own id",
        "重复的 id '{value}':第 {first} 行已经用过;每个渠道要有自己的 id",
        suppressible=False,
    ),
    Rule(
        "HC012",
        "error",
        "type {value} is unknown: use one of {allowed}",
        "类型 {value} 未知:请使用 {allowed} 之一",
        suppressible=False,
    ),
    Rule(
        "HC013",
        "error",
        "platform {value} is unknown: use one of {allowed}",
        "平台 {value} 未知:请使用 {allowed} 之一",
        suppressible=False,
    ),
    Rule(
        "HC014",
        "error",
        "a social channel needs 'platform': add e.g. 'platform: telegram'",
        "社交媒体渠道需要 'platform':请添加,例如 'platform: telegram'",
        suppressible=False,
    ),
    Rule(
        "HC016",
        "error",
        "'{key}' lacks the {lang} text: add '{lang}: ...' under '{key}'",
        "'{key}' 缺少 {lang} 文本:请在 '{key}' 下添加 '{lang}: ...'",
        suppressible=False,
    ),
    Rule(
        "HC017",
        "error",
        "status {value} is unknown: use 'active' or 'retired'",
        "状态 {value} 未知:请使用 'active' 或 'retired'",
        suppressible=False,
    ),
    Rule(
        "HC018",
        "error",
        "'{key}' is {value}, not a date: write it as YYYY-MM-DD, e.g. 2026-11-01",
        "'{key}' 的值 {value} 不是日期:请写成 YYYY-MM-DD,例如 2026-11-01",
        suppressible=False,
    ),
    Rule(
        "HC019",
        "error",
        "{key} entry {value} is not a valid code: write {example}",
        "{key} 中的 {value} 不是有效代码:请写成 {example}",
        suppressible=False,
    ),
    # -- values that must parse ------------------------------------------------------------
    Rule(
        "HC020",
        "error",
        "email {value} does not parse: write it as name@domain, e.g. support@bitp.example",
        "邮箱 {value} 无法解析:请写成 名称@域名,例如 support@bitp.example",
        suppressible=False,
    ),
    Rule(
        "HC021",
        "error",
        "phone {value} does not parse: write it with its country code, e.g. '+86 400 000 0123'",
        "电话 {value} 无法解析:请带上国家代码,例如 '+86 400 000 0123'",
        suppressible=False,
    ),
    Rule(
        "HC022",
        "error",
        "URL {value} does not parse: write it as https://host/path",
        "网址 {value} 无法解析:请写成 https://主机/路径",
        suppressible=False,
    ),
    Rule(
        "HC023",
        "error",
        "{platform} link or handle {value} does not parse: write a profile URL "
        "(e.g. https://t.me/bitp_official) or a bare handle",
        "{platform} 链接或账号 {value} 无法解析:请写个人主页网址"
        "(例如 https://t.me/bitp_official)或账号名",
        suppressible=False,
    ),
    Rule(
        "HC024",
        "error",
        "domain {value} is not a valid domain name: write it like 'bitp.example'",
        "域名 {value} 无效:请写成 'bitp.example' 这样的形式",
        suppressible=False,
    ),
    Rule(
        "HC025",
        "error",
        "{value} is a {found} link but the channel says 'platform: {platform}': "
        "fix the platform or the link",
        "{value} 是 {found} 链接,但渠道写的是 'platform: {platform}':请修正平台或链接",
        suppressible=False,
    ),
    Rule(
        "HC026",
        "error",
        "{value} is the same contact as channel '{other}' (line {first}): list each contact once",
        "{value} 与渠道 '{other}'(第 {first} 行)是同一个联系方式:每个联系方式只登记一次",
        suppressible=False,
    ),
    # -- official domains and cross-references ---------------------------------------------
    Rule(
        "HC030",
        "error",
        "{type} {value} is not on an official domain ({domains}): use an official address "
        "or add its domain to organization.official_domains",
        "{type} {value} 不在官方域名({domains})下:请使用官方地址,"
        "或把它的域名加入 organization.official_domains",
        suppressible=False,
    ),
    Rule(
        "HC031",
        "error",
        "email {value} is not on an official domain ({domains}): use an official address "
        "or add its domain to organization.official_domains",
        "邮箱 {value} 不在官方域名({domains})下:请使用官方邮箱,"
        "或把它的域名加入 organization.official_domains",
        suppressible=False,
    ),
    Rule(
        "HC032",
        "error",
        "replaced_by '{value}' is not a channel id: use the id of the channel that replaces it",
        "replaced_by '{value}' 不是已登记的渠道 id:请填写取代它的渠道的 id",
        suppressible=False,
    ),
    Rule(
        "HC033",
        "error",
        "replaced_by '{value}' is {why}: point it at an active channel",
        "replaced_by '{value}' {why_zh}:请指向一个正在使用的渠道",
        suppressible=False,
    ),
    Rule(
        "HC034",
        "error",
        "known scam {value} is the same contact as official channel '{other}' (line {first}): "
        "remove one of them",
        "已知诈骗 {value} 与官方渠道 '{other}'(第 {first} 行)是同一个联系方式:请删除其中之一",
        suppressible=False,
    ),
    Rule(
        "HC035",
        "error",
        "known scam {value} is on an official domain: remove it or fix official_domains",
        "已知诈骗 {value} 在官方域名下:请删除它,或修正 official_domains",
        suppressible=False,
    ),
    Rule(
        "HC036",
        "error",
        "known scam {value} does not parse as a {type}: write it as the scammer gives it "
        "(full URL, address or number with country code)",
        "已知诈骗 {value} 无法按 {type} 解析:请照骗子给出的原样填写"
        "(完整网址、邮箱或带国家代码的号码)",
        suppressible=False,
    ),
    Rule(
        "HC037",
        "error",
        "security_contact '{value}' is not an active email channel: "
        "use the id of the email channel that takes security reports",
        "security_contact '{value}' 不是正在使用的邮箱渠道:请填写接收安全报告的邮箱渠道的 id",
        suppressible=False,
    ),
    Rule(
        "HC038",
        "error",
        "YAML feature not allowed: {problem}",
        "不允许使用的 YAML 写法:{problem_zh}",
        suppressible=False,
    ),
    Rule(
        "HC039",
        "error",
        "'{key}' is {value}, a date in the future: write the day it actually happened "
        "(today at the latest)",
        "'{key}' 是 {value},一个将来的日期:请填写实际发生的日期(最晚为今天)",
        suppressible=False,
    ),
    Rule(
        "HC040",
        "error",
        "'{key}' contains the control character {char}{where}: "
        "write it on one line without line breaks, tabs or other control characters",
        "'{key}' 含有控制字符 {char}{where_zh}:请写在一行内,不要有换行、制表符或其他控制字符",
        suppressible=False,
    ),
    Rule(
        "HC041",
        "error",
        "known scam {value} is a real-looking number in demonstration data: a number "
        "called a scam may belong to someone; use one from a range reserved for fiction "
        "(+1 202 555 0100 to 0199, +44 20 7946 0000 to 0999)",
        "已知诈骗 {value} 在演示数据中看起来是真实号码:被称为诈骗的号码可能属于某个真实的人;"
        "请改用专门留作虚构用途的号码段(+1 202 555 0100 至 0199、+44 20 7946 0000 至 0999)",
        suppressible=False,
    ),
    Rule(
        "HC042",
        "error",
        "{where} does not match the JSON Schema ({schema}): {problem}; "
        "edit the file to match the schema",
        "{where} 不符合 JSON Schema({schema}):{problem};请修改文件使其符合该 schema",
        suppressible=False,
    ),
    Rule(
        "HC043",
        "error",
        "cannot read the JSON Schema ({reason}): fix it; it must be a JSON Schema (Draft 2020-12)",
        "无法读取 JSON Schema({reason}):请修正它;它必须是 JSON Schema(Draft 2020-12)",
        suppressible=False,
    ),
    # -- references in pages ---------------------------------------------------------------
    Rule(
        "HC201",
        "error",
        "unknown channel id '{value}' in marker '{marker}'{hint}: use an id from data/channels.yml",
        "标记 '{marker}' 中的渠道 id '{value}' 不存在{hint_zh}:请使用 data/channels.yml 中的 id",
        suppressible=False,
    ),
    Rule(
        "HC202",
        "error",
        "unknown marker '{marker}': use one of {allowed}",
        "未知标记 '{marker}':请使用 {allowed} 之一",
        suppressible=False,
    ),
    Rule(
        "HC203",
        "error",
        "marker '{marker}' {problem}: write it as '{example}'",
        "标记 '{marker}' {problem_zh}:请写成 '{example}'",
        suppressible=False,
    ),
    Rule(
        "HC204",
        "error",
        "block marker '{marker}' must stand alone on its line: "
        "move the text around it to lines of their own",
        "块级标记 '{marker}' 必须单独占一行:请把它前后的文字移到别的行",
        suppressible=False,
    ),
)
"""Registry and page-reference rules, merged into :func:`helpcenter.report.messages.catalog`."""

SHAPE_CODES = frozenset(
    {"HC003", "HC004", "HC005", "HC006", "HC007", "HC009", "HC010", "HC012", "HC013",
     "HC014", "HC016", "HC017", "HC018", "HC019", "HC040", "HC042"}
)  # fmt: skip
"""Codes of the shape pass (:mod:`helpcenter.registry.shape`): what the JSON Schema rejects.

HC042 is the schema's refusal in its own words, for a part of the schema no
other code covers. The other registry codes are semantic (a value that does
not parse, an unofficial domain, a duplicate id, a date in the future) and
pass the JSON Schema.
"""

TEXTS = {
    "channel": {"en": "channel '{name}': ", "zh": "渠道 '{name}':"},
}
"""How a finding about one channel names it first (``registry.channel``)."""
