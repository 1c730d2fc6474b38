"""Run a piece of work in a forked child, on the other core, while this process goes on."""

from __future__ import annotations

import os
import traceback
from typing import Callable


def in_background(work: Callable[[], None]) -> Callable[[], None]:
    """Start work() in a forked child; returns the function that waits for it.

    The wait raises if the child failed (with GENERATOR_DEBUG=1 in the
    environment, the child prints its traceback first). Where fork does not
    exist, work() simply runs here, before this returns.
    """
    if not hasattr(os, "fork"):
        work()
        return lambda: None
    pid = os.fork()
    if pid == 0:  # the child: never return into the caller's code
        code = 1
        try:
            work()
            code = 0
        except BaseException:
            if os.environ.get("GENERATOR_DEBUG"):
                traceback.print_exc()
        finally:
            os._exit(code)

    def wait() -> None:
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError(f"work in a child process failed (status {status})")
    return wait


def in_child(work: Callable[[], None]) -> None:
    """Run work() in a forked child and wait for it: whatever memory it takes is given
    back when it ends, instead of staying with this process."""
    in_background(work)()
