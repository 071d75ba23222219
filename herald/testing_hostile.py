"""A feed server that misbehaves, for the fault tests: on some paths it accepts the request and
never answers, on others it resets the connection. It counts the requests it holds open at once,
so a test can see how many fetches pile up on one host."""

import select
import socket
import socketserver
import struct
import threading
from collections import Counter


class HostileServer:
    """Listens on `host` (any loopback address: 127.0.0.2 is another host to Herald's per-host
    limit than 127.0.0.1). hang(path): the request is read and held, unanswered, until the client
    gives up or let_go() closes it. reset(path): the connection is reset (RST) once the request is
    read. Any other path: 404. `hits` counts requests per path; `in_flight` is how many are held
    now and `most_in_flight` the most at once."""

    def __init__(self, host: str = "127.0.0.1"):
        self.behaviour: dict[str, str] = {}
        self.hits: Counter[str] = Counter()
        self.in_flight = 0
        self.most_in_flight = 0
        self.released = threading.Event()
        self._lock = threading.Lock()
        outer = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                path = _read_path(self.request)
                with outer._lock:
                    outer.hits[path] += 1
                behaviour = outer.behaviour.get(path)
                if behaviour == "hang":
                    outer._hold(self.request)
                elif behaviour == "reset":
                    # Linger on, for zero seconds: close() sends RST instead of FIN.
                    self.request.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                    )
                    self.request.close()
                else:
                    self.request.sendall(
                        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    )

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True
            block_on_close = False

            def handle_error(self, request, client_address):
                pass  # a client that went away mid-request is what these tests are about

        self.server = Server((host, 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://{host}:{self.port}"
        self.host_port = f"{host}:{self.port}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    def hang(self, path: str) -> str:
        self.behaviour[path] = "hang"
        return self.url + path

    def reset(self, path: str) -> str:
        self.behaviour[path] = "reset"
        return self.url + path

    def let_go(self) -> None:
        """Close every held request without an answer, and every later one at once."""
        self.released.set()

    def _hold(self, sock: socket.socket) -> None:
        with self._lock:
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            while not self.released.is_set():
                readable, _, _ = select.select([sock], [], [], 0.05)
                if readable and not sock.recv(1024):
                    break  # the client gave up (its timeout) and closed
        except OSError:
            pass  # reset by the client
        finally:
            with self._lock:
                self.in_flight -= 1

    def stop(self) -> None:
        self.let_go()
        self.server.shutdown()
        self.server.server_close()


def _read_path(sock: socket.socket) -> str:
    """The path of the request line, once the request's head has arrived."""
    sock.settimeout(10)
    head = b""
    try:
        while b"\r\n\r\n" not in head and len(head) < 65536:
            chunk = sock.recv(4096)
            if not chunk:
                break
            head += chunk
    except OSError:
        return ""
    finally:
        sock.settimeout(None)
    parts = head.split(b"\r\n", 1)[0].split()
    return parts[1].decode("latin-1") if len(parts) >= 2 else ""
