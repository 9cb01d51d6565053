"""Typed records for every YAML file under data/.

Unknown keys are errors (a typo must not vanish), cross-references are by id.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from .lang import say
from .rules import ACTIONS, CHANNELS, HEDGES

ProductId = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", description="ASCII slug, e.g. huabei")]
ArticleId = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
# p-<hash of the text> from the cleaner; w-<anything> for a paragraph a writer added.
ParagraphId = Annotated[str, Field(pattern=r"^(?:p-[0-9a-f]{8}(?:-\d+)?|w-[a-z0-9]+(?:-[a-z0-9]+)*)$")]
# "<article-id>#<paragraph-id>"
SourceRef = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*#(?:p-[0-9a-f]{8}(?:-\d+)?|w-[a-z0-9]+(?:-[a-z0-9]+)*)$")]
Channel = Literal[CHANNELS]  # type: ignore[valid-type]
Action = Literal[tuple(a for _, a, _ in ACTIONS)]  # type: ignore[valid-type]
Hedge = Literal[tuple(["确定", *(h for h, _ in HEDGES)])]  # type: ignore[valid-type]
# machine: as extracted, not yet reviewed; approved: a writer checked it and publishes it as it
# is; edited: a writer changed it; rejected: never shown; editorial: a writer's own.
ClaimStatus = Literal["machine", "approved", "edited", "rejected", "editorial"]


class FieldError(ValueError):
    """A record's own check that is about one of its fields: the error is reported at that
    field's line (store.validate adds `field` to the error's path)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- Cleaned articles (data/articles/<id>.yml) ---------------------------------------------


class Paragraph(Record):
    id: ParagraphId
    text: str = Field(min_length=1)
    kind: Literal["text", "item"] = "text"
    fingerprint: str | None = Field(None, pattern=r"^[0-9a-f]{8}$",
                                    description="set by creditfaq when the source's wording changed after the id "
                                                "was given: what the machine now reads there; leave it as it is")

    @property
    def machine_hash(self) -> str | None:
        """The hash of what the cleaner read for this paragraph: a writer's fix differs."""
        if self.id.startswith("w-"):
            return None
        return self.fingerprint or self.id.split("-")[1]


class Section(Record):
    heading: str | None = None
    paragraphs: list[Paragraph] = []


class RemovedBlock(Record):
    rule: str
    text: str


class Defect(Record):
    kind: Literal["censored-gap", "empty-section", "lost-list", "repeated-paragraph", "product-mismatch", "no-title"]
    where: str
    detail: str


class SourceArticle(Record):
    id: ArticleId
    title: str = Field(min_length=1)
    title_from: str | None = Field(None, description="where the title was found and why that line was taken")
    title_fingerprint: str | None = Field(None, description="hash of the title the cleaner chose: a title that no "
                                                            "longer matches it is a writer's, and is kept")
    date: dt.date | None = None
    date_fingerprint: str | None = Field(None, description="hash of the date the cleaner found: a date that no "
                                                           "longer matches it is a writer's, and is kept")
    source: str
    source_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    encoding: str
    relevant: bool = Field(True, description="false: no consumer-credit subject; no claims, no pages")
    judgement: str | None = Field(None, description="why the article is off-topic or a duplicate")
    duplicate_of: ArticleId | None = Field(None, description="the article this one republishes")
    sections: list[Section]
    related_titles: list[str] = []
    removed: list[RemovedBlock] = []
    defects: list[Defect] = []

    def paragraphs(self) -> list[Paragraph]:
        return [p for s in self.sections for p in s.paragraphs]


# --- Registries -----------------------------------------------------------------------------


class Product(Record):
    id: ProductId
    name: str
    aliases: list[str] = Field([], description="other names found in articles, Traditional spellings too")
    provider: str | None = Field(None, description="provider / lender of record, as sources state it")
    category: Literal["信用卡", "消费信贷", "现金贷", "先享后付", "其他"] | None = None
    related: list[ProductId] = Field([], description="ids of related products")


class ProductRegistry(Record):
    products: list[Product]


