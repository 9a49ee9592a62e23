"""Generation: campaigns of spam and varied ham, as a labelled stream or a clustering benchmark.

A *campaign* is one spam run: one template, one fixed core wording, fixed campaign constants (the
casino, the impersonated bank, the amount), a few rotating values (the run's SIMs and domains) and
per-message values (the recipient's name, an order code). Its messages differ the way real sends of
one run differ: numbers, links, names, a word or two, clause order, an appended tag, and sometimes
obfuscation. Ham is drawn fresh for every message, so it never forms campaigns of its own — except
where reality does: OTPs and balance notices are near-identical by nature and share words with
bank phishing, which keeps the benchmark honest.
"""

from __future__ import annotations

import bisect
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from chanrac.model import SPAM_CATEGORIES, Category
from chanrac.synth.catalogue import CATEGORY_TEMPLATES
from chanrac.synth.fakers import Group, build_pools
from chanrac.synth.mutate import Obfuscator, fold, reword
from chanrac.synth.template import Compiled, Template


class SyntheticMessage(NamedTuple):
    """One generated SMS with its truth: category, the campaign it belongs to, the template behind it."""

    text: str
    category: Category
    sender: str  # a mobile number as displayed ("0912345678" or "+84912345678"), a brandname or a short code
    campaign_id: str | None  # None for ham
    template_id: str


def _new_message(fields: tuple[str, Category, str, str | None, str]) -> SyntheticMessage:
    # tuple.__new__ skips NamedTuple's Python-level __new__: a measurable share of a message's cost.
    return tuple.__new__(SyntheticMessage, fields)


# Slots drawn anew for every message of a campaign; ROTATING slots take one of a few values fixed
# for the campaign (its SIMs, its domains); all others are constants of the campaign.
_FREE = frozenset({"name", "first", "code", "order", "date", "time", "plate", "tag", "sim_list", "phone_plain"})
_ROTATING = frozenset({
    "phone", "url", "short_url", "game_url", "bank_url", "operator_url", "carrier_url", "tax_url", "evn_url",
    "police_url", "csgt_url", "bhxh_url", "bank_domain", "operator_domain", "carrier_domain", "telegram",
    "agent", "account",
})  # fmt: skip
# Shares of spam by category: an assumption (no public breakdown by category exists), tune freely.
# Within a category, campaign sizes follow a heavy tail.
SPAM_MIX: dict[Category, float] = {
    Category.PHISHING: 0.20,
    Category.GAMBLING: 0.18,
    Category.LOAN: 0.14,
    Category.SCAM: 0.14,
    Category.ADVERTISING: 0.12,
    Category.ADULT: 0.08,
    Category.FAKE_DOCS: 0.07,
    Category.SIM_SALE: 0.07,
}
# Shares of ham by kind of message (template id prefix).
HAM_MIX: dict[str, float] = {
    "ham.chat": 0.45,
    "ham.otp": 0.10,
    "ham.bank": 0.08,
    "ham.operator": 0.12,
    "ham.delivery": 0.05,
    "ham.ad": 0.07,
    "ham.notice": 0.05,
    "ham.wallet": 0.04,
    "ham.school": 0.04,
}
_SUFFIX = re.compile(r"^(.*?)(_\d+)?$")


def _slot_base(slot: str) -> tuple[str, str]:
    match = _SUFFIX.match(slot)
    assert match is not None
    return match.group(1), match.group(2) or ""


class _Pools:
    """Slot look-ups for one seed: slot → (entity key, group, field), plain and folded."""

    def __init__(self, seed: int) -> None:
        self.groups = build_pools(seed)
        self._lookup: dict[str, tuple[str, Group, str]] = {}
        self._fields = {f: g for g in self.groups.values() for f in g.values}
        self._folded: dict[str, list[list[str]]] = {}

    def lookup(self, slot: str) -> tuple[str, Group, str]:
        found = self._lookup.get(slot)
        if found is None:
            base, suffix = _slot_base(slot)
            if base not in self._fields:
                raise KeyError(f"no faker for slot {slot!r}")
            group = self._fields[base]
            found = self._lookup[slot] = (group.name + suffix, group, base)
        return found

    def values(self, name: str, ascii: bool) -> list[list[str]]:
        """``values[entity] -> variants`` of a field, without diacritics when ``ascii``."""
        plain = self._fields[name].values[name]
        if not ascii:
            return plain
        folded = self._folded.get(name)
        if folded is None:
            folded = self._folded[name] = [[fold(v) for v in variants] for variants in plain]
        return folded

    def render_free(self, compiled: Compiled, rng: random.Random, ascii: bool) -> tuple[str, dict[str, int]]:
        """Fill every slot afresh; slots of one group describe the same entity."""
        entities: dict[str, int] = {}
        values = []
        bits = rng.getrandbits
        for slot in compiled.slots:
            key, group, name = self.lookup(slot)
            entity = entities.get(key)
            if entity is None:
                entity = entities[key] = bits(30) % group.size
            variants = self.values(name, ascii)[entity]
            values.append(variants[bits(20) % len(variants)] if len(variants) > 1 else variants[0])
        return compiled.fmt.format(*values), entities

    def value(self, slot: str, entity: int, rng: random.Random, ascii: bool = False) -> str:
        _, group, name = self.lookup(slot)
        variants = self.values(name, ascii)[entity % group.size]
        return variants[rng.randrange(len(variants))]


