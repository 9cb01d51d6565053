"""Rules as data: every table that decides what the pipeline keeps, drops or extracts.

A behaviour a writer can see (a boilerplate marker, a channel word, a day phrase) is one
line here, so changing it is a one-line diff.
"""

from __future__ import annotations

import re
from types import MappingProxyType


def _alternation(name: str, words: tuple[str, ...]) -> str:
    """Join a named group of phrases into a regex alternation; refuse an empty group."""
    if not words:
        raise ValueError(f"rule group {name!r} is empty")
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# --- Boilerplate -----------------------------------------------------------------------

# A line that opens a block which runs to the next marker: everything in it is removed.
# Keys are the rule names recorded in the article's `removed:` list.
ZONE_MARKERS = MappingProxyType(
    {
        "related-list": ("相关内容", "相关咨询", "相关推荐", "相关阅读", "猜你喜欢", "热门文章", "推荐阅读",
                         "相关文章", "延伸阅读", "热门推荐", "最新文章", "往期推荐", "往期回顾", "精选推荐",
                         "推荐文章", "相关问题", "相关问答", "大家都在问", "热门问题", "你可能还想问",
                         "相關內容", "相關推薦", "相關閱讀", "熱門文章", "推薦閱讀", "往期推薦", "相關問題"),
        "references": ("参考资料", "参考文献", "参考来源", "參考資料", "參考文獻"),
        "comments": ("条评论", "个评论", "写下你的评论", "发表回复", "发表评论", "评论列表", "暂无评论", "网友评论", "发表回覆", "全部评论", "最新评论",
                     "更多回答", "留言", "精选留言", "写留言", "全部留言", "发表留言", "留言区", "则留言", "条留言",
                     "热门评论", "精彩评论", "用户评论", "评论区", "网友回答", "全部回答", "其他回答",
                     "發表回覆", "發表評論", "評論列表"),
    }
)

# Headers of related lists are composed: (相关|热门|为你|…) + (新闻|推荐|阅读|…).
_RELATED_HEADER = (r"(?:相关|热门|热点|推荐|精选|更多|为你|往期|延伸|最新|特别|今日|大家都在|编辑)"
                   r"(?:新闻|文章|阅读|推荐|报道|内容|问题|问答|资讯|精彩|专题|话题|好文|产品|看|读|搜"
                   # forum, Q&A and video sites name the list by what it holds
                   r"|帖子|主题|回答|视频|笔记|攻略|经验|帖)")
ZONE_PATTERNS = MappingProxyType(
    {
        rule: re.compile(rf"^\s*(?:\d+\s*)?(?:{_alternation(rule, words)}{'|' + _RELATED_HEADER if rule == 'related-list' else ''})\s*(?:[(（]\s*\d+\s*条?\s*[)）])?\s*[:：]?\s*$")
        for rule, words in ZONE_MARKERS.items()
    }
)

# A single line removed wherever it stands.
LINE_RULES = MappingProxyType(
    {
        "table-separator": re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$"),
        "to-top": re.compile(r"^\s*(?:To\s*Top|返回顶部|回到顶部|返回頂部)\s*$", re.I),
        "share-widget": re.compile(r"电子邮件地址不会被公开|邮箱地址不会被公开|必填项已用|^\s*分享(?:本文|此文)?\s*[:：]\s*\S{0,12}(?:\s*[|｜/·]\s*\S{0,12})*\s*$|打赏|微信扫一扫|支付宝扫一扫|扫一扫分享|分享到[:：]?|打賞|掃一掃|您的支持是我们.{0,6}动力|感谢打赏|赞赏作者"
                                   r"|在手机上?(?:打开|阅读|浏览)|需要你的鼓励|需要您的鼓励"),
        "prev-next": re.compile(r"^\s*(?:上一篇|下一篇|上一篇文章|下一篇文章|上一条|下一条|上一則|下一則)\s*[:：]?"),
        "repost-disclaimer": re.compile(
            r"本文来自.{0,20}投稿|如若转载|转载请注明|转载请联系|不代表.{0,20}立场|版权归原作者|著作权归.{0,8}所有|首发于.{0,12}(?:公众号|平台|网)"
            r"|未经.{0,6}授权.{0,6}转载|禁止转载|本文來自|如若轉載|轉載請註明"
        ),
        "disclaimer": re.compile(r"^\s*(?:免责声明|免責聲明)[:：]|仅供参考|僅供參考|仅代表作者|不构成.{0,8}(?:投资|任何).{0,4}建议"

                                 r"|内容来源于网络|如有侵权.{0,8}删除"),
        # Short lines about the article rather than in it: author, source, editor, views.
        "article-meta": re.compile(
            r"^\s*[（(【\[]?\s*(?:作者|来源|本文来源|文章来源|责任编辑|编辑|分类|标签|栏目|发布日期|发布时间|更新时间|作者簡介|來源"
            r"|責任編輯)\s*[:：][^。！？]{0,80}$"
            r"|^\s*(?:本页|本文)(?:网址|链接|地址)\s*[:：]"
            r"|^\s*\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[^。！？]{0,60}(?:来源|作者|编辑|浏览|阅读)"
            r"|\d+\s*人(?:已)?(?:阅读|浏览|看过|閱讀)|(?:阅读|浏览|点赞|閱讀)\s*[(（]\s*\d+\s*[)）]|(?:阅读|浏览)\s*\d+\s*(?:次|$)"
            r"|^\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[·|｜]\s*\S{1,12}\s*$"
        ),
        # Forum thread chrome around the posts.
        "forum-chrome": re.compile(
            r"^\s*签名\s*[:：]|只看该作者|立即注册|^\s*登录\s*[|｜]|^\s*楼主\b|^\s*\d+\s*楼\s*$|UID\s*[:：]?\s*\d+"
            r"|积分\s*[:：]\s*\d+|^\s*发表于\s*\d|回复\s*[|｜]\s*引用|^\s*举报\s*$"
            r"|^\s*回复\s*\d+\s*[楼#]|^\s*本帖最后由\s|^\s*Powered\s+by\b"
            # a bar's own lines: "京东白条吧", "吧主推荐", "Lv.9", "贴吧用户_QaZ7", "我也说一句"
            r"|^\s*\S{2,10}吧\s*$|吧主推荐|只看楼主|^\s*Lv\.?\s*\d{1,2}\s*$|^\s*贴吧用户_\S+\s*$|^\s*我也说一句\s*$|回复贴"
        ),
        # WeChat official-account article chrome.
        "wechat-chrome": re.compile(
            r"点击上方.{0,4}蓝字|设为星标|^(?=.{0,40}$).*(?:关注(?:我们|公众号)|关注.{0,20}(?:公众号|微信号|头条号|视频号))|长按.{0,6}识别.{0,6}二维码|扫码关注|点个.{0,2}在看|^\s*阅读原文"
            r"|分享.{0,2}点赞.{0,2}在看|^\s*(?:在看|点赞|分享)\s*$"
        ),
        # a company site's own lines: 某某公司 欢迎您！, 地址：… 电话：…, 技术支持：…
        "site-chrome": re.compile(r"^(?=.{0,30}$).*欢迎您[！!]?\s*$|^\s*技术支持\s*[:：]|^\s*地址\s*[:：].{0,40}电话\s*[:：]"
                                  r"|^(?=.{0,50}$)\s*(?:地址|办公地址|公司地址|总部地址)\s*[:：].{0,40}(?:省|市|区|路|号|楼)"
                                  r"|^\s*(?:热门搜索|热搜|大家都在搜|搜索热词)\s*[:：]|^\s*(?:全吧|全站|站内)搜索\s*$|^\s*搜索(?:此网站|本站)\s*$"
                                  r"|^\s*请输入.{0,12}(?:关键词|关键字|问题)"),
        # a line of the site's own links: 关于我们 | 联系我们 | 网站地图
        "footer-links": re.compile(r"^\s*(?:(?:关于我们|联系我们|广告合作|网站地图|免责声明|隐私政策|加入我们|友情链接|意见反馈|商务合作"
                                   r"|用户协议|帮助中心|投诉建议|招聘信息|版权声明)\s*[|｜/·]?\s*){2,}$"),
        "copyright": re.compile(r"^\s*(?:Copyright|©|版权所有|版權所有)|ICP[备備]\s*\d+|[京沪粤浙苏]ICP"),
        "breadcrumb": re.compile(r"^\s*(?:当前位置|(?:您|你)(?:现在)?的位置|所在位置|首页\s*[>›»/])"),
        # Buttons and toolbars that came through as text: 【字号 大 中 小】【打印】, 编辑 讨论 上传视频.
        "page-tools": re.compile(
            r"【\s*(?:字号|打印|关闭|收藏|返回)|^\s*(?:(?:编辑|锁定|讨论|上传视频|收藏|分享|举报|评论|点赞|赞同|关注|写回答|邀请回答)"
            r"\s*(?:\d+\s*)?)+$"),
        "ad": re.compile(r"^\s*(?:广告|廣告|推广|AD)\s*[:：|｜]|立即下载APP|扫码领取|点击领取|限时免息.{0,10}立即"),
    }
)

# Furniture lines that are about the article: the first date on one is the article's date.
DATED_FURNITURE = frozenset({"metadata", "page-tools", "counter", "dated-line", "forum-chrome", "qa-chrome"})
# A date the article was edited on, and one it was published on: the second wins.
EDITED = re.compile(r"编辑于|更新于|修改于|最后编辑|最后修订|修订于|修订时间|更新时间|編輯於|更新於")
PUBLISHED = re.compile(r"发布于|发表于|发布时间|发表时间|发布日期|發佈|發布|發表")

# Inside a related-article zone, a line of this shape is a teaser's date or counters,
# not a title.
TEASER_META = re.compile(r"^\s*(?:\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?|\d+(?:\s+\d+)*)\s*$")
# Bullet characters a scraped list keeps in front of its items.
BULLET = re.compile(r"^\s*[•·●▪◦\-*]\s*")

# --- Metadata lines ----------------------------------------------------------------------

DATE_LINE = re.compile(
    r"^\s*(?:发布时间|发布日期|发表时间|更新时间|时间|日期|發佈時間|發布時間|發表時間|更新時間)\s*[:：]\s*"
    r"(?P<y>\d{4})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?"
)

# --- Structure -----------------------------------------------------------------------------

# A line that names only when: an emoji or bullet, then 逾期第N天, N-M天, 还款日当天 (a note's
# or a slide's heading).
_DAY_NUM = r"(?:\d{1,3}|[一二三四五六七八九十两]{1,3})"
DAY_HEADING = re.compile(rf"\s*[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F\u200d#*•·▶►■□◆◇●○★☆]*\s*"
                         rf"(?:还款日(?:当天|当日|前\s*{_DAY_NUM}\s*天)|(?:逾期)?(?:第\s*)?{_DAY_NUM}\s*天"
                         rf"(?:\s*(?:[-~～至到—])\s*(?:第\s*)?{_DAY_NUM}\s*天)?(?:起|以上|以后|之后|后)?"
                         rf"|逾期(?:超过|满)\s*{_DAY_NUM}\s*天(?:以上|后)?)\s*[:：]?\s*")
