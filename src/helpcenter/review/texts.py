"""The words of the reviewer's report, merged into :func:`helpcenter.report.messages.texts`
under ``review.``."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "title": {"zh": "渠道与联系方式变更", "en": "Channel and contact changes"},
    "compared": {
        "zh": "比较范围:`{base}`(共同祖先 `{commit}`)→ {side}。",
        "en": "Compared: `{base}` (merge base `{commit}`) → {side}.",
    },
    "working tree": {
        "zh": "工作区(含未提交的修改)",
        "en": "the working tree (uncommitted edits included)",
    },
    "HEAD": {"zh": "`HEAD`", "en": "`HEAD`"},
    "none": {
        "zh": "没有修改任何渠道或文章中的联系方式。",
        "en": "No change to any channel or to contact details in articles.",
    },
    "registry": {"zh": "渠道登记表 `{path}`", "en": "Registry `{path}`"},
    "articles": {"zh": "文章中的联系方式", "en": "Contact details in articles"},
    "references": {"zh": "文章中的渠道引用", "en": "Channel references in articles"},
    "problems": {"zh": "无法读取", "en": "Could not read"},
    "ch.added": {"zh": "新增渠道 {id}:{new}", "en": "Channel added {id}: {new}"},
    "ch.removed": {
        "zh": "删除渠道 {id}:{old}(停用的渠道应标记为 retired,而不是删除)",
        "en": "Channel removed {id}: {old} "
        "(a channel that stops being official should be retired, not deleted)",
    },
    "ch.retired": {"zh": "渠道停用 {id}", "en": "Channel retired {id}"},
    "ch.retired.by": {
        "zh": "渠道停用 {id},由 {replaced_by} 取代",
        "en": "Channel retired {id}, replaced by {replaced_by}",
    },
    "ch.reactivated": {"zh": "渠道重新启用 {id}", "en": "Channel reactivated {id}"},
    "ch.value": {
        "zh": "渠道 {id} 的值变更:{old} → {new}",
        "en": "Value of {id} changed: {old} → {new}",
    },
    "ch.type": {
        "zh": "渠道 {id} 的类型变更:{old} → {new}",
        "en": "Type of {id} changed: {old} → {new}",
    },
    "ch.label": {
        "zh": "渠道 {id} 的{lang}名称变更:{old} → {new}",
        "en": "{lang} label of {id} changed: {old} → {new}",
    },
    "label.zh": {"zh": "中文", "en": "Chinese"},
    "label.en": {"zh": "英文", "en": "English"},
    "list.official_domains.added": {
        "zh": "新增官方域名 {value}",
        "en": "Official domain added {value}",
    },
    "list.official_domains.removed": {
        "zh": "删除官方域名 {value}",
        "en": "Official domain removed {value}",
    },
    "list.allowed_domains.added": {
        "zh": "新增允许链接的域名 {value}",
        "en": "Allowed link domain added {value}",
    },
    "list.allowed_domains.removed": {
        "zh": "删除允许链接的域名 {value}",
        "en": "Allowed link domain removed {value}",
    },
    "list.known_scams.added": {
        "zh": "新增已知诈骗({type}){value}",
        "en": "Known scam added ({type}) {value}",
    },
    "list.known_scams.removed": {
        "zh": "删除已知诈骗({type}){value}",
        "en": "Known scam removed ({type}) {value}",
    },
    "contact.added": {
        "zh": "{path} 第 {line} 行 **新增** {kind} {value}:{verdict}",
        "en": "{path} line {line} **added** {kind} {value}: {verdict}",
    },
    "contact.removed": {
        "zh": "{path} 第 {line} 行(修改前)**删除** {kind} {value}:{verdict}",
        "en": "{path} line {line} (before) **removed** {kind} {value}: {verdict}",
    },
    "ref.added": {
        "zh": "{path} 第 {line} 行 新增引用 {marker} {target}",
        "en": "{path} line {line} reference added {marker} {target}",
    },
    "ref.removed": {
        "zh": "{path} 第 {line} 行(修改前)删除引用 {marker} {target}",
        "en": "{path} line {line} (before) reference removed {marker} {target}",
    },
    "verdict.official": {"zh": "官方渠道", "en": "official"},
    "verdict.retired": {"zh": "⚠️ 已停用的渠道", "en": "⚠️ retired channel"},
    "verdict.scam": {"zh": "⛔ 已知诈骗", "en": "⛔ known scam"},
    "verdict.lookalike": {"zh": "⛔ 仿冒官方渠道", "en": "⛔ lookalike of an official channel"},
    "verdict.unknown": {"zh": "⚠️ 不在渠道登记表中", "en": "⚠️ not in the registry"},
    "verdict.external": {
        "zh": "⚠️ 链接到不在登记表中的网站",
        "en": "⚠️ link to a site not in the registry",
    },
    "verdict.allowed": {"zh": "允许链接的网站", "en": "allowed site"},
    "verdict.shortener": {"zh": "⚠️ 短链接", "en": "⚠️ link shortener"},
    "verdict.wallet": {"zh": "⛔ 钱包地址", "en": "⛔ wallet address"},
    "verdict.other": {"zh": "⚠️ {verdict}", "en": "⚠️ {verdict}"},
    "kind.email": {"zh": "邮箱", "en": "email"},
    "kind.phone": {"zh": "电话", "en": "phone"},
    "kind.website": {"zh": "网址", "en": "web address"},
    "kind.social": {"zh": "社交账号", "en": "social account"},
    "kind.wallet": {"zh": "钱包地址", "en": "wallet address"},
}
