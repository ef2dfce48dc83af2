//! Recall and false-positive rate of the matcher on the project's labelled evaluation set
//! (`eval/list.jsonl`, `eval/queries.jsonl`), beside the rapidfuzz Jaro-Winkler baseline
//! (`eval/baseline.py`) run in the same command.
//!
//! `cargo run -p signet-screening --release --example eval`
//!
//! Writes `eval/results.json` (ours: summary, per-subtype figures, every miss and false
//! positive) and `eval/baseline.json`. The Python interpreter is `$SIGNET_TEST_PYTHON`, else the
//! workspace's `.venv/bin/python`; without it the baseline is skipped with a notice.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};
use signet_screening::{DEFAULT_THRESHOLD, Index, ListEntry, Query, SearchOptions};

#[derive(Deserialize)]
struct Labelled {
    query: String,
    expected_entry_id: Option<String>,
    kind: String,
    subtype: String,
}

#[derive(Serialize, Default, Clone, Copy)]
struct Rate {
    hits: usize,
    total: usize,
}

impl Rate {
    fn add(&mut self, hit: bool) {
        self.total += 1;
        self.hits += usize::from(hit);
    }
    fn rate(self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.hits as f64 / self.total as f64
        }
    }
}

#[derive(Serialize)]
struct Outcome {
    query: String,
    kind: String,
    subtype: String,
    expected_entry_id: Option<String>,
    returned: Vec<(String, String, f64)>,
}