# "阶段三：逾期16-60天，压力升级期", "第二阶段：…": a stage written as a line dates what follows.
STAGE_HEADING = re.compile(r"^\s*(?:阶段\s*[一二三四五六七八九十\d]{1,2}|第\s*[一二三四五六七八九十\d]{1,2}\s*(?:阶段|步|个阶段))\s*[：:、.．]")
CHINESE_ORDINAL_HEADING = re.compile(r"^\s*[一二三四五六七八九十]{1,3}\s*[、.．]\s*\S")
# A number is list numbering only with its delimiter: "2-20天" and "360借条" are no items.
NUMBERED_ITEM = re.compile(r"^\s*(?:\d{1,2}\s*[.、．)）](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩]|[（(]\d{1,2}[)）])\s*(?=\S)")
# A lead-in line that announces a list: short and ending with a colon.
LEAD_IN_MAX_CHARS = 24
SENTENCE_END = re.compile(r"[。！？!?；;]")
# Ends of prose sentences; a title may ask questions but does not end in a full stop.
PROSE_END = re.compile(r"[。；;]")
# Words by which a line promises that a list follows it.
LIST_PROMISE = re.compile(r"以下|如下|下列|几点|几种|步骤")
# A paragraph that sums up the article; it does not belong to the heading above it.
CONCLUSION = re.compile(r"^(?:总之|综上所述|综上|总而言之|总的来说|總之|綜上)")

# --- Defects ---------------------------------------------------------------------------------

# A censored word leaves a space between Chinese characters or punctuation.
CENSORED_GAP = re.compile(
    r"(?:[\u4e00-\u9fff，、：；]\s+[、，。：；])|(?:[\u4e00-\u9fff]\s+[:：])|(?:[\u4e00-\u9fff]\s{1,3}[\u4e00-\u9fff])"
)

# --- Products and channels -----------------------------------------------------------------

# Channel vocabulary (issue 4's list) and the words that name each channel in text.
CHANNEL_WORDS = MappingProxyType(
    {
        "短信": ("短信", "简讯", "短讯", "信息提醒", "发信息"),  # matched on Simplified text: 簡訊 arrives as 简讯
        "APP": ("APP", "App", "app", "推送", "站内信", "应用内", "弹窗", "消息通知", "消息提醒", "客户端", "服务通知", "公众号"),
        "电话": ("电话", "客服联系", "来电", "致电", "語音", "语音", "外呼", "机器人", "AI", "打给", "电催", "電話", "拨打",
               "热线", "报警", "通话"),
        "邮件": ("邮件", "电子邮件", "邮箱", "郵件"),
        "信函": ("信函", "律师函", "催收函", "催告函", "律师信", "法务函", "催款函", "信件"),
        "上门": ("上门", "上門", "外访", "家访", "登门"),
        "第三方": ("第三方", "委外", "催收机构", "催收公司", "外包", "紧急联系人", "亲友", "家人", "通讯录", "联系人",
                 "朋友", "同事", "资产管理公司", "父母", "爸妈", "亲戚", "配偶", "老婆", "老公", "我爸", "我妈", "我姐", "我哥"),
        "诉讼": ("起诉", "诉讼", "法律手段", "强制执行", "仲裁", "法院", "立案", "訴訟"),
        "征信": ("征信", "徵信", "信用报告", "信用档案", "信用记录"),
        "账户": ("冻结", "降额", "停用", "限制使用", "关闭额度", "额度", "封停", "暂停使用", "限制"),
        "费用": ("罚息", "违约金", "滞纳金", "利息", "手续费", "费用"),
    }
)
CHANNELS = ("短信", "APP", "电话", "邮件", "信函", "上门", "第三方", "诉讼", "征信", "账户", "费用", "无")

# A paragraph about the credit report / about the reader's rights.
# Terms of the credit report itself, as loan officers say them ("连三累六" is a record's shape).
RECORD_TERMS = ("连三累六", "不良记录", "逾期记录", "呆账")
CREDIT_WORDS = ("征信", "信用记录", "信用报告", "个人信用", "信用评分", "信用档案", "征信报告", "徵信", "信用記錄", "信用報告")
RIGHTS_WORDS = ("合法权益", "消费者权益", "隐私", "个人信息", "不得", "不能使用", "暴力", "恐吓", "骚扰",
                "胁迫", "侮辱", "投诉", "隱私", "合法權益")
# A sentence about when an overdue record reaches the credit report.
REPORTING = re.compile(r"上征信|上报征信|报送.{0,6}征信|报送至.{0,10}征信|征信.{0,4}(?:上报|报送|记录)|进入征信|影响征信")
# Words that show a paragraph describes a collection / reminder step.
STAGE_WORDS = ("提醒", "通知", "催收", "催款", "催告", "联系", "起诉", "法律手段", "委托")

# --- Facts: what a clause says ------------------------------------------------------------

