"""The domain model: the few types every capability speaks, in one place.

Like TheHive's case/task/observable or MISP's event/attribute, the model is small and explicit:
a *Report* carries a *Message*; detection turns a message into a *Verdict* made of *Signals*
(Rspamd's symbols); near-duplicates form a *Campaign*; traffic analytics finds *Suspects*.
These are plain frozen dataclasses so that the detection path can run inline in an SMS firewall
with no database and no validation overhead; the API layer has its own pydantic schemas.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Channel(StrEnum):
    """How a report reached us."""

    SMS_5656 = "sms_5656"
    WEB = "web"
    API = "api"
    OPERATOR_BULK = "operator_bulk"
    SMPP = "smpp"


#: Channels whose reporter number an operator or the SMS gateway vouches for (the SMS came from
#: that number). Only their reporters count as distinct reporters for the blocklist: a number
#: typed into a web form or an API call can be anyone's.
VERIFIED_CHANNELS: frozenset[Channel] = frozenset({Channel.SMS_5656, Channel.OPERATOR_BULK, Channel.SMPP})


class SenderKind(StrEnum):
    """What the source of a message is, as the recipient saw it."""

    MOBILE = "mobile"  # a Vietnamese mobile subscriber number, E.164
    FIXED = "fixed"  # a fixed-line or foreign number, E.164
    SHORT_CODE = "short_code"  # 4–6 digits: content providers, 5656, 1900/1800 services
    BRANDNAME = "brandname"  # alphanumeric sender id registered by an organisation
    EMAIL = "email"  # iMessage/OTT senders often show an e-mail address
    OTT = "ott"  # Zalo/Telegram/Viber account or other OTT identifier
    UNKNOWN = "unknown"


class ReportKind(StrEnum):
    """What the reporter says happened (the keyword of the 5656 syntax)."""

    SPAM_SMS = "spam_sms"  # S
    SPAM_CALL = "spam_call"  # V
    SCAM = "scam"  # LD


class ReportStatus(StrEnum):
    RECEIVED = "received"
    CLASSIFIED = "classified"
    CONFIRMED = "confirmed"  # enough evidence: the source is being acted upon
    REJECTED = "rejected"  # not spam (e.g. a legal advertisement)
    CLOSED = "closed"


class Category(StrEnum):
    """The one taxonomy of spam for the whole project (see domain.md, 'What spam looks like')."""

    GAMBLING = "gambling"
    LOAN = "loan"
    FAKE_DOCS = "fake_docs"
    PHISHING = "phishing"
    SCAM = "scam"  # jobs/CTV, prizes, investment
    SIM_SALE = "sim_sale"
    ADULT = "adult"
    ADVERTISING = "advertising"  # commercial ads that ignore the legal form (no [QC] label, no opt-out)
    HAM = "ham"  # includes legal advertising: [QC] label, brandname sender, opt-out


SPAM_CATEGORIES: tuple[Category, ...] = tuple(c for c in Category if c is not Category.HAM)


class Action(StrEnum):
    ALLOW = "allow"
    FLAG = "flag"
    BLOCK = "block"


class IndicatorKind(StrEnum):
    """Observables found in a message (MISP attribute types, in our words)."""

    PHONE = "phone"
    URL = "url"
    DOMAIN = "domain"
    BANK_ACCOUNT = "bank_account"
    ZALO = "zalo"
    TELEGRAM = "telegram"
    FACEBOOK = "facebook"
    EMAIL = "email"
    AMOUNT = "amount"


@dataclass(frozen=True, slots=True)
class Sender:
    """A message source. ``value`` is canonical: E.164 for numbers, upper case for brandnames."""

    value: str
    kind: SenderKind
    raw: str = ""
    operator: str | None = None  # the operator that owns the prefix (before any porting)


@dataclass(frozen=True, slots=True)
class Message:
    text: str
    sender: Sender | None = None
    recipient: str | None = None  # E.164
    received_at: datetime | None = None
    channel: Channel = Channel.API


@dataclass(frozen=True, slots=True)
class Signal:
    """One named piece of evidence: Rspamd's symbol. Positive scores push towards spam."""

    name: str
    score: float
    detail: str = ""

    def __str__(self) -> str:
        detail = f" ({self.detail})" if self.detail else ""
        return f"{self.name}={self.score:+.2f}{detail}"


