"""`python -m newswire`: serve the demo wire until interrupted."""

import argparse
import time

from newswire.server import start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="newswire", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    args = parser.parse_args(argv)
    server = start(host=args.host, port=args.port, verbose=args.verbose)
    print(
        f"Newswire: {len(server.wire.articles)} articles from "
        f"{len(server.wire.outlets)} outlets at {server.url}/",
        flush=True,
    )
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