RegulationId = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
Topic = Literal["征信影响", "投诉与异议", "催收权益", "产品信息", "放款机构"]
# Who lends, as the fact sheet's lender rows say: it decides where a complaint goes first.
LenderType = Literal["银行", "消费金融公司", "小额贷款公司", "多家机构"]


class Regulation(Record):
    """A legal fact from the fact sheet. verified: may be stated as law; secondary: only with
    its attribution; unverified: never published as a fact."""

    id: RegulationId
    law: str
    article: str | None = None
    issuer: str | None = None
    effective: dt.date | None = None
    topic: Topic
    products: list[ProductId] = Field([], description="for a fact about particular products only")
    summary: str = Field(min_length=1)
    confidence: Literal["verified", "secondary", "unverified"]
    attribution: str | None = None
    evidence: str
    fact_sheet_row: int | None = None
    valid_until: dt.date | None = Field(None, description="the last day the rule applies (a one-off window); after "
                                                          "it the rule is shown as ended, never as in force")
    caveat: str | None = Field(None, description="what the fact sheet warns about the rule, shown with it")
    lender_type: LenderType | None = Field(None, description="for a row saying who lends for its products: the "
                                                             "kind of lender, which picks the complaint route")

    @model_validator(mode="after")
    def _attribution_matches_confidence(self) -> "Regulation":
        if self.confidence != "verified" and not self.attribution:
            raise FieldError("attribution", say(
                f"可信度为 `{self.confidence}` 的法规必须写 `attribution`：页面上用它开头说明出处，例如 `attribution: 据新闻报道`",
                f"a {self.confidence} regulation needs an `attribution` (e.g. 据新闻报道)"))
        return self

    @property
    def publishable(self) -> bool:
        return self.confidence != "unverified"

    def in_force(self, today: dt.date) -> bool:
        return self.valid_until is None or today <= self.valid_until


class RegulationRegistry(Record):
    regulations: list[Regulation]


class GlossaryTerm(Record):
    term: str
    aliases: list[str] = []
    definition: str = Field(min_length=1)
    regulations: list[RegulationId] = Field(min_length=1, description="what grounds the definition")


class Glossary(Record):
    terms: list[GlossaryTerm]


# a word of data/search.yml: an empty one would match every query
SearchWord = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class SearchSynonym(Record):
    """Readers' words for what the pages call `means`: a search for any of them also looks for it."""

    means: SearchWord
    words: list[SearchWord] = Field(min_length=1)


class SearchPage(Record):
    """The page a reader using one of `words` should see first: a path without the leading /
    (products/huabei, topics/bao-tongxunlu, self-check)."""

    page: str = Field(pattern=r"^[a-z0-9][a-z0-9/-]*$")
    words: list[SearchWord] = Field(min_length=1)


class OutOfScope(Record):
    """What the site does not cover: `subjects` always, `actions` only without an in-scope word."""

    answer: str = Field(min_length=1)
    subjects: list[SearchWord] = []
    actions: list[SearchWord] = []


class SearchVocabulary(Record):
    """data/search.yml: the search's vocabulary, edited by writers."""

    synonyms: list[SearchSynonym] = []
    pages: list[SearchPage] = []
    out_of_scope: OutOfScope | None = None
    question_words: list[SearchWord] = []


class GuidanceRule(Record):
    """What a reader can do at a timeline stage that uses one of `channels`, grounded in law."""

    channels: list[Channel] = Field(min_length=1)
    text: str = Field(min_length=1)
    regulations: list[RegulationId] = Field(min_length=1)


class GuidanceFile(Record):
    guidance: list[GuidanceRule]


# --- Topic files (data/topics/<product-id>.yml) --------------------------------------------


class Evidence(Record):
    source: SourceRef = Field(description="the article paragraph")
    quote: str = Field(min_length=1, description="the paragraph's own words the claim was made from")


