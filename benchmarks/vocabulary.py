"""Topic vocabulary for synthetic help-center articles, in Chinese and English.

Each topic has phrases in both languages that the generator combines into
titles, introductions, steps and tips. The text speaks about BitP's support
topics only in general terms: it names no contact detail, no number longer
than two digits and no handle, so that the contact guard has nothing to
report and every contact in an article comes from a registry marker.
"""

from __future__ import annotations

from typing import Any

SECTIONS: dict[str, tuple[str, ...]] = {
    "troubleshooting": ("login", "trades", "identity", "security"),
    "contact": ("support",),
    "safety": ("scams", "security"),
    "about": ("about",),
    "faq": ("login", "trades", "identity", "security", "support", "scams"),
}
"""Site section -> topics its generated articles are about."""

SECTION_WEIGHTS: dict[str, int] = {
    "troubleshooting": 40,
    "contact": 10,
    "safety": 20,
    "about": 5,
    "faq": 25,
}
"""Share of generated articles (percent) that land in each section."""

WHERE = {
    "zh": ["手机 App", "网页版", "电脑客户端", "平板电脑", "新设备", "公共网络", "海外网络"],
    "en": [
        "mobile app",
        "website",
        "desktop app",
        "tablet",
        "new device",
        "public Wi-Fi",
        "network abroad",
    ],
}