# Actions by kind, in the order they are tried; a clause names one action of each family.
# timeline: what the lender does on the way; credit: the report; rights: the reader's rights.
ACTIONS = (
    # a clause about disputing a record is about that, whatever it says of reporting
    ("credit", "异议申请", re.compile(r"异议|申诉|更正|纠错|(?:20|二十)\s*日内.{0,8}(?:答复|回复|处理|结果)")),
    ("credit", "上报征信", re.compile(r"(?:(?:出现|显示|体现)在|上了?).{0,4}(?:征信|信用)?报告|接入.{0,10}征信"
                                     r"|(?:报告|征信)(?:里|上)(?:就|就能|能|会|可以)?(?:看到|查到|显示|出现|有了)"
                                     r"|(?:上|报送?|上传|纳入|进入|录入|计入|记入|体现在|留下|产生).{0,6}(?:征信|信用报告|信用记录|信用档案)|报送至.{0,10}征信"
                                     r"|(?:征信|信用报告|信用档案).{0,6}(?:上报|报送|上传|记录|留下|出现|显示|不良|污点|逾期记录)|上征信")),
    ("credit", "记录保留", re.compile(r"(?:保留|保存|留存|展示).{0,8}(?:五年|5年|5 年)|(?:五年|5年)(?:后|之后)?.{0,6}(?:消除|删除|清除|自动)"
                                     r"|(?:不良|逾期)(?:信息|记录).{0,10}(?:消除|删除)")),
    ("credit", "查询征信", re.compile(r"(?:查询|查看|打印|查一下|调取|获取).{0,12}(?:征信|信用报告)|(?:征信|信用报告).{0,8}(?:查询|可以查)"
                                     r"|云闪付|征信中心官网|征信中心网站|人民银行.{0,6}(?:网点|分支机构|柜台|自助)")),
    ("credit", "影响贷款", re.compile(r"(?:房贷|车贷|贷款|信用卡|审批|申请|借款(?!人)).{0,8}(?:影响|困难|被拒|拒绝(?!还)|难|不通过|受阻)"
                                     r"|(?:难|无法|不能|不会|没法)(?:以)?通过.{0,4}(?:审核|审批)|(?:车贷|房贷|贷款|信用卡)[^，,。]{0,6}(?:无法|很难|难以|不能)(?:通过|批下来|下来)|(?:房贷|车贷|贷款|信用卡).{0,6}(?:没戏|批不下来|批不了|办不下来|下不来)|(?:借贷|金融活动|贷款申请).{0,10}(?:不利影响|受到影响|造成影响)"
                                     r"|影响.{0,10}(?:房贷|车贷|贷款|审批|办卡|申请|借款)|拒贷")),
    # calling hours: a span of two times, or a time and what lies after or before it (not the
    # 到 of 收到 after a chat's timestamp)
    ("rights", "催收时段", re.compile(r"(?:\d{1,2}\s*[:：点]\s*\d{0,2}|[早晚]上?\s*\d{1,2}\s*点|[早晚]上?[一二三四五六七八九十]+点)"
                                     r"(?:\s*(?:至|到|-|—|~|～)\s*(?:次日|第二天)?(?:早上?|上午|晚上?|下午|凌晨)?\s*(?:\d{1,2}|[一二三四五六七八九十]+)\s*[:：点]"
                                     r"|.{0,12}(?:之间|以后|之后|以前|之前|后(?!果)))"
                                     r"|(?:只|仅|都)在白天|白天(?:才|时间)(?:打|联系|催)|不会在(?:晚上|夜里|深夜|半夜)")),
    ("rights", "不得冒充", re.compile(r"(?:冒充|假冒|假扮|自称).{0,6}(?:公检法|警察|公安|法院|检察|律师|政府|国家机关)")),
    ("rights", "不得骚扰他人", re.compile(r"(?:不得|不能|不可以|不允许|禁止|无权|不应|严禁)(?:向|给|对|找|跟)?.{0,12}(?:他人|第三人|亲友|家人|父母|配偶|朋友|同事|联系人|通讯录|无关)"
                                         r".{0,8}(?:联系|催收|告知|透露|骚扰|打扰|泄露|打电话|发短信|群发|说)"
                                         r"|(?:不得|不能|不可以|不允许|禁止|无权|不应|严禁).{0,12}(?:联系|告知|透露|骚扰|打扰|泄露|打给|爆)"
                                         r".{0,8}(?:他人|第三人|亲友|家人|朋友|同事|联系人|通讯录|无关)|爆通讯录.{0,6}(?:违法|违规|不合法)"
                                         # a lender's promise: "不会向与借款无关的第三方透露您的欠款情况"
                                         r"|(?:不会|不向)[^，,。；;]{0,14}(?:第三|他人|亲友|家人|联系人|无关)[^，,。；;]{0,6}(?:透露|泄露|告知)")),
    ("rights", "不得暴力威胁", re.compile(r"(?:不得|不能|禁止|严禁|不允许|不可以|无权|不以|绝不|承诺不).{0,10}(?:暴力|威胁|恐吓|侮辱|辱骂|谩骂|骚扰|胁迫|诽谤)")),
    ("rights", "隐私保护", re.compile(r"(?:隐私|个人信息).{0,12}(?:保护|不得|泄露|权利|依法)"
                                     r"|(?:不得|禁止|不能|不可以|严禁).{0,12}(?:泄露|公开|出售|公布|曝光|发布|晒|发到|发在).{0,12}(?:个人信息|隐私|欠款信息|欠款情况|债务信息|照片|身份证|朋友圈|群|网上)")),
    # where to complain: a route, or what one can do ("可以向…投诉"); not the word 投诉 in a
    # report about complaints ("投诉量同比上升")
    ("rights", "投诉渠道", re.compile(r"12378|12363|(?<!\d)110(?!\d)|报警|投诉(?:热线|电话|渠道|途径|维权)"
                                     r"|(?:向|到|去|找|登录|通过|拨打|致电).{0,16}(?:投诉|反映|举报)|(?:拨打|致电)[^，,。；;]{0,32}(?:投诉|反映|举报)|(?<![拨])打[^，,。；;]{1,16}(?:投诉|举报)"
                                     r"|(?:可以|可|请|直接|先|就|马上|立即)(?:去|再)?(?:打)?.{0,6}(?:投诉|举报)")),
    ("timeline", "起诉", re.compile(r"起诉|诉讼|法院|仲裁|立案|强制执行|打官司|法律程序|法律途径|法律手段")),
    ("timeline", "律师函", re.compile(r"律师函|律师催告函|律师信|法务函|催告函|律师.{0,4}(?:发函|联系)")),
    ("timeline", "上门", re.compile(r"上门|外访|家访|登门|实地")),
    ("timeline", "委外催收", re.compile(r"委外|外包|第三方(?:催收|机构|公司)|催收(?:公司|机构)|委托.{0,10}(?:机构|公司|律所|律师事务所).{0,4}(?:催收|催讨|处理)|资产管理公司|转交.{0,6}催收")),
    ("timeline", "联系紧急联系人", re.compile(r"紧急联系人|(?:打给|告知|通知|发给|同步给|转告)(?:你|借款人|持卡人)?的?.{0,8}(?:亲友|家人|朋友|同事|联系人)|(?:给|向)(?:你|借款人|持卡人)的.{0,6}(?:亲友|家人|朋友|同事|联系人)|联系.{0,6}(?:亲友|家人|朋友|同事|留的)|(?:亲友|家人|联系人).{0,6}(?:接到|收到|打电话|联系)"
                                         # kin by name: "给我姐打电话了", "打到我爸那里"
                                         r"|(?<![不没别打])(?<!不打)(?<!没打)(?:给|打给|打到|联系|找)了?(?:我|你|他|她)(?:的)?(?:父母|爸妈|爸爸?|妈妈?|老妈|老爸|姐姐?|哥哥?|弟弟?|妹妹?|老婆|老公|爱人|亲戚)")),
    ("timeline", "电话催收", re.compile(r"电话|来电|致电|外呼|语音|机器人|AI|电催|人工催收|催收专员|催收员|打给你")),
    ("timeline", "冻结额度", re.compile(r"冻结|降额|停用|止付|封停|暂停(?:借款|借钱|提现|支用|放款)|关闭.{0,2}额度|(?:暂停|收回|关闭|冻结)(?:你的|了)?.{0,3}额度"
                                     r"|(?:额度|功能|入口|账户|借款|服务).{0,6}(?:冻结|降低|清零|关闭|收回|受限|暂停|停掉|没了|被关|关掉|关了)"
                                     r"|限制使用|暂停.{0,10}使用|关闭(?:借款|借钱|提现|支用)?(?:功能|入口|服务)|无法(?:继续)?使用|(?:不能|没法|无法)再?(?:用|使用|借)(?!户)|(?:额度|就|都|直接)用不了|用不了了|冻上|不能用了")),
    ("timeline", "罚息", re.compile(r"罚息|违约金|滞纳金|逾期利息|逾期费|(?:收取|产生|加收|计收).{0,6}(?:利息|费用)|(?:按日|按天|每日|每天)[^，,。]{0,12}计算(?:利息|罚息)|利息.{0,2}照(?:算|收|计|常计算)"
                                 r"|(?:利息|罚金).{0,12}(?:计收|计息|收取|加收)|按日(?:计收|收取|计息|加收)")),
    ("timeline", "自动扣款", re.compile(r"自动从.{0,12}扣|(?:自动扣款|扣款|划扣|扣划|代扣)(?!失败|不成功|未成功|没成功|银行卡|卡号|尾号|账户|金额)")),
    ("timeline", "提醒", re.compile(r"提醒|通知|短信|推送|站内信|消息|提示")),
)
# The channels each action goes by, and those it implies when its clause names none (提醒
# implies none: it may be 短信, APP or 邮件). A fact carries the named ones, else the implied.
ACTION_CHANNELS = MappingProxyType({
    "提醒": ("短信", "APP", "邮件", "电话"), "自动扣款": ("账户",), "罚息": ("费用",), "冻结额度": ("账户",),
    "电话催收": ("电话",), "联系紧急联系人": ("第三方", "电话", "短信"), "委外催收": ("第三方", "电话", "上门"),
    "上门": ("上门", "第三方"), "律师函": ("信函", "短信"), "起诉": ("诉讼",), "上报征信": ("征信",),
    # rules: one on calling hours is about calls; one on third parties is about them
    "催收时段": ("电话", "短信"), "不得骚扰他人": ("第三方", "电话", "短信"),
})
ACTION_IMPLIES = MappingProxyType({
    "催收时段": ("电话",), "不得骚扰他人": ("第三方",),
    "自动扣款": ("账户",), "罚息": ("费用",), "冻结额度": ("账户",), "电话催收": ("电话",),
    "联系紧急联系人": ("第三方", "电话"), "委外催收": ("第三方",), "上门": ("上门",), "律师函": ("信函",),
    "起诉": ("诉讼",), "上报征信": ("征信",),
})
# A table cell that says a column's topic does not apply: "未接入", "没有", "官方未说明".
DENIAL_CELL = re.compile(r"^\s*(?:无|没有|未|不|暂无|暂未|未知|不详|不清楚|官方未说明|未说明|—|-|/|／)")
# Brands in front of product names: once an article has named 美团月付, its 月付 is that product.
# Tails that are words of their own, never a product's short name.
GENERIC_TAILS = frozenset({"借钱", "借款", "贷款", "金融", "分期", "信用", "借条", "钱包", "消费", "支付"})
BRANDS = ("美团", "京东", "抖音", "微信", "支付宝", "蚂蚁", "招联", "度小满", "小米", "苏宁", "携程", "滴滴", "360")
# A product named as what one applies for is not what the clause speaks of: the text before
# the mention, back to the last comma, ends so ("以后申请房贷、车贷或者信用卡").
OBJECT_MENTION = re.compile(r"(?:影响|以后|将来|后续|之后|今后|日后|未来|再|难以|很难|无法|不能|不好)[^，,。；;！？]{0,6}(?:申请|申办|办理|开通|办)"
                            r"[^，,。；;！？]{0,10}$"
                            # what a product is compared with: "比借呗狠多了", "不如花呗"
                            r"|(?:比|不如|相比|相较于?)\s*$")
# The same object of applying, named before what is applied for: "影响以后的贷款、信用卡申请",
# "信用卡审批会受影响" — the mention followed by the application, after a word of consequence.
OBJECT_BEFORE_APPLYING = re.compile(r"^(?:的)?(?:申请|审批|审核|办理)")
CONSEQUENCE_BEFORE = re.compile(r"(?:影响|以后|将来|后续|之后|今后|日后|未来|难以|很难|无法)[^，,。；;！？]{0,10}$")
# What a glossary term is the head of when these follow it: a longer name, not the term
# (征信机构, 征信中心, 征信系统, 征信修复): no tooltip there.
COMPOUND_TAILS = ("机构", "中心", "系统", "业务", "业管理", "公司", "管理", "条例", "办法", "行业", "修复", "平台", "部门")
# A step done every day: from the day it starts, it goes on.
DAILY = re.compile(r"按日|每日|每天|按天|天天|日复一日")
# Channels that stand in for one another: a clause naming one of a class is not given the
# implied one of the same class (短信 to the contacts is not also a call).
CHANNEL_CLASSES = (("短信", "APP", "电话", "邮件", "信函", "上门"), ("第三方",))
# Words by which a reminder is a message of its own, not the word 通知 inside another step.
MESSAGE_WORDS = ("短信", "推送", "APP", "app", "App", "邮件", "站内信", "弹窗", "消息")
# One clause names several steps ("短信提醒并收取罚息": two facts); but a step that includes
# another is one fact ("委外的催收公司会打电话" is 委外催收, by phone).
ACTION_SUBSUMES = MappingProxyType({
    "联系紧急联系人": ("电话催收", "提醒"), "委外催收": ("电话催收", "提醒"), "上门": ("电话催收",),
    "律师函": ("提醒",), "起诉": ("提醒",), "电话催收": ("提醒",),
})
# What each step is, as the reader's sentence says it after 会 (generated from the fact, so
# that no source's gaps, filler or company names reach the reader; the source's words stay
# as the claim's `quote`). {via} is "通过短信、APP" where the fact names its channels.
ACTION_PHRASES = MappingProxyType({
    "提醒": "{via}提醒还款", "自动扣款": "从绑定的账户自动扣款", "罚息": "收取罚息或违约金", "冻结额度": "冻结或降低额度",
    "电话催收": "打电话催收", "联系紧急联系人": "联系你的紧急联系人或亲友", "委外催收": "委托第三方机构催收",
    "上门": "上门催收", "律师函": "发出律师函", "起诉": "通过诉讼追讨欠款",
})
# Credit facts and rules as the reader's sentence says them; {name} is the product (or
# 多数平台), {hedge} 会/通常会/可能会, {when} the days, {what} the slots the clause fills
# (CLAIM_SLOTS). A template whose slot the clause leaves empty is not used: the fact's
# sentence is then the clause itself, and a clause with a censored gap is not published.
CLAIM_PHRASES = MappingProxyType({
    "上报征信": "{name}{when}，{hedge}上报征信。",
    "记录保留": "{name}的逾期记录还清后{hedge}在征信报告上保留{what}。",
    "查询征信": "想知道{name}的逾期是否上了征信，可以通过{what}查询个人信用报告。",
    "异议申请": "信用报告上的记录有误时，可以向{what}提出异议申请。",
    "影响贷款": "征信上有{name}的逾期记录，以后申请{what}{hedge}受影响。",
    "催收时段": "催收联系的时间应在{what}。",
    "不得冒充": "催收人员不得冒充{what}。",
    "不得骚扰他人": "催收不得{what}。",
    "不得暴力威胁": "催收不得使用{what}等手段。",
    "隐私保护": "放贷机构和催收方应当保护借款人的个人信息，不得泄露。",
    "投诉渠道": "遇到违规催收，可以{what}。",
})
# Slots: (pattern, what the reader reads) in the order they are listed; the slot is the
# reader's words for each pattern the clause matches, joined with 、.
CLAIM_SLOTS = MappingProxyType({
    "记录保留": ((re.compile(r"5\s*年|五年"), "5年"),),
    "查询征信": ((re.compile(r"征信中心|人民银行|人行|央行"), "中国人民银行征信中心"), (re.compile(r"云闪付"), "云闪付APP"),
                 (re.compile(r"手机银行|网上银行|商业银行"), "部分商业银行的手机银行")),
    "异议申请": ((re.compile(r"征信中心|人民银行|人行|央行"), "中国人民银行征信中心"),
                 (re.compile(r"报送.{0,4}机构|放贷机构|贷款机构|银行|平台|公司|金融"), "报送记录的机构")),
    "影响贷款": ((re.compile(r"房贷"), "房贷"), (re.compile(r"车贷"), "车贷"), (re.compile(r"信用卡|办卡"), "信用卡"),
                 (re.compile(r"(?<![房车网])贷款|借款(?!人)|网贷|借贷"), "贷款")),
    "催收时段": ((re.compile(r"(?:早上?|上午|晚上?|下午)?\s*\d{1,2}\s*(?:[:：]\s*\d{2}|点半?)\s*(?:至|到|-|—|~|～)\s*"
                            r"(?:早上?|上午|晚上?|下午)?\s*\d{1,2}\s*(?:[:：]\s*\d{2}|点半?)"), None),),
    "不得骚扰他人": ((re.compile(r"联系|骚扰|打扰|打给|打电话|施压|催收"), "联系或骚扰与债务无关的第三人"),
                     (re.compile(r"透露|告知|泄露|爆通讯录|公开"), "向你的亲友、同事透露你的欠款")),
    "不得冒充": ((re.compile(r"公检法|警察|公安|法院|检察|国家机关|政府|律师"), "公检法等国家机关的工作人员"),),
    "不得暴力威胁": ((re.compile(r"暴力"), "暴力"), (re.compile(r"威胁|胁迫"), "威胁"), (re.compile(r"恐吓"), "恐吓"),
                     (re.compile(r"侮辱|辱骂|谩骂"), "侮辱"), (re.compile(r"骚扰"), "骚扰"), (re.compile(r"诽谤"), "诽谤")),
    "投诉渠道": ((re.compile(r"12378"), "拨打12378（金融监管部门的消费者投诉热线）投诉"),
                 (re.compile(r"客服"), "先向放贷机构的官方客服投诉"),
                 (re.compile(r"12363"), "拨打12363（中国人民银行）反映征信问题"),
                 (re.compile(r"(?<!\d)110(?!\d)|报警"), "拨打110报警（人身安全受到威胁时）"),
                 (re.compile(r"互联网金融协会"), "向中国互联网金融协会投诉"),
                 (re.compile(r"消费者协会|消协|12315"), "向消费者协会投诉")),
})
# A negation just before an action: the clause says it does not happen.
NEGATED_BEFORE = re.compile(r"(?:不会|不得|并不|并没有|没有|不用|无需|不再|不能|不可能|未必|不一定|不是)\s*(?:被|再|马上|立即|立刻|直接|就|第一天就)?\s*$"
                            # "不会委托任何人员上门催收": the lender does not have it done either
                            r"|(?:不会|不得|绝不|从不|从未)(?:委托|安排|派|让)[^，,。；;]{0,8}$"
                            # "不收取违约金", "免收罚息": the fee is not charged
                            r"|(?:不|免)(?:收|收取|加收|计收|计|产生)\s*$"
                            # "不会用个人手机号来电": not by that means, so not at all as the clause says it
                            r"|(?:不会|不得|不能|从不|绝不)(?:用|使用|以|通过)[^，,。；;]{0,10}$"
                            # "不会因为一两天逾期就起诉你": the negation, a reason, then the action
                            r"|(?:不会|并不会|不能|不至于)(?:因为|因|仅仅因为|只因|只是因为)[^，,。；;]{0,12}$")
