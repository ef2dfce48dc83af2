"""Signs a PDF with pyHanko under a freshly made CA, as an outside signer would.

usage: sign_pyhanko.py KIND IN.pdf OUT.pdf CA.pem [certify|timestamp|wrong-usage]   (KIND: ec or rsa)
With `certify`, the signature is a certification that allows no further changes (DocMDP P=1).
With `timestamp`, it carries a signature timestamp from pyHanko's in-process authority (an
RSA-2048 key with its own certificate from the same CA): PAdES B-T.
With `wrong-usage`, the signer's certificate allows key encipherment only, not signatures.
Writes the CA certificate to CA.pem. The signer uses SHA-384 (ec) or SHA-512 (rsa) so that the
verifier's digest handling beyond SHA-256 is exercised.
"""
import datetime
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers, timestamps
from pyhanko.sign.fields import MDPPerm, SigSeedSubFilter
from pyhanko_certvalidator.registry import SimpleCertificateStore
from asn1crypto import keys as asn1_keys, x509 as asn1_x509

kind, src, dst, ca_path = sys.argv[1:5]
option = sys.argv[5] if len(sys.argv) > 5 else ""
certify = option == "certify"
now = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=5)


def make_key():
    return ec.generate_private_key(ec.SECP256R1()) if kind == "ec" else rsa.generate_private_key(65537, 2048)


def name(cn):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


ca_key = make_key()
ca = (
    x509.CertificateBuilder()
    .subject_name(name("Outside Test CA"))
    .issuer_name(name("Outside Test CA"))
    .public_key(ca_key.public_key())
    .serial_number(x509.random_serial_number())
    .not_valid_before(now)
    .not_valid_after(now + datetime.timedelta(days=30))
    .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
    .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
    .sign(ca_key, hashes.SHA256())
)
key = make_key()
leaf = (
    x509.CertificateBuilder()
    .subject_name(name("Outside Signer"))
    .issuer_name(ca.subject)
    .public_key(key.public_key())
    .serial_number(x509.random_serial_number())
    .not_valid_before(now)
    .not_valid_after(now + datetime.timedelta(days=30))
    .add_extension(
        x509.KeyUsage(False, False, True, False, False, False, False, False, False)
        if option == "wrong-usage"
        else x509.KeyUsage(True, True, False, False, False, False, False, False, False),
        critical=True,
    )
    .sign(ca_key, hashes.SHA256())
)
with open(ca_path, "wb") as f:
    f.write(ca.public_bytes(serialization.Encoding.PEM))

signer = signers.SimpleSigner(
    signing_cert=asn1_x509.Certificate.load(leaf.public_bytes(serialization.Encoding.DER)),
    signing_key=asn1_keys.PrivateKeyInfo.load(
        key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    ),
    cert_registry=SimpleCertificateStore.from_certs(
        [asn1_x509.Certificate.load(ca.public_bytes(serialization.Encoding.DER))]
    ),
)
timestamper = None
if option == "timestamp":
    tsa_key = rsa.generate_private_key(65537, 2048)
    tsa = (
        x509.CertificateBuilder()
        .subject_name(name("Outside Test TSA"))
        .issuer_name(ca.subject)
        .public_key(tsa_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    timestamper = timestamps.DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(tsa.public_bytes(serialization.Encoding.DER)),
        tsa_key=asn1_keys.PrivateKeyInfo.load(
            tsa_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        ),
        certs_to_embed=SimpleCertificateStore.from_certs(
            [asn1_x509.Certificate.load(ca.public_bytes(serialization.Encoding.DER))]
        ),
    )

with open(src, "rb") as inf:
    w = IncrementalPdfFileWriter(inf, strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name="OutsideSignature",
        md_algorithm="sha384" if kind == "ec" else "sha512",
        subfilter=SigSeedSubFilter.PADES,
        certify=certify,
        docmdp_permissions=MDPPerm.NO_CHANGES if certify else MDPPerm.FILL_FORMS,
    )
    with open(dst, "wb") as outf:
        signers.PdfSigner(meta, signer=signer, timestamper=timestamper).sign_pdf(w, output=outf)
