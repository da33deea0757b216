"""Rule codes of the content policy (HC6xx): no active content in a page.

One code per kind of active content, so a finding says exactly what to
remove. None can be suppressed inline: a help article never needs to run
code or pull in content from elsewhere.
"""

from __future__ import annotations

from helpcenter.report.messages import Rule

_WHY_EN = "articles hold text, images and links only"
_WHY_ZH = "文章只能包含文字、图片和链接"

RULES: tuple[Rule, ...] = (
    Rule("HC601", "error",
         "<{value}> element runs code in the reader's browser; remove it ("
         + _WHY_EN + ")",
         "<{value}> 元素会在读者的浏览器中运行代码;请删除(" + _WHY_ZH + ")",
         suppressible=False),
    Rule("HC602", "error",
         "event-handler attribute '{value}' on <{tag}> runs code; remove the attribute",
         "<{tag}> 上的事件处理属性“{value}”会运行代码;请删除该属性",
         suppressible=False),
    Rule("HC603", "error",
         "{attr}='{value}' uses the '{scheme}:' scheme, which can run code or hide content; "
         "link an https:// page or a page of this site instead",
         "{attr}=“{value}”使用了“{scheme}:”协议,可能运行代码或隐藏内容;"
         "请改为链接 https:// 页面或本站页面",
         suppressible=False),
    Rule("HC604", "error",
         "<{value}> embeds another document or plug-in; remove it and link the page instead",
         "<{value}> 会嵌入其他文档或插件;请删除,改为链接该页面",
         suppressible=False),
    Rule("HC605", "error",
         "<{value}> is a form or form control; a help article never asks readers to type "
         "anything into it — remove it (the verifier page is the only form)",
         "<{value}> 是表单或表单控件;帮助文章不会让读者在文中填写任何内容,请删除"
         "(只有核验页面有输入框)",
         suppressible=False),
    Rule("HC606", "error",
         "<base> changes where every link of the page goes; remove it",
         "<base> 会改变本页所有链接的去向;请删除",
         suppressible=False),
    Rule("HC607", "error",
         "<meta http-equiv='{value}'> changes how the browser treats the page "
         "(redirects, policies); remove it",
         "<meta http-equiv=“{value}”> 会改变浏览器处理页面的方式(跳转、策略);请删除",
         suppressible=False),
    Rule("HC608", "error",
         "<link> ({value}) loads or announces another resource; remove it (styles belong in "
         "overrides/assets/stylesheets/)",
         "<link>({value})会加载或声明其他资源;请删除(样式请放在 overrides/assets/stylesheets/)",
         suppressible=False),
    Rule("HC609", "error",
         "style '{value}' imports or loads from another place; remove it (styles belong in "
         "overrides/assets/stylesheets/)",
         "样式“{value}”会导入或从其他地方加载内容;请删除(样式请放在 overrides/assets/stylesheets/)",
         suppressible=False),
    Rule("HC610", "error",
         "SVG <{tag}> runs code ({value}); remove the script or handler, or use the image as "
         "an <img> file",
         "SVG <{tag}> 会运行代码({value});请删除脚本或事件处理属性,或把图片作为 <img> 文件引用",
         suppressible=False),
    Rule("HC611", "error",
         "<{tag} {attr}='{value}'> loads content from another host; readers' browsers must "
         "fetch nothing from elsewhere — copy the file into docs/ and link it relatively",
         "<{tag} {attr}=“{value}”> 会从其他主机加载内容;读者的浏览器不得从别处获取任何内容,"
         "请把文件放进 docs/ 并用相对路径引用",
         suppressible=False),
    Rule("HC612", "error",
         "style '{value}' makes CSS write text on the page, which the contact guard cannot read; "
         "write the text in the article instead",
         "样式“{value}”让 CSS 在页面上生成文字,联系方式检查无法读取;请把文字直接写在文章中",
         suppressible=False),
)  # fmt: skip
"""Every content-policy rule."""

BY_CODE = {rule.code: rule for rule in RULES}
