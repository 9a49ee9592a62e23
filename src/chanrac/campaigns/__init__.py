"""Campaigns: near-duplicate clustering of reported messages (MinHash + LSH over masked shingles of
the canonical text), incremental assignment of new reports, campaign statistics, and the
reputation of senders and indicators derived from reports, reporters, campaigns and verdicts.

Hooks for the rest of the system:

- :func:`assign_reports` — the intake calls it after its storing transaction with the new ids
  (``campaign_assignment = "inline"``), or :func:`assign_pending` does it for reports without a
  campaign in the ``chanrac campaigns follow`` worker (``"worker"``);
- :func:`reputation_lookups` — the values :class:`chanrac.detect.Lookups` takes;
- :func:`rebuild_campaigns`, :func:`rebuild_reputation` — the periodic jobs (``chanrac campaigns
  rebuild``, nightly or hourly: it also republishes the blocklist and queues webhook events;
  reputation and the blocklist are only recomputed there, in full).

Signatures depend on the tokenisation (:mod:`chanrac.campaigns.tokens`): after it changes, run
the rebuild once so the stored exemplars match what intake computes.
"""

from chanrac.campaigns.cluster import CampaignIndex, cluster_texts, sign_texts
from chanrac.campaigns.evaluate import PairwiseScore, pairwise_f1
from chanrac.campaigns.reputation import (
    Evidence,
    ReputationLookups,
    rebuild_reputation,
    reputation_lookups,
    score_evidence,
)
from chanrac.campaigns.service import (
    AssignResult,
    assign_pending,
    assign_reports,
    rebuild_campaigns,
    refresh_campaigns,
)
from chanrac.campaigns.signature import DEFAULT_SCHEME, LshScheme

__all__ = [
    "DEFAULT_SCHEME",
    "AssignResult",
    "CampaignIndex",
    "Evidence",
    "LshScheme",
    "PairwiseScore",
    "ReputationLookups",
    "assign_pending",
    "assign_reports",
    "cluster_texts",
    "pairwise_f1",
    "rebuild_campaigns",
    "rebuild_reputation",
    "refresh_campaigns",
    "reputation_lookups",
    "score_evidence",
    "sign_texts",
]
