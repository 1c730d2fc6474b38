"""Run a piece of work in a forked child, on the other core, while this process goes on.

A child that fails sends its exception back through a pipe, and waiting for
it raises that exception in the parent: the caller sees the same type and
message as if the work had run in-process, so it can tell a user's mistake
from a bug. The child's traceback comes along as a note on the exception.
"""

from __future__ import annotations

import os
import pickle
import sys
import traceback
from typing import Callable


class ChildFailed(Exception):
    """A child failed with an exception that cannot cross the pipe as itself, or it died."""


def in_background(work: Callable[[], None]) -> Callable[[], None]:
    """Start work() in a forked child; returns the function that waits for it.

    The wait raises what work() raised. Where fork does not exist, work()
    simply runs here, before this returns.
    """
    if not hasattr(os, "fork"):
        work()
        return lambda: None
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(reader)
        _run_child(work, writer)
    os.close(writer)

    def wait() -> None:
        # Read before waiting: a report larger than the pipe's buffer would block the child.
        with os.fdopen(reader, "rb") as pipe:
            report = pipe.read()
        _, status = os.waitpid(pid, 0)
        if report:
            raise _exception_from(report)
        if os.waitstatus_to_exitcode(status) != 0:
            raise ChildFailed(f"the child process ended without a report (status {status})")
    return wait


def in_child(work: Callable[[], None]) -> None:
    """Run work() in a forked child and wait for it: whatever memory it takes is given
    back when it ends, instead of staying with this process."""
    in_background(work)()


def _run_child(work: Callable[[], None], writer: int) -> None:
    """The child's whole life: never returns into the caller's code."""
    code = 1
    try:
        work()
        code = 0
    except BaseException as error:  # Ctrl-C and SystemExit too: the parent decides what they mean
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(_report(error))
    finally:
        # os._exit skips the usual flush: without this, what the work printed would be lost.
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        os._exit(code)


def _report(error: BaseException) -> bytes:
    """The exception pickled, with what the parent needs if it cannot be unpickled there."""
    text = "".join(traceback.format_exception(error))
    try:
        pickled = pickle.dumps(error)
    except Exception:  # e.g. an attribute that holds a file or a lock
        pickled = None
    return pickle.dumps((type(error).__name__, str(error), text, pickled))


def _exception_from(report: bytes) -> BaseException:
    name, message, text, pickled = pickle.loads(report)
    error = None
    if pickled is not None:
        try:
            error = pickle.loads(pickled)
        except Exception:  # an exception whose __init__ does not take its own args back
            error = None
    if not isinstance(error, BaseException):
        error = ChildFailed(f"{name}: {message}")
    error.add_note(f"In the child process:\n{text.rstrip()}")
    return error
