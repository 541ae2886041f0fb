"""A kept-alive HTTP/1.1 connection whose server sent bytes past the answer asked for is closed,
not reused: those bytes would be read as the next request's answer (acc50a A5: a feed followed,
in the same write, by a whole second answer, which became the next story's page).

RFC 9112 6.3: a client must not process such data as a separate response. h11 keeps it
(`h11.Connection.trailing_data`), and httpcore 1.0's pool starts the connection's next cycle
with it still buffered (`AsyncHTTP11Connection._response_closed`); only bytes arriving later,
on an idle connection, make httpcore drop it (`has_expired`). curl closes such a connection
(curl PR 5440), as does Bun (PR 37438).

httpx gives no public way to the connection under an answer: it is reached through the
streams it is wrapped in, each step looked up with `getattr`, so a later httpx or httpcore
shaped otherwise leaves the connection as httpcore leaves it (tests/test_connection_reuse.py
says so first). An HTTP/2 answer is framed: nothing to check there."""

from __future__ import annotations

import h11
import httpx

_STREAMS_TO_CONNECTION = ("_stream", "_httpcore_stream", "_stream", "_connection", "_h11_state")
"""httpx's `BoundAsyncStream` → its transport's `AsyncResponseStream` → httpcore's
`PoolByteStream` → `HTTP11ConnectionByteStream` → `AsyncHTTP11Connection` → its h11 state."""


def h11_state_of(response: httpx.Response) -> h11.Connection | None:
    """The h11 connection `response` came over, or None (HTTP/2, or httpx shaped otherwise)."""
    step: object = response.stream
    for name in _STREAMS_TO_CONNECTION:
        step = getattr(step, name, None)
    return step if isinstance(step, h11.Connection) else None


def close_if_overrun(response: httpx.Response) -> bool:
    """Before `response` is closed: when its whole answer came and more bytes are buffered after
    it, mark its connection failed (h11's `send_failed`), so httpcore closes it rather than
    handing it to the next request. Whether it did."""
    state = h11_state_of(response)
    if state is None or state.their_state is not h11.DONE or not state.trailing_data[0]:
        return False
    state.send_failed()
    return True
