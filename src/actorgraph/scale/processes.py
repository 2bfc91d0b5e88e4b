"""The processes a run started and their command lines, read from Linux's /proc.

For the benchmarks and tests that watch a run's workers (their memory) or stop them (a worker
killed mid-run): Ray and multiprocessing start workers a level or two below the driver.
"""
from __future__ import annotations

import os
from pathlib import Path


def descendants(pid: int) -> list[int]:
    """The processes started (directly or not) by process `pid`."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:  # /proc/N/stat: "N (command) state ppid ...", the command may hold spaces and ")"
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue  # ended meanwhile
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def command_line(pid: int) -> str:
    """Process `pid`'s command line, its arguments joined by spaces ("" once it has ended)."""
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""
