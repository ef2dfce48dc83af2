"""Validates every signature of a PDF with pyHanko, trusting only the given roots.

usage: validate_pyhanko.py ROOT.pem[:ROOT2.pem...] FILE.pdf

Prints one JSON object per signature: field, kind (signature or doc-timestamp), intact, valid,
trusted, whether a signature timestamp token was seen and judged valid, and pyHanko's summary.
"""
import json
import os
import sys

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko_certvalidator import ValidationContext

roots = [load_cert_from_pemder(p) for p in sys.argv[1].split(os.pathsep)]
with open(sys.argv[2], "rb") as f:
    reader = PdfFileReader(f, strict=False)
    for sig in reader.embedded_signatures:
        vc = ValidationContext(trust_roots=roots, allow_fetching=False)
        out = {"field": sig.field_name}
        try:
            if sig.sig_object_type == "/DocTimeStamp":
                st = validate_pdf_timestamp(sig, validation_context=vc)
                out["kind"] = "doc-timestamp"
                out["timestamp_time"] = str(st.timestamp)
            else:
                st = validate_pdf_signature(sig, signer_validation_context=vc, ts_validation_context=vc)
                out["kind"] = "signature"
                tv = st.timestamp_validity
                out["has_timestamp"] = tv is not None
                out["timestamp_valid"] = bool(tv and tv.intact and tv.valid and tv.trusted)
                out["timestamp_time"] = str(tv.timestamp) if tv else None
                out["signer"] = st.signing_cert.subject.human_friendly
            out["intact"] = bool(st.intact)
            out["valid"] = bool(st.valid)
            out["trusted"] = bool(st.trusted)
            out["coverage"] = str(getattr(st, "coverage", ""))
            out["modification_level"] = str(getattr(st, "modification_level", ""))
            out["summary"] = st.summary()
        except Exception as e:  # reported, and judged as a failure by the test
            out["error"] = repr(e)
            out["intact"] = out["valid"] = out["trusted"] = False
        print(json.dumps(out))
