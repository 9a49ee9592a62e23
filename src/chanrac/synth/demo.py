"""Demo reports: what a month of 5656/web/API/operator reports looks like, as intake API dicts.

The mix follows the public figures (domain.md): 22 % spam SMS, 52 % spam calls, 26 % scams. Reports
cluster into campaigns (one run reported by many people), arrive over the last 30 days with a
daily rhythm, come from reporters all over the country (weighted by province population), across
all operators' prefixes, brandnames and short codes; a few are repeats (the same person reporting
the same message twice) so that de-duplication has work to do; a few are legal advertising that
people report anyway, so that classification has something to reject.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from itertools import accumulate
from typing import Any

from chanrac.config import TIMEZONE
from chanrac.geo import PROVINCES
from chanrac.model import Category, Channel, ReportKind
from chanrac.synth.catalogue import CATEGORY_TEMPLATES, SCAM_CALL_TEMPLATES, SPAM_CALL_TEMPLATES, TEMPLATES_BY_ID
from chanrac.synth.generate import SyntheticMessage, _Campaign, _Generator, _sender_for, _zipf_cumulative
from chanrac.synth.mutate import fold
from chanrac.synth.template import Template

REPORT_KIND_MIX = {ReportKind.SPAM_SMS: 0.22, ReportKind.SPAM_CALL: 0.52, ReportKind.SCAM: 0.26}
CHANNEL_MIX = {Channel.SMS_5656: 0.6, Channel.WEB: 0.2, Channel.OPERATOR_BULK: 0.12, Channel.API: 0.08}
DUPLICATE_RATE = 0.04  # the same person reporting the same message again
LEGAL_AD_RATE = 0.06  # spam-SMS reports that are in fact legal advertising or operator notices
HISTORY_DAYS = 30
# Relative report volume per local hour (people report when they are awake and the phone rings).
HOURLY_WEIGHT = (0.3, 0.15, 0.1, 0.1, 0.15, 0.4, 1.0, 2.2, 3.6, 4.2, 4.4, 4.0, 3.0, 3.2, 3.8, 4.0,
                 3.8, 3.5, 3.2, 3.6, 3.9, 3.3, 2.0, 0.9)  # fmt: skip
_HOUR_CUMULATIVE = list(accumulate(HOURLY_WEIGHT))


class _Script:
    """A call campaign: the same caller script, described by each reporter in their own words."""

    __slots__ = ("id", "senders", "template", "values")

    def __init__(self, index: int, template: Template, generator: _Generator) -> None:
        rng, pools = generator.rng, generator.pools
        self.id = f"{template.id}#{index}"
        self.template = template
        self.values: dict[str, list[str]] = {}
        entities: dict[str, int] = {}
        for slot in sorted(template.slot_names):
            key, group, _ = pools.lookup(slot)
            entity = entities.setdefault(key, rng.randrange(group.size))
            if slot == "phone":  # the number the caller asks to be contacted on: a few per run
                self.values[slot] = [
                    pools.value(slot, rng.randrange(group.size), rng) for _ in range(rng.randint(1, 3))
                ]
            elif slot not in ("order", "time", "name"):
                self.values[slot] = [pools.value(slot, entity, rng)]
        kind = (
            template.senders[0]
            if len(template.senders) == 1 or rng.random() < 0.6
            else rng.choice(template.senders[1:])
        )
        self.senders = [_sender_for(kind, pools, entities, rng) for _ in range(rng.choice((1, 2, 3, 5, 8, 13, 30)))]

    def render(self, generator: _Generator, rng: random.Random) -> SyntheticMessage:
        template, pools = self.template, generator.pools
        ascii = rng.random() < template.ascii_rate
        compiled = rng.choice(template.ascii_realisations if ascii else template.realisations)
        values = []
        for slot in compiled.slots:
            own = self.values.get(slot)
            if own:
                value = rng.choice(own)
            else:
                _, group, _ = pools.lookup(slot)
                value = pools.value(slot, rng.randrange(group.size), rng)
            values.append(fold(value) if ascii else value)
        text = compiled.fmt.format(*values)
        return SyntheticMessage(text, template.category, rng.choice(self.senders), self.id, template.id)


def _pick(cumulative: list[float], rng: random.Random) -> int:
    return bisect.bisect(cumulative, rng.random() * cumulative[-1])


class _Reporter:
    __slots__ = ("channel", "number", "province")

    def __init__(self, number: str, province: str, channel: Channel) -> None:
        self.number, self.province, self.channel = number, province, channel


def _when(rng: random.Random, start: datetime, days: float, now: datetime) -> datetime:
    """A moment in the window ``[start, start + days]`` (and not after now), on the daily rhythm."""
    for _ in range(16):
        day = start + timedelta(days=int(rng.random() * max(days, 1.0)))
        hour, minute, second = _pick(_HOUR_CUMULATIVE, rng), rng.randrange(60), rng.randrange(60)
        moment = day.replace(hour=hour, minute=minute, second=second, microsecond=0)
        if moment <= now and moment >= now - timedelta(days=HISTORY_DAYS):
            return moment
    return now - timedelta(minutes=rng.randrange(1, 180))


def demo_reports(n: int, *, seed: int = 0, now: datetime | None = None) -> Iterator[dict[str, Any]]:
    """``n`` report dicts for the intake API (``ReportIn``): deterministic for a seed and ``now``."""
    if n < 0:
        raise ValueError(f"n must not be negative, got {n}")
    now = (now or datetime.now(TIMEZONE)).astimezone(TIMEZONE).replace(microsecond=0)
    generator = _Generator(seed + 7919, 0.1)  # a stream of its own, not generate_messages' one
    rng = generator.rng
    pools = generator.pools

    # Reporters: home province by population; a few are very active; each has a usual channel.
    provinces = [p.code for p in PROVINCES]
    province_cumulative = list(accumulate(p.population_m for p in PROVINCES))
    channels = list(CHANNEL_MIX)
    channel_cumulative = list(accumulate(CHANNEL_MIX.values()))
    phone_numbers = pools.values("phone_plain", False)
    reporters = [
        _Reporter(
            "+84" + rng.choice(phone_numbers)[0][1:],
            provinces[_pick(province_cumulative, rng)],
            channels[_pick(channel_cumulative, rng)],
        )
        for _ in range(max(1, int(n * 0.6)))
    ]
    reporter_cumulative = _zipf_cumulative(len(reporters), rng, exponent=0.6)

    # Campaigns per report kind, each active over a window of days.
    sms_count = max(len(CATEGORY_TEMPLATES) - 1, n // 40)
    sms = generator.make_campaigns(sms_count)
    # prize scams charged through premium short codes are rare but must be in any demo
    sms.append(generator.make_campaign(len(sms), TEMPLATES_BY_ID["scam.04"], set(), True))
    calls = [_Script(i, rng.choice(SPAM_CALL_TEMPLATES), generator) for i in range(max(6, n // 35))]
    scam_sms = [c for c in sms if c.template.category in (Category.PHISHING, Category.SCAM)]
    scam_calls = [_Script(i, rng.choice(SCAM_CALL_TEMPLATES), generator) for i in range(max(6, n // 60))]
    pools_by_kind: dict[str, list[_Campaign] | list[_Script]] = {
        "sms": sms,
        "call": calls,
        "scam_sms": scam_sms or sms,
        "scam_call": scam_calls,
    }
    cumulative = {kind: _zipf_cumulative(len(c), rng) for kind, c in pools_by_kind.items()}
    windows: dict[str, tuple[datetime, float]] = {}
    for campaign in (c for group in pools_by_kind.values() for c in group):
        active_days = float(rng.choice((1, 2, 3, 5, 7, 10, 14, 30)))
        first_day = now - timedelta(days=rng.uniform(0, HISTORY_DAYS - 0.01))
        windows[campaign.id] = (first_day.replace(hour=0, minute=0, second=0), active_days)
    legal = [t for t in CATEGORY_TEMPLATES[Category.HAM] if t.id.startswith(("ham.ad.", "ham.operator."))]

    kinds = list(REPORT_KIND_MIX)
    kind_cumulative = list(accumulate(REPORT_KIND_MIX.values()))
    history: list[dict[str, Any]] = []
    for _ in range(n):
        if history and rng.random() < DUPLICATE_RATE:
            repeat = dict(rng.choice(history[-500:]))
            history.append(repeat)
            yield repeat
            continue
        kind = kinds[_pick(kind_cumulative, rng)]
        reporter = reporters[_pick(reporter_cumulative, rng)]
        message: SyntheticMessage
        if kind is ReportKind.SPAM_SMS and rng.random() < LEGAL_AD_RATE:
            message = _legal_message(generator, rng.choice(legal), rng)
            start, days = now - timedelta(days=HISTORY_DAYS), float(HISTORY_DAYS)
        else:
            family = {ReportKind.SPAM_SMS: "sms", ReportKind.SPAM_CALL: "call"}.get(kind)
            if family is None:
                family = "scam_sms" if rng.random() < 0.45 else "scam_call"
            campaign = pools_by_kind[family][_pick(cumulative[family], rng)]
            if isinstance(campaign, _Script):
                message = campaign.render(generator, rng)
            else:
                message = generator.render_campaign(campaign, rng)
            start, days = windows[campaign.id]
        channel = reporter.channel
        text = message.text
        if channel is Channel.SMS_5656 and family_is_description(message) and rng.random() < 0.5:
            text = fold(text)  # typed on a phone keyboard, without accents
        record = {
            "kind": kind.value,
            "sender": message.sender,
            "text": text,
            "reporter": None if channel is Channel.WEB and rng.random() < 0.3 else reporter.number,
            "recipient": reporter.number if channel is not Channel.API or rng.random() < 0.5 else None,
            "received_at": _when(rng, start, days, now).isoformat(),
            "channel": channel.value,
            "province": reporter.province,
        }
        history.append(record)
        yield record


def family_is_description(message: SyntheticMessage) -> bool:
    """Call and scam-call reports are the reporter's own words, not a forwarded message."""
    return message.template_id.startswith(("call.", "scamcall."))


def _legal_message(generator: _Generator, template: Template, rng: random.Random) -> SyntheticMessage:
    ascii = rng.random() < template.ascii_rate
    wordings = template.ascii_realisations if ascii else template.realisations
    text, entities = generator.pools.render_free(rng.choice(wordings), rng, ascii)
    sender = _sender_for(template.senders[0], generator.pools, entities, rng)
    return SyntheticMessage(text, Category.HAM, sender, None, template.id)
