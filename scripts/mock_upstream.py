#!/usr/bin/env python3
"""Gemini and Twilio stand-ins on 127.0.0.1, for drills such as scripts/fault-load.sh and
scripts/soak.sh. One process, one port, three roles.

Gemini (always on; requests without the expected `x-goog-api-key` get 403, like the real API):

  GET  /v1beta/models                              the model list (start-up check)
  POST /v1beta/models/<model>:generateContent      a valid generateContent response:
       - a text question (no inline data): a short Spanish answer;
       - a voice note (a part with `inlineData`, as the service sends for transcription): the
         JSON text `{"language": "es", "transcript": ...}`. The transcript depends on the audio
         bytes: audio served by the media role below carries the marker `clara-voice:<n>`; an
         even n transcribes to --voice-hit (a question the compiled cache answers), an odd n to
         --voice-miss with n put in its `%d` (a miss, answered by the text branch above).
         Audio without the marker transcribes as n = -1 (odd: a miss).

Twilio (on when --twilio-sid and --twilio-token are given; HTTP basic auth AccountSid:AuthToken
is checked, 401 with Twilio's error 20003 otherwise):

  POST /2010-04-01/Accounts/<AccountSid>/Messages.json
       the documented 201 message resource (sid, account_sid, from, to, body, status "queued",
       num_media, num_segments, direction, date_created, error_code null, uri, ...). Another
       AccountSid in the path gets 404; a missing `To` or a body over 1,600 characters gets 400
       (21604 / 21617). With --reject-every N,
       every Nth message gets 400 error 21610 ("unsubscribed recipient"), which the service does
       not retry: its reply goes to the dead-letter file.
  GET  /2010-04-01/Accounts/<AccountSid>/Messages/<MessageSid>.json
       an inbound message registered with POST /__inbound (its `from` is how an instance that
       takes over a queued miss finds the person again); 404 error 20404 otherwise.
  GET  /media/<n>
       a voice note: --media-bytes bytes of `audio/ogg` (an Ogg page header, the marker
       `clara-voice:<n>`, then filler; not playable: transcription is mocked above). Put
       127.0.0.1 in the service's TWILIO_MEDIA_HOSTS to allow it.

Control (no auth):

  GET  /__stats        counts of everything served, as one flat JSON object:
                       Gemini: `models`, `generate` (every generateContent answered),
                       `gemini_answers`, `gemini_transcriptions`, `transcribed_hit`,
                       `transcribed_miss`, `forbidden`;
                       Twilio: `twilio_created` (201s), `twilio_created_with_media` and
                       `twilio_created_text_only` (with or without `MediaUrl`),
                       `twilio_rejected` (the injected 21610s) and `twilio_rejected_with_media`,
                       `twilio_bad_request`, `twilio_unauthorized`, `twilio_recipients`
                       (distinct `To` of the 201s), `media_served`, `media_unauthorized`;
                       and `not_found`. A count is absent while it is 0 (`twilio_recipients`
                       is always there).
  GET  /__deliveries   {"created": {To: count}, "rejected": {To: count}}: who got what.
  POST /__inbound      form `MessageSid`, `From`: an inbound message Twilio would know.

Python 3 standard library only (`ThreadingHTTPServer`); nothing is logged per request. The
counts are printed to stderr as JSON on SIGTERM or Ctrl-C.

Usage: mock_upstream.py --port PORT --key KEY [--model NAME] [--delay-ms MS] [--port-file F]
         [--twilio-sid SID --twilio-token TOKEN] [--reject-every N] [--media-bytes N]
         [--voice-hit TEXT] [--voice-miss TEXT]
(--port 0 picks a free port; the port is written to --port-file once listening; --delay-ms
delays every generateContent answer.)
"""

import argparse
import base64
import binascii
import json
import os
import re
import secrets
import signal
import sys
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

ANSWER = (
    "Para eso tienes que pedir cita en tu ayuntamiento. Lleva tu pasaporte y un documento "
    "que pruebe dónde vives. Si no tienes contrato de alquiler, pregunta en servicios sociales."
)

