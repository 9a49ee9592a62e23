"""``chanrac text``: normalise a message, list its indicators, or obfuscate it like a spammer.

Each command takes the message as an argument, or ``-`` to read one message per line from
standard input, and prints one JSON object per message (JSON Lines), so that the output can be
piped into ``jq`` or a file.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from chanrac.model import IndicatorKind
from chanrac.text import (
    ALL_TRICKS,
    extract_indicators,
    is_cheap_tld,
    is_shortener,
    lookalike_brand,
    normalize,
    obfuscate,
)

app = typer.Typer(help="Vietnamese text: normalise, extract indicators, obfuscate.", no_args_is_help=True)
err = Console(stderr=True)

_TextArgument = Annotated[str, typer.Argument(help="the message, or - to read one message per line from stdin")]


def _fail(message: str) -> NoReturn:
    err.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(2)


def _messages(text: str) -> Iterator[str]:
    if text != "-":
        yield text
        return
    for line in sys.stdin:
        yield line.rstrip("\n")


def _emit(record: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


@app.command("normalize")
def normalize_command(text: _TextArgument) -> None:
    """Print the clean, folded and canonical views of a message and the tricks found in it."""
    for message in _messages(text):
        result = normalize(message)
        _emit(
            {
                "clean": result.clean,
                "folded": result.folded,
                "canonical": result.canonical,
                "obfuscation": list(result.obfuscation),
            }
        )


@app.command("indicators")
def indicators_command(text: _TextArgument) -> None:
    """Print the phones, URLs, domains, accounts, OTT contacts and amounts of a message."""
    for message in _messages(text):
        found = []
        for indicator in extract_indicators(message):
            item: dict[str, Any] = {
                "kind": indicator.kind.value,
                "value": indicator.value,
                "span": list(indicator.span),
                "raw": indicator.raw,
            }
            if indicator.kind in (IndicatorKind.DOMAIN, IndicatorKind.URL):
                item["shortener"] = is_shortener(indicator.value)
                item["cheap_tld"] = is_cheap_tld(indicator.value)
                item["lookalike_of"] = lookalike_brand(indicator.value)
            found.append(item)
        _emit({"indicators": found})


@app.command("obfuscate")
def obfuscate_command(
    text: _TextArgument,
    trick: Annotated[
        list[str] | None, typer.Option("--trick", "-t", help=f"repeatable; default all of: {', '.join(ALL_TRICKS)}")
    ] = None,
    rate: Annotated[float, typer.Option(help="probability that a trick rewrites a word, 0 to 1")] = 0.3,
    seed: Annotated[int, typer.Option(help="random seed: the same seed gives the same output")] = 0,
) -> None:
    """Rewrite a message with the tricks spammers use (for robustness tests and demos)."""
    tricks = tuple(trick) if trick else ALL_TRICKS
    unknown = [t for t in tricks if t not in ALL_TRICKS]
    if unknown:
        _fail(f"unknown trick {unknown[0]!r}; choose from {', '.join(ALL_TRICKS)}")
    if not 0.0 <= rate <= 1.0:
        _fail(f"--rate must be between 0 and 1, got {rate}")
    rng = random.Random(seed)
    for message in _messages(text):
        _emit({"obfuscated": obfuscate(message, rng, tricks, rate)})
