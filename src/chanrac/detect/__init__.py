"""Detection: the content model, keyword rules, indicator and sender detectors, and the pipeline
that sums their signals into explained verdicts (``allow | flag | block``).

Pure by design: it never imports :mod:`chanrac.store`, so an SMS firewall can run it inline; what
it must look up comes in :class:`Lookups`. The shipped model is ``artefacts/content-model.npz``
(see ``artefacts/MODEL_CARD.md``); ``chanrac train`` rebuilds it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from chanrac.detect.classifier import ContentModel
from chanrac.detect.pipeline import Lookups, Pipeline

if TYPE_CHECKING:
    from chanrac.config import Settings

__all__ = ["ARTEFACT_PATH", "ContentModel", "Lookups", "Pipeline", "load_model", "load_pipeline", "pipeline_for"]

ARTEFACT_PATH = Path(__file__).resolve().parent / "artefacts" / "content-model.npz"


@lru_cache(maxsize=4)
def load_model(path: Path = ARTEFACT_PATH) -> ContentModel:
    """The content model saved at ``path`` (the shipped artefact by default), loaded once."""
    if not path.is_file():
        raise FileNotFoundError(f"no model artefact at {path}; run `chanrac train` to build it")
    return ContentModel.load(path)


def load_pipeline(
    lookups: Lookups | None = None,
    flag_threshold: float = 3.0,
    block_threshold: float = 6.0,
    path: Path = ARTEFACT_PATH,
    model_alone_blocks: bool = False,
) -> Pipeline:
    """A pipeline on the shipped model (loaded once per process) with the caller's lookups."""
    return Pipeline(
        load_model(path),
        lookups,
        flag_threshold=flag_threshold,
        block_threshold=block_threshold,
        model_alone_blocks=model_alone_blocks,
    )


def pipeline_for(settings: Settings, lookups: Lookups | None = None) -> Pipeline:
    """The shipped pipeline with the verdict policy ``settings`` set (thresholds, whether the
    model alone may block): the one place that reads it, for the CLI, intake and the API."""
    return load_pipeline(
        lookups,
        flag_threshold=settings.flag_threshold,
        block_threshold=settings.block_threshold,
        model_alone_blocks=settings.model_alone_blocks,
    )