# A step said not to happen in words NEGATED_BEFORE's short window misses: "不会有人打电话",
# "基本没有人工电话", "也没见真起诉", "从来没接到过电话".
NEGATED_MENTION = re.compile(r"(?:不会|没有|没|并没有|从没|从来没)(?:有)?人?(?:会|再|真的?|见|见过|看到|接到过?|收到过?|人工)?"
                             r"(?:真的?)?(?:打|给你打|给我打|来)?\s*$")
# A word that is no lender's reminder: "谢谢提醒", a note to the reader ("小提示：", "温馨提示：").
NOT_A_REMINDER = re.compile(r"(?:谢谢|感谢|多谢)\s*$")
NOTE_LABEL = re.compile(r"(?:小|温馨|友情|特别)\s*$")
# A comma-part that reports hearsay or a threat, not what a lender does: "网上有人说逾期一天就会被
# 起诉", "说要起诉", "扬言要上门".
HEARSAY_PART = re.compile(r"网上有人说|有人说|网上说|网传|传言|谣传|谣言|听人说|说要|扬言|威胁(?:要|说)|声称要|号称要|吓唬")
# A fee as what is demanded back or borne, not charged: "要求归还欠款和逾期费用", "偿还全部本金、利息
# 及罚息", "由此产生的合理费用由乙方承担".
FEE_DEMANDED = re.compile(r"(?:归还|偿还|还清|结清|追讨|追缴|支付|要求)[^，,。；;]{0,12}$")
FEE_BORNE = re.compile(r"[^，,。；;]{0,4}由[^，,。；;]{0,6}承担")
# The grace period an article states ("3天左右的宽限期", "宽限期为3天"), and a clause about the
# time after it ("超过宽限期后", "过了宽限期", "宽限期一过").
_GRACE_NUM = r"\d{1,2}|[一二两三四五六七八九十]{1,3}"
GRACE_PERIOD = re.compile(rf"(?P<a>{_GRACE_NUM})\s*(?:个)?(?:自然日|工作日|天|日)(?:左右)?的?(?:还款)?宽限期"
                          rf"|宽限期(?:一般|通常)?(?:为|是|有|只有)?\s*(?P<b>{_GRACE_NUM})\s*(?:个)?(?:自然日|工作日|天|日)")
AFTER_GRACE = re.compile(r"(?:超过|超出|过了|出了|错过)(?:了)?(?:这个|这段)?(?:还款)?宽限期|宽限期(?:一过|过后|结束后?|之后|以后)")
# A rule that forbids rather than allows ("晚上10点到早上8点之间不得催收").
PROHIBITION = re.compile(r"不得|禁止|不能|不允许|严禁|不可以")
# Sentences for negated facts, and the hedges as negations.
NEGATED_PHRASES = MappingProxyType({"上报征信": "{name}{when}，{neg}上报征信。"})
NEGATED_HEDGES = MappingProxyType({None: "不会", "确定": "不会", "通常": "通常不会", "可能": "可能不会",
                                   "部分用户": "有用户反映不会"})
HEDGE_WORDS = MappingProxyType({None: "会", "确定": "会", "通常": "通常会", "可能": "可能会", "部分用户": "有用户反映会"})
GENERAL = "general"  # the scope of a statement about lenders in general, or a whole category
GENERAL_NAME = "多数平台"
GENERAL_LABEL = "一般规则（不专指某个产品）"  # the general rules, where a product's name would stand
HEDGES = (  # first match wins
    ("部分用户", re.compile(r"部分用户|有的用户|有些用户|有人|有网友|不少用户|据说|听说|有朋友|个别")),
    # a step under a condition, or one the lender only has the right to take, may happen:
    # "如果借款人无法联系，会派人上门", "有权通过法律手段追讨" are not "会上门", "会起诉"
    ("可能", re.compile(r"可能|或许|也许|有可能|不排除|或将|说不定|有权|^\s*(?:如果|若|假如|万一|一旦|要是)|[，,]\s*(?:如果|若|假如|万一|一旦)")),
    ("通常", re.compile(r"通常|一般|往往|大多|基本上|多半|普遍")),
)
# A clause that says these about lenders in general (or a whole category) is a general rule,
# not a fact of the article's product.
GENERIC_SCOPE = re.compile(
    r"大多数(?:平台|机构|网贷|贷款|产品|银行)|多数(?:平台|机构|网贷|产品|银行)|大部分(?:平台|机构|网贷|产品|银行)|很多(?:平台|机构|网贷|银行)|许多(?:平台|机构|银行)|不少银行"
    r"|有的(?:平台|机构|网贷)|有些(?:平台|机构|网贷)|少数(?:平台|机构|网贷|银行)|某些(?:平台|机构|网贷)|个别(?:平台|机构)|部分(?:平台|机构|网贷)|一些(?:平台|机构|网贷)|各(?:家)?(?:平台|机构|网贷)"
    r"|一般(?:的)?网贷|网贷平台|网络贷款|网贷|贷款平台|借贷平台|金融机构|持牌机构|放贷机构|所有(?:平台|贷款)|任何(?:平台|机构)"
    r"|不同(?:平台|机构)|催收(?:人员|方|机构)?(?:依法|按规定)|法律规定|(?:根据|依照|按照|依据).{0,10}(?:规定|办法|条例|法)"
    r"|《[^》]{1,30}(?:法|条例|办法|规定|解释|意见|通知|指引|公约|准则)》|(?:出借人|债权人|放贷人|贷款机构|放款机构)(?:通常|一般|会|可以|可能|有权)"
    r"|(?:无论|不管|不论)(?:是)?(?:哪个|哪家|什么|任何|哪一家)"
    r"|(?:不管|无论|不论)是?.{0,8}(?:网贷|贷款|银行).{0,8}还是|(?:不管|无论|不论)是?.{0,10}还是.{0,4}(?:网贷|贷款|银行)"
)
# A part of a clause that states a condition: "逾期记录一旦上报", "如果被上报".
CONDITION = re.compile(r"^\s*(?:一旦|如果|假如|万一|若|要是|如(?:您|你|遇|有|发现|对))|^[^，,]{0,8}一旦"
                       # "额度被冻结后，就算还清，恢复也要重新审核": what has been done to one, as the
                       # time the rest of the clause speaks of
                       r"|^[^，,]{0,12}被[^，,]{1,8}(?:后|之后|以后)\s*$")
# A part of a clause that tells the reader what to do: "投诉之前，记得把录音保存好".
ADVICE_PART = re.compile(r"^\s*(?:记得|最好|一定要|千万|务必|切记|不妨|建议|(?:也|还|更)?(?:不要|别|切勿)|(?:先|再|要)?看(?![到见])"
                         r"|开通自动|设置|设好|绑定好|保持|保证|留意)")
# The lender speaking of itself (a help centre, a bank's FAQ): its rules are its own.
FIRST_PERSON_LENDER = re.compile(r"本行|我行|我司|本公司|本平台|本中心|我中心|我们(?:仅|只|承诺|严格|绝不|不会|将|会严格|会依法|会在)|我们的(?:催收|客服|工作人员|员工)"
                                 # in an agreement, the party that acts as a lender does (either party may be the lender)
                                 r"|(?:甲方|乙方)(?:及其?(?:委托的|受托)?[^，,。；;]{0,8})?(?:不得|应当?|有权|将|会|可(?:以)?通过|承诺|保证|委托|仅在|进行|按照|依照)"
                                 r"|贷款人(?:将|有权|可|会|应)")
# Words by which a clause speaks of the lender of the article's product: those and the lender's own.
# (a brand or a lender company by name, "京东金融", "马上消费金融", speaks of the article's lender too)
LENDER_COMPANIES = ("消费金融", "微众银行", "财付通", "蚂蚁集团", "马上消费", "放款机构", "资金方")
LENDER_WORDS = re.compile(r"银行|平台|贷款方|放贷方|发卡行|我们公司|该公司|贷款人|" + FIRST_PERSON_LENDER.pattern
                          + "|" + "|".join(map(re.escape, (*BRANDS, *LENDER_COMPANIES))))
