//! The harness itself: that it finds a panic, shrinks and keeps the input, and that it fails a
//! case over its memory limit. Without these, a target that passes proves nothing.

use std::panic::{AssertUnwindSafe, catch_unwind};

use signet_fuzz::{Counting, Memory, Target, failures_dir, run};

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn failure_of(target: &Target, corpus: &[&[u8]]) -> String {
    let corpus = corpus
        .iter()
        .enumerate()
        .map(|(i, c)| (format!("seed-{i}"), c.to_vec()))
        .collect();
    let payload = catch_unwind(AssertUnwindSafe(|| run(target, corpus, 2000, 7)))
        .expect_err("the run must fail");
    payload
        .downcast_ref::<String>()
        .cloned()
        .unwrap_or_default()
}

// Panics on a byte no seed holds, the way a parser indexes past a bound on a stray byte.
fn panics_on_ff(data: &[u8]) {
    if let Some(i) = data.iter().position(|&b| b == 0xFF) {
        let _ = data[i + 1000];
    }
}

#[test]
fn a_panic_is_found_shrunk_and_kept() {
    let target = Target {
        name: "selftest-panic",
        run: panics_on_ff,
        dictionary: &[],
        memory: Memory {
            fixed: 1 << 20,
            per_byte: 64,
        },
        cases: 0,
        generator: None,
        shares: None,
    };
    let message = failure_of(&target, &[b"hello, world", b"seed two"]);
    assert!(
        message.contains("panicked: index out of bounds"),
        "{message}"
    );
    let kept = std::fs::read(failures_dir().join("selftest-panic.bin")).expect("kept");
    assert!(kept.contains(&0xFF), "{kept:?}");
    // Shrunk: one edit of a seed, not the several a case starts with.
    assert!(kept.len() <= "hello, world".len() + 16, "{kept:?}");
}

// Holds a buffer the size of its input's first byte in megabytes, as a parser that allocates a
// count it read.
fn allocates_what_it_reads(data: &[u8]) {
    let megabytes = usize::from(data.first().copied().unwrap_or(0) % 16);
    let buffer = std::hint::black_box(vec![1u8; megabytes << 20]);
    drop(buffer);
}

#[test]
fn a_case_over_its_memory_limit_fails() {
    let target = Target {
        name: "selftest-memory",
        run: allocates_what_it_reads,
        dictionary: &[],
        memory: Memory {
            fixed: 4 << 20,
            per_byte: 64,
        },
        cases: 0,
        generator: None,
        shares: None,
    };
    // One megabyte passes; mutations of the first byte soon ask for more than four.
    let message = failure_of(&target, &[b"\x01 one megabyte"]);
    assert!(
        message.contains("at its peak, over the limit of"),
        "{message}"
    );
    let kept = std::fs::read(failures_dir().join("selftest-memory.bin")).expect("kept");
    assert!(kept.first().is_some_and(|b| b % 16 > 4), "{kept:?}");
}
