"""chanrac — chặn rác: Vietnam's national anti-spam SMS platform.

Reports come in (intake), are normalised (phone, text), judged (detect), grouped (campaigns),
checked against the law (registry, compliance), correlated with operators' traffic (traffic) and
acted upon by the organisations that share the work (cases, sharing, reports). The domain types
they all speak are in :mod:`chanrac.model`.
"""

__version__ = "0.1.0"
