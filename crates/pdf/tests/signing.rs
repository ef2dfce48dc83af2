//! Behaviour of signing, the trust store and the acceptance check, without external tools.

mod common;

use signet_pdf::*;

fn store() -> TrustStore {
    TrustStore::generate("Acme Onboarding", common::now()).expect("trust store")
}

fn opts(timestamp: bool) -> SignOptions {
    SignOptions {
        signer_name: "Ana Silva".into(),
        reason: None,
        location: None,
        contact: None,
        signing_time: common::now(),
        timestamp,
        form: Default::default(),
        visible: None,
    }
}

#[test]
fn a_sealed_store_unsealed_with_the_right_key_signs_verifiably_under_the_same_root() {
    let trust = store();
    let key = [7u8; 32];
    let sealed = trust.seal(&key).expect("seal");
    let reopened = TrustStore::unseal(&sealed, &key).expect("unseal");
    assert_eq!(reopened.root_pem(), trust.root_pem());
    let signed = sign_pdf(
        &common::make_pdf(1, false, 0),
        &reopened.seal_credential(),
        &reopened,
        &opts(true),
    )
    .expect("sign");
    let report = verify_pdf(&signed, &[trust.root_pem()]).expect("verify");
    assert_eq!(report.signatures[0].indication, Indication::TotalPassed);
}

#[test]
fn unsealing_with_the_wrong_master_key_is_reported_as_a_wrong_key() {
    let sealed = store().seal(&[7u8; 32]).expect("seal");
    let err = TrustStore::unseal(&sealed, &[8u8; 32]).expect_err("wrong key must fail");
    assert!(matches!(err, PdfError::Unseal(_)), "{err:?}");
    assert!(err.to_string().contains("wrong master key"), "{err}");
}

#[test]
fn sealing_twice_uses_fresh_nonces_and_keeps_certificates_readable() {
    let trust = store();
    let a = trust.seal(&[1u8; 32]).expect("seal");
    let b = trust.seal(&[1u8; 32]).expect("seal");
    assert_ne!(a, b, "a fresh random nonce per key and per sealing");
    let text = String::from_utf8(a).expect("text");
    assert!(
        text.contains(&hex::encode(trust.root_der())),
        "certificates stay in the clear"
    );
}

#[test]
fn a_damaged_store_is_refused() {
    let mut sealed = store().seal(&[1u8; 32]).expect("seal");
    let last = sealed.len() - 3;
    sealed[last] = if sealed[last] == b'0' { b'1' } else { b'0' };
    assert!(TrustStore::unseal(&sealed, &[1u8; 32]).is_err());
    assert!(TrustStore::unseal(b"hello", &[1u8; 32]).is_err());
}

#[test]
fn check_pdf_refuses_bytes_that_are_not_a_pdf_with_return_code_92() {
    let err = check_pdf(b"GIF89a not a pdf at all", 1 << 20).expect_err("not a PDF");
    assert!(matches!(err, PdfError::NotAPdf(_)));
    assert_eq!(err.return_code(), Some(92));
    let err = check_pdf(b"%PDF-1.7\ngarbage without structure", 1 << 20).expect_err("broken");
    assert_eq!(err.return_code(), Some(92));
}

#[test]
fn check_pdf_refuses_an_encrypted_pdf() {
    let err = check_pdf(&common::make_encrypted_pdf(), 1 << 20).expect_err("encrypted");
    assert!(matches!(err, PdfError::Encrypted), "{err:?}");
    assert_eq!(err.return_code(), Some(91));
}

#[test]
fn check_pdf_refuses_an_oversized_pdf_with_return_code_93() {
    let pdf = common::make_pdf(1, false, 0);
    let err = check_pdf(&pdf, pdf.len() - 1).expect_err("too large");
    assert!(matches!(err, PdfError::TooLarge { .. }));
    assert_eq!(err.return_code(), Some(93));
}

#[test]
fn check_pdf_accepts_a_plain_pdf_and_counts_its_pages() {
    let info = check_pdf(&common::make_pdf(4, true, 0), 1 << 20).expect("acceptable");
    assert_eq!(info.pages, 4);
    assert_eq!(info.signatures, 0);
    assert!(info.xref_stream);
    let info = check_pdf(&common::make_pdf(2, false, 0), 1 << 20).expect("acceptable");
    assert_eq!(info.pages, 2);
    assert!(!info.xref_stream);
}

