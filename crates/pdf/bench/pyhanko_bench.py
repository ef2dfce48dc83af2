"""Times pyHanko signing the same PDFs as Signet's benchmark, in one process.

usage: pyhanko_bench.py RUNS FILE...
For every file, signs RUNS times as PAdES B-B and RUNS times as B-T (with pyHanko's in-process
dummy timestamp authority, so neither side pays for HTTP), with a P-256 signing key like Signet's (pyHanko's dummy TSA needs an RSA key).
Interpreter start-up and key generation are outside the timed region. Prints one JSON line per
(file, mode) with mean and median in milliseconds.
"""
import datetime
import io
import json
import statistics
import sys
import time

from asn1crypto import keys as asn1_keys, x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers, timestamps
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko_certvalidator.registry import SimpleCertificateStore

runs = int(sys.argv[1])
files = sys.argv[2:]
now = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=5)


def cert_for(key, cn, issuer_key=None, issuer_name=None, ca=False, eku=None):
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])
    b = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer_name or name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if eku:
        b = b.add_extension(x509.ExtendedKeyUsage(eku), critical=True)
    return b.sign(issuer_key or key, hashes.SHA256())


def asn1_cert(c):
    return asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))


def asn1_key(k):
    return asn1_keys.PrivateKeyInfo.load(
        k.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )


ca_key = ec.generate_private_key(ec.SECP256R1())
ca = cert_for(ca_key, "Bench CA", ca=True)
key = ec.generate_private_key(ec.SECP256R1())
leaf = cert_for(key, "Bench Signer", ca_key, ca.subject)
# pyHanko's in-process timestamp authority only signs with RSA, so its TSA key is RSA-2048.
tsa_key = rsa.generate_private_key(65537, 2048)
tsa = cert_for(tsa_key, "Bench TSA", ca_key, ca.subject, eku=[x509.oid.ExtendedKeyUsageOID.TIME_STAMPING])

signer = signers.SimpleSigner(
    signing_cert=asn1_cert(leaf),
    signing_key=asn1_key(key),
    cert_registry=SimpleCertificateStore.from_certs([asn1_cert(ca)]),
)
timestamper = timestamps.DummyTimeStamper(
    tsa_cert=asn1_cert(tsa),
    tsa_key=asn1_key(tsa_key),
    certs_to_embed=SimpleCertificateStore.from_certs([asn1_cert(ca)]),
)

for path in files:
    with open(path, "rb") as f:
        data = f.read()
    for with_ts in (False, True):
        samples = []
        for i in range(runs):
            start = time.perf_counter()
            w = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
            meta = signers.PdfSignatureMetadata(field_name="Bench%d" % i, subfilter=SigSeedSubFilter.PADES)
            out = io.BytesIO()
            signers.PdfSigner(meta, signer=signer, timestamper=timestamper if with_ts else None).sign_pdf(
                w, output=out
            )
            samples.append((time.perf_counter() - start) * 1000.0)
        print(
            json.dumps(
                {
                    "file": path,
                    "timestamp": with_ts,
                    "runs": runs,
                    "mean_ms": statistics.mean(samples),
                    "p50_ms": statistics.median(samples),
                }
            ),
            flush=True,
        )
