"""A real SMTP server for the notify tests, built on aiosmtpd.

Usage: smtp_sink.py OUT_DIR PORT [USER PASSWORD]

Listens on 127.0.0.1:PORT without TLS. With USER and PASSWORD it offers AUTH PLAIN/LOGIN
(allowed without TLS here, for the test only) and refuses mail from unauthenticated clients.
Each message received is parsed with Python's own email package and written to
OUT_DIR/NNNN.json before the server answers 250, so the file exists by the time the
client's send returns:

  {"mail_from", "rcpt_tos", "auth_user", "from", "to", "subject", "message_id",
   "auto_submitted", "content_type", "text", "html"}

Prints "ready" on stdout once it accepts connections.
"""

import json
import os
import sys
import warnings
from email import policy
from email.parser import BytesParser

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Saver:
    def __init__(self, out_dir):
        self.out_dir = out_dir
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        msg = BytesParser(policy=policy.default).parsebytes(envelope.original_content)
        text = msg.get_body(preferencelist=("plain",))
        html = msg.get_body(preferencelist=("html",))
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "auth_user": (session.auth_data.login.decode()
                          if isinstance(session.auth_data, LoginPassword) else None),
            "from": str(msg["From"]),
            "to": str(msg["To"]),
            "subject": str(msg["Subject"]),
            "message_id": str(msg["Message-ID"]),
            "auto_submitted": msg["Auto-Submitted"] and str(msg["Auto-Submitted"]),
            "content_type": msg.get_content_type(),
            "text": text.get_content() if text is not None else None,
            "html": html.get_content() if html is not None else None,
        }
        self.count += 1
        path = os.path.join(self.out_dir, f"{self.count:04}.json")
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.replace(path + ".tmp", path)
        return "250 Message accepted for delivery"


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == user
              and auth_data.password.decode() == password)
        # handled=False: aiosmtpd answers a failure with its own 535.
        return AuthResult(success=ok, handled=False, auth_data=auth_data)
    return check


def main():
    out_dir, port = sys.argv[1], int(sys.argv[2])
    kwargs = {}
    if len(sys.argv) == 5:
        warnings.simplefilter("ignore")  # AUTH without TLS, on purpose
        kwargs = dict(authenticator=authenticator(sys.argv[3], sys.argv[4]),
                      auth_required=True, auth_require_tls=False)
    controller = Controller(Saver(out_dir), hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    print("ready", flush=True)
    try:
        # Until the test kills the process or closes stdin.
        while sys.stdin.read(1):
            pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