# Credit facts about the credit-reporting system itself, the same for every lender: how to
# check one's report, how to dispute a record.
SYSTEM_CREDIT = frozenset({"查询征信", "异议申请"})
# Where one checks one's own report: a clause naming none of these is no way to check it.
QUERY_CHANNEL = re.compile(r"云闪付|官网|网站|网点|自助|征信中心|手机银行|柜台")
# A reader's question about the credit report in general ("对征信的影响", "和征信的关系").
CREDIT_IN_GENERAL = re.compile(r"征信(?:的|有)?(?:影响|关系|关联)|影响征信|征信.{0,4}(?:后果|情况)")
# A report sent to someone other than the credit bureau: "将自查报告报送协会秘书处".
OTHER_REPORT = re.compile(r"报送(?:至|给)?(?:协会|秘书处|监管|主管部门|总部)|自查报告|工作报告")
# The credit reference centre: a route through it is everyone's, even where a lender names its own too.
CREDIT_CENTRE = re.compile(r"征信中心|人民银行|人行|央行|云闪付")
# A clause that speaks of all the products of the article at once.
BOTH = re.compile(r"两者|二者|三者|两款|三款|这两|这三|两个(?:平台|产品)?都|两个(?:平台|产品)|两家|几款产品|它们都")
# Records of who looked at one's report (查询记录), not of being overdue.
INQUIRY = re.compile(r"查询记录|查询次数|硬查询|被查询")
# Complaint routes open to every borrower (CLAIM_SLOTS["投诉渠道"] words): general rules.
PUBLIC_ROUTES = frozenset({"拨打12378（金融监管部门的消费者投诉热线）投诉", "拨打12363（中国人民银行）反映征信问题",
                           "拨打110报警（人身安全受到威胁时）", "向中国互联网金融协会投诉", "向消费者协会投诉"})
# Actions that are one fact per slot their clause fills: each complaint route is a fact.
ONE_FACT_PER_SLOT = frozenset({"投诉渠道"})
# A heading or lead-in that lists what collectors may not do: what follows are rules.
RULES_TOPIC = re.compile(r"违规|违法|不能做|不得|禁止|不允许|底线|红线|哪些行为|不合规")
# A heading about where to complain, and what names a route under it.
COMPLAINT_TOPIC = re.compile(r"投诉|维权|举报|申诉渠道")
COMPLAINT_ROUTE = re.compile(r"客服|热线|拨打|电话|官网|平台|12378|12363|110")
# Words by which a clause calls what it describes a violation, and the rule each step breaks.
VIOLATION = re.compile(r"违规|违法|不合规|是不允许的|不被允许|是不对的")
VIOLATION_RIGHTS = MappingProxyType({"联系紧急联系人": "不得骚扰他人"})
NIGHT = re.compile(r"(?:晚上|夜里|深夜|凌晨|早上|清晨)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:点|[:：]\d{2})|半夜|深夜")
# Speaking to the audience ("家人们", "老铁们") is not speaking of the reader's family.
AUDIENCE = re.compile(r"家人们|老铁们|宝子们|姐妹们|兄弟们|朋友们")
# Under a heading or question about the credit report, these alone say a record is reported.
REPORT_VERB = re.compile(r"(?<![马])上报(?!警)|报送|报上去|上传|(?:就|已经|被|会)报(?:了|上去)")
# A part of a clause that asks rather than states: "想知道有没有上征信", "不确定是否会被起诉".
EMBEDDED_QUESTION = re.compile(r"想知道|想确认|不知道|不确定|弄清楚|有没有|是否|会不会|能不能|要不要")
# "whether X or Y": a clause that speaks of every kind of lender at once
UNIVERSAL = re.compile(r"不管|无论|不论|凡是|所有")
# Clauses that state no fact: questions, filler, captions, advice, ads.
# The title of a law or a document: a name, whatever words it holds.
LAW_TITLE = re.compile(r"《[^》]{1,40}》")
# A clause of this shape states no fact at all, whatever its parts.
NOT_A_CLAUSE = (
    re.compile(r"[？?]\s*$|^\s*(?:问|Q)\s*[:：]|(?:吗|呢|么)\s*[。！]?\s*$"),
    # an agent telling the reader where their account stands: "您的账单目前已逾期10天"
    re.compile(r"(?:您|你)的?[^，,。]{0,8}(?:目前|现在)?已(?:经)?逾期\s*(?:\d+|[一二三四五六七八九十两]+)\s*天"),
    re.compile(r"^(?:首先|其次|那么|所以)?.{0,6}(?:要|需要|应该)(?:弄清楚|了解|明白|知道)|至关重要|非常重要|十分重要|值得(?:注意|关注|一提)"
               r"|下面(?:我们|小编|就|来)|本文(?:将|为你|给大家)|一起来看|详细介绍|以下几点|总结一下|归纳(?:如下|一下)"),
    re.compile(r"^\s*[\[【（(]?\s*(?:图|图片|配图|截图|如图)\s*[:：\d（(]|图片来源|^\s*[（(]图"),
    # warnings about scams are not the lender's steps
    re.compile(r"诈骗|骗子|骗局|忽悠"),
    # hearsay the writer doubts
    re.compile(r"不确定真假|不知道真假|不知真假|真假未知|未经证实|不知道是不是真的"),
    # a rumour the text reports or calls false: "网传“月付逾期就派人上门”，这是谣言"
    re.compile(r"谣言|谣传|网传|传言|不实(?:信息|消息)|假消息|纯属虚构|是假的"),
    # a statistic about complaints or users: "另有约18%的投诉涉及…", "六成用户…"
    re.compile(r"(?:约|近|超过|逾)?\d+(?:\.\d+)?\s*[%％](?:的)?(?:投诉|用户|借款人|受访者|网友|人)|[一二三四五六七八九]成(?:的)?(?:投诉|用户|借款人|受访者)"),
    # quoted words set against each other: "“可能报送”不等于“一定不报”"
    re.compile(r"[“\"「][^”\"」]{1,12}[”\"」]\s*(?:不等于|不代表|并不代表|并不等于)"),
    # a definition says what a word means, not what a lender does: "爆通讯录，即…", "…是指…"
    re.compile(r"^.{0,12}[，,]\s*即|是指|指的是|(?<!无)所谓[^，,。“”\"]{0,10}[，,]?\s*(?:就是|是指|指的是|即)|是一种.{0,16}(?:方式|手段|行为|做法)"
               r"|^(?:简单(?:来|地)?(?:说|讲)|通俗(?:地|来|点)?(?:说|讲)|说白了|换句话说)[，,]?\s*(?:就是|是|即)"),
    # a question quoted inside a sentence: "问得最多的就是“会不会被起诉”"
    re.compile(r"[“\"「『][^”\"」』]{0,24}(?:会不会|能不能|是不是|有没有|吗|么|怎么办)[？?]?[”\"」』]|留言问|问得最多|经常有人问"),
    re.compile(r"^\s*(?:建议|最好|一定要|千万|切记|记得|务必|不妨|可以考虑|我们建议|小编建议)|建议你|建议您|建议(?:第一时间|尽快|及时|主动)"
               r"|最好(?:先|确认|提前|主动|尽快)"),
    re.compile(r"立即申请|点击(?:领取|下载|查看)|最高可借|下载APP|扫码|限时|广告|推广|低息"),
    # the site's sign-off, where cleaning left it in: 以上就是小编为大家整理的…
    re.compile(r"小编(?:为|给|帮)(?:大家|你|您)|更多.{0,12}(?:知识|资讯|干货|攻略).{0,8}(?:请|敬请|欢迎)?关注"),
    re.compile(r"给(?:催收)?(?:工作|行业)带来|限制和挑战|难度(?:越来越|加大)|催收难"),  # the lender's point of view
)
# The timestamp in front of a line of a chat.
TIMESTAMP = re.compile(r"^\s*[\[【(（]?\s*\d{1,2}:\d{2}(?::\d{2})?\s*[\]】)）]?\s*(?=[^\s\d：:，。至到\-~～]{1,10}[：:])"
                       r"|^\s*[\[【(（]\s*\d{1,2}:\d{2}(?::\d{2})?\s*[\]】)）]\s*")  # a video's "[01:10] 然后…"
# A borrower's own line in a chat or a transcript ("[14:04] 用户：我没收到提醒"): what they
# ask or were told, not what the lender does.
SPEAKER_BORROWER = re.compile(r"^\s*(?:[\[【(（]?\s*\d{1,2}:\d{2}(?::\d{2})?\s*[\]】)）]?\s*)?(?:用户|客户|顾客|我|借款人|网友|楼主|提问者?)\s*[:：]")
# A part of a clause of this shape states no fact; the clause's other parts still may
# ("遇到暴力催收可拨打12378投诉，记得保留通话录音").
NOT_A_FACT = (
    # what readers fear or feel
    re.compile(r"读者留言|网友留言|留言说|后台留言|(?:借款人|用户|大家|很多人|不少人|我|你)(?:最|很|都|会)?(?:怕|害怕|担心)|怕的是|心里发毛|心里有数"
               r"|保持冷静|不要慌|别慌"),
    # a collector's threat reported in speech: "说再不还就要“上门走访”", "不还就让你坐牢"
    re.compile(r"(?:再不还|不还钱?|还不上)(?:的话)?[，,]?\s*就(?:要|会|让|去|给你)|扬言|威胁说|吓唬|恐吓说|^(?:还|又|并且?)?说要"),
    # what a reader should do: keep evidence, write things down
    re.compile(r"^(?:保存|保留好?|记下|记录下|截图|录音|收集)|截图|(?:通话|电话)录音"),
    # what the reader does: calls the lender ("打信用卡中心客服电话，要求转协商专员"), which is
    # no step of the lender's (a part that calls to complain is a complaint route)
    # what the reader may ask for: "可以在调解阶段争取减免部分罚息", "申请延期还款"
    re.compile(r"争取(?:减免|免除|降低|少还)|申请(?:减免|停息|延期|延后|分期|协商)"),
    # the reader's own plan: "等下个月查一下征信再来反馈", "打算去查征信"
    re.compile(r"(?:等|打算|准备|我会|我要|回头)[^，,。]{0,10}(?:查|看)[^，,。]{0,8}(?:再|看看)|(?:打算|准备)[^，,。]{0,6}查"),
    # the reader setting up their own reminders: "以后一定设好提醒", "开个自动还款"
    re.compile(r"(?:设好?|设置|定个|定好|开个|开通)(?:一下|个|好)?(?:还款)?(?:提醒|闹钟|自动还款)"),
    re.compile(r"^(?!.*(?:投诉|举报|反映|报警|异议|申诉))(?:你|您|我|借款人|持卡人|用户)?(?:可以|可|先|直接|主动|赶紧|尽快|及时|马上|要|就)?"
               r"(?:打|拨打|致电|联系|找)(?:一下|个)?[^，,。]{0,10}(?:客服|专员|信用卡中心)"),
)
# Words a spun or colloquial text uses for 逾期.
OVERDUE_WORDS = ("逾期", "过期未还", "过期", "拖欠", "延迟还款", "延期还款", "迟还", "晚还", "没还", "未还", "欠款", "逾欠")

