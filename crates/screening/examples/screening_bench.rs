//! Screening speed: one query against 50,000 list names (p50, p99) and a re-screen of 100,000
//! persons, beside rapidfuzz's Jaro-Winkler (`eval/bench_baseline.py`) over the same data in the
//! same run.
//!
//! `cargo run -p signet-screening --release --example screening_bench`
//!
//! The data is synthetic but shaped like real lists: given and family names from the evaluation
//! set's pools across cultures, plus invented family names so that most family names are rare,
//! a quarter of the entries with an alias. The Python interpreter is `$SIGNET_TEST_PYTHON`, else
//! the workspace's `.venv/bin/python`; without it the baseline is skipped with a notice.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use signet_screening::{EntityKind, Index, ListEntry, Query, SearchOptions};

const LIST_NAMES: usize = 50_000;
const LATENCY_QUERIES: usize = 2_000;
const PERSONS: usize = 100_000;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, v: &'a [String]) -> &'a str {
        &v[self.below(v.len())]
    }
}

struct Pools {
    given: Vec<String>,
    family: Vec<String>,
}

fn pools(dir: &Path, rng: &mut Rng) -> Result<Pools, Box<dyn std::error::Error>> {
    let mut given = BTreeSet::new();
    let mut family = BTreeSet::new();
    for line in std::fs::read_to_string(dir.join("list.jsonl"))?.lines() {
        let e: ListEntry = serde_json::from_str(line)?;
        if e.kind != EntityKind::Person || !e.name.is_ascii() {
            continue;
        }
        if let Some((f, g)) = e.name.split_once(',') {
            family.insert(title(f.trim()));
            for w in g.split_whitespace() {
                given.insert(title(w));
            }
        }
    }
    // Invented family names, so that most list names carry a rare token as real lists do.
    let syl = [
        "ka", "ri", "mo", "van", "del", "shi", "ro", "na", "to", "ber", "lin", "gar", "zu", "mi",
        "ta", "sol", "dra", "nik", "po", "lev", "ha", "bu", "sen", "cor", "al", "tem", "vo", "ish",
    ];
    let end = [
        "", "ov", "ski", "son", "ez", "i", "ani", "enko", "ian", "oglu", "berg", "ova",
    ];
    while family.len() < 12_000 {
        let n = 2 + rng.below(2);
        let mut s: String = (0..n).map(|_| syl[rng.below(syl.len())]).collect();
        s.push_str(end[rng.below(end.len())]);
        family.insert(title(&s));
    }
    Ok(Pools {
        given: given.into_iter().collect(),
        family: family.into_iter().collect(),
    })
}

