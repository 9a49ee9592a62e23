"""Registries: the Do-Not-Call list (and, as they arrive, advertisers, brandnames, short codes, consents)."""
