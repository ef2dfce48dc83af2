"""A webhook receiver that verifies deliveries with the Standard Webhooks reference library.

Usage: receiver.py SECRET [SECRET ...]

Listens on an ephemeral port of 127.0.0.1 and prints "port N" first. A POST to /verify/I is
checked with the I-th secret by `standardwebhooks.webhooks.Webhook(secret).verify(body, headers)`,
which also enforces its own +-5 minute timestamp tolerance against this machine's clock. The
answer is 204 when the delivery verifies and 401 with the library's reason when it does not;
each verdict is also printed as a line: "verified ID" or "rejected ID: REASON".
"""

import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

SECRETS = sys.argv[1:]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("content-length", "0"))
        body = self.rfile.read(length)
        msg_id = self.headers.get("webhook-id", "-")
        try:
            index = int(self.path.rsplit("/", 1)[-1])
            Webhook(SECRETS[index]).verify(body, dict(self.headers.items()))
        except (WebhookVerificationError, ValueError, IndexError) as e:
            reason = str(e) or type(e).__name__
            print(f"rejected {msg_id}: {reason}", flush=True)
            self.answer(401, reason.encode())
            return
        print(f"verified {msg_id}", flush=True)
        self.answer(204, b"")

    def answer(self, status, payload):
        self.send_response(status)
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print(f"port {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
