//! Fuzzing of every parser that reads untrusted input, on stable Rust, as ordinary tests.
//!
//! Each [`Target`] is a function from bytes to nothing that feeds one parser and must never
//! panic. [`fuzz`] runs it first over the target's committed corpus (`corpus/<name>/`: small
//! valid samples of the format and every input that once failed), then over a fixed number of
//! inputs made by mutating those samples byte by byte ([`mutate`]) and, where a target has one,
//! by a structured generator. Cases come from proptest, so a failure shrinks to the fewest edits
//! of the simplest seed that still fail; the failing input is written to
//! `target/fuzz-failures/<name>.bin` to be added to the corpus once fixed.
//!
//! Every case runs under the counting allocator of [`alloc`]: a case whose peak memory goes over
//! the target's [`Memory`] limit fails like a panic. `docs/fuzzing.md` has the commands.
//!
//! Environment: `FUZZ_CASES` (cases per target, instead of each target's default, which is sized
//! for a debug build in CI), `FUZZ_SEED` (a number, or `random`; by default a fixed seed per
//! target, so a CI run is reproducible), `FUZZ_FAILURES` (where failing inputs go),
//! `FUZZ_KEEP_CURRENT` (set: each input is written to `<target>.current` there before it runs,
//! to keep one that aborts the process at the hard memory ceiling).

pub mod alloc;
pub mod mutate;
pub mod targets;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::Instant;

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngAlgorithm, TestError, TestRng, TestRunner};

pub use alloc::Counting;
use mutate::Mutation;

/// How much memory one case may hold at its peak: `fixed` bytes plus `per_byte` for each byte
/// of the input. A parser whose use grows faster than its input (a decompression bomb, a count
/// read from the input and allocated up front) goes over it.
#[derive(Debug, Clone, Copy)]
pub struct Memory {
    pub fixed: usize,
    pub per_byte: usize,
}

impl Memory {
    fn limit(self, input_len: usize) -> usize {
        self.fixed
            .saturating_add(self.per_byte.saturating_mul(input_len))
    }
}

/// One parser under fuzzing.
pub struct Target {
    /// The target's name: its corpus folder and its failure file.
    pub name: &'static str,
    /// Feeds one input to the parser. Errors are fine; a panic is a failure.
    pub run: fn(&[u8]),
    /// Keywords of the input's format that mutations insert (tags, delimiters, operators).
    pub dictionary: &'static [&'static [u8]],
    pub memory: Memory,
    /// Cases in an ordinary test run (CI, debug build).
    pub cases: u32,
    /// Inputs built from the format's grammar, mutated like the seeds.
    pub generator: Option<fn() -> BoxedStrategy<Vec<u8>>>,
    /// Another target whose corpus seeds this one too (same input format).
    pub shares: Option<&'static str>,
}

/// What one case starts from before its mutations.
#[derive(Debug, Clone)]
enum Base {
    Seed(Index),
    Generated(Vec<u8>),
}

/// One case: a base input and the edits made to it.
#[derive(Debug, Clone)]
struct Case {
    base: Base,
    mutations: Vec<Mutation>,
}

impl Case {
    fn bytes(&self, seeds: &[Vec<u8>], dictionary: &[&[u8]]) -> Vec<u8> {
        let mut data = match &self.base {
            Base::Seed(i) if !seeds.is_empty() => seeds[i.index(seeds.len())].clone(),
            Base::Seed(_) => Vec::new(),
            Base::Generated(bytes) => bytes.clone(),
        };
        for m in &self.mutations {
            m.apply(&mut data, seeds, dictionary);
        }
        data
    }
}

/// The folder of a target's committed corpus.
pub fn corpus_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(name)
}

/// The corpus of a target, in file-name order: (file name, contents).
pub fn corpus(name: &str) -> Vec<(String, Vec<u8>)> {
    let dir = corpus_dir(name);
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("corpus {}: {e}", dir.display()));
    let mut files: Vec<(String, Vec<u8>)> = entries
        .map(|e| {
            let path = e.expect("corpus entry").path();
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let bytes = std::fs::read(&path)
                .unwrap_or_else(|e| panic!("corpus file {}: {e}", path.display()));
            (name, bytes)
        })
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "corpus {} is empty", dir.display());
    files
}

/// Runs one input through a target: the peak of memory it held, or `Err` with the reason when it
/// panics or holds more than its limit.
pub fn check(target: &Target, data: &[u8]) -> Result<usize, String> {
    let limit = target.memory.limit(data.len());
    // The hard ceiling stops a runaway well past the limit, before it takes the machine's memory.
    let ceiling = limit.saturating_mul(4).max(1 << 30);
    let (outcome, peak) = alloc::measure(target.name, ceiling, || {
        catch_unwind(AssertUnwindSafe(|| (target.run)(data)))
    });
    if let Err(payload) = outcome {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_owned());
        return Err(format!("panicked: {message}"));
    }
    if peak > limit {
        return Err(format!(
            "held {peak} bytes at its peak, over the limit of {limit} for {} input bytes",
            data.len()
        ));
    }
    Ok(peak)
}

fn env_u64(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    let text = text.trim();
    let parsed = match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => text.parse(),
    };
    Some(parsed.unwrap_or_else(|_| panic!("{name}={text:?} is not a number")))
}

/// The run's seed: `FUZZ_SEED`, a fresh random one for `FUZZ_SEED=random`, or a fixed one
/// derived from the target's name.
fn run_seed(name: &str) -> u64 {
    if std::env::var("FUZZ_SEED").is_ok_and(|v| v.trim() == "random") {
        use std::hash::{BuildHasher, RandomState};
        return RandomState::new().hash_one(name);
    }
    env_u64("FUZZ_SEED").unwrap_or_else(|| {
        // FNV-1a of the name: stable across builds and platforms.
        name.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        })
    })
}