class Claim(Record):
    id: str = Field(pattern=r"^[a-z]+-[0-9a-z]+(?:-[0-9a-z]+)*$",
                    description="kind-name, lowercase ASCII: e.g. credit-my-note-1 for a claim you add")
    status: ClaimStatus = Field(description="machine | approved | edited | rejected | editorial; required so writers see it")
    text: str = Field(min_length=1)
    sources: list[SourceRef] = Field([], description="the article paragraphs it came from")
    regulations: list[RegulationId] = Field([], description="ids in data/regulations.yml that ground it")
    disputed: bool = Field(False, description="sources disagree on this point (shown as 来源说法不一)")
    action: Action | None = Field(None, description="what the statement is about, from the controlled vocabulary")
    hedge: Hedge | None = Field(None, description="how sure the source is: 确定, 通常, 可能, 部分用户")
    quote: str | None = Field(None, description="the source's own words (files written before `evidence`)")
    evidence: list[Evidence] = Field([], description="per source paragraph, its own words the claim was made from")
    note: str | None = Field(None, description="a writer's remark; never published")
    fingerprint: str | None = Field(None, pattern=r"^[0-9a-f]{8}$",
                                    description="set by creditfaq: what the machine wrote, to tell a writer's edit")

    @property
    def said(self) -> str:
        """The source's words: a writer rewrites `text`, never the evidence."""
        return self.evidence[0].quote if self.evidence else self.quote or self.text

    @model_validator(mode="after")
    def _needs_provenance(self) -> "Claim":
        if not self.sources and not self.regulations and self.status not in ("editorial", "rejected"):
            raise ValueError(say("这条说法没有依据：请写上 `sources`（出自哪篇文章的哪个段落）或 `regulations`（法规编号）；"
                                 "你自己写、没有出处的说法，请把 `status` 设为 `editorial`",
                                 "a claim needs `sources` or `regulations` unless its status is `editorial`"))
        return self


class OverdueStage(Claim):
    title: str | None = None
    days: tuple[int | None, int | None] | None = Field(
        None, description="[from, to] in days after the due date (due date = 0); null when not stated"
    )
    channels: list[Channel] = []

    @model_validator(mode="after")
    def _days_ordered(self) -> "OverdueStage":
        if self.days and None not in self.days and self.days[0] > self.days[1]:
            start, end = self.days
            raise FieldError("days", say(
                f"起始天数（{start}）比结束天数（{end}）还大：天数写成 `[从第几天, 到第几天]`，这里大概应是 `[{end}, {start}]`",
                f"days: `from` ({start}) is after `to` ({end})"))
        return self


class CreditImpact(Claim):
    days: tuple[int | None, int | None] | None = Field(
        None, description="for 上报征信: from which day after the due date the record is reported")


class CollectionRight(Claim):
    pass


QuestionTopic = Literal["逾期时间线", "征信影响", "催收权益", "协商还款", "开通与使用", "其他"]


class Question(Record):
    """A question readers ask, from related-article titles and question-like headings."""

    id: str = Field(pattern=r"^q-[0-9a-f]{8}$")
    status: ClaimStatus
    text: str = Field(min_length=1)
    products: list[ProductId] = []
    topic: QuestionTopic = "其他"
    days: tuple[int | None, int | None] | None = None
    sources: list[ArticleId] = Field([], description="the articles whose related lists or headings hold it")
    variants: list[str] = Field([], description="near-identical wordings merged into this question")
    note: str | None = None
    fingerprint: str | None = Field(None, pattern=r"^[0-9a-f]{8}$",
                                    description="set by creditfaq: what the machine wrote, to tell a writer's edit")


class QuestionFile(Record):
    """data/questions.yml: reader questions that name no product, or several."""

    questions: list[Question] = []


class TopicFile(Record):
    product: ProductId
    reviewed: dt.date | None = Field(None, description="the day a writer last reviewed this product (YYYY-MM-DD)")
    timeline: list[OverdueStage] = []
    credit: list[CreditImpact] = []
    rights: list[CollectionRight] = []
    questions: list[Question] = []

    def claims(self) -> list[Claim]:
        return [*self.timeline, *self.credit, *self.rights]


SECTIONS = (("timeline", "逾期时间线"), ("credit", "征信影响"), ("rights", "催收权益"))
# The section of a product page that answers a question of each topic; other topics have none.
ANSWERED_IN = {"逾期时间线": "timeline", "征信影响": "credit", "催收权益": "rights", "协商还款": "rights"}
