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
