"""What Linux says of another process in /proc/PID/stat ("pid (name) state ppid …"): whether it
runs, is a zombie, or is stopped (Ctrl-Z in its terminal). Nothing where there is no /proc."""

from __future__ import annotations


def stat_fields(pid: int) -> list[str] | None:
    """The fields of `pid`'s /proc/PID/stat after its name (its state first, then its parent's
    pid), or None when there is no such file (no /proc, the process gone). The name, in
    parentheses, may hold spaces and parentheses itself: the fields start after the last ")"."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rpartition(")")[2].split()
    except OSError:
        return None


def stopped(pid: int) -> bool:
    """Whether `pid` is stopped: suspended with Ctrl-Z (SIGTSTP) or a SIGSTOP, state "T"."""
    fields = stat_fields(pid)
    return fields is not None and fields[:1] == ["T"]
