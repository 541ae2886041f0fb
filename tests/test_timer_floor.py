"""Textual's timers floored above nought (`reader.ui.timer_floor`): a negative delay spun
Textual 8's timer forever without awaiting, the reader frozen at 100 % CPU, deaf to keys and
SIGTERM (acc45a A2: its own toast, shown again as another arrived, given a time left that had
just passed nought). Run in a process of its own, with a deadline: a loop that spins would
hold this one for good."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import asyncio, sys, time
from pathlib import Path
from textual.notifications import Notification
from textual.widgets._toast import Toast
from reader.ui.app import ReaderApp

async def main():
    app = ReaderApp(Path(sys.argv[1]), refresh_on_start=False)
    fired = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.set_timer(-0.5, lambda: fired.append("negative"))
        app.set_timer(0, lambda: fired.append("nought"))
        # A toast whose time ran out before it was made, as `ToastRack.show` can make one.
        gone = Notification("expired", timeout=0.01)
        time.sleep(0.05)
        assert gone.time_left < 0
        await app.screen.mount(Toast(gone))
        for _ in range(200):
            await pilot.pause(0.05)
            if len(fired) == 2:
                break
        await pilot.press("question_mark")  # still answering keys
        await pilot.pause()
        print(sorted(fired), type(app.screen).__name__)

asyncio.run(main())
"""


def test_a_timer_due_in_the_past_fires_and_the_reader_answers(tmp_path: Path) -> None:
    root = Path(__file__).parent.parent
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,  # Textual's own spins for good: a failure, not a hung suite
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "['negative', 'nought'] HelpScreen"