VOICE_MARKER = re.compile(rb"clara-voice:(-?\d+)")
MESSAGES_PATH = re.compile(r"^/2010-04-01/Accounts/([^/]+)/Messages\.json$")
MEDIA_PATH = re.compile(r"^/media/(-?\d+)$")
MESSAGE_PATH = re.compile(r"^/2010-04-01/Accounts/([^/]+)/Messages/([A-Za-z0-9]+)\.json$")
MAX_BODY_CHARS = 1600


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {}
        self.created = {}
        self.rejected = {}
        self.inbound = {}
        self.messages = 0

    def bump(self, key, n=1):
        with self.lock:
            self.counts[key] = self.counts.get(key, 0) + n

    def next_message(self):
        """The 1-based number of this message POST (for --reject-every)."""
        with self.lock:
            self.messages += 1
            return self.messages

    def delivered(self, to, table):
        with self.lock:
            table[to] = table.get(to, 0) + 1

    def snapshot(self):
        with self.lock:
            out = dict(self.counts)
            out["twilio_recipients"] = len(self.created)
            return out

    def deliveries(self):
        with self.lock:
            return {"created": dict(self.created), "rejected": dict(self.rejected)}


def media_body(n, size):
    head = b"OggS\x00\x02" + b"\x00" * 20 + f"clara-voice:{n}\n".encode()
    return head + b"\x00" * max(0, size - len(head))


def make_handler(args, stats):
    twilio_on = bool(args.twilio_sid and args.twilio_token)
    basic = "Basic " + base64.b64encode(
        f"{args.twilio_sid}:{args.twilio_token}".encode()).decode() if twilio_on else None

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # One write per response, sent at once: headers and body in separate small writes on a
        # keep-alive connection would wait out the client's delayed ACK (Nagle), about 40 ms
        # per call, which would make the mock, not the service, the pipeline's bottleneck.
        wbufsize = -1
        disable_nagle_algorithm = True

        def log_message(self, *_):  # quiet: the drills flood this server
            pass

        def send_json(self, status, payload):
            body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def not_found(self):
            stats.bump("not_found")
            self.send_json(404, {"error": {"code": 404, "message": "not found",
                                           "status": "NOT_FOUND"}})

        def twilio_error(self, status, code, message):
            self.send_json(status, {"code": code, "message": message,
                                    "more_info": f"https://www.twilio.com/docs/errors/{code}",
                                    "status": status})

        def authorized(self):
            if self.headers.get("x-goog-api-key") == args.key:
                return True
            stats.bump("forbidden")
            self.send_json(403, {"error": {"code": 403, "message": "API key not valid",
                                           "status": "PERMISSION_DENIED"}})
            return False

        def twilio_authorized(self, counter):
            if secrets.compare_digest(self.headers.get("Authorization", ""), basic):
                return True
            stats.bump(counter)
            self.twilio_error(401, 20003, "Authenticate")
            return False

        def do_GET(self):
            path = self.path.split("?", 1)[0]
            media = MEDIA_PATH.match(path)
            message = MESSAGE_PATH.match(path)
            if path == "/__stats":
                self.send_json(200, stats.snapshot())
            elif path == "/__deliveries":
                self.send_json(200, stats.deliveries())
            elif path == "/v1beta/models":
                if self.authorized():
                    stats.bump("models")
                    self.send_json(200, {"models": [{"name": f"models/{args.model}"}]})
            elif message and twilio_on and message.group(1) == args.twilio_sid:
                if not self.twilio_authorized("twilio_unauthorized"):
                    return
                with stats.lock:
                    sender = stats.inbound.get(message.group(2))
                if sender is None:
                    stats.bump("inbound_unknown")
                    self.twilio_error(404, 20404, "The requested resource was not found")
                    return
                stats.bump("inbound_read")
                self.send_json(200, {"sid": message.group(2), "account_sid": args.twilio_sid,
                                     "from": sender, "to": "whatsapp:+14155238886",
                                     "direction": "inbound", "status": "received"})
            elif media and twilio_on:
                if not self.twilio_authorized("media_unauthorized"):
                    return
                body = media_body(int(media.group(1)), args.media_bytes)
                stats.bump("media_served")
                self.send_response(200)
                self.send_header("Content-Type", "audio/ogg")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            else:
                self.not_found()

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            path = self.path.split("?", 1)[0]
            messages = MESSAGES_PATH.match(path)
            if path == "/__inbound":
                form = parse_qs(raw.decode("utf-8", "replace"))
                with stats.lock:
                    stats.inbound[form["MessageSid"][0]] = form["From"][0]
                self.send_json(200, {})
            elif path.startswith("/v1beta/models/") and path.endswith(":generateContent"):
                self.generate(raw)
            elif messages and twilio_on and messages.group(1) == args.twilio_sid:
                self.create_message(raw)
            else:
                self.not_found()

        def generate(self, raw):
            if not self.authorized():
                return
            if args.delay_ms:
                time.sleep(args.delay_ms / 1000.0)
            audio = inline_audio(raw)
            if audio is None:
                text = ANSWER
                stats.bump("gemini_answers")
            else:
                m = VOICE_MARKER.search(audio[:256])
                n = int(m.group(1)) if m else -1
                if n % 2 == 0:
                    transcript = args.voice_hit
                    stats.bump("transcribed_hit")
                else:
                    transcript = args.voice_miss.replace("%d", str(n))
                    stats.bump("transcribed_miss")
                text = json.dumps({"language": "es", "transcript": transcript},
                                  ensure_ascii=False)
                stats.bump("gemini_transcriptions")
            stats.bump("generate")
            self.send_json(200, {
                "candidates": [{
                    "content": {"role": "model", "parts": [{"text": text}]},
                    "finishReason": "STOP",
                    "index": 0,
                }],
                "usageMetadata": {"promptTokenCount": 1, "candidatesTokenCount": 1,
                                  "totalTokenCount": 2},
                "modelVersion": args.model,
            })

        def create_message(self, raw):
            if not self.twilio_authorized("twilio_unauthorized"):
                return
            form = parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True)
            to = (form.get("To") or [""])[0]
            sender = (form.get("From") or [""])[0]
            body = (form.get("Body") or [""])[0]
            media = form.get("MediaUrl") or []
            if not to:
                stats.bump("twilio_bad_request")
                self.twilio_error(400, 21604, "A 'To' phone number is required.")
                return
            if len(body) > MAX_BODY_CHARS:
                stats.bump("twilio_bad_request")
                self.twilio_error(400, 21617, "The concatenated message body exceeds the "
                                              "1600 character limit.")
                return
            n = stats.next_message()
            if args.reject_every and n % args.reject_every == 0:
                stats.bump("twilio_rejected")
                if media:
                    stats.bump("twilio_rejected_with_media")
                stats.delivered(to, stats.rejected)
                self.twilio_error(400, 21610, "Attempt to send to unsubscribed recipient")
                return
            sid = "SM" + secrets.token_hex(16)
            now = formatdate(usegmt=True)
            stats.bump("twilio_created")
            stats.bump("twilio_created_with_media" if media else "twilio_created_text_only")
            stats.delivered(to, stats.created)
            self.send_json(201, {
                "account_sid": args.twilio_sid,
                "api_version": "2010-04-01",
                "body": body,
                "date_created": now,
                "date_sent": None,
                "date_updated": now,
                "direction": "outbound-api",
                "error_code": None,
                "error_message": None,
                "from": sender,
                "messaging_service_sid": None,
                "num_media": str(len(media)),
                "num_segments": "1",
                "price": None,
                "price_unit": "USD",
                "sid": sid,
                "status": "queued",
                "subresource_uris": {
                    "media": f"/2010-04-01/Accounts/{args.twilio_sid}/Messages/{sid}/Media.json"},
                "to": to,
                "uri": f"/2010-04-01/Accounts/{args.twilio_sid}/Messages/{sid}.json",
            })

    return Handler