fn python(workspace: &Path) -> Option<PathBuf> {
    if let Ok(p) = std::env::var("SIGNET_TEST_PYTHON") {
        return Some(PathBuf::from(p));
    }
    let p = workspace.join(".venv/bin/python");
    p.exists().then_some(p)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval");
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let entries: Vec<ListEntry> = std::fs::read_to_string(dir.join("list.jsonl"))?
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let queries: Vec<Labelled> = std::fs::read_to_string(dir.join("queries.jsonl"))?
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;

    let t = Instant::now();
    let index = Index::build([("eval".to_string(), entries)]);
    println!(
        "index: {} entries, {} names, built in {:.1} ms",
        index.len(),
        index.name_count(),
        t.elapsed().as_secs_f64() * 1e3
    );

    // Search once with a low threshold; every threshold of the sweep is then a filter.
    let low = SearchOptions {
        threshold: 0.5,
        limit: 20,
    };
    let t = Instant::now();
    let results: Vec<Vec<(String, f64)>> = queries
        .iter()
        .map(|q| {
            index
                .search(&Query::name(&q.query), &low)
                .into_iter()
                .map(|m| (m.entry_id, m.score))
                .collect()
        })
        .collect();
    let elapsed = t.elapsed();

    let measure = |th: f64| {
        let mut recall = Rate::default();
        let mut fp = Rate::default();
        let mut fp_lookalike = Rate::default();
        let mut fp_unrelated = Rate::default();
        let mut by_subtype: BTreeMap<String, Rate> = BTreeMap::new();
        for (q, r) in queries.iter().zip(&results) {
            let above = r.iter().filter(|(_, s)| *s >= th);
            match &q.expected_entry_id {
                Some(id) => {
                    let hit = above.clone().any(|(e, _)| e == id);
                    recall.add(hit);
                    by_subtype
                        .entry(format!("variant/{}", q.subtype))
                        .or_default()
                        .add(hit);
                }
                None => {
                    let hit = above.count() > 0;
                    fp.add(hit);
                    if q.kind == "lookalike" {
                        fp_lookalike.add(hit);
                        by_subtype
                            .entry(format!("lookalike/{}", q.subtype))
                            .or_default()
                            .add(hit);
                    } else {
                        fp_unrelated.add(hit);
                    }
                }
            }
        }
        (recall, fp, fp_lookalike, fp_unrelated, by_subtype)
    };

    let (recall, fp, fp_look, fp_unrel, by_subtype) = measure(DEFAULT_THRESHOLD);
    println!(
        "ours at the default threshold {DEFAULT_THRESHOLD:.2}: recall {:.3} ({}/{}), FPR {:.3} ({}/{}; look-alikes {}/{}, unrelated {}/{}); {:.1} µs a query",
        recall.rate(),
        recall.hits,
        recall.total,
        fp.rate(),
        fp.hits,
        fp.total,
        fp_look.hits,
        fp_look.total,
        fp_unrel.hits,
        fp_unrel.total,
        elapsed.as_secs_f64() * 1e6 / queries.len() as f64
    );
    for (k, r) in &by_subtype {
        println!("  {k:<28} {:>4}/{:<4} {:.3}", r.hits, r.total, r.rate());
    }
    let sweep: Vec<serde_json::Value> = [0.70, 0.75, 0.80, 0.85, 0.90, 0.95]
        .iter()
        .map(|&th| {
            let (r, f, _, _, _) = measure(th);
            println!(
                "  sweep {th:.2}: recall {:.3}, FPR {:.3}",
                r.rate(),
                f.rate()
            );
            serde_json::json!({"threshold": th, "recall": r.rate(), "fpr": f.rate()})
        })
        .collect();

    let outcomes: Vec<Outcome> = queries
        .iter()
        .zip(&results)
        .filter(|(q, r)| {
            let above: Vec<&(String, f64)> =
                r.iter().filter(|(_, s)| *s >= DEFAULT_THRESHOLD).collect();
            match &q.expected_entry_id {
                Some(id) => !above.iter().any(|(e, _)| e == id),
                None => !above.is_empty(),
            }
        })
        .map(|(q, r)| Outcome {
            query: q.query.clone(),
            kind: q.kind.clone(),
            subtype: q.subtype.clone(),
            expected_entry_id: q.expected_entry_id.clone(),
            returned: r
                .iter()
                .take(3)
                .map(|(e, s)| {
                    let name = index_name(&dir, e).unwrap_or_default();
                    (e.clone(), name, *s)
                })
                .collect(),
        })
        .collect();
    let summary = serde_json::json!({
        "threshold": DEFAULT_THRESHOLD,
        "queries": queries.len(),
        "recall": recall.rate(),
        "fpr": fp.rate(),
        "lookalike_fpr": fp_look.rate(),
        "unrelated_fpr": fp_unrel.rate(),
        "by_subtype": by_subtype.iter().map(|(k, r)| (k.clone(), serde_json::json!({"hits": r.hits, "total": r.total, "rate": r.rate()}))).collect::<BTreeMap<_, _>>(),
        "sweep": sweep,
        "misses_and_false_positives": outcomes,
    });
    std::fs::write(
        dir.join("results.json"),
        serde_json::to_string_pretty(&summary)?,
    )?;
    println!(
        "wrote eval/results.json ({} misses and false positives listed)",
        summary["misses_and_false_positives"]
            .as_array()
            .map_or(0, Vec::len)
    );

    match python(&workspace) {
        Some(py) => {
            let out_path = dir.join("baseline.json");
            let status = std::process::Command::new(&py)
                .arg(dir.join("baseline.py"))
                .arg(dir.join("list.jsonl"))
                .arg(dir.join("queries.jsonl"))
                .arg(format!("{}", fp.rate()))
                .arg(&out_path)
                .status()?;
            if !status.success() {
                return Err(format!("baseline.py failed: {status}").into());
            }
            let b: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out_path)?)?;
            let br = b["at_matched_fpr"]["recall"].as_f64().unwrap_or(0.0);
            println!(
                "recall at the same FPR: ours {:.3}, baseline {:.3} (ratio {:.2})",
                recall.rate(),
                br,
                if br > 0.0 {
                    recall.rate() / br
                } else {
                    f64::INFINITY
                }
            );
        }
        None => println!(
            "notice: no Python with rapidfuzz (set SIGNET_TEST_PYTHON or run scripts/test-env.sh); baseline skipped"
        ),
    }
    Ok(())
}

fn index_name(dir: &Path, id: &str) -> Option<String> {
    use std::sync::OnceLock;
    static NAMES: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            std::fs::read_to_string(dir.join("list.jsonl"))
                .unwrap_or_default()
                .lines()
                .filter_map(|l| serde_json::from_str::<ListEntry>(l).ok())
                .map(|e| (e.entry_id, e.name))
                .collect()
        })
        .get(id)
        .cloned()
}
