"""Slack's Socket Mode end, played locally: a WebSocket server that hands the app envelopes and
records its acknowledgements.

The fake Web API answers ``apps.connections.open`` with :attr:`FakeSocketMode.url` (a ``ws://``
address on 127.0.0.1: slack_sdk's own client speaks plain WebSocket to any port but 443). The
server does the RFC 6455 handshake, says ``hello`` as Slack does, answers pings, and
:meth:`FakeSocketMode.request` sends one envelope (a slash command, an event) and waits for the
app's ``envelope_id`` acknowledgement, whose ``payload`` is a command's reply.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import socket
import struct
import threading
from types import TracebackType
from typing import Any

_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
TEXT, CLOSE, PING, PONG = 0x1, 0x8, 0x9, 0xA


class FakeSocketMode:
    def __init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self.url = f"ws://127.0.0.1:{self._server.getsockname()[1]}/link?ticket=test"
        self._ids = itertools.count(1)
        self._connected = threading.Event()
        self._acks: dict[str, dict[str, Any]] = {}
        self._changed = threading.Condition()
        self._sock: socket.socket | None = None
        self._send_lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, name="fake-socket-mode", daemon=True).start()

    def wait_connected(self, timeout: float = 30) -> bool:
        return self._connected.wait(timeout)

    def request(
        self, kind: str, payload: dict[str, Any], timeout: float = 20
    ) -> dict[str, Any] | None:
        """Send one envelope; the app's acknowledgement of it, or None if none came in time."""
        envelope_id = f"env-{next(self._ids)}"
        envelope = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": kind != "events_api",
            "retry_attempt": 0,
            "retry_reason": "",
        }
        self._send(json.dumps(envelope).encode())
        with self._changed:
            self._changed.wait_for(lambda: envelope_id in self._acks, timeout)
            return self._acks.get(envelope_id)

    def close(self) -> None:
        self._closed = True
        self._server.close()
        if self._sock is not None:
            self._sock.close()

    def __enter__(self) -> FakeSocketMode:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                connection, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        try:
            self._handshake(connection)
            self._sock = connection
            hello = {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A1"}}
            self._send(json.dumps(hello).encode())
            self._connected.set()
            while True:
                opcode, data = _read_frame(connection)
                if opcode == PING:
                    self._send(data, PONG)
                elif opcode == TEXT:
                    message = json.loads(data)
                    if "envelope_id" in message:
                        with self._changed:
                            self._acks[message["envelope_id"]] = message
                            self._changed.notify_all()
                elif opcode == CLOSE:
                    return
        except (OSError, ConnectionError):
            return

    def _handshake(self, connection: socket.socket) -> None:
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = connection.recv(4096)
            if not chunk:
                raise ConnectionError("closed during the handshake")
            request += chunk
        headers = dict(
            line.split(": ", 1) for line in request.decode().split("\r\n")[1:] if ": " in line
        )
        accept = base64.b64encode(
            hashlib.sha1(headers["Sec-WebSocket-Key"].encode() + _GUID).digest()
        ).decode()
        connection.sendall(
            b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + f"Sec-WebSocket-Accept: {accept}\r\n\r\n".encode()
        )

    def _send(self, data: bytes, opcode: int = TEXT) -> None:
        assert self._sock is not None, "no app is connected"
        length = len(data)
        if length < 126:
            header = struct.pack("!BB", 0x80 | opcode, length)
        elif length < 65536:
            header = struct.pack("!BBH", 0x80 | opcode, 126, length)
        else:
            header = struct.pack("!BBQ", 0x80 | opcode, 127, length)
        with self._send_lock:
            self._sock.sendall(header + data)


def _read_frame(connection: socket.socket) -> tuple[int, bytes]:
    """One frame from the client (clients always mask theirs)."""
    first, second = _exactly(connection, 2)
    opcode, length = first & 0x0F, second & 0x7F
    if length == 126:
        (length,) = struct.unpack("!H", _exactly(connection, 2))
    elif length == 127:
        (length,) = struct.unpack("!Q", _exactly(connection, 8))
    mask = _exactly(connection, 4) if second & 0x80 else b"\0\0\0\0"
    data = _exactly(connection, length)
    return opcode, bytes(byte ^ mask[index % 4] for index, byte in enumerate(data))


def _exactly(connection: socket.socket, count: int) -> bytes:
    data = b""
    while len(data) < count:
        chunk = connection.recv(count - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data