# --- Days -----------------------------------------------------------------------------------

CHINESE_DIGITS = MappingProxyType(
    {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6,
     "七": 7, "八": 8, "九": 9, "十": 10}
)

# Phrases that state no day but place a step after the due date: from day 1 on. They give a
# stage its place on the timeline, never evidence in a dispute about days.
VAGUE_DAY_PATTERNS = (
    re.compile(r"逾期(?:后不久|初期|之初|后|之后)"),
    re.compile(r"(?:未能?|没有?|没能)(?:在)?.{0,8}?还款日.{0,4}?还款|(?:未|没有?)(?:按时|如期|及时)还款"),
)
# Fixed phrases and their day range (from, to); None as `to` means open-ended.
DAY_PHRASES = MappingProxyType(
    {
        "还款日当天": (0, 0),
        "还款日之前": (None, 0),
        "还款日前": (None, 0),
        "到期前": (None, 0),
        "逾期当天": (1, 1),
        "还款日次日": (1, 1),
        "还款日那天": (0, 0),
        "还款日当日": (0, 0),
        "到期当天": (0, 0),
        "到期日当天": (0, 0),
        "还款日第二天": (1, 1),
        "到期次日": (1, 1),
        "逾期次日": (1, 1),
        "逾期首日": (1, 1),
        "逾期之日": (1, 1),
        "逾期第一日": (1, 1),
        "逾期的次日": (1, 1),
        "到期后第二天": (1, 1),
        "逾期第一天": (1, 1),
        "逾期一天": (1, 1),
        "一周": (7, 7),
        "两周": (14, 14),
        "一星期": (7, 7),
        "一个星期": (7, 7),
        "半个月": (15, 15),
        "一个月": (30, 30),
        "三个月": (90, 90),
        "半年": (180, 180),
    }
)

# --- Safety -------------------------------------------------------------------------------

# Elements whose content is code or chrome, never prose: dropped whole from any markup found
# in a source, HTML page or not.
ACTIVE_ELEMENTS = ("script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
                   "template", "svg", "math", "canvas", "form", "button", "input", "select", "textarea", "link",
                   "meta", "base", "audio", "video", "source", "track", "img", "picture", "map")
# Something that starts a tag: '<' then a letter, '/', '!' or '?' ('<注意>' is text, not a tag).
TAG_START = re.compile(r"<\s*[/!?]?\s*[A-Za-z]")
# Last resort for what a parser read as text ("&#<script>"): the tag token itself.
ACTIVE_TAG_TOKEN = re.compile(
    rf"</?(?:{'|'.join(ACTIVE_ELEMENTS)})\b[^>]*>?"  # an active element, even unclosed
    r"|</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>",  # any other complete ASCII tag ("a < b" is no tag)
    re.I,
)
SCRIPT_URL = re.compile(r"(?:javascript|vbscript|livescript)\s*[:：﹕]\S*|data\s*[:：﹕]\s*text/html\S*", re.I)
# Characters that render as nothing, or steer how text is shown (bidi overrides): removed
# before markup is looked for, so that none of them can hide a tag ("<" U+200B "script>")
# from the sanitiser and be deleted afterwards, reassembling the tag. Tab and line ends stay.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f"
    "\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\U000e0000-\U000e0fff]"
)
# Compatibility forms folded to ASCII before anything else (the safe part of NFKC):
# full-width Latin letters and digits, and every form of < and >, so that "＜ｓｃｒｉｐｔ＞"
# and "１３８…" are seen for what they are. Chinese punctuation (，：（）) is left alone.
COMPAT_FOLD = MappingProxyType(
    {**{chr(c): chr(c - 0xFEE0) for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))},
     "\uff1c": "<", "\uff1e": ">", "\ufe64": "<", "\ufe65": ">", "\uff20": "@", "\ufe6b": "@", "\uff0b": "+"}
)

# Personal data, redacted wherever it would be published. Numbers are found as a class: a
# run of digits with any separators between them (spaces of any width, dots, dashes of every
# kind, slashes, invisible characters) is read as its digits, and the digits decide. Public
# service numbers (955xx, 400-/800- numbers, 12363, 12378, 110) have no personal shape.
DIGIT_SEPARATORS = "\\s\u00a0\u2000-\u200f\u202f\u205f\u3000.·・\\-‐‑‒–—―−－﹣﹘_/／\\\\"
DIGIT_RUN = re.compile(
    rf"(?:[(（]?\s*(?:\+|00)\s*86\s*[)）]?[{DIGIT_SEPARATORS}]{{0,3}}|[(（]\s*86\s*[)）][{DIGIT_SEPARATORS}]{{0,3}})?"
    rf"[0-9](?:[{DIGIT_SEPARATORS}]{{0,3}}[0-9])*(?:[{DIGIT_SEPARATORS}]{{0,3}}[Xx](?![A-Za-z]))?"
)
MOBILE = re.compile(r"1[3-9][0-9]{9}")
NATIONAL_ID = re.compile(
    r"[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]"
    r"|[1-9][0-9]{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}"
)
BANK_CARD_DIGITS = (16, 19)
# Other contact details of private persons: e-mail addresses, WeChat ids and QQ numbers.
EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}\s*(?:@|\(at\)|\[at\]|（at）)\s*"
    r"(?P<domain>[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*"
    r"\.[A-Za-z]{2,24})(?![A-Za-z0-9])",
    re.I,
)
# Addresses of public bodies may stay.
PUBLIC_EMAIL_DOMAINS = ("gov.cn", "pbccrc.org.cn", "nifa.org.cn", "pbc.gov.cn")
WECHAT_ID = re.compile(
    r"(?:(?<![A-Za-z])(?:微信号?|微信ID|微信id|weixin|wechat|vx|v信|V信|威信|薇信|卫星号|wx|加微|加v|加V|加vx|加VX)"
    r"\s*(?:号码?|ID|id)?\s*[:：]?\s*(?P<id>[A-Za-z][A-Za-z0-9_\-]{5,19})(?![A-Za-z0-9_\-]))"
    r"|(?<![A-Za-z0-9])(?P<wxid>wxid_[A-Za-z0-9_\-]{4,30})",
    re.I,
)
QQ_NUMBER = re.compile(
    rf"(?<![A-Za-z])(?:QQ|扣扣|企鹅|球球)\s*(?:号码|号|群号|群|ID)?\s*[:：]?\s*"
    rf"(?P<n>[1-9](?:[{DIGIT_SEPARATORS}]{{0,2}}[0-9]){{4,11}})(?![0-9])",
    re.I,
)
REDACTED = MappingProxyType({"mobile": "手机号", "id": "身份证号", "card": "银行卡号", "email": "邮箱",
                             "wechat": "微信号", "qq": "QQ号"})

# --- Judgement -------------------------------------------------------------------------------

# Words that show a page is about consumer credit (Simplified and Traditional forms).
CREDIT_SUBJECT = ("逾期", "征信", "徵信", "贷款", "貸款", "借款", "还款", "還款", "信用卡", "催收", "欠款", "网贷",
                  "網貸", "借呗", "借唄", "花呗", "花唄", "白条", "白條", "分期", "额度", "額度", "负债", "负債",
                  "信用报告", "信用報告", "放款", "利息", "罚息", "罰息")
# A page is on topic with at least this many mentions of those words, or one in its title.
CREDIT_SUBJECT_MIN = 3
# A short paragraph found in this many different articles is site chrome, not content.
RECURRING_MIN_ARTICLES = 3
RECURRING_MAX_CHARS = 120
# Two articles whose bodies share at least this share of character 4-grams are copies.
NEAR_DUPLICATE_MIN = 0.8

# --- Search ---------------------------------------------------------------------------------

# Domain words the search's lexicon knows as words (besides every product name and alias).
SEARCH_TERMS = ("征信", "上征信", "征信报告", "征信记录", "信用报告", "逾期", "催收", "爆通讯录", "协商还款",
                "个性化分期", "停息挂账", "最低还款", "宽限期", "容时容差", "违约金", "罚息", "滞纳金",
                "第三方催收", "上门催收", "律师函", "异议申请", "信用修复", "不良记录", "逾期记录")

# --- Reader questions ----------------------------------------------------------------------

# A heading or title phrased as a question.
QUESTION_LIKE = re.compile(r"[？?]\s*$|吗\s*$|呢\s*$|怎么办|如何|怎样|怎么|多久|几天|是否|会不会|能不能|有哪些|为什么|什么")
# Two question wordings sharing this share of character pairs are one question.
QUESTION_MERGE_MIN = 0.85
# First match wins: the topic a question belongs to.
QUESTION_TOPICS = (
    ("催收权益", re.compile(r"催收|催款|爆通讯录|通讯录|起诉|骚扰|上门|投诉|律师函|黑户")),
    ("协商还款", re.compile(r"协商|延期还款|延迟|分期还款|停息挂账|个性化分期|最低还款|延期")),
    ("逾期时间线", re.compile(r"逾期.{0,4}(?:[0-9一二两三四五六七八九十百]+|几)(?:天|日|个月)|晚还|迟还|还款迟|宽限期|逾期多久|逾期后")),
    ("征信影响", re.compile(r"征信|信用记录|信用报告|不良记录|上报")),
    ("开通与使用", re.compile(r"开通|额度|提额|申请|注册|下款|放款|关闭|注销|使用|安全|正规|是什么|介绍|测额")),
)
# Shaped like a consumer-credit product's name, and the generic words that are not one.
PRODUCT_SHAPE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{1,4}?(?:呗|花|借条|白条|金条|月付|分付|卡贷|借钱|分期|钱包|贷)")
GENERIC_CREDIT_WORDS = ("网贷", "贷款", "借贷", "信贷", "现金", "信用", "银行", "民间", "私人", "小额", "房贷", "车贷",
                        "抵押", "保单", "申请", "注册", "逾期", "还款", "平台", "个人", "偿还", "分期还", "消费", "网上",
                        "互联网", "软件", "小程序", "APP", "机构", "成功", "不成功", "申贷", "借钱平台", "欠", "与",
                        "和", "的", "对", "后", "未", "是否", "上", "按时", "提前", "延期", "帮", "花钱", "钱花",
                        "省钱", "开花", "花呗", "借呗", "征信花")  # 征信花了: too many inquiries, no product

# --- Topic pages across products --------------------------------------------------------------

