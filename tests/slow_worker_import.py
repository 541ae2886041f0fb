"""A module of the workers' that takes seconds to import: a fork server importing it is caught
mid-import by a Ctrl-C sent meanwhile (`test_workers_ctrl_c`)."""

import time

time.sleep(3.0)
