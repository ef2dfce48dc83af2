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