fn title(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

fn person(p: &Pools, rng: &mut Rng) -> String {
    let mut s = rng.pick(&p.given).to_owned();
    if rng.below(3) == 0 {
        s.push(' ');
        s.push_str(rng.pick(&p.given));
    }
    s.push(' ');
    s.push_str(rng.pick(&p.family));
    s
}

fn typo(name: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    if chars.len() > 4 {
        let i = 1 + rng.below(chars.len() - 2);
        if chars[i] != ' ' && chars[i - 1] != ' ' {
            chars.swap(i, i - 1);
        }
    }
    chars.into_iter().collect()
}

/// Resident set size from /proc (Linux); 0 elsewhere.
fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn python(workspace: &Path) -> Option<PathBuf> {
    if let Ok(p) = std::env::var("SIGNET_TEST_PYTHON") {
        return Some(PathBuf::from(p));
    }
    let p = workspace.join(".venv/bin/python");
    p.exists().then_some(p)
}

fn write_lines(path: &Path, lines: &[String]) -> std::io::Result<()> {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    for l in lines {
        writeln!(f, "{l}")?;
    }
    f.flush()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut rng = Rng(0x5153_4e45_5449_0001);
    let pools = pools(&here.join("eval"), &mut rng)?;

    let mut entries = Vec::new();
    let mut names = Vec::new();
    while names.len() < LIST_NAMES {
        let name = person(&pools, &mut rng);
        let mut e = ListEntry::new(
            format!("B{}", entries.len()),
            EntityKind::Person,
            name.clone(),
        );
        names.push(name);
        if rng.below(4) == 0 && names.len() < LIST_NAMES {
            let alias = person(&pools, &mut rng);
            e.aliases.push(alias.clone());
            names.push(alias);
        }
        entries.push(e);
    }
    let listed: Vec<String> = entries.iter().map(|e| e.name.clone()).collect();
    let rss_before = resident_kib();
    let t = Instant::now();
    let index = Index::build([("bench".to_string(), entries)]);
    let build = t.elapsed();
    println!(
        "index: {} entries, {} names, built in {:.0} ms, resident memory +{} MiB",
        index.len(),
        index.name_count(),
        build.as_secs_f64() * 1e3,
        resident_kib().saturating_sub(rss_before) / 1024
    );

    // Half variants of listed names (a swapped letter), half names that are not listed.
    let queries: Vec<String> = (0..LATENCY_QUERIES)
        .map(|i| {
            if i % 2 == 0 {
                typo(&listed[rng.below(listed.len())], &mut rng)
            } else {
                person(&pools, &mut rng)
            }
        })
        .collect();
    let opts = SearchOptions::default();
    let mut lat = Vec::with_capacity(queries.len());
    let mut found = 0;
    let mut slowest: Vec<(f64, &str)> = Vec::new();
    for q in &queries {
        let t = Instant::now();
        let m = index.search(&Query::name(q), &opts);
        let us = t.elapsed().as_secs_f64() * 1e6;
        lat.push(us);
        slowest.push((us, q));
        found += usize::from(!m.is_empty());
    }
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    if std::env::var_os("BENCH_VERBOSE").is_some() {
        for (us, q) in slowest.iter().take(8) {
            println!("  slow: {us:.0} µs {q}");
        }
    }
    lat.sort_by(f64::total_cmp);
    let (p50, p99) = (percentile(&lat, 0.50), percentile(&lat, 0.99));
    println!(
        "one query against {} names: p50 {p50:.0} µs, p99 {p99:.0} µs, mean {:.0} µs ({} queries, {found} with matches)",
        index.name_count(),
        lat.iter().sum::<f64>() / lat.len() as f64,
        queries.len()
    );

    // Re-screening: every person once, across all cores, 1% of them listed with a typo.
    let persons: Vec<String> = (0..PERSONS)
        .map(|i| {
            if i % 100 == 0 {
                typo(&listed[rng.below(listed.len())], &mut rng)
            } else {
                person(&pools, &mut rng)
            }
        })
        .collect();
    let qs: Vec<Query> = persons.iter().map(Query::name).collect();
    let t = Instant::now();
    let results = index.search_many(&qs, &opts);
    let rescreen = t.elapsed();
    println!(
        "re-screening {} persons on {} threads: {:.1} s ({} with hits)",
        persons.len(),
        rayon::current_num_threads(),
        rescreen.as_secs_f64(),
        results.iter().filter(|r| !r.is_empty()).count()
    );

    let workspace = here.join("../..");
    let Some(py) = python(&workspace) else {
        println!(
            "notice: no Python with rapidfuzz (set SIGNET_TEST_PYTHON or run scripts/test-env.sh); baseline skipped"
        );
        return Ok(());
    };
    let tmp = std::env::temp_dir().join(format!("signet-screening-bench-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    write_lines(&tmp.join("names.txt"), &names)?;
    write_lines(&tmp.join("queries.txt"), &queries[..200])?;
    write_lines(&tmp.join("persons.txt"), &persons[..1_000])?;
    let out = std::process::Command::new(&py)
        .arg(here.join("eval/bench_baseline.py"))
        .arg(&tmp)
        .arg(PERSONS.to_string())
        .output()?;
    std::fs::remove_dir_all(&tmp)?;
    if !out.status.success() {
        return Err(format!(
            "bench_baseline.py failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    let b: serde_json::Value = serde_json::from_slice(&out.stdout)?;
    let bp50 = b["p50_us"].as_f64().unwrap_or(f64::NAN);
    let bp99 = b["p99_us"].as_f64().unwrap_or(f64::NAN);
    let bres = b["rescreen_seconds_extrapolated"]
        .as_f64()
        .unwrap_or(f64::NAN);
    println!(
        "baseline rapidfuzz extractOne (Jaro-Winkler, {} names): p50 {bp50:.0} µs, p99 {bp99:.0} µs ({} queries)",
        b["names"], b["queries"]
    );
    println!(
        "baseline re-screen of {PERSONS} persons: {bres:.0} s on one core (extrapolated from {} persons)",
        b["persons_measured"]
    );
    println!(
        "ratios (baseline / ours): p50 {:.1}x, p99 {:.1}x, re-screen {:.1}x",
        bp50 / p50,
        bp99 / p99,
        bres / rescreen.as_secs_f64()
    );
    Ok(())
}
