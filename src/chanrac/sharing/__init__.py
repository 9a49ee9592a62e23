"""Sharing with operators and partners: the blocklist feed (JSON/CSV, incremental by cursor),
campaign export as STIX 2.1 bundles and MISP events, and signed webhooks with a delivery log."""

from chanrac.sharing.blocklist import FeedPage, PublishResult, publish_blocklist, read_blocklist
from chanrac.sharing.export import campaign_to_misp, campaign_to_stix
from chanrac.sharing.webhooks import deliver_due, enqueue_threshold_events, register_webhook, sign, verify

__all__ = [
    "FeedPage",
    "PublishResult",
    "campaign_to_misp",
    "campaign_to_stix",
    "deliver_due",
    "enqueue_threshold_events",
    "publish_blocklist",
    "read_blocklist",
    "register_webhook",
    "sign",
    "verify",
]