def _display_number(national: str, rng: random.Random) -> str:
    return "+84" + national[1:] if rng.random() < 0.2 else national


_BRANDNAME_GROUPS = frozenset(
    {"bank", "operator", "carrier", "service", "shop", "utility", "tax", "evn", "police", "csgt", "bhxh"}
)


def _sender_for(kind: str, pools: _Pools, entities: dict[str, int], rng: random.Random) -> str:
    """The sender of a message of ``kind`` (see :class:`Template`), consistent with its text."""
    if kind in _BRANDNAME_GROUPS:
        entity = entities.get(kind)
        if entity is None:
            entity = rng.randrange(pools.groups[kind].size)
        return pools.value(f"{kind}_brandname", entity, rng)
    if kind == "shortcode":
        entity = entities.get("shortcode", rng.randrange(pools.groups["shortcode"].size))
        return pools.value("shortcode", entity, rng)
    if kind in ("landline", "police_number", "foreign_number", "hotline"):
        return pools.value(kind, rng.randrange(pools.groups[kind].size), rng)
    return _display_number(pools.value("phone_plain", rng.randrange(pools.groups["phone"].size), rng), rng)


@dataclass(slots=True)
class _Campaign:
    """One spam run, precomputed: sends pick a wording variant and fill the slot value lists."""

    id: str
    template: Template
    wordings: list[str]  # the core wording and its variants (reworded, some obfuscated)
    specs: list[list[str]]  # per field: one constant, the run's rotating values, or a whole pool
    senders: list[str]
    tags: list[str]  # pool of random tags appended to some sends