#[test]
fn signing_an_encrypted_pdf_is_refused() {
    let trust = store();
    let err = sign_pdf(
        &common::make_encrypted_pdf(),
        &trust.seal_credential(),
        &trust,
        &opts(true),
    )
    .expect_err("encrypted");
    assert!(matches!(err, PdfError::Encrypted));
}

#[test]
fn the_signed_output_starts_with_the_exact_input_bytes() {
    let trust = store();
    for xref_stream in [false, true] {
        let input = common::make_pdf(2, xref_stream, 5_000);
        let out = sign_pdf(&input, &trust.seal_credential(), &trust, &opts(true)).expect("sign");
        assert!(out.len() > input.len());
        assert_eq!(&out[..input.len()], &input[..]);
        let info = check_pdf(&out, usize::MAX).expect("signed file is still a good PDF");
        assert_eq!(info.signatures, 1);
        assert_eq!(info.pages, 2);
    }
}

#[test]
fn a_signature_without_timestamp_is_baseline_b_b_and_uses_the_claimed_time() {
    let trust = store();
    let out = sign_pdf(
        &common::make_pdf(1, false, 0),
        &trust.seal_credential(),
        &trust,
        &opts(false),
    )
    .expect("sign");
    let report = verify_pdf(&out, &[trust.root_pem()]).expect("verify");
    let s = &report.signatures[0];
    assert_eq!(s.detected_level, "PAdES-B-B");
    assert_eq!(s.timestamp_time, None);
    assert_eq!(s.time, Some(common::now()));
    assert_eq!(s.indication, Indication::TotalPassed);
    assert!(s.covers_whole_file);
    assert!(report.produced_by_signet);
}

#[test]
fn an_advanced_certificate_names_the_verified_identity() {
    let trust = store();
    let cred = trust
        .issue_signer(
            &SignerIdentity {
                name: "Zoë O'Brien, Jr.".into(),
                email: Some("zoe@example.com".into()),
                country: Some("IE".into()),
                serial_number: Some("IDENT-7".into()),
            },
            common::now(),
        )
        .expect("issue");
    let subject = cred.subject();
    assert!(subject.contains("Zoë O'Brien"), "{subject}");
    assert!(subject.contains("C=IE"), "{subject}");
    assert!(subject.contains("IDENT-7"), "{subject}");
    let out = sign_pdf(&common::make_pdf(1, false, 0), &cred, &trust, &opts(true)).expect("sign");
    let report = verify_pdf(&out, &[trust.root_pem()]).expect("verify");
    assert!(
        report.signatures[0]
            .certificate_subject
            .contains("Zoë O'Brien")
    );
}

#[test]
fn a_bad_identity_fails_as_a_certificate_error_with_status_6001() {
    let trust = store();
    for id in [
        SignerIdentity {
            name: "  ".into(),
            ..Default::default()
        },
        SignerIdentity {
            name: "A".into(),
            country: Some("Portugal".into()),
            ..Default::default()
        },
    ] {
        let err = trust.issue_signer(&id, common::now()).expect_err("refused");
        assert!(matches!(err, PdfError::Certificate(_)));
        assert_eq!(err.status_code(), 6001);
    }
}

#[test]
fn a_later_revision_that_changes_a_page_is_not_accepted_as_form_filling() {
    let trust = store();
    let signed = sign_pdf(
        &common::make_pdf(1, false, 0),
        &trust.seal_credential(),
        &trust,
        &opts(true),
    )
    .expect("sign");
    // Append an incremental update that changes the page's MediaBox.
    let mut inc: lopdf::IncrementalDocument = signed.as_slice().try_into().expect("load");
    let page_id = *inc
        .get_prev_documents()
        .get_pages()
        .values()
        .next()
        .expect("page");
    inc.opt_clone_object_to_new_document(page_id)
        .expect("clone");
    inc.new_document
        .get_dictionary_mut(page_id)
        .expect("page")
        .set("MediaBox", vec![0.into(), 0.into(), 100.into(), 100.into()]);
    let mut changed = Vec::new();
    inc.save_to(&mut changed).expect("save");
    let report = verify_pdf(&changed, &[trust.root_pem()]).expect("verify");
    let s = &report.signatures[0];
    assert_eq!(s.later_changes, LaterChanges::Other);
    assert_eq!(s.indication, Indication::Indeterminate);
    assert!(!report.produced_by_signet);
}

