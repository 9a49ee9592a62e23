"""A campaign for other CERTs: a STIX 2.1 bundle (built and validated by ``stix2``) and a MISP event.

Both carry the campaign (name, times, category, counts, representative text) and its indicators
— numbers, URLs, domains, bank accounts, OTT handles, e-mail addresses — never a reporter.
STIX has no phone-number or bank-account observable, so those use the custom observable types
``x-phone-number`` and ``x-bank-account`` in patterns (allowed by STIX 2.1 §9). Object ids are
deterministic (UUIDv5 of the campaign and value) so a re-export updates rather than duplicates.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import stix2

from chanrac.campaigns.service import local_time
from chanrac.store.tables_campaigns import CampaignRow

__all__ = ["campaign_indicators", "campaign_to_misp", "campaign_to_stix"]

_NAMESPACE = uuid.UUID("5b6f1c52-8a43-4c1e-9b7e-6d0e2f1a9c11")
PRODUCER = "chanrac — Vietnam national anti-spam platform"

# indicator kind → (STIX pattern object path, MISP type, MISP category)
_MAPPING: dict[str, tuple[str, str, str]] = {
    "url": ("url:value", "url", "Network activity"),
    "domain": ("domain-name:value", "domain", "Network activity"),
    "email": ("email-addr:value", "email-src", "Payload delivery"),
    "phone": ("x-phone-number:value", "phone-number", "Financial fraud"),
    "bank_account": ("x-bank-account:value", "bank-account-nr", "Financial fraud"),
    "zalo": ("x-phone-number:value", "phone-number", "Financial fraud"),
    "telegram": ("user-account:account_login", "text", "Social network"),
    "facebook": ("user-account:account_login", "text", "Social network"),
}
_SENDER_KINDS = {"mobile": "phone", "fixed": "phone", "short_code": "phone"}


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(parts)))


def campaign_summary(campaign: CampaignRow) -> dict[str, Any]:
    """What a campaign is, in JSON: the part the API's campaign views and webhook events share."""
    return {
        "id": campaign.id,
        "category": campaign.category,
        "representative_text": campaign.representative_text,
        "first_seen": local_time(campaign.first_seen).isoformat(),
        "last_seen": local_time(campaign.last_seen).isoformat(),
        "message_count": campaign.message_count,
        "report_count": campaign.report_count,
        "reporter_count": campaign.reporter_count,
        "sender_count": campaign.sender_count,
    }


def campaign_indicators(campaign: CampaignRow) -> Iterator[tuple[str, str, int]]:
    """(kind, value, count) of the campaign's indicators and numeric senders, most frequent first."""
    seen: set[tuple[str, str]] = set()
    for kind, values in sorted((campaign.indicators or {}).items()):
        if kind not in _MAPPING:
            continue
        for value, count in sorted(values.items(), key=lambda item: (-item[1], item[0])):
            seen.add((kind, value))
            yield kind, value, int(count)
    for sender, sender_kind, count in campaign.senders or []:
        sender_as = _SENDER_KINDS.get(sender_kind or "")
        if sender_as and (sender_as, sender) not in seen:
            yield sender_as, sender, int(count)


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("'", "\\'")


def _utc(value: datetime) -> datetime:
    return local_time(value)


def campaign_to_stix(campaign: CampaignRow) -> stix2.Bundle:
    identity = stix2.Identity(id=f"identity--{_uuid('producer')}", name=PRODUCER, identity_class="organization")
    first, last = _utc(campaign.first_seen), _utc(campaign.last_seen)
    stix_campaign = stix2.Campaign(
        id=f"campaign--{_uuid('campaign', campaign.id)}",
        created_by_ref=identity.id,
        name=f"SMS spam campaign {campaign.id} ({campaign.category})",
        description=(
            f"{campaign.message_count} messages, {campaign.report_count} reports, {campaign.reporter_count} "
            f"distinct reporters, {campaign.sender_count} senders. Representative text: "
            f"{campaign.representative_text}"
        ),
        first_seen=first,
        last_seen=last,
        labels=[campaign.category],
        external_references=[{"source_name": "chanrac", "external_id": campaign.id}],
    )
    objects: list[Any] = [identity, stix_campaign]
    for kind, value, count in campaign_indicators(campaign):
        path = _MAPPING[kind][0]
        indicator = stix2.Indicator(
            id=f"indicator--{_uuid('indicator', kind, value)}",
            created_by_ref=identity.id,
            name=f"{kind} {value}",
            description=f"seen in {count} reported messages of campaign {campaign.id}",
            pattern=f"[{path} = '{_escape(value)}']",
            pattern_type="stix",
            valid_from=first,
            indicator_types=["malicious-activity"],
        )
        relationship = stix2.Relationship(
            id=f"relationship--{_uuid('indicates', kind, value, campaign.id)}",
            created_by_ref=identity.id,
            relationship_type="indicates",
            source_ref=indicator.id,
            target_ref=stix_campaign.id,
        )
        objects += [indicator, relationship]
    return stix2.Bundle(objects=objects, id=f"bundle--{_uuid('bundle', campaign.id, str(campaign.updated_at))}")


def campaign_to_misp(campaign: CampaignRow) -> dict[str, Any]:
    """A MISP event in the JSON that MISP's "Add event from JSON" and ``/events/add`` accept."""
    attributes: list[dict[str, Any]] = [
        {
            "uuid": _uuid("misp-attribute", campaign.id, "representative"),
            "type": "text",
            "category": "Other",
            "value": campaign.representative_text,
            "to_ids": False,
            "comment": "representative message of the campaign",
        }
    ]
    for kind, value, count in campaign_indicators(campaign):
        _, misp_type, category = _MAPPING[kind]
        attributes.append(
            {
                "uuid": _uuid("misp-attribute", campaign.id, kind, value),
                "type": misp_type,
                "category": category,
                "value": value,
                "to_ids": kind in ("url", "domain", "phone", "bank_account"),
                "comment": f"{kind}, seen in {count} reported messages",
            }
        )
    first = _utc(campaign.first_seen)
    return {
        "Event": {
            "uuid": _uuid("misp-event", campaign.id),
            "info": f"SMS spam campaign {campaign.id} ({campaign.category}), {campaign.report_count} reports",
            "date": first.date().isoformat(),
            "timestamp": str(int(_utc(campaign.updated_at).timestamp())),
            "threat_level_id": "2" if campaign.category != "ham" else "4",
            "analysis": "1",
            "distribution": "1",
            "published": False,
            "Orgc": {"name": PRODUCER},
            "Tag": [
                {"name": "tlp:amber"},
                {"name": f'chanrac:category="{campaign.category}"'},
                {"name": 'circl:incident-classification="spam"'},
            ],
            "Attribute": attributes,
        }
    }