class _Generator:
    """Shared machinery of :func:`generate_messages` and :func:`campaign_benchmark`."""

    def __init__(self, seed: int, obfuscation_rate: float) -> None:
        self.seed = seed
        self.rng = random.Random(f"chanrac.synth:{seed}")
        self.pools = _Pools(seed)
        self.obfuscate = Obfuscator(seed)
        self.obfuscation_rate = obfuscation_rate
        ham = CATEGORY_TEMPLATES[Category.HAM]
        self.ham_templates: list[Template] = []
        ham_weights: list[float] = []
        for prefix, share in HAM_MIX.items():
            members = [t for t in ham if t.id.startswith(prefix + ".")]
            self.ham_templates += members
            ham_weights += [share / len(members)] * len(members)
        self.ham_cumulative = list(accumulate(ham_weights))
        self.tags = [v[0] for v in self.pools.values("tag", False)]
        self.ham_plans = [(self._plans(t, False), self._plans(t, True)) for t in self.ham_templates]
        self.brandnames = {
            kind: [v[0] for v in self.pools.values(f"{kind}_brandname", False)] for kind in _BRANDNAME_GROUPS
        }
        self.mobile_senders = [_display_number(v[0], self.rng) for v in self.pools.values("phone_plain", False)]

    # --- campaigns ------------------------------------------------------------------------------

    def template_plan(self, n_campaigns: int) -> list[Template]:
        """Which template each campaign uses: categories in SPAM_MIX proportions, every category
        at least once when there are enough campaigns, templates reused only after all were used."""
        rng = self.rng
        categories = list(SPAM_CATEGORIES)
        counts = {c: 0 for c in categories}
        if n_campaigns >= len(categories):
            counts = {c: 1 for c in categories}
        for _ in range(n_campaigns - sum(counts.values())):
            category = rng.choices(categories, weights=[SPAM_MIX[c] for c in categories])[0]
            counts[category] += 1
        plan: list[Template] = []
        for category in categories:
            templates = list(CATEGORY_TEMPLATES[category])
            order: list[Template] = []
            while len(order) < counts[category]:
                rng.shuffle(templates)
                order += templates
            plan += order[: counts[category]]
        rng.shuffle(plan)
        return plan

    def _variants(self, core: str, ascii: bool, mutate: bool, obfuscate_all: bool) -> list[str]:
        rng = self.rng
        if not mutate:
            return [core]
        wordings = [core]
        for _ in range(rng.choice((0, 1, 2, 3, 4, 6, 8, 12))):
            variant = reword(core, rng, 1.2)
            wordings.append(fold(variant) if ascii else variant)
        if not ascii and rng.random() < 0.3:  # some sends of an accented run go out unaccented
            wordings.append(fold(rng.choice(wordings)))
        if self.obfuscation_rate > 0:
            for i, wording in enumerate(wordings):
                if obfuscate_all or rng.random() < self.obfuscation_rate:
                    wordings[i] = self.obfuscate(wording, rng)
        return wordings

    def make_campaign(self, index: int, template: Template, used: set[tuple[str, str]], mutate: bool) -> _Campaign:
        rng, pools = self.rng, self.pools
        ascii = rng.random() < template.ascii_rate
        wordings = template.ascii_realisations if ascii else template.realisations
        compiled = rng.choice(wordings)
        for _ in range(8):  # campaigns of one template should not share a wording when avoidable
            if (template.id, compiled.fmt) not in used:
                break
            compiled = rng.choice(wordings)
        used.add((template.id, compiled.fmt))
        entities: dict[str, int] = {}
        specs: list[list[str]] = []
        for slot in compiled.slots:
            key, group, name = pools.lookup(slot)
            base, _ = _slot_base(slot)
            values = pools.values(name, ascii)
            if base in _FREE:
                specs.append([variants[0] for variants in values])
                continue
            entity = entities.setdefault(key, rng.randrange(group.size))
            if base in _ROTATING:
                k = rng.choice((1, 1, 2, 3, 4, 6))
                if len(values[entity]) > 1:  # a bank's many look-alike URLs
                    specs.append(rng.sample(values[entity], min(k, len(values[entity]))))
                else:  # the run's SIMs: several entities of the phone group
                    specs.append([values[rng.randrange(group.size)][0] for _ in range(k)])
            else:
                specs.append([rng.choice(values[entity])])
        kind = template.senders[0]
        if len(template.senders) > 1 and rng.random() < 0.3:
            kind = rng.choice(template.senders[1:])
        if kind == "shortcode" and "shortcode" in compiled.slots:
            senders = specs[compiled.slots.index("shortcode")]
        elif kind not in _BRANDNAME_GROUPS:  # a run rotates numbers: from one to a SIM box's worth
            n_sims = rng.choice((1, 1, 2, 3, 5, 8, 13, 21, 40))
            senders = [_sender_for(kind, pools, entities, rng) for _ in range(n_sims)]
        else:
            senders = [_sender_for(kind, pools, entities, rng)]
        obfuscate_all = rng.random() < self.obfuscation_rate / 4
        variants = self._variants(compiled.fmt, ascii, mutate, obfuscate_all)
        # Bake the campaign's constants into its wordings: a send then fills only what varies.
        fields: list[str] = []
        varying: list[list[str]] = []
        for spec in specs:
            if len(spec) == 1:
                fields.append(spec[0].replace("{", "{{").replace("}", "}}"))
            else:
                fields.append("{" + str(len(varying)) + "}")
                varying.append(spec)
        baked = [variant.format(*fields) for variant in variants]
        tags = rng.sample(self.tags, 8) if mutate else []
        return _Campaign(f"{template.id}#{index}", template, baked, varying, senders, tags)

    def make_campaigns(self, n_campaigns: int, mutate: bool = True) -> list[_Campaign]:
        used: set[tuple[str, str]] = set()
        return [self.make_campaign(i, t, used, mutate) for i, t in enumerate(self.template_plan(n_campaigns))]

    def render_campaign(self, campaign: _Campaign, rng: random.Random) -> SyntheticMessage:
        bits = rng.getrandbits
        wordings = campaign.wordings
        fmt = wordings[bits(20) % len(wordings)]
        text = fmt.format(*[values[bits(20) % len(values)] for values in campaign.specs])
        tags = campaign.tags
        if tags and bits(2) == 0:  # a quarter of sends carry a random tag
            text = f"{text} {tags[bits(3)]}"
        senders = campaign.senders
        template = campaign.template
        return _new_message((text, template.category, senders[bits(20) % len(senders)], campaign.id, template.id))

    # --- ham ------------------------------------------------------------------------------------

    def _plans(self, template: Template, ascii: bool) -> list[tuple[str, list[tuple[str, list[list[str]], int]]]]:
        """Each wording of a template with, per field, its entity key, values per entity, entity count."""
        plans = []
        for compiled in template.ascii_realisations if ascii else template.realisations:
            fields = []
            for slot in compiled.slots:
                key, group, name = self.pools.lookup(slot)
                fields.append((key, self.pools.values(name, ascii), group.size))
            plans.append((compiled.fmt, fields))
        return plans

    def render_ham(self, rng: random.Random) -> SyntheticMessage:
        bits = rng.getrandbits
        index = bisect.bisect(self.ham_cumulative, rng.random() * self.ham_cumulative[-1])
        template = self.ham_templates[index]
        accented, unaccented = self.ham_plans[index]
        plans = unaccented if rng.random() < template.ascii_rate else accented
        fmt, fields = plans[bits(20) % len(plans)]
        entities: dict[str, int] = {}
        values = []
        for key, pool, size in fields:
            entity = entities.get(key)
            if entity is None:
                entity = entities[key] = bits(30) % size
            variants = pool[entity]
            values.append(variants[0] if len(variants) == 1 else variants[bits(20) % len(variants)])
        kind = template.senders[bits(8) % len(template.senders)]
        brandnames = self.brandnames.get(kind)
        if brandnames is None:
            sender = self.mobile_senders[bits(20) % len(self.mobile_senders)]
        else:
            entity = entities.get(kind)
            sender = brandnames[entity if entity is not None else bits(20) % len(brandnames)]
        return _new_message((fmt.format(*values), Category.HAM, sender, None, template.id))