/// A folder of the target's own for the files its parser reads (removed when its run ends).
pub fn scratch_dir(target: &str) -> PathBuf {
    std::env::temp_dir().join(format!("signet-fuzz-{}-{target}", std::process::id()))
}

/// Where failing inputs are written: `FUZZ_FAILURES`, or `target/fuzz-failures`.
pub fn failures_dir() -> PathBuf {
    std::env::var_os("FUZZ_FAILURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/fuzz-failures"))
}

/// Writes an input to `file` in [`failures_dir`], where it can be picked up for the corpus, and
/// says where.
fn keep_input(file: &str, data: &[u8]) -> String {
    let dir = failures_dir();
    let path = dir.join(file);
    match std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, data)) {
        Ok(()) => path.display().to_string(),
        Err(e) => format!("(not saved: {e})"),
    }
}

/// Whether this is the PostgreSQL pass of `scripts/test.sh`: the targets touch no database, so
/// the suite's second pass would only repeat the same cases.
fn postgres_pass() -> bool {
    std::env::var("SIGNET_TEST_DATABASE").is_ok_and(|v| v == "postgres")
        && std::env::var_os("FUZZ_CASES").is_none()
}

/// Fuzzes one target: its committed corpus, then `FUZZ_CASES` cases (the target's default when
/// unset) from `FUZZ_SEED` (a fixed seed per target when unset). Panics (fails the test) on the
/// first input that panics or goes over its memory limit, after shrinking it.
pub fn fuzz(target: &Target) {
    if postgres_pass() {
        eprintln!(
            "fuzz {}: skipped on the PostgreSQL pass (no database)",
            target.name
        );
        return;
    }
    let cases =
        env_u64("FUZZ_CASES").map_or(target.cases, |n| u32::try_from(n).unwrap_or(u32::MAX));
    let mut inputs = corpus(target.name);
    if let Some(other) = target.shares {
        inputs.extend(corpus(other));
    }
    run(target, inputs, cases, run_seed(target.name));
}

/// Runs `target` over `corpus` and then `cases` cases drawn from `seed`.
pub fn run(target: &Target, corpus: Vec<(String, Vec<u8>)>, cases: u32, seed: u64) {
    assert!(
        alloc::installed(),
        "the fuzz test binary must install signet_fuzz::Counting as its #[global_allocator]"
    );
    let started = Instant::now();
    // A first pass, unmeasured, builds the parsers' one-time tables (phone-number metadata,
    // lazily compiled patterns), which no input pays for; a panic still fails it below.
    for (_, data) in &corpus {
        let _ = catch_unwind(AssertUnwindSafe(|| (target.run)(data)));
    }
    for (file, data) in &corpus {
        if let Err(reason) = check(target, data) {
            panic!("fuzz {}: corpus input {file} {reason}", target.name);
        }
    }
    let seeds: Vec<Vec<u8>> = corpus.into_iter().map(|(_, data)| data).collect();

    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_iters: 4096,
        ..Config::default()
    };
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &key);
    let mut runner = TestRunner::new_with_rng(config, rng);

    let mutations = proptest::collection::vec(mutate::mutation(), 0..8);
    let from_seed = (any::<Index>(), mutations).prop_map(|(i, mutations)| Case {
        base: Base::Seed(i),
        mutations,
    });
    let strategy = match target.generator {
        Some(generator) => {
            let generated = (
                generator(),
                proptest::collection::vec(mutate::mutation(), 0..3),
            )
                .prop_map(|(bytes, mutations)| Case {
                    base: Base::Generated(bytes),
                    mutations,
                });
            prop_oneof![3 => from_seed, 1 => generated].boxed()
        }
        None => from_seed.boxed(),
    };

    let largest_peak = std::cell::Cell::new(0usize);
    // A case that aborts the process (over the hard memory ceiling) cannot be kept after the
    // fact; on request, each input is written before it runs.
    let keep_current = std::env::var_os("FUZZ_KEEP_CURRENT").is_some();
    let result = runner.run(&strategy, |case| {
        let data = case.bytes(&seeds, target.dictionary);
        if keep_current {
            keep_input(&format!("{}.current", target.name), &data);
        }
        let peak = check(target, &data).map_err(TestCaseError::fail)?;
        largest_peak.set(largest_peak.get().max(peak));
        Ok(())
    });
    let _ = std::fs::remove_dir_all(scratch_dir(target.name));
    match result {
        Ok(()) => eprintln!(
            "fuzz {}: {} corpus inputs and {cases} cases passed (seed {seed:#x}) in {:.1} s; \
             largest peak of memory {} KiB",
            target.name,
            seeds.len(),
            started.elapsed().as_secs_f64(),
            largest_peak.get() / 1024
        ),
        Err(TestError::Fail(reason, case)) => {
            let data = case.bytes(&seeds, target.dictionary);
            let saved = keep_input(&format!("{}.bin", target.name), &data);
            panic!(
                "fuzz {}: an input {reason}\n  (seed {seed:#x}; {:?} with mutations {:?}; {} bytes saved to {saved}; \
                 once the parser is fixed, add it to {})",
                target.name,
                match case.base {
                    Base::Seed(_) => "a corpus seed",
                    Base::Generated(_) => "a generated input",
                },
                case.mutations,
                data.len(),
                corpus_dir(target.name).display()
            );
        }
        Err(TestError::Abort(reason)) => panic!("fuzz {}: aborted: {reason}", target.name),
    }
}
