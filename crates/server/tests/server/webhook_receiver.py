"""A webhook receiver that checks Signet's deliveries with the Standard Webhooks reference
library (the `standardwebhooks` package), independently of Signet's own signing code.

Listens on an ephemeral port of 127.0.0.1 and prints "port N" first. `PUT /secrets` sets the
secrets to check against (one per line). Every `POST /hook` is verified with each secret on
its own by `standardwebhooks.webhooks.Webhook(secret).verify(body, headers)` (which also
enforces the library's timestamp tolerance against this machine's clock) and reported as one
JSON line on stdout: {"id", "type", "verified": [indexes of the secrets that verify],
"signatures": number of entries in webhook-signature, "timestamp", "body"}. The answer is 204
when at least one secret verifies, else 401.
"""

import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

SECRETS = []


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def body(self):
        return self.rfile.read(int(self.headers.get("content-length", "0")))

    def do_PUT(self):
        global SECRETS
        SECRETS = [s for s in self.body().decode().splitlines() if s.strip()]
        self.answer(204)

    def do_POST(self):
        body = self.body()
        headers = dict(self.headers.items())
        verified = []
        for i, secret in enumerate(SECRETS):
            try:
                Webhook(secret).verify(body, headers)
                verified.append(i)
            except WebhookVerificationError:
                pass
        try:
            envelope = json.loads(body)
        except ValueError:
            envelope = None
        report = {
            "id": self.headers.get("webhook-id"),
            "type": envelope.get("type") if isinstance(envelope, dict) else None,
            "verified": verified,
            "signatures": len(self.headers.get("webhook-signature", "").split()),
            "timestamp": self.headers.get("webhook-timestamp"),
            "body": envelope,
        }
        print(json.dumps(report), flush=True)
        self.answer(204 if verified else 401)

    def answer(self, status):
        self.send_response(status)
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"port {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