def _zipf_cumulative(count: int, rng: random.Random, exponent: float = 0.9) -> list[float]:
    weights = [1.0 / (rank + 1) ** exponent for rank in range(count)]
    rng.shuffle(weights)
    return list(accumulate(weights))


def default_campaign_count(n_spam: int) -> int:
    """How many runs a stream of ``n_spam`` spam messages holds: grows like √n (big runs dominate)."""
    return max(len(SPAM_CATEGORIES), min(20_000, round(2 * n_spam**0.5)))


def _check_fraction(name: str, value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be within [0, 1], got {value}")


def generate_messages(
    n: int, *, seed: int = 0, spam_fraction: float = 0.6, obfuscation_rate: float = 0.15
) -> Iterator[SyntheticMessage]:
    """``n`` labelled messages; spam comes in campaigns (``campaign_id``), ham has ``None``.

    Deterministic for a seed. Fast: a few microseconds a message once the pools are built.
    """
    if n < 0:
        raise ValueError(f"n must not be negative, got {n}")
    _check_fraction("spam_fraction", spam_fraction)
    _check_fraction("obfuscation_rate", obfuscation_rate)
    generator = _Generator(seed, obfuscation_rate)
    rng = generator.rng
    campaigns = generator.make_campaigns(default_campaign_count(round(n * spam_fraction)))
    cumulative = _zipf_cumulative(len(campaigns), rng)
    total = cumulative[-1]
    random_, find = rng.random, bisect.bisect
    render_campaign, render_ham = generator.render_campaign, generator.render_ham
    for _ in range(n):
        if random_() < spam_fraction:
            yield render_campaign(campaigns[find(cumulative, random_() * total)], rng)
        else:
            yield render_ham(rng)


def campaign_sizes(n_spam: int, n_campaigns: int, rng: random.Random) -> list[int]:
    """Heavy-tailed sizes summing to ``n_spam``; every campaign has two messages when possible."""
    floor = 2 if n_spam >= 2 * n_campaigns else (1 if n_spam >= n_campaigns else 0)
    sizes = [floor] * n_campaigns
    rest = n_spam - floor * n_campaigns
    if n_campaigns and rest:
        for index in rng.choices(range(n_campaigns), cum_weights=_zipf_cumulative(n_campaigns, rng), k=rest):
            sizes[index] += 1
    return sizes


def campaign_benchmark(
    n_messages: int, *, n_campaigns: int, ham_fraction: float = 0.3, seed: int = 0, mutate: bool = True
) -> tuple[list[str], list[str | None]]:
    """Texts and their true campaign ids (``None`` for ham), shuffled, for clustering benchmarks.

    With ``mutate=False`` messages of a campaign differ only in their slot values (numbers, links,
    names); with ``mutate=True`` also in words, clause order, tags and obfuscation.
    """
    if n_messages < 0 or n_campaigns < 1:
        raise ValueError(f"need n_messages >= 0 and n_campaigns >= 1, got {n_messages} and {n_campaigns}")
    _check_fraction("ham_fraction", ham_fraction)
    generator = _Generator(seed, 0.15 if mutate else 0.0)
    rng = generator.rng
    n_ham = round(n_messages * ham_fraction)
    sizes = campaign_sizes(n_messages - n_ham, n_campaigns, rng)
    campaigns = generator.make_campaigns(n_campaigns, mutate)
    order: list[int] = [-1] * n_ham
    for index, size in enumerate(sizes):
        order += [index] * size
    rng.shuffle(order)
    texts: list[str] = []
    labels: list[str | None] = []
    for index in order:
        message = generator.render_ham(rng) if index < 0 else generator.render_campaign(campaigns[index], rng)
        texts.append(message.text)
        labels.append(message.campaign_id)
    return texts, labels
