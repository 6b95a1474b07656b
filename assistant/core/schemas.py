"""Data shapes shared by the core, the CLI and the UI.

Kept free of heavy imports so the `check` linter path stays fast.
"""

from __future__ import annotations

from typing import Literal, TypedDict

from pydantic import BaseModel, Field, field_validator

Section = Literal["own", "acknowledge", "commit"]
SECTIONS: tuple[Section, ...] = ("own", "acknowledge", "commit")
Severity = Literal["high", "medium", "low"]

# Fixed ids: other tools depend on them (see DESIGN.md).
CATEGORIES: tuple[str, ...] = (
    "non_apology",
    "agentless",
    "justification",
    "blame_shift",
    "minimizing",
    "self_shaming",
    "over_apology",
    "forgiveness_pressure",
    "rescuing",
    "vague_commitment",
    "missing_own",
    "missing_acknowledge",
    "missing_commit",
    # Checks that read the draft against the incident and the person addressed.
    "repeats_harm",
    "punitive_commit",
    "role_reversal",
    "judging_them",
    "third_person_address",
    "unsupported_claim",
)


class Finding(BaseModel):
    """One guardrail finding: what is wrong, where, and the principle behind it."""

    category: str
    severity: Severity
    start: int = Field(ge=0, description="Start offset (characters) in the checked text.")
    end: int = Field(ge=0, description="End offset (exclusive) in the checked text.")
    text: str = Field(description="The matched text, text[start:end].")
    message: str = Field(description="Why this is a problem, in plain words.")
    principle: str = Field(description="Id of the knowledge passage behind the check.")
    section: Section | None = Field(default=None, description="Section the span belongs to.")

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str) -> str:
        if value not in CATEGORIES:
            raise ValueError(f"unknown guardrail category {value!r}")
        return value


class RepairDraft(BaseModel):
    """The three parts of a repair. Each must say something of its own."""

    own: str = Field(min_length=1, description="What I did, owned in the first person.")
    acknowledge: str = Field(min_length=1, description="The impact on them.")
    commit: str = Field(min_length=1, description="What will be different, concretely.")

    @field_validator("own", "acknowledge", "commit")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        value = value.strip()
        if not value:
            raise ValueError("section is empty")
        return value

    def section(self, name: Section) -> str:
        return str(getattr(self, name))


class Source(BaseModel):
    """A knowledge passage the draft was grounded on."""

    id: str
    title: str
    score: float


class DraftResult(BaseModel):
    """Everything `draft --json` reports, in the contract's shape."""

    own: str
    acknowledge: str
    commit: str
    message: str
    findings: list[Finding] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    model: str
    timings: dict[str, float] = Field(default_factory=dict)
    path: str = Field(
        default="parsed",
        description=(
            "How the sections were obtained: 'parsed' text, the 'grammar' fallback, 'rules' "
            "(the act's own words with the acknowledgement and commitment that answer it), or "
            "'check_in' (the act's own words, then a check-in: no rule knows the act)."
        ),
    )
    attempts: int = 1

    @property
    def draft(self) -> RepairDraft:
        return RepairDraft(own=self.own, acknowledge=self.acknowledge, commit=self.commit)


class Passage(BaseModel):
    """A retrieved knowledge passage, as `retrieve --json` reports it."""

    id: str
    title: str
    stage: str
    situations: list[str]
    score: float
    source: str
    text: str
    example_lines: list[str] = Field(default_factory=list, exclude=True)


Delivery = Literal["in_person", "writing"]
# A repair lands best as a conversation; the page, the CLI and the journal all start here.
DEFAULT_DELIVERY: Delivery = "in_person"
Setting = Literal["", "team_meeting", "one_on_one", "chat_email", "public_channel"]


class DraftRequest(BaseModel):
    """What the leader gives us: the incident, optional context and reflection answers."""

    incident: str
    person: str = ""
    setting: Setting = ""
    delivery: Delivery = DEFAULT_DELIVERY
    notes: dict[str, str] = Field(default_factory=dict, description="Reflection answers by key.")
    seed: int = 0


class Version(TypedDict):
    """One version of a draft in a session's history: the page, the journal and the CLI keep these.

    A plain dict at run time, so Gradio can copy it per browser session.
    """

    n: int
    source: str
    time: str
    own: str
    acknowledge: str
    commit: str