# slug, title, the regulation ids that answer it (verified stated as law, secondary folded
# away with attribution), and the pattern that picks source claims about it from every product.
TOPIC_PAGES = (
    ("zhengxin-duojiu-xiaochu", "征信记录多久消除",
     ("zhengxin-tiaoli-16", "zhengxin-tiaoli-16-jiuzheng", "zhengxin-tiaoli-15", "zhengxin-tiaoli-17",
      "zhengxin-tiaoli-25", "zhengxin-tiaoli-26", "yici-xingxiu-fu-2025", "chaxun-zhengxin-wangzhan",
      "chaxun-shouji-yinhang", "chaxun-guitai", "chaxun-wangshang-dengdai", "yiyi-benren-daochang"),
     re.compile(r"消除|删除|保存|保留|五年|5年|征信记录|不良记录")),
    ("bao-tongxunlu", "爆通讯录是否合法",
     ("xingfa-253-1", "geren-xinxi-baohufa-10-25-66-69", "minfadian-1032-1033", "xiaofeizhe-quanyi-29",
      "cuishou-guobiao-2025", "zhian-2025-56", "zhian-2025-50", "zhian-chufa-42-2012"),
     re.compile(r"通讯录|联系人|亲友|家人|第三方|隐私|个人信息")),
    ("cuishou-quanyi", "催收权益与投诉渠道",
     ("minfadian-1032-1033", "cuishou-guobiao-2025", "zhian-2025-50", "zhian-2025-jinzhi-jiechu", "zhian-2025-30-47",
      "zhian-chufa-42-2012", "xinyongka-banfa-68", "xingfa-293-1",
      "tousu-xian-xiang-jigou", "tousu-zongju-renhang-fengong", "tousu-xiaodai-zhucedi", "tousu-xiaodai-difang",
      "baojing-110", "zhian-2025-90", "hotline-12378", "hotline-12363", "nifa-jubao", "nifa-zilv", "heimao-fei-guanfang",
      "zhengxin-tiaoli-26"),
     re.compile(r"不得|暴力|恐吓|骚扰|威胁|侮辱|投诉|合法权益")),
    ("xieshang-huankuan", "协商还款",
     ("xinyongka-banfa-70",),
     re.compile(r"协商|分期还款|延期|还款计划|还款方案|个性化分期")),
)
# Where a complaint goes first, by the kind of lender a product's fact-sheet row names (its
# lender_type): the rows of data/regulations.yml to cite, in order. A product whose lender is
# several institutions, or unknown, gets the rule that the lender must be named, then both
# routes, each under the kind of lender it is for.
COMPLAINT_ROUTES = MappingProxyType({
    "银行": ("tousu-xian-xiang-jigou", "tousu-zongju-renhang-fengong"),
    "消费金融公司": ("tousu-xian-xiang-jigou", "tousu-zongju-renhang-fengong"),
    "小额贷款公司": ("tousu-xiaodai-zhucedi", "tousu-xiaodai-difang"),
})
# the words before each route's row, as steps: first the lender, then the regulator
COMPLAINT_STEPS = MappingProxyType({"tousu-xian-xiang-jigou": "第一步，先向放款机构本身投诉：",
                                    "tousu-zongju-renhang-fengong": "第二步，没有解决的，再打12378向国家金融监督管理总局投诉：",
                                    "tousu-xiaodai-zhucedi": "先向平台客服投诉；没有解决的，向小贷公司注册地的金融管理部门投诉："})
COMPLAINT_UNKNOWN_LENDER = "fangkuan-mingcheng"
COMPLAINT_BY_KIND = MappingProxyType({"tousu-zongju-renhang-fengong": "放款机构是银行或消费金融公司的",
                                      "tousu-xiaodai-zhucedi": "放款机构是小额贷款公司的"})
# whatever the lender: threats and violence go to the police
COMPLAINT_ALWAYS = ("baojing-110",)
# How to check one's own credit report: the only way to know whether an overdue payment reached it.
CREDIT_CHECK = ("chaxun-zhengxin-wangzhan", "chaxun-shouji-yinhang")
# The reader questions a product page lists (answered first); the rest are on 读者常问.
PRODUCT_PAGE_QUESTIONS = 8
# The days the comparison table of 逾期几天会怎样 looks at.
COMPARE_DAYS = (1, 3, 7, 15, 30, 90)

# --- Limits ---------------------------------------------------------------------------------

# One source is one article: a file over the first size is reported, one over the second is
# skipped (with the reason) while the rest of the site still builds. A web page carries its
# scripts and markup, a text file only its words.
SOURCE_LIMITS = MappingProxyType({  # suffix kind → (warn over, skip over) in bytes
    "html": (1 * 2**20, 5 * 2**20),
    "text": (128 * 2**10, 512 * 2**10),
})
# The text left after cleaning: an article is rarely over 20,000 characters.
ARTICLE_WARN_CHARS = 50_000
ARTICLE_MAX_CHARS = 150_000
# HTML nested deeper than this is no article, and would exhaust the parser: the source is skipped.
MAX_HTML_NESTING = 200
# Data files: anchors and aliases (&a / *a) are refused (an alias bomb expands to gigabytes);
# nesting deeper than this is refused before it is parsed.
MAX_YAML_NESTING = 40

# --- Page furniture of text pages, by the shape of the line ---------------------------------

# Matched on a folded, Simplified copy of the line, so Traditional and full-width forms
# (關注我們, ＡＰＰ) fall under the same rule. Rule name → pattern. A line about the article
# ("metadata") gives the article its date.
_DATE_TIME = r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
_COUNTER = r"(?:阅读次数|浏览次数|点击次数|访问次数|阅读量|浏览量|浏览人次|点击量|访问量|阅读数|浏览|阅读|评论|点赞|收藏|分享|转发|查看|回复|赞|人看过|次阅读|积分|帖子|主题|精华|威望|金钱|粉丝|获赞)"
# The words of a page's buttons and toolbars. A short line made of nothing else (and counts,
# emoji, separators) is the page's, not the article's: 分享至 Facebook, 举报/反馈, 评论 收起,
# 387 条评论, 👍 12, 沙发.
UI_WORDS = ("分享至", "分享到", "分享", "复制链接", "复制连结", "复制网址", "扫描二维码", "扫一扫", "二维码", "举报", "反馈",
            "申请转载", "转载", "关注他", "关注她", "关注作者", "已关注", "关注", "写下你的评论", "写评论", "发表评论", "评论",
            "条评论", "我来答", "等你来答", "已赞过", "已踩过", "赞过", "点赞", "赞同", "反对", "收起", "展开全部", "展开",
            "阅读全文", "回复", "收藏", "转发", "打赏", "喜欢", "不喜欢", "沙发", "板凳", "地板", "顶", "踩", "发新帖", "返回列表",
            "倒序浏览", "只看该作者", "上一主题", "下一主题", "打印", "找回密码", "立即注册", "注册", "登录", "退出", "私信",
            "加好友", "有帮助", "没帮助", "有用", "没用", "已解决", "未解决", "好问题", "手机阅读", "查看详情", "facebook", "line", "twitter", "微信", "微博", "qq空间", "qq", "朋友圈")
