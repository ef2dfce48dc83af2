//! Recall per script and romanization, and false positives on same-culture namesakes, on the
//! multi-script evaluation set (`eval/scripts/`, built by its `generate.py` from name tables and
//! romanization schemes), against a Latin-only list and one that also carries original-script
//! names, at the default threshold; beside rapidfuzz's Jaro-Winkler and OpenSanctions'
//! nomenklatura (logic-v2 at yente's threshold 0.7) run in the same command
//! (`eval/scripts/baseline.py`; each skipped with a notice when its Python package is missing).
//!
//! `cargo run -p signet-screening --release --example eval_scripts [heldout | independent |
//! independent2 | independent3 | independent4]` (the argument names another set under `eval/scripts/`)
//!
//! The Python interpreter is `$SIGNET_EVAL_PYTHON`, else `$SIGNET_TEST_PYTHON`, else the
//! workspace's `.venv/bin/python`. Writes `results.json` (ours) and `baseline.json` beside the
//! set.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use signet_screening::{DEFAULT_THRESHOLD, Index, ListEntry, Query, SearchOptions};

#[derive(Deserialize)]
struct Probe {
    query: String,
    expected_entry_id: Option<String>,
    kind: String,
    script: String,
    form: String,
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

#[derive(Serialize, Default)]
struct ListResult {
    recall: Rate,
    fpr: Rate,
    recall_by_script: BTreeMap<String, Rate>,
    recall_by_form: BTreeMap<String, Rate>,
    fpr_by_script: BTreeMap<String, Rate>,
    misses: Vec<(String, String, String)>,
    false_positives: Vec<(String, String, String)>,
}

fn python(workspace: &Path) -> Option<PathBuf> {
    for var in ["SIGNET_EVAL_PYTHON", "SIGNET_TEST_PYTHON"] {
        if let Ok(p) = std::env::var(var) {
            return Some(PathBuf::from(p));
        }
    }
    let p = workspace.join(".venv/bin/python");
    p.exists().then_some(p)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // An optional argument names another draw under eval/scripts (`heldout`).
    let mut dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/scripts");
    if let Some(sub) = std::env::args().nth(1) {
        dir = dir.join(sub);
    }
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let probes: Vec<Probe> = std::fs::read_to_string(dir.join("queries.jsonl"))?
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let mut out: BTreeMap<&str, ListResult> = BTreeMap::new();
    for list in ["list_latin", "list_orig"] {
        let entries: Vec<ListEntry> = std::fs::read_to_string(dir.join(format!("{list}.jsonl")))?
            .lines()
            .map(serde_json::from_str)
            .collect::<Result<_, _>>()?;
        let index = Index::build([("eval".to_string(), entries)]);
        let mut r = ListResult::default();
        for p in &probes {
            let found = index.search(
                &Query::name(p.query.as_str()),
                &SearchOptions {
                    threshold: DEFAULT_THRESHOLD,
                    limit: 10,
                },
            );
            match &p.expected_entry_id {
                Some(id) => {
                    let hit = found.iter().any(|m| &m.entry_id == id);
                    r.recall.add(hit);
                    r.recall_by_script
                        .entry(p.script.clone())
                        .or_default()
                        .add(hit);
                    r.recall_by_form
                        .entry(format!("{}/{}", p.script, p.form))
                        .or_default()
                        .add(hit);
                    if !hit {
                        r.misses.push((p.query.clone(), id.clone(), p.form.clone()));
                    }
                }
                None => {
                    let fp = !found.is_empty();
                    r.fpr.add(fp);
                    r.fpr_by_script.entry(p.script.clone()).or_default().add(fp);
                    if fp {
                        r.false_positives.push((
                            p.query.clone(),
                            found[0].matched_name.clone(),
                            p.kind.clone(),
                        ));
                    }
                }
            }
        }
        println!(
            "{list}: recall {:.3} ({}/{}), namesake FPR {:.3} ({}/{})",
            r.recall.rate(),
            r.recall.hits,
            r.recall.total,
            r.fpr.rate(),
            r.fpr.hits,
            r.fpr.total
        );
        for (s, rate) in &r.recall_by_script {
            let f = r.fpr_by_script.get(s).copied().unwrap_or_default();
            println!(
                "  {s:<14} recall {:.3} ({}/{})  FPR {:.3} ({}/{})",
                rate.rate(),
                rate.hits,
                rate.total,
                f.rate(),
                f.hits,
                f.total
            );
        }
        for (form, rate) in &r.recall_by_form {
            if rate.hits < rate.total {
                println!(
                    "    {form:<36} {:.3} ({}/{})",
                    rate.rate(),
                    rate.hits,
                    rate.total
                );
            }
        }
        out.insert(list, r);
    }
    std::fs::write(
        dir.join("results.json"),
        serde_json::to_string_pretty(&out)? + "\n",
    )?;
    match python(&workspace) {
        Some(py) => {
            let status = std::process::Command::new(py)
                .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/scripts/baseline.py"))
                .arg(&dir)
                .status()?;
            if !status.success() {
                println!("baselines failed ({status})");
            }
        }
        None => println!("baselines skipped: no Python interpreter"),
    }
    Ok(())
}
