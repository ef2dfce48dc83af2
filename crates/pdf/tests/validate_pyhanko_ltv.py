"""Validates every signature of a PDF with pyHanko's long-term (PAdES-LTA, ETSI EN 319 102-1
§5.6.3) validation, from the data embedded in the file alone: no fetching of certificates,
OCSP responses or CRLs, revocation information required for every certificate but the trust
anchor.

usage: validate_pyhanko_ltv.py ROOTS.pem[:MORE.pem...] FILE.pdf [VALIDATION_TIME]

VALIDATION_TIME is ISO 8601 (e.g. 2030-01-01T00:00:00+00:00); by default the current time.
When it is given, the whole run happens with the process clock stopped at that time
(freezegun): pyHanko reads the clock itself where it does not take the requested time (the
time slide of its past certificate validation, ETSI EN 319 102-1 §5.6.2.1, starts from now,
and an object without a proof of existence gets one at now), so this plays a validator
living then. A stopped clock rather than a running one: a proof of existence handed out at
"now" must not come later than a control time taken a moment before.
Prints one JSON object per signature (document timestamps are judged as part of the LTA
chain): field, the AdES indication and sub-indication, the oldest evidence record timestamp,
and pyHanko's summary. Then one object for the file's plain validation at the current time
with revocation checking required ("hard-fail") from the DSS: field, revoked, valid, summary,
and whether the signer's certificate alone is revoked now (certificate_revoked), "now" being
VALIDATION_TIME when it is given.
"""
import asyncio
import json
import os
import sys
from datetime import datetime, timedelta, timezone

from freezegun import freeze_time
from pyhanko.keys import load_certs_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import ades
from pyhanko.sign.validation.pdf_embedded import async_validate_pdf_signature
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko.sign.validation.policy_decl import (
    PdfSignatureValidationSpec,
    RevinfoOnlineFetchingRule,
    RevocationInfoGatheringSpec,
    SignatureValidationSpec,
)
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import RevokedError
from pyhanko_certvalidator.authority import CertTrustAnchor
from pyhanko_certvalidator.context import CertValidationPolicySpec
from pyhanko_certvalidator.ltv.types import ValidationTimingInfo
from pyhanko_certvalidator.policy_decl import (
    CertRevTrustPolicy,
    RevocationCheckingPolicy,
    RevocationCheckingRule,
)
from pyhanko_certvalidator.registry import SimpleTrustManager

# Each file may hold several roots (a PEM bundle, as /v1/trust/ca.pem serves after a rollover).
roots = list(load_certs_from_pemder(sys.argv[1].split(os.pathsep)))
at = (
    datetime.fromisoformat(sys.argv[3])
    if len(sys.argv) > 3
    else datetime.now(timezone.utc)
)

required = RevocationCheckingPolicy(
    ee_certificate_rule=RevocationCheckingRule.CRL_OR_OCSP_REQUIRED,
    intermediate_ca_cert_rule=RevocationCheckingRule.CRL_OR_OCSP_REQUIRED,
)
policy = CertValidationPolicySpec(
    trust_manager=SimpleTrustManager.build(trust_roots=roots),
    revinfo_policy=CertRevTrustPolicy(required),
    time_tolerance=timedelta(minutes=5),
)
spec = PdfSignatureValidationSpec(
    SignatureValidationSpec(
        cert_validation_policy=policy,
        revinfo_gathering_policy=RevocationInfoGatheringSpec(
            online_fetching_rule=RevinfoOnlineFetchingRule.LOCAL_ONLY,
        ),
    )
)
timing = ValidationTimingInfo(
    validation_time=at, best_signature_time=at, point_in_time_validation=len(sys.argv) > 3
)


async def main():
    with open(sys.argv[2], "rb") as f:
        reader = PdfFileReader(f, strict=False)
        for sig in reader.embedded_signatures:
            if sig.sig_object_type == "/DocTimeStamp":
                continue
            out = {"field": sig.field_name, "validation_time": at.isoformat()}
            try:
                r = await ades.ades_lta_validation(sig, spec, timing_info=timing)
                out["indication"] = str(r.ades_subindic.status.name)
                out["sub_indication"] = str(r.ades_subindic.name)
                out["oldest_evidence_record"] = str(r.oldest_evidence_record_timestamp)
                out["summary"] = r.api_status.summary() if r.api_status else None
            except Exception as e:  # reported, and judged as a failure by the test
                out["error"] = repr(e)
            print(json.dumps(out))

        # Plain validation now, revocation required, from the DSS only.
        try:
            dss = DocumentSecurityStore.read_dss(reader)
        except Exception:
            dss = None
        for sig in reader.embedded_signatures:
            if sig.sig_object_type == "/DocTimeStamp":
                continue
            out = {"field": sig.field_name, "mode": "hard-fail"}
            kwargs = dict(trust_roots=roots, allow_fetching=False, revocation_mode="hard-fail")
            vc = dss.as_validation_context(kwargs) if dss else ValidationContext(**kwargs)
            try:
                st = await async_validate_pdf_signature(sig, signer_validation_context=vc)
                out["valid"] = bool(st.valid and st.intact)
                out["trusted"] = bool(st.trusted)
                out["revoked"] = bool(st.revoked)
                out["summary"] = st.summary()
            except Exception as e:
                out["error"] = repr(e)
            # The signer's certificate alone, now: a signature made before its certificate
            # was revoked stays valid (its timestamp proves when it was made), but the
            # certificate itself is reported revoked.
            cvc = dss.as_validation_context(kwargs) if dss else ValidationContext(**kwargs)
            cv = CertificateValidator(
                sig.signer_cert,
                intermediate_certs=sig.other_embedded_certs,
                validation_context=cvc,
            )
            try:
                await cv.async_validate_usage(set())
                out["certificate_revoked"] = False
            except RevokedError:
                out["certificate_revoked"] = True
            except Exception as e:
                out["certificate_error"] = repr(e)
            print(json.dumps(out))


if len(sys.argv) > 3:
    # asyncio keeps the real monotonic clock for its scheduling.
    with freeze_time(at, real_asyncio=True):
        asyncio.run(main())
else:
    asyncio.run(main())
