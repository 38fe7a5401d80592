#!/usr/bin/env python3
"""A Gemini API stand-in on 127.0.0.1, for drills such as scripts/fault-load.sh.

Answers the two calls the service makes to Gemini for text misses:

  GET  /v1beta/models                              the model list (start-up check)
  POST /v1beta/models/<model>:generateContent      a valid generateContent response whose text
                                                   is a short Spanish answer

Requests without the expected `x-goog-api-key` get 403, like the real API. `GET /__stats`
returns what was served, as JSON. Python 3 standard library only; nothing is logged per request.

Usage: mock_upstream.py --port PORT --key KEY [--model NAME] [--delay-ms MS] [--port-file F]
(--port 0 picks a free port; the port is written to --port-file once listening).
"""

import argparse
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ANSWER = (
    "Para eso tienes que pedir cita en tu ayuntamiento. Lleva tu pasaporte y un documento "
    "que pruebe dónde vives. Si no tienes contrato de alquiler, pregunta en servicios sociales."
)


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {}

    def bump(self, key):
        with self.lock:
            self.counts[key] = self.counts.get(key, 0) + 1

    def snapshot(self):
        with self.lock:
            return dict(self.counts)


def make_handler(args, stats):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *_):  # quiet: the drill floods this server
            pass

        def send_json(self, status, payload):
            body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def authorized(self):
            if self.headers.get("x-goog-api-key") == args.key:
                return True
            stats.bump("forbidden")
            self.send_json(403, {"error": {"code": 403, "message": "API key not valid",
                                           "status": "PERMISSION_DENIED"}})
            return False

        def do_GET(self):
            path = self.path.split("?", 1)[0]
            if path == "/__stats":
                self.send_json(200, stats.snapshot())
            elif path == "/v1beta/models":
                if self.authorized():
                    stats.bump("models")
                    self.send_json(200, {"models": [{"name": f"models/{args.model}"}]})
            else:
                stats.bump("not_found")
                self.send_json(404, {"error": {"code": 404, "message": "not found",
                                               "status": "NOT_FOUND"}})

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            path = self.path.split("?", 1)[0]
            if not (path.startswith("/v1beta/models/") and path.endswith(":generateContent")):
                stats.bump("not_found")
                self.send_json(404, {"error": {"code": 404, "message": "not found",
                                               "status": "NOT_FOUND"}})
                return
            if not self.authorized():
                return
            if args.delay_ms:
                time.sleep(args.delay_ms / 1000.0)
            stats.bump("generate")
            self.send_json(200, {
                "candidates": [{
                    "content": {"role": "model", "parts": [{"text": ANSWER}]},
                    "finishReason": "STOP",
                    "index": 0,
                }],
                "usageMetadata": {"promptTokenCount": 1, "candidatesTokenCount": 1,
                                  "totalTokenCount": 2},
            })

    return Handler


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--key", required=True, help="the x-goog-api-key to accept")
    p.add_argument("--model", default="gemini-3.5-flash")
    p.add_argument("--delay-ms", type=int, default=0, help="wait before each answer")
    p.add_argument("--port-file", help="write the bound port here once listening")
    args = p.parse_args()
    stats = Stats()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(args, stats))
    server.daemon_threads = True
    # SIGTERM ends like Ctrl-C, so the counts are printed on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as f:
            f.write(str(server.server_address[1]))
        os.replace(args.port_file + ".tmp", args.port_file)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        print(json.dumps(stats.snapshot()), file=sys.stderr)


if __name__ == "__main__":
    main()
