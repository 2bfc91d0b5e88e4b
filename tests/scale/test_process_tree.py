"""The /proc walker the scale tests and benchmarks use to find and stop a run's workers."""
from __future__ import annotations

import os
import signal
import subprocess
import sys

from actorgraph.scale.processes import command_line, descendants

# a child that starts a grandchild, says the grandchild's pid, and waits for it
PARENT = ("import subprocess, sys; g = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)', "
          "'grandchild-marker']); print(g.pid, flush=True); g.wait()")
NO_SUCH_PID = 2**22 + 1  # above the kernel's pid_max limit: never a process


def test_descendants_are_children_and_grandchildren_not_bystanders():
    child = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    bystander = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    grandchild = int(child.stdout.readline())
    try:
        assert descendants(child.pid) == [grandchild]
        assert {child.pid, grandchild, bystander.pid} <= set(descendants(os.getpid()))
        assert "-c import time; time.sleep(60) grandchild-marker" in command_line(grandchild)
    finally:
        os.kill(grandchild, signal.SIGKILL)
        for process in (bystander, child):
            process.kill()
            process.wait()
        child.stdout.close()


def test_a_pid_with_no_process_has_no_command_line_and_no_descendants():
    assert command_line(NO_SUCH_PID) == ""
    assert descendants(NO_SUCH_PID) == []
