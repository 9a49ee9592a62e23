"""Realistic synthetic Vietnamese SMS: demo data, test data and benchmarks, never real texts.

Owns the templates of every category (:data:`CATEGORY_TEMPLATES`), the fakers that fill their
slots, the campaign model (one run = one template and core wording, varied per send), the labelled
message stream (:func:`generate_messages`), the clustering benchmark (:func:`campaign_benchmark`)
and the demo reports for the intake API (:func:`demo_reports`). Everything is deterministic by seed.
"""

from chanrac.synth.catalogue import CATEGORY_TEMPLATES, TEMPLATES_BY_ID
from chanrac.synth.demo import demo_reports
from chanrac.synth.generate import SyntheticMessage, campaign_benchmark, generate_messages
from chanrac.synth.template import Template

__all__ = [
    "CATEGORY_TEMPLATES",
    "TEMPLATES_BY_ID",
    "SyntheticMessage",
    "Template",
    "campaign_benchmark",
    "demo_reports",
    "generate_messages",
]
