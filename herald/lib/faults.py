"""Named points where a test may have this process killed, to prove that work resumes after a
crash at exactly that step. Off unless HERALD_KILL_AT names a point, as `name:n` (die at its
n-th pass); the fault tests start real processes with it set."""

import os
import signal
from collections import Counter

passes: Counter[str] = Counter()


def point(name: str) -> None:
    spec = os.environ.get("HERALD_KILL_AT")
    if not spec:
        return
    wanted, _, nth = spec.partition(":")
    if wanted != name:
        return
    passes[name] += 1
    if passes[name] == int(nth or 1):
        os.kill(os.getpid(), signal.SIGKILL)
