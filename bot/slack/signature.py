"""Whether an HTTP request comes from Slack: signed with the app's secret, and fresh (pure).

Checked on the raw bytes before anything parses the body, and strict about the headers' shape.
slack_sdk's own verifier calls ``int()`` on the timestamp, which raises on 5,000 digits or on
``²`` (a digit to ``str.isdigit()``), and compares the signature as text, which raises on
non-ASCII: such an exception used to become a 500, and an apology posted wherever the forged
body said. Here every failure is simply False.
"""

from __future__ import annotations

import hashlib
import hmac
import re

# Slack rejects requests older than five minutes to stop replays; so do we, both ways.
MAX_AGE_SECONDS = 5 * 60
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")
# Set in a request's Bolt context once its signature has checked out (see bot.slack.web).
VERIFIED = "signature_verified"


def is_from_slack(body: bytes, timestamp: str, signature: str, secret: str, now: float) -> bool:
    if not secret or not _TIMESTAMP.fullmatch(timestamp) or not _SIGNATURE.fullmatch(signature):
        return False
    if abs(now - int(timestamp)) > MAX_AGE_SECONDS:
        return False
    base = b"v0:" + timestamp.encode() + b":" + body
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)