def inline_audio(raw):
    """The decoded bytes of the first `inlineData` part of a generateContent body, or None."""
    try:
        request = json.loads(raw or b"{}")
        for content in request.get("contents") or []:
            for part in content.get("parts") or []:
                blob = part.get("inlineData") or part.get("inline_data")
                if blob and "data" in blob:
                    return base64.b64decode(blob["data"])
    except (ValueError, AttributeError, TypeError, binascii.Error):
        return None
    return None


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--key", required=True, help="the x-goog-api-key to accept")
    p.add_argument("--model", default="gemini-3.5-flash")
    p.add_argument("--delay-ms", type=int, default=0, help="wait before each Gemini answer")
    p.add_argument("--port-file", help="write the bound port here once listening")
    p.add_argument("--twilio-sid", help="the AccountSid to accept (turns the Twilio role on)")
    p.add_argument("--twilio-token", help="the auth token to accept (basic auth)")
    p.add_argument("--reject-every", type=int, default=0,
                   help="refuse every Nth message with error 21610 (0: never)")
    p.add_argument("--media-bytes", type=int, default=4096, help="size of a served voice note")
    p.add_argument("--voice-hit", default="¿Qué es el IMV?",
                   help="transcript of even-numbered voice notes")
    p.add_argument("--voice-miss", default="¿cómo renuevo el permiso de conducir? nota de voz %d",
                   help="transcript of odd-numbered voice notes (%%d: the number)")
    args = p.parse_args()
    if bool(args.twilio_sid) != bool(args.twilio_token):
        p.error("--twilio-sid and --twilio-token go together")
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
