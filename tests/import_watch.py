"""A prelude for a test's own Python process: which thread of it first imports the extractor
(`reader.extract`, lxml and readability: hundreds of ms), collected in `imported`, for a test that
the reader loads it off its event loop."""

WATCH_EXTRACTOR_IMPORT = """
import asyncio, sys, threading
from pathlib import Path

imported = []


class Watch:
    # Told of every import not done yet: the extractor's, in this process, and its thread.
    def find_spec(self, name, path=None, target=None):
        if name == "reader.extract":
            imported.append(threading.current_thread().name)
        return None


sys.meta_path.insert(0, Watch())
"""