_UI_WORD = "|".join(sorted(map(re.escape, UI_WORDS), key=len, reverse=True))
FURNITURE = MappingProxyType(
    {
        "metadata": re.compile(
            rf"^\s*(?:发布于|发表于|更新于|编辑于|张贴于|写于|发布时间|更新时间|回答时间|回复时间|咨询时间|时间|日期)?\s*[:：]?\s*{_DATE_TIME}\s*"
            rf"(?:(?:上午|下午|晚上|早上)?\s*\d{{1,2}}:\d{{2}})?\s*(?:由\s*\S{{1,12}}|[\u4e00-\u9fff]{{2,3}})?\s*"
            rf"(?:(?:[·|｜/]|\s)+(?:{_COUNTER}\s*[:：]?\s*[\d.,]+\s*[万wk千]?|(?:来源|作者|编辑)\s*[:：]?\s*\S{{1,20}}"
            rf"|[A-Za-z0-9_.@\-]{{1,20}}|\S{{1,12}}(?:网|财经|资讯|日报|晚报|新闻|频道|号|社)))*\s*$"
            rf"|^\s*(?:发布于|发表于|更新于)?\s*\d+\s*(?:秒|分钟|小时|天|周|个月)前\s*(?:发布|更新)?\s*$"
            rf"|^\s*(?:作者|文|来源|出处|责任编辑|编辑|责编|撰文|记者|本文作者|作者简介)\s*[:：|｜/／]\s*\S.{{0,60}}$"
            rf"|^\s*\S{{1,16}}\s*(?:认证编辑|认证作者|官方认证|已认证|认证用户|认证专家|资深编辑)\s*(?:[|｜·•]\s*.{{0,30}})?$"
            rf"|^\s*(?:记者|编辑|责编|文|图)\s+\S{{2,4}}\s*(?:[／/|｜]\s*\S{{2,8}})?\s*$|(?:综合报导|综合报道|特约记者|本报记者)\s*\S{{0,8}}$"
            rf"|^\s*原标题\s*[:：]"
            rf"|^(?=.{{0,80}}$)\s*(?:发布于|发表于|发布时间|发表时间|发布日期)\s*[:：]?\s*{_DATE_TIME}"
            rf"|^\s*[（(]?\s*(?:供稿|摄影|撰稿|图片)\s*[:：]"
            rf"|^\s*\S{{0,8}}记者(?!提醒|表示|发现|了解|注意|调查|走访|获悉|提示|观察)\s*\S{{2,4}}(?:[\s　]+通讯员\s*\S{{2,4}})?\s*$|^(?=.{{0,60}}$).*IP\s*属地"),
        "counter": re.compile(
            r"^\s*\d{1,3}(?:,\d{3})+\s*$|"
            rf"^\s*(?:(?:{_COUNTER})\s*[:：]?\s*[\d.,]+\s*[万wk千]?\s*次?|[\d.,]+\s*[万wk千]?\s*(?:{_COUNTER}))"
            rf"(?:\s*[·|｜/,，]?\s*(?:(?:{_COUNTER})\s*[:：]?\s*[\d.]+\s*[万wk千]?\s*次?|[\d.,]+\s*[万wk千]?\s*(?:{_COUNTER})))*\s*$"),
        # a line of buttons: UI words, counts, emoji and separators, nothing else
        "ui-actions": re.compile(r"^\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]\uFE0F?\s*[\d.,]+\s*[万wk]?\s*$"
                                 rf"|^(?=.{{0,40}}$)(?=.*(?:{_UI_WORD}))(?:{_UI_WORD}|[\d.,]+\s*[万wk千]?|[\s|｜/·•、，,:：\[\]【】()（）.…>＞]"
                                 r"|[\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F])+$", re.I),
        # a short line that carries a date and no sentence: who posted what when
        # ("匿名用户 提问于 2024/6/11", "2024年05月06日 10:22 新浪财经综合"), not "2024年3月1日起施行"
        # who asked or answered, and how long ago: "匿名用户 · 提问于 3天前", "王律师 · 执业律师"
        "posted-line": re.compile(r"^(?=.{0,40}$).*(?:提问|回答|发布|发表|更新|回复|编辑)于\s*\d+\s*(?:秒|分钟|小时|天|周|个月|年)前"
                                  r"|^\s*\S{1,6}律师\s*[·|｜]\s*\S{0,12}\s*$"),
        "dated-line": re.compile(rf"^(?=.{{0,50}}$)(?!\s*(?:上一篇|下一篇|上一页|下一页|上一主题|下一主题))"
                                 rf"(?!.*(?:逾期|催收|短信|电话|还款|征信|提醒|扣款|罚息|起诉|上门|收到|接到|冻结))[^，。！？；,!?;]*?{_DATE_TIME}(?!\s*(?:起|前|后|以来|开始|之前|之后|至|到|—|-))"
                                 r"[^，。！？；,!?;]*$"),
        "loading": re.compile(r"^\s*(?:图片|内容|评论|页面)?\s*(?:加载中|正在加载|loading|载入中)(?:更多)?(?:内容|评论|图片)?[\s.。…，,]*(?:请稍候|请稍等)?[\s.。…]*$", re.I),
        "page-tools": re.compile(r"(?:字号|字体)\s*[:：]?\s*[【\[]?大|^\s*(?:字号|字体)\s*[:：]\s*\S{0,3}\s*[|｜]|^\s*A\s*\+\s*A\s*-\s*$|^\s*(?:[【\[]?(?:大|中|小)[】\]]?\s*){3}$"
                                 r"|^\s*(?:打印|关闭|收藏本文|返回顶部|分享到)\s*(?:[|｜/]\s*(?:打印|关闭|收藏|返回|分享)\S{0,4}\s*)*$"
                                 r"|^\s*(?:(?:打印|关闭|收藏|返回|复制)(?:本页|本文|此文|窗口|顶部|首页|链接)?\s*[|｜/]?\s*){2,}$"),
        "image-file": re.compile(r"^\s*\S{1,60}\.(?:jpe?g|png|gif|webp|bmp|heic)\s*$", re.I),
        "caption": re.compile(r"^(?=.{0,60}$)\s*图为|^\s*[\[【(（]\s*(?:图|图片|配图|视频|动图)\s*[\]】)）]|^(?=.{0,30}$)\s*图片来源于?网络|已做模糊处理|(?:图片来源|图源|图片提供|配图来源)\s*[:：]|^\s*[（(]?\s*(?:图|配图|截图)\s*[:：]|^\s*[（(]图"
                              r"|^(?=.{0,50}$).*(?:\s|^)图\s*[/／:：]\s*\S{1,16}\s*$|示意图?\s*$"),
        "follow": re.compile(r"^(?=.{0,40}$).*(?:(?:关注|加入|追踪|订阅).{0,12}(?:公众号|我们|我门|官方号|账号|帐号|微信号|头条号|抖音号|LINE|粉丝团)|扫码关注|扫描.{0,6}二维码.{0,4}关注|点击关注|关注(?:获取|领取))"
                             r"|关注.{0,8}公众号|微信搜索.{0,12}关注"),
        "category": re.compile(r"^\s*(?:本文|文章)?(?:分类|栏目|(?:tags?\s*)?标签|关键词|关键字|tags?|所属分类)\s*[:：]"
                               r"|^(?:\s*#[^#\s]{1,16}#?)+\s*$", re.I),  # a row of hashtags: #美团月付# #逾期#
        "qa-chrome": re.compile(r"\S\s*的回答\s*$|^\s*回答者\s*[:：]|有用\s*[(（]\s*\d+\s*[)）]|获赞\s*\d+|^\s*\d+\s*(?:个回答|条回答)\s*$"
                                r"|采纳率\s*[:：]|^\s*擅长\s*[:：]|执业证号|^\s*咨询人\s*[:：]|被浏览\s*[\d,]+|人赞同了该(?:回答|文章)|^\s*\S{0,10}认证\s*[:：]|是否解决了?您的问题|没有解决.{0,4}联系.{0,4}客服|^\s*联系在线客服|^\s*赞同\s*[\d,.]+\s*[万k]?"
                                r"|^\s*职业\s*[:：]|粉丝\s*[\d,.]+\s*[万wk]?|帖子\s*[:：]\s*[\d,.]+|^\s*关注\s*[:：]\s*[\d,.]+|回复贴\s*[:：]"
                                r"|已有\s*\d+\s*位律师回复|查看全部\s*[\d,]+\s*个回答|^\s*\S{2,12}律师事务所\s*$|^\s*\S{2,4}\s*律师\s*$"
                                r"|是否对您有帮助|对你有帮助吗|^\s*我也要咨询"
                                r"|本回答由.{0,12}(?:提供|推荐|采纳)|^\s*(?:采纳|最佳答案|追问|满意答案)\s*[:：]?\s*$|对这个回答的评价|^\s*#(?:热议|热门|话题|热点)#"),
        "ad": re.compile(r"【\s*(?:推广|广告|赞助|AD|推荐)\s*】|立即申请\s*>+|>>\s*[\]】]?\s*$|>>\s*\S{0,6}(?:申请|领取|下载|测算)|^(?=.{0,20}$).*(?:打开APP|下载APP|APP内阅读|阅读全文)"
                         r"|向TA咨询|电话咨询|免费咨询律师"
                         # debt-help services and loan spam: "专业处理网贷逾期 停息挂账 成功再收费", "黑户秒批 当天到账"
                         r"|^(?=.{0,60}$)(?!.*。).*(?:成功再收费|不成功不收费|先办事后收费|网贷口子|下款口子|黑户(?:秒批|秒下|借款|贷款|白户|也能借)"
                         r"|秒下款|不看征信.{0,6}(?:秒批|秒下|当天|下款|放款|借)|不查(?:征信|大数据)|代开(?:各类)?发票|(?:信用卡|花呗)套现)"
                         r"|^(?=.{0,60}$).*(?:点击领取|最高可借|秒到账|低息借款|极速放款|免费领取|律师在线|在线咨询|免费咨询|立即咨询|正在为你解答)"),
        # the site's own disclaimers: 风险提示：贷款有风险, 本文可能含有聯盟行銷連結
        "disclaimer": re.compile(r"^\s*风险提示\s*[:：]|贷款有风险|借款需谨慎|仅提供信息(?:参考|服务)|不从事(?:任何)?放贷"
                                 r"|联盟行销|推广链接|含有.{0,6}(?:广告|联盟|推广)(?:链接|连结)"),
        # the site's sign-off under an article: 以上就是小编为大家整理的…相关内容，更多…请关注…
        "outro": re.compile(r"^\s*(?:以上(?:就是|便是|即是|是|为)|本文(?:就|到此)|好了[，,]?\s*以上)[^。！？]{0,80}"
                            r"(?:整理|分享|介绍|解答|讲解|相关内容|全部内容)"
                            r"|^(?=.{0,80}$).*更多.{0,12}(?:知识|资讯|内容|干货|攻略|精彩).{0,8}(?:请|敬请|欢迎|可以)?(?:关注|访问|浏览|收藏|搜索)"
                            r"|^(?=.{0,30}$)\s*希望(?:本文|以上内容|这篇文章)?(?:对你|对您|对大家|能)(?:有所)?帮助"),
        "teaser": re.compile(r"^\s*(?:相关阅读|延伸阅读|推荐阅读|相关链接|你可能感兴趣|相关推荐|热门阅读|相关文章)\s*[:：]\s*\S"),
        "breadcrumb": re.compile(r"^(?=.{0,80}$)[^。！？，]*?(?:\S\s*[>›»]\s*\S.*[>›»]|首页\s*[>›»/|｜]|^\s*(?:您的位置|当前位置|所在位置)\s*[:：])"),
        # a row of short words and nothing else: a toolbar, a menu, a pager or a tag list
        # ("关注问题　写回答　邀请回答", "看贴　图片　精品　视频", "第1页　下一页　尾页")
        # (not a table row written with spaces: "1-3天　短信提醒　罚息" states facts)
        "token-row": re.compile(r"^(?!\s*\|)(?!.*(?:\d\s*[天日月周]|[一二三四五六七八九十两]\s*[天周]|逾期|催收|罚息|征信|提醒|冻结|起诉|上门|扣款))"
                                r"\s*(?:[^\s，。！？：:；、]{1,6}[\s　]+){2,}[^\s，。！？：:；、]{1,6}\s*$"
                                r"|^(?=.{0,30}$).*(?:下一页|上一页|尾页|本文共\s*\d+\s*页|当前第\s*\d+\s*页)"),
        "spam-line": re.compile(r"百家乐|六合彩|娱乐城|真人娱乐|体育投注|博彩|彩金|老虎机|时时彩|新葡京|皇冠体育|棋牌游戏|赌场|澳门.{0,4}(?:赌|娱乐)"
                                r"|成人视频|约炮|色情"),
    }
)
# A site's name or slogan line: short, the site's word, often "名字 — 口号".
SITE_LINE = re.compile(r"^(?=.{2,40}$)[^。！？，]*(?:网|论坛|社区|专栏|频道|百科|之家|财经|资讯|知道|门户|官网|贴吧)"
                       r"(?:\s*[—–\-·|｜_]+\s*.{0,24})?$")
# Words a headline of ours names.
HEADLINE_WORDS = ("逾期", "征信", "催收", "催款", "还款", "借款", "欠款", "网贷", "信用卡", "贷款", "协商", "起诉", "额度", "上征信",
                  "利率")
# A template label in front of the real title: 文章标题：…
TITLE_LABEL = re.compile(r"^\s*(?:文章)?标题\s*[:：]\s*(?P<title>\S.*)$")
# A line of a site's menu: a word or two, no sentence (首页, 信用卡, 网上银行登录, 回复 2 楼).
# Three such lines in a row, where the page has no prose yet or no more, are its navigation,
# its login box or its footer, not the article (a list of the article marks its items).
MENU_LINE = re.compile(r"^(?![一二三四五六七八九十]{1,3}[、.．]|\d{1,2}\s*[.、．)）])[^，。！？!?：:；;、,]{1,6}$")
MENU_RUN = 3
# A line of prose: the article has begun (or not yet ended).
PROSE_LINE = re.compile(r"[。！；;]|[，,].{8,}|^.{41,}$")
# A site's name and channel after a headline: "…银行这样说_理财频道_东方财讯网".
SITE_SUFFIX = re.compile(r"(?:(?:\s*[_|｜]\s*|\s*[-—–]\s+)[^_|｜]{1,16}(?:网|频道|站|财经|资讯|社区|论坛|之家|百科|新闻|报|号))+\s*$")
# What each line further down costs a title candidate: a headline comes before the lines it
# heads.
TITLE_POSITION_COST = 0.25
PROSE_POSITION_COST = 1.0  # what a sentence above costs it (not a slogan's comma: "读懂征信，远离…")
SENTENCE_LINE = re.compile(r"[。；;]|[！!].|^.{41,}$")
# Candidates for a text page's title: this many lines that could be a headline, among the
# first TITLE_SCAN lines of the page.
TITLE_CANDIDATES = 10
TITLE_SCAN = 40
# What a line repeating the breadcrumb's last crumb adds to its headline score.
CRUMB_BONUS = 3
# A candidate headline right above a dateline or byline ("发布时间：…", "2024年4月2日 某网原创",
# "作者：…"): pages print when and by whom just under the headline, not under a section's question.
DATELINE_BONUS = 1.5
DATELINE_RULES = frozenset({"metadata", "posted-line", "dated-line"})
# Gambling and adult words: a page full of them is a hacked page, not an article.
SPAM_MIN_MENTIONS = 4