TOPICS: dict[str, dict[str, dict[str, list[str]]]] = {
    "login": {
        "zh": {
            "problem": [
                "忘记登录密码",
                "收不到短信验证码",
                "收不到邮箱验证码",
                "账户被临时锁定",
                "双重验证码总是错误",
                "登录时提示异常",
                "更换手机后无法登录",
                "登录页面一直转圈",
                "提示密码错误次数过多",
                "扫码登录失败",
            ],
            "cause": [
                "网络连接不稳定",
                "验证码已经过期",
                "手机时间与网络时间不同步",
                "浏览器缓存了旧页面",
                "连续多次输错密码",
                "短信被手机拦截",
                "邮件被归入垃圾邮件",
                "账户触发了安全保护",
            ],
            "step": [
                "打开登录页面,点击“忘记密码”",
                "按页面提示输入注册时使用的邮箱或手机",
                "填写收到的验证码并设置新密码",
                "清除浏览器缓存后重新打开页面",
                "检查手机的时间设置是否为自动同步",
                "在垃圾邮件文件夹中查找验证邮件",
                "等待锁定时间结束后再次尝试登录",
                "在 App 中重新绑定身份验证器",
                "确认输入法没有开启全角模式",
                "更新 App 到最新版本后再登录",
            ],
            "tip": [
                "新密码请勿与其他网站相同",
                "请只在官方网站或官方 App 中输入密码",
                "任何人索要验证码都是诈骗",
                "建议开启双重验证保护账户",
                "更换手机前先备份身份验证器",
            ],
        },
        "en": {
            "problem": [
                "you forgot your login password",
                "the SMS code never arrives",
                "the email code never arrives",
                "your account is temporarily locked",
                "your two-factor code is always rejected",
                "sign-in shows an error",
                "you cannot sign in after changing phones",
                "the login page keeps loading",
                "you see too many failed attempts",
                "QR code login fails",
            ],
            "cause": [
                "an unstable network connection",
                "an expired verification code",
                "a phone clock that is out of sync",
                "an old page in the browser cache",
                "several wrong passwords in a row",
                "a blocked text message",
                "an email filtered as spam",
                "an automatic security hold",
            ],
            "step": [
                "Open the sign-in page and choose Forgot password",
                "Enter the email address or phone you registered with",
                "Type the code you received and choose a new password",
                "Clear the browser cache and reload the page",
                "Set your phone clock to update automatically",
                "Look for the verification email in your spam folder",
                "Wait until the lock expires, then try again",
                "Set up your authenticator again in the app",
                "Make sure your keyboard is not in full-width mode",
                "Update the app to the latest version and sign in again",
            ],
            "tip": [
                "Never reuse the new password on another site",
                "Only type your password on the official website or app",
                "Anyone who asks for your code is a scammer",
                "Turn on two-factor authentication to protect your account",
                "Back up your authenticator before you change phones",
            ],
        },
    },
    "trades": {
        "zh": {
            "problem": [
                "订单一直未成交",
                "充值迟迟没有到账",
                "提现显示处理中",
                "限价单被自动撤销",
                "成交价格与预期不同",
                "无法划转资产",
                "手续费比预期高",
                "交易对暂停交易",
                "提现被退回",
                "资产显示冻结",
            ],
            "cause": [
                "区块链网络拥堵",
                "挂单价格偏离市场价格",
                "充值网络选择错误",
                "提现地址格式不正确",
                "账户触发了风控审核",
                "交易对正在维护",
                "可用余额不足",
                "未完成身份验证",
            ],
            "step": [
                "在“资产”页面查看充值记录的确认进度",
                "在订单历史中检查订单状态",
                "核对提现地址与所选网络是否一致",
                "确认可用余额足以支付手续费",
                "查看公告了解交易对的维护时间",
                "撤销未成交的订单后重新下单",
                "完成身份验证以提高提现额度",
                "耐心等待区块确认完成",
                "在交易记录中下载成交明细",
            ],
            "tip": [
                "官方客服不会要求你把资产转到“安全账户”",
                "任何承诺保本高收益的“带单老师”都是诈骗",
                "提现前请仔细核对地址",
                "请勿向陌生人透露订单信息",
            ],
        },
        "en": {
            "problem": [
                "your order is not filled",
                "a deposit has not arrived",
                "a withdrawal stays pending",
                "a limit order was cancelled",
                "the fill price differs from what you expected",
                "you cannot transfer assets",
                "the fee is higher than expected",
                "a trading pair is suspended",
                "a withdrawal was returned",
                "your assets show as frozen",
            ],
            "cause": [
                "a congested blockchain network",
                "a limit price far from the market",
                "a deposit sent on the wrong network",
                "a malformed withdrawal address",
                "a risk review of the account",
                "maintenance of the trading pair",
                "an insufficient available balance",
                "unfinished identity verification",
            ],
            "step": [
                "Check the confirmation progress on the Assets page",
                "Look up the order status in your order history",
                "Make sure the withdrawal address matches the selected network",
                "Check that your available balance covers the fee",
                "Read the announcements for the maintenance window",
                "Cancel the open order and place it again",
                "Finish identity verification to raise your withdrawal limit",
                "Wait for the block confirmations to complete",
                "Download the trade details from your trade history",
            ],
            "tip": [
                "Official support never asks you to move funds to a safe account",
                "Anyone who promises guaranteed trading profits is a scammer",
                "Check the address carefully before every withdrawal",
                "Never share order details with strangers",
            ],
        },
    },
    "identity": {
        "zh": {
            "problem": [
                "身份验证审核未通过",
                "证件照片上传失败",
                "人脸识别一直失败",
                "身份验证长时间审核中",
                "需要更新过期证件",
                "地址证明被拒绝",
                "姓名与证件不一致",
                "无法选择所在国家",
            ],
            "cause": [
                "照片模糊或有反光",
                "证件已经过期",
                "光线不足",
                "摄像头权限未开启",
                "填写的信息与证件不符",
                "文件格式不受支持",
            ],
            "step": [
                "在光线充足的地方重新拍摄证件",
                "确认证件四角完整出现在照片中",
                "在系统设置中允许 App 使用摄像头",
                "按证件上的写法填写姓名",
                "上传清晰的地址证明文件",
                "在身份验证页面查看审核结果与原因",
                "等待审核完成,期间不要重复提交",
            ],
            "tip": [
                "身份验证只在官方网站或官方 App 内完成",
                "不要把证件照片发给自称客服的陌生人",
                "代办身份验证的服务都是诈骗",
            ],
        },
        "en": {
            "problem": [
                "identity verification was rejected",
                "the document upload fails",
                "the face check keeps failing",
                "verification has been pending a while",
                "you need to update an expired document",
                "your proof of address was rejected",
                "your name does not match the document",
                "you cannot select your country",
            ],
            "cause": [
                "a blurry photo or glare",
                "an expired document",
                "poor lighting",
                "camera permission turned off",
                "details that do not match the document",
                "an unsupported file format",
            ],
            "step": [
                "Take the photo again in good light",
                "Make sure all four corners of the document are visible",
                "Allow the app to use the camera in your phone settings",
                "Enter your name exactly as it appears on the document",
                "Upload a clear proof of address",
                "Read the review result and the reason on the verification page",
                "Wait for the review and do not submit again in the meantime",
            ],
            "tip": [
                "Identity verification happens only on the official website or app",
                "Never send document photos to a stranger who claims to be support",
                "Services that offer to verify an account for you are scams",
            ],
        },
    },
    "security": {
        "zh": {
            "problem": [
                "账户可能被盗",
                "收到陌生设备登录提醒",
                "资金被转走",
                "需要冻结账户",
                "想要开启双重验证",
                "防钓鱼码不显示",
                "收到可疑的安全通知",
                "想要修改绑定邮箱",
            ],
            "cause": [
                "密码在其他网站泄露",
                "点击了钓鱼链接",
                "安装了来历不明的软件",
                "把验证码告诉了他人",
                "使用了公共电脑登录",
            ],
            "step": [
                "立即修改登录密码",
                "在安全中心冻结账户",
                "查看并退出陌生设备",
                "开启双重验证并设置防钓鱼码",
                "检查提现地址白名单",
                "卸载来历不明的软件",
                "通过官方渠道提交安全工单",
            ],
            "tip": [
                "账户资金安全第一,发现异常请立即冻结账户",
                "官方人员不会索要密码或验证码",
                "请定期检查登录记录",
            ],
        },
        "en": {
            "problem": [
                "your account may be compromised",
                "you got an alert about an unknown device",
                "funds left your account",
                "you need to freeze your account",
                "you want to turn on two-factor",
                "the anti-phishing code is missing",
                "you received a suspicious security notice",
                "you want to change your email address",
            ],
            "cause": [
                "a password leaked from another site",
                "a click on a phishing link",
                "software from an unknown source",
                "a code shared with someone else",
                "a sign-in on a public computer",
            ],
            "step": [
                "Change your password right away",
                "Freeze the account in the security center",
                "Review unknown devices and sign them out",
                "Turn on two-factor authentication and set an anti-phishing code",
                "Check your withdrawal address allowlist",
                "Remove software from unknown sources",
                "Open a security ticket through an official channel",
            ],
            "tip": [
                "Protect your funds first: freeze the account as soon as something looks wrong",
                "Official staff never ask for your password or codes",
                "Review your sign-in history regularly",
            ],
        },
    },
    "support": {
        "zh": {
            "problem": [
                "找不到在线客服入口",
                "不知道该选哪个客服渠道",
                "工单很久没有回复",
                "想确认客服是否官方",
                "需要人工客服",
                "想投诉处理结果",
                "海外用户如何联系客服",
                "想用中文联系客服",
            ],
            "cause": [
                "客服高峰期排队较长",
                "工单信息不完整",
                "使用了非官方入口",
                "问题需要转交专门团队",
            ],
            "step": [
                "登录后点击右下角的“客服”按钮",
                "在帮助中心搜索你的问题",
                "提交工单时写清账户邮箱和问题经过",
                "附上截图,但遮住敏感信息",
                "在联系方式目录中核对渠道",
                "在工单页面查看处理进度",
            ],
            "tip": [
                "所有官方联系方式都列在本站的联系方式目录中",
                "搜索引擎广告中的“客服电话”可能是假的",
                "官方客服不会主动私信你",
            ],
        },
        "en": {
            "problem": [
                "you cannot find the live chat",
                "you are unsure which channel to use",
                "a ticket has no reply yet",
                "you want to check that support is official",
                "you need a human agent",
                "you want to complain about an outcome",
                "you are abroad and need support",
                "you want support in Chinese",
            ],
            "cause": [
                "long queues at peak times",
                "a ticket with missing details",
                "an unofficial entry point",
                "a case that needs a specialist team",
            ],
            "step": [
                "Sign in and press the Support button at the bottom right",
                "Search the help center for your question",
                "Describe the problem and your account email in the ticket",
                "Attach screenshots with sensitive details covered",
                "Check the channel in the contact directory",
                "Follow the progress on the ticket page",
            ],
            "tip": [
                "Every official contact is listed in this site's contact directory",
                "Support numbers in search ads may be fake",
                "Official support never messages you first",
            ],
        },
    },
    "scams": {
        "zh": {
            "problem": [
                "接到自称客服的电话",
                "被拉进假冒官方群",
                "收到仿冒网站链接",
                "有人私信说账户异常",
                "被要求下载远程控制软件",
                "有人承诺帮忙解冻资金",
                "收到中奖或空投通知",
            ],
            "cause": [
                "骗子冒充官方客服",
                "搜索结果里的假客服电话",
                "仿冒域名的钓鱼网站",
                "假冒管理员的私信",
            ],
            "step": [
                "挂断电话,不要透露任何信息",
                "在验证页面核对对方提供的联系方式",
                "不要点击私信中的链接",
                "退出可疑群组并举报",
                "把诈骗信息发送到官方安全邮箱",
                "如已转账,立即冻结账户并报警",
            ],
            "tip": [
                "不确定时,先在本站验证页面查一查",
                "官方绝不会要求你转账到“安全账户”",
                "远程控制软件会让骗子看到你的屏幕",
            ],
        },
        "en": {
            "problem": [
                "someone calls claiming to be support",
                "you were added to a fake group",
                "you received a link to a lookalike site",
                "a stranger says your account has a problem",
                "you are asked to install remote-control software",
                "someone offers to unfreeze your funds",
                "you got a prize or airdrop notice",
            ],
            "cause": [
                "scammers posing as official support",
                "fake support numbers in search results",
                "phishing sites on lookalike domains",
                "fake admins in direct messages",
            ],
            "step": [
                "Hang up and share nothing",
                "Check the contact you were given on the verify page",
                "Do not open links from direct messages",
                "Leave the suspicious group and report it",
                "Forward the scam to the official security email",
                "If you sent money, freeze your account and call the police",
            ],
            "tip": [
                "When in doubt, check it on this site's verify page first",
                "The official team never asks you to move money to a safe account",
                "Remote-control software lets scammers see your screen",
            ],
        },
    },
    "about": {
        "zh": {
            "problem": [
                "想了解本帮助中心",
                "想知道联系方式如何核实",
                "发现页面内容有误",
                "想参与翻译",
                "想了解数据更新时间",
            ],
            "cause": ["联系方式定期更新", "译文尚未同步"],
            "step": [
                "阅读“关于这些联系方式”一页",
                "在页面底部查看最后核实日期",
                "通过官方渠道反馈页面问题",
                "对比中英文页面的更新时间",
            ],
            "tip": ["本站所有联系方式都来自同一份核实过的目录", "每个页面都标明最后核实日期"],
        },
        "en": {
            "problem": [
                "you want to know about this help center",
                "you wonder how contacts are verified",
                "you found a mistake on a page",
                "you want to help with translation",
                "you want to know when data was updated",
            ],
            "cause": ["contacts that are checked regularly", "a translation not yet updated"],
            "step": [
                "Read the page about these contact details",
                "Look for the last verified date at the bottom of the page",
                "Report the page through an official channel",
                "Compare the update dates of the two languages",
            ],
            "tip": [
                "Every contact on this site comes from one verified directory",
                "Every page shows when its contacts were last verified",
            ],
        },
    },
}
"""Topic -> language -> kind of phrase -> phrases."""

