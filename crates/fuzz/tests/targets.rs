//! Every fuzz target, as an ordinary test: its corpus, then `FUZZ_CASES` mutated inputs (each
//! target's own default when unset). `docs/fuzzing.md` has the longer run.

use signet_fuzz::{Counting, fuzz, targets};

// Counts each case's memory (see `signet_fuzz::alloc`).
#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[test]
fn fuzz_mrz() {
    fuzz(&targets::MRZ);
}

#[test]
fn fuzz_person_json() {
    fuzz(&targets::PERSON_JSON);
}

#[test]
fn fuzz_ofac_sdn_csv() {
    fuzz(&targets::OFAC_SDN_CSV);
}

#[test]
fn fuzz_ofac_sdn_xml() {
    fuzz(&targets::OFAC_SDN_XML);
}

#[test]
fn fuzz_eu_fsf_xml() {
    fuzz(&targets::EU_FSF_XML);
}

#[test]
fn fuzz_un_xml() {
    fuzz(&targets::UN_XML);
}

#[test]
fn fuzz_uk_sanctions_list() {
    fuzz(&targets::UK_SANCTIONS_LIST);
}

#[test]
fn fuzz_opensanctions_ftm() {
    fuzz(&targets::OPENSANCTIONS_FTM);
}

#[test]
fn fuzz_image() {
    fuzz(&targets::IMAGE);
}

#[test]
fn fuzz_pdf_intake() {
    fuzz(&targets::PDF_INTAKE);
}

// Two findings this target made, kept in corpus/pdf-render/:
// - double-flate-intake-counts-as-empty.pdf: intake measured a damaged Flate stream by what a
//   strict decoder read before its error (nothing), while hayro's lenient inflater decoded the
//   same stream past 1 GiB. Intake now refuses a Flate stream no reading decodes to a clean end.
// - xref-subsection-overflow.pdf: hayro 0.6 overflows an addition reading a cross-reference
//   subsection that starts near 2^32 (a panic in debug builds); render.rs now guards opening a
//   file as it guards drawing.
#[test]
fn fuzz_pdf_render() {
    fuzz(&targets::PDF_RENDER);
}

#[test]
fn fuzz_pdf_verify() {
    fuzz(&targets::PDF_VERIFY);
}

/// Writes the signed seeds of `pdf-verify` and the root they chain to (run once; the files are
/// committed): the unsigned seeds of `pdf-intake` sealed with a timestamp, signed again by an
/// advanced signer's certificate, and given a document timestamp.
#[test]
#[ignore = "writes the committed PDF verification seeds"]
fn write_pdf_seeds() {
    use chrono::TimeZone;
    use signet_pdf::{SignOptions, SignerIdentity, TrustStore, sign_pdf, timestamp_pdf};

    let now = chrono::Utc
        .with_ymd_and_hms(2026, 11, 22, 9, 30, 0)
        .single()
        .expect("a time");
    let trust = TrustStore::generate_test("Fuzz", now).expect("trust store");
    let opts = |name: &str| SignOptions {
        signer_name: name.into(),
        reason: Some("Fuzz seed".into()),
        location: None,
        contact: None,
        signing_time: now,
        timestamp: true,
        form: Default::default(),
        visible: None,
    };
    let advanced = trust
        .issue_signer(
            &SignerIdentity {
                name: "Ana Silva".into(),
                email: Some("ana@example.com".into()),
                country: Some("PT".into()),
                serial_number: Some("idnt-fuzz".into()),
            },
            now,
        )
        .expect("signer");
    let intake = signet_fuzz::corpus_dir("pdf-intake");
    let verify = signet_fuzz::corpus_dir("pdf-verify");
    for base in ["classic", "xref-stream"] {
        let pdf = std::fs::read(intake.join(format!("{base}.pdf"))).expect("seed");
        let sealed =
            sign_pdf(&pdf, &trust.seal_credential(), &trust, &opts("Jane Doe")).expect("seal");
        let twice = sign_pdf(&sealed, &advanced, &trust, &opts("Ana Silva")).expect("sign");
        let stamped = timestamp_pdf(&twice, &trust, now).expect("timestamp");
        std::fs::write(verify.join(format!("{base}-sealed.pdf")), &sealed).expect("write");
        std::fs::write(
            verify.join(format!("{base}-signed-twice-timestamped.pdf")),
            &stamped,
        )
        .expect("write");
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/pdf-root.der");
    std::fs::write(root, trust.root_der()).expect("write root");
}
