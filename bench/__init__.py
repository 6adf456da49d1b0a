"""Benchmarks (not tests): each prints a table and writes JSON under bench/results/."""

from __future__ import annotations

import json
import os
import platform as host
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def write_result(name: str, data: dict) -> Path:
    """Write bench/results/<name>.json with the machine described (figures are only read on
    the machine they came from)."""
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    machine = f"{host.machine()}, {os.cpu_count()} cores, Python {host.python_version()}"
    path.write_text(json.dumps({**data, "machine": machine}, indent=2) + "\n")
    return path


REAL_SPLITS = (
    "dev",
    "held_out",
    "held_out_2",
    "held_out_3",
    "held_out_4",
    "held_out_5",
    "held_out_6",
    "held_out_7",
    "held_out_8",
    "held_out_9",
    "held_out_10",
    "held_out_11",
    "held_out_12",
    "held_out_13",
    "held_out_14",
    "held_out_15",
    "held_out_16",
    "held_out_17",
    "held_out_18",
    "held_out_19",
    "held_out_20",
    "held_out_21",
    "held_out_22",
    "held_out_23",
    "held_out_24",
    "held_out_25",
    "held_out_26",
    "held_out_27",
    "held_out_28",
    "held_out_29",
    "held_out_30",
    "held_out_31",
    "held_out_32",
    "held_out_33",
    "held_out_34",
    "held_out_35",
    "held_out_36",
    "held_out_37",
    "held_out_38",
    "held_out_39",
    "held_out_40",
    "held_out_41",
    "held_out_42",
    "held_out_43",
    "held_out_44",
    "held_out_45",
    "held_out_46",
    "held_out_47",
    "held_out_48",
    "held_out_49",
    "held_out_50",
    "held_out_51",
    "held_out_52",
    "held_out_53",
    "held_out_54",
    "held_out_55",
    "held_out_56",
    "held_out_57",
    "held_out_58",
    "held_out_59",
    "held_out_60",
    "held_out_61",
    "held_out_62",
    "held_out_63",
    "held_out_64",
    "held_out_65",
    "held_out_66",
    "held_out_67",
    "held_out_68",
    "held_out_69",
    "held_out_70",
    "held_out_71",
    "held_out_72",
    "held_out_73",
    "held_out_74",
    "held_out_75",
    "held_out_76",
    "held_out_77",
    "held_out_78",
    "held_out_79",
    "held_out_80",
    "held_out_81",
    "held_out_82",
    "held_out_83",
    "held_out_84",
    "held_out_85",
    "held_out_86",
    "held_out_87",
    "held_out_88",
    "held_out_89",
    "held_out_90",
    "held_out_91",
    "held_out_92",
    "held_out_93",
    "held_out_94",
    "held_out_95",
    "held_out_96",
    "held_out_97",
    "held_out_98",
    "held_out_99",
    "held_out_100",
    "held_out_101",
    "held_out_103",
    "held_out_104",
    "held_out_105",
    "held_out_106",
    "held_out_107",
    "held_out_108",
    "held_out_109",
    "held_out_110",
    "held_out_111",
    "held_out_112",
    "held_out_113",
)


def real_split(record: dict) -> str:
    """Which set a record of tests/data/real belongs to. Files 01-21: odd ones were read while
    the checkers were written (dev), even ones were not (held_out). Later files name their set
    in the manifest ("split": "held_out_2", collected after the fixes held_out showed)."""
    if "split" in record:
        return record["split"]
    return "dev" if int(record["file"][:2]) % 2 else "held_out"