TEMPLATES: dict[str, dict[str, Any]] = {
    "zh": {
        "title": [
            "{problem}怎么办",
            "{where}{problem}的解决方法",
            "为什么{problem}?",
            "{problem}:常见原因与处理",
            "在{where}上{problem}",
            "{problem}(适用于{where})",
        ],
        "intro": [
            "本文说明在{where}上{problem}时可以怎么做。大多数情况下,问题由{cause}引起,"
            "按下面的步骤操作即可自行解决。",
            "很多用户在{where}上遇到“{problem}”的情况。先别着急,这通常与{cause}有关。",
            "如果你{problem},请先阅读本文。我们整理了最常见的原因和对应的处理方法。",
        ],
        "h2": ["常见原因", "解决步骤", "仍然无法解决?", "注意事项", "相关问题", "操作前的准备"],
        "cause_line": ["{cause}。", "可能是{cause}导致的。", "{cause}也会造成这种情况。"],
        "para": [
            "处理过程中请保持耐心,{tip}。",
            "{tip}。如果有任何疑问,请以官方渠道的说明为准。",
            "我们建议先在{where}上完成以上操作,再尝试其他方法。{tip}。",
            "如果问题与{cause}有关,通常在短时间内就能恢复。",
        ],
        "contact": [
            "以上方法都试过仍未解决,请通过<!-- hc:channel-label live-chat -->联系我们,"
            "或发送邮件至 <!-- hc:channel support-email -->。",
            "需要人工帮助时,可以使用<!-- hc:channel-label live-chat -->,"
            "也可以写信到 <!-- hc:channel support-email -->,我们通常在一天内回复。",
            "与账户安全有关的问题,请发送到 <!-- hc:channel security-email -->。",
            "身份验证相关问题可发送到 <!-- hc:channel kyc-email -->。",
        ],
        "warning": (
            "注意",
            "BitP 官方人员不会索要你的密码、验证码或私钥。"
            "本站的联系方式最后核实于 <!-- hc:last-verified -->。",
        ),
        "related": "相关文章",
    },
    "en": {
        "title": [
            "What to do if {problem}",
            "Why {problem}, and how to fix it",
            "When {problem} on the {where}",
            "Help: {problem} ({where})",
            "Troubleshooting: {problem}",
        ],
        "intro": [
            "This article explains what to do if {problem} on the {where}. Most often the "
            "cause is {cause}, and the steps below fix it.",
            "Many people find that {problem} on the {where}. Don't worry: this usually comes "
            "down to {cause}.",
            "Read this first if {problem}. We collected the most common causes and what to "
            "do about each.",
        ],
        "h2": [
            "Common causes",
            "How to fix it",
            "Still stuck?",
            "Before you start",
            "Things to keep in mind",
            "Related questions",
        ],
        "cause_line": [
            "{Cause}.",
            "It may be caused by {cause}.",
            "{Cause} can lead to the same result.",
        ],
        "para": [
            "Please be patient while you work through this. {tip}.",
            "{tip}. If in doubt, follow what the official channels say.",
            "We suggest trying the steps above on the {where} first. {tip}.",
            "When the problem comes from {cause}, it usually clears up quickly.",
        ],
        "contact": [
            "If none of this helps, reach us through <!-- hc:channel-label live-chat --> "
            "or write to <!-- hc:channel support-email -->.",
            "For help from a person, use <!-- hc:channel-label live-chat --> or email "
            "<!-- hc:channel support-email -->; we usually answer within a day.",
            "Send anything about account security to <!-- hc:channel security-email -->.",
            "Questions about identity verification go to <!-- hc:channel kyc-email -->.",
        ],
        "warning": (
            "Note",
            "BitP staff never ask for your password, codes or private keys. "
            "The contacts on this site were last verified on <!-- hc:last-verified -->.",
        ),
        "related": "Related articles",
    },
}
"""Language -> sentence templates filled from :data:`TOPICS`."""