@dataclass(frozen=True, slots=True)
class Verdict:
    """What detection concluded about one message, and why."""

    score: float
    label: str  # "spam" | "ham"
    category: Category
    action: Action
    signals: tuple[Signal, ...] = ()

    @property
    def is_spam(self) -> bool:
        return self.label == "spam"

    def explain(self) -> str:
        """One line a human can read: the action, the category and the strongest signals."""
        top = sorted(self.signals, key=lambda s: -abs(s.score))[:5]
        reasons = ", ".join(str(s) for s in top) or "no signal fired"
        return f"{self.action.value} {self.category.value} score={self.score:.2f}: {reasons}"


@dataclass(frozen=True, slots=True)
class Indicator:
    """An observable with where it was found in the text (``span`` is ``(start, end)``)."""

    kind: IndicatorKind
    value: str  # normalised: E.164 phone, lower-case domain, digits-only account
    span: tuple[int, int]
    raw: str = ""


@dataclass(slots=True)
class Report:
    """Someone says: this message (or call) is spam."""

    tracking_code: str
    kind: ReportKind
    message: Message
    channel: Channel
    reporter: str | None = None  # E.164 — personal data, never in logs or feeds
    created_at: datetime | None = None
    status: ReportStatus = ReportStatus.RECEIVED
    verdict: Verdict | None = None
    duplicate_count: int = 0


class SuspectKind(StrEnum):
    """What traffic analytics can find in operators' records."""

    MASS_SENDER = "mass_sender"
    SIM_BOX = "sim_box"
    PRE_ACTIVATED = "pre_activated"


@dataclass(frozen=True, slots=True)
class Suspect:
    """A subscriber that traffic analytics flags, with the group (box, batch) it belongs to."""

    msisdn: str
    kind: SuspectKind
    group_id: str
    score: float
    signals: tuple[Signal, ...]
    first_seen: datetime | None = None
    last_seen: datetime | None = None


@dataclass(slots=True)
class Campaign:
    """Near-duplicate messages of one spam run (see :mod:`chanrac.campaigns`)."""

    id: str
    representative_text: str
    category: Category = Category.HAM
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    message_count: int = 0
    report_count: int = 0
    reporter_count: int = 0
    senders: set[str] = field(default_factory=set)
    indicators: set[tuple[IndicatorKind, str]] = field(default_factory=set)


# Crockford's base32 without I, L, O, U: no reading mistakes when a reporter types it back.
_TRACKING_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TRACKING_PREFIX = "CR"
_TRACKING_BODY = 10


def _check_char(body: str) -> str:
    total = sum((i + 1) * _TRACKING_ALPHABET.index(c) for i, c in enumerate(body))
    return _TRACKING_ALPHABET[total % len(_TRACKING_ALPHABET)]


def new_tracking_code() -> str:
    """A random, unguessable code (50 bits) with a check character, e.g. ``CR7K4M9Q2XZH3``."""
    bits = secrets.randbits(5 * _TRACKING_BODY)  # one call: intake makes tens of thousands a second
    body = "".join(_TRACKING_ALPHABET[(bits >> (5 * i)) & 31] for i in range(_TRACKING_BODY))
    return f"{TRACKING_PREFIX}{body}{_check_char(body)}"


def normalise_tracking_code(code: str) -> str | None:
    """The canonical form of a code typed by a person, or None when it is not a valid code."""
    cleaned = code.strip().upper().replace("-", "").replace(" ", "")
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    if not cleaned.startswith(TRACKING_PREFIX):
        return None
    body, check = cleaned[2:-1], cleaned[-1:]
    if len(body) != _TRACKING_BODY or any(c not in _TRACKING_ALPHABET for c in body):
        return None
    return cleaned if _check_char(body) == check else None