#[test]
fn a_document_timestamp_closes_the_file_and_keeps_earlier_signatures_valid() {
    let trust = store();
    let signed = sign_pdf(
        &common::make_pdf(1, true, 0),
        &trust.seal_credential(),
        &trust,
        &opts(true),
    )
    .expect("sign");
    let closed = timestamp_pdf(&signed, &trust, common::now()).expect("timestamp");
    let report = verify_pdf(&closed, &[trust.root_pem()]).expect("verify");
    assert_eq!(report.signatures.len(), 2);
    assert_eq!(report.signatures[0].indication, Indication::TotalPassed);
    assert_eq!(
        report.signatures[0].later_changes,
        LaterChanges::SignaturesAndFormsOnly
    );
    let ts = &report.signatures[1];
    assert!(ts.is_document_timestamp);
    assert_eq!(ts.detected_level, "document-timestamp");
    assert_eq!(ts.time, Some(common::now()));
    assert!(report.produced_by_signet);
}

#[test]
fn error_codes_follow_the_seeds() {
    assert_eq!(PdfError::Signing("x".into()).status_code(), 6005);
    assert_eq!(PdfError::Timestamp("x".into()).status_code(), 6006);
    assert_eq!(PdfError::DocumentTimestamp("x".into()).status_code(), 6007);
    assert_eq!(PdfError::Encrypted.status_code(), 6004);
    assert_eq!(PdfError::Signing("x".into()).return_code(), None);
}

#[test]
fn a_verification_report_serialises_with_etsi_indications() {
    let trust = store();
    let out = sign_pdf(
        &common::make_pdf(1, false, 0),
        &trust.seal_credential(),
        &trust,
        &opts(true),
    )
    .expect("sign");
    let report = verify_pdf(&out, &[trust.root_pem()]).expect("verify");
    let json = serde_json::to_value(&report).expect("json");
    assert_eq!(json["produced_by_signet"], true);
    let sig = &json["signatures"][0];
    assert_eq!(sig["indication"], "TOTAL-PASSED");
    assert_eq!(sig["detected_level"], "PAdES-B-T");
    assert_eq!(sig["later_changes"], "none");
    assert_eq!(sig["time"], "2026-11-22T09:30:00Z");
}

#[test]
fn damaged_signed_files_never_crash_the_verifier_or_the_signer() {
    let trust = store();
    let signed = sign_pdf(
        &common::make_pdf(1, true, 2_000),
        &trust.seal_credential(),
        &trust,
        &opts(true),
    )
    .expect("sign");
    let roots = [trust.root_pem()];
    let [_, gap_start, gap_end, _] = verify_pdf(&signed, &roots).expect("verify").signatures[0]
        .byte_range
        .map(|v| v as usize);
    // Single-byte damage spread over the whole file, and truncations.
    let step = (signed.len() / 150).max(1);
    for at in (0..signed.len()).step_by(step) {
        for value in [b'0', b'>', b' ', 0xff] {
            let mut damaged = signed.clone();
            damaged[at] = value;
            let in_signed_range = at < gap_start || at >= gap_end;
            if let Ok(report) = verify_pdf(&damaged, &roots)
                && damaged != signed
                && in_signed_range
            {
                assert!(
                    report
                        .signatures
                        .iter()
                        .all(|s| s.indication != Indication::TotalPassed),
                    "a change at byte {at} went unnoticed"
                );
            }
            let _ = check_pdf(&damaged, usize::MAX);
        }
    }
    for len in (0..signed.len()).step_by(step * 3) {
        let _ = verify_pdf(&signed[..len], &roots);
        let _ = sign_pdf(
            &signed[..len],
            &trust.seal_credential(),
            &trust,
            &opts(false),
        );
    }
}
