"""Bot Framework tokens signed by a locally generated RSA key, and the key set that checks them.

The Bot Connector signs each request to a bot with an RS256 JWT (issuer
``https://api.botframework.com``, audience the bot's app id, a ``serviceurl`` claim equal to the
activity's ``serviceUrl``). :class:`TokenIssuer` plays that part: serve :attr:`TokenIssuer.jwks`
from the fake connector, point ``TEAMS_OPENID_METADATA_URL`` at it, and the SDK's real validator
checks these tokens. Each bad variant a test needs is one keyword away.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"
KEY_ID = "seuranta-test-key"
OTHER_APP_ID = "11111111-2222-3333-4444-555555555555"
# What the bot sends out in tests: the SDK parses outbound tokens as JWTs, so it must look like
# one; nothing checks its signature.
OUTBOUND_TOKEN = jwt.encode(
    {"aud": BOT_FRAMEWORK_ISSUER, "exp": 4_102_444_800},
    "not-a-secret-only-a-test-token-signature",
    algorithm="HS256",
)


def _rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class TokenIssuer:
    app_id: str
    key: rsa.RSAPrivateKey = field(default_factory=_rsa_key)
    key_id: str = KEY_ID

    @property
    def jwks(self) -> dict[str, Any]:
        public: dict[str, Any] = json.loads(
            jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key())
        )
        return {"keys": [{**public, "kid": self.key_id, "use": "sig", "alg": "RS256"}]}

    def token(
        self,
        service_url: str,
        *,
        audience: str | None = None,
        issuer: str = BOT_FRAMEWORK_ISSUER,
        lifetime: int = 600,
        issued_ago: int = 0,
        signed_by: rsa.RSAPrivateKey | None = None,
        **claims: Any,
    ) -> str:
        """A token as the Bot Connector sends it; every argument makes one thing wrong."""
        now = int(time.time()) - issued_ago
        payload = {
            "iss": issuer,
            "aud": audience or self.app_id,
            "serviceurl": service_url,
            "iat": now,
            "nbf": now,
            "exp": now + lifetime,
            **claims,
        }
        headers = {"kid": self.key_id}
        return jwt.encode(payload, signed_by or self.key, algorithm="RS256", headers=headers)

    def bad_tokens(self, service_url: str) -> dict[str, str]:
        """One token per way of being wrong, named; every one of them must get a 401."""
        hour = 3600
        return {
            "expired": self.token(service_url, lifetime=60, issued_ago=hour),
            "wrong audience": self.token(
                service_url, audience="11111111-2222-3333-4444-555555555555"
            ),
            "wrong issuer": self.token(service_url, issuer="https://api.botframework.example"),
            "serviceurl claim mismatch": self.token("https://smba.trafficmanager.net/evil/"),
            "signed by another key": self.token(service_url, signed_by=_rsa_key()),
            "not a JWT": "not-a-jwt",
            "unsigned (alg none)": jwt.encode(
                {"iss": BOT_FRAMEWORK_ISSUER, "aud": self.app_id, "serviceurl": service_url},
                "",
                algorithm="none",
                headers={"kid": self.key_id},
            ),
        }
