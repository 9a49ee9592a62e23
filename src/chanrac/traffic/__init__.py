"""Traffic analytics over operators' CDR and subscriber files: mass senders, SIM boxes, pre-activated SIMs.

The detectors are written once, as SQL both DuckDB (the default, embedded) and Spark SQL run
(:mod:`chanrac.traffic.sql`); each engine only checks and prepares the inputs
(:mod:`chanrac.traffic.engines`), and shared Python turns features into signals and suspects
(:mod:`chanrac.traffic.detect`). Thresholds come from :mod:`chanrac.law` and
:class:`~chanrac.traffic.params.TrafficParams`. Formats and rules: ``README.md`` next to this file.
"""

from chanrac.traffic.engines import DuckDBEngine, SparkEngine, TrafficInputError, TrafficInputs, detect
from chanrac.traffic.evaluate import Evaluation, evaluate
from chanrac.traffic.io import load_suspects, read_suspects, write_suspects
from chanrac.traffic.params import TrafficParams
from chanrac.traffic.simulate import SimulationConfig, simulate

__all__ = [
    "DuckDBEngine",
    "Evaluation",
    "SimulationConfig",
    "SparkEngine",
    "TrafficInputError",
    "TrafficInputs",
    "TrafficParams",
    "detect",
    "evaluate",
    "load_suspects",
    "read_suspects",
    "simulate",
    "write_suspects",
]
