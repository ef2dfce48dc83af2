use super::*;
use crate::catalog::{CodeKind, by_kind};
use crate::person;
use chrono::{TimeZone, Utc};
use serde_json::json;

fn now() -> Timestamp {
    Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).single().unwrap()
}

fn topics(t: &[&str]) -> Vec<String> {
    t.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn the_enums_are_the_catalog_rows_and_the_person_fields_words() {
    let words = |kind| by_kind(kind).map(|e| e.code).collect::<Vec<_>>();
    let progress: Vec<_> = ScreeningProgress::ALL.iter().map(|p| p.as_str()).collect();
    assert_eq!(progress, words(CodeKind::ScreeningProgress));
    assert_eq!(progress, person::SCREENING_PROGRESS);
    assert_eq!(
        progress,
        [
            "NOT_SCREENED",
            "POTENTIAL_MATCH",
            "SCREENED_ACCEPTED",
            "SCREENED_DECLINED"
        ]
    );
    let risk: Vec<_> = RiskClassification::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(risk, words(CodeKind::RiskClassification));
    assert_eq!(risk, person::RISK_CLASSIFICATION_STATUSES);
    assert_eq!(
        risk,
        [
            "NOT_SCORED",
            "POTENTIAL_RISK",
            "NORMAL_RISK",
            "HIGH_RISK",
            "RISK_ACCEPTED",
            "RISK_REJECTED"
        ]
    );
    let statuses: Vec<_> = HitStatus::ALL.iter().map(|s| s.as_str()).collect();
    assert_eq!(statuses, words(CodeKind::ScreeningHitStatus));
    assert_eq!(statuses, ["open", "true_positive", "false_positive"]);
}

#[test]
fn the_enums_serialise_and_parse_as_their_wire_words() {
    for p in ScreeningProgress::ALL {
        assert_eq!(serde_json::to_value(p).unwrap(), p.as_str());
        assert_eq!(p.as_str().parse::<ScreeningProgress>().unwrap(), *p);
        assert_eq!(
            serde_json::from_value::<ScreeningProgress>(json!(p.as_str())).unwrap(),
            *p
        );
    }
    for r in RiskClassification::ALL {
        assert_eq!(serde_json::to_value(r).unwrap(), r.as_str());
        assert_eq!(r.as_str().parse::<RiskClassification>().unwrap(), *r);
    }
    for s in HitStatus::ALL {
        assert_eq!(serde_json::to_value(s).unwrap(), s.as_str());
        assert_eq!(HitStatus::parse(s.as_str()).unwrap(), *s);
    }
    for d in Decision::ALL {
        assert_eq!(serde_json::to_value(d).unwrap(), d.as_str());
        assert_eq!(
            serde_json::from_value::<Decision>(json!(d.as_str())).unwrap(),
            d
        );
    }
    assert_eq!(Decision::TruePositive.as_str(), "true_positive");
    assert_eq!(Decision::FalsePositive.as_str(), "false_positive");
    // Case matters, as everywhere in the API.
    assert!("Open".parse::<HitStatus>().is_err());
    assert!("not_screened".parse::<ScreeningProgress>().is_err());
    assert_eq!(Decision::parse("open"), None);
    assert_eq!(Decision::parse("TRUE_POSITIVE"), None);
}

#[test]
fn topics_make_a_hit_a_sanction_hit_unless_only_pep_or_rca() {
    use HitKind::*;
    let cases: &[(&[&str], HitKind, bool)] = &[
        // (topics, kind, is a PEP)
        (&[], Sanction, false),
        (&["sanction"], Sanction, false),
        (&["sanction.linked"], Sanction, false),
        (&["crime"], Sanction, false),
        (&["debarment"], Sanction, false),
        (&["role.pep"], RiskOnly, true),
        (&["role.pep.frmr"], RiskOnly, true),
        (&["role.pep.intl"], RiskOnly, true),
        (&["role.rca"], RiskOnly, false),
        (&["role.pep", "role.rca"], RiskOnly, true),
        (&["role.pep", "crime"], RiskOnly, true),
        (&["role.pep", "sanction"], Sanction, true),
        (&["role.rca", "sanction.linked"], Sanction, false),
        // Lookalikes are not the topic.
        (&["role.pepper"], Sanction, false),
        (&["role.rca.x"], Sanction, false),
        (&["sanctions"], Sanction, false),
        (&["role.pepper", "sanctionsx"], Sanction, false),
        (&["role.rca", "sanctionsx"], RiskOnly, false),
    ];
    for (t, kind, pep) in cases {
        let t = topics(t);
        assert_eq!(HitKind::of(&t), *kind, "{t:?}");
        assert_eq!(is_pep_hit(&t), *pep, "{t:?}");
    }
}

#[test]
fn an_undeclared_pep_is_a_pep_hit_on_a_person_who_said_false() {
    let pep = topics(&["role.pep"]);
    let rca = topics(&["role.rca"]);
    for (t, declared, flagged) in [
        (&pep, Some(false), true),
        (&pep, Some(true), false),
        (&pep, None, false),
        (&rca, Some(false), false),
    ] {
        assert_eq!(undeclared_pep(t, declared), flagged, "{t:?} {declared:?}");
    }
}

/// Hits as (status, topics).
type Hits = Vec<(HitStatus, Vec<String>)>;
/// What a decision request is checked into.
type Checked = Result<ValidDecision, Vec<FieldError>>;

fn facts<'a>(hits: &'a [(HitStatus, Vec<String>)]) -> impl Iterator<Item = HitFacts<'a>> {
    hits.iter().map(|(status, topics)| HitFacts {
        status: *status,
        topics,
    })
}

#[test]
fn the_verdict_follows_sanction_hits_for_the_match_and_every_hit_for_the_risk() {
    use HitStatus::*;
    use RiskClassification::*;
    use ScreeningProgress::*;
    let s = || topics(&["sanction"]);
    let none = Vec::new;
    let pep = || topics(&["role.pep"]);
    let cases: Vec<(Hits, ScreeningProgress, RiskClassification)> = vec![
        (vec![], ScreenedAccepted, NormalRisk),
        (vec![(Open, s())], PotentialMatch, PotentialRisk),
        (vec![(Open, none())], PotentialMatch, PotentialRisk),
        (vec![(TruePositive, s())], ScreenedDeclined, HighRisk),
        (vec![(FalsePositive, s())], ScreenedAccepted, NormalRisk),
        (
            vec![(FalsePositive, s()), (FalsePositive, none())],
            ScreenedAccepted,
            NormalRisk,
        ),
        (
            vec![(Open, s()), (FalsePositive, s())],
            PotentialMatch,
            PotentialRisk,
        ),
        // A confirmed sanction hit declines whatever else is open.
        (
            vec![(Open, s()), (TruePositive, s())],
            ScreenedDeclined,
            HighRisk,
        ),
        (
            vec![(TruePositive, s()), (FalsePositive, s())],
            ScreenedDeclined,
            HighRisk,
        ),
        // PEP and RCA hits weigh on the risk only.
        (vec![(Open, pep())], ScreenedAccepted, PotentialRisk),
        (vec![(TruePositive, pep())], ScreenedAccepted, HighRisk),
        (vec![(FalsePositive, pep())], ScreenedAccepted, NormalRisk),
        (
            vec![(TruePositive, topics(&["role.rca"]))],
            ScreenedAccepted,
            HighRisk,
        ),
        (
            vec![(TruePositive, pep()), (Open, s())],
            PotentialMatch,
            HighRisk,
        ),
        (
            vec![(Open, pep()), (FalsePositive, s())],
            ScreenedAccepted,
            PotentialRisk,
        ),
        (
            vec![(Open, pep()), (TruePositive, s())],
            ScreenedDeclined,
            HighRisk,
        ),
        // A PEP who is also sanctioned is a sanction hit.
        (
            vec![(Open, topics(&["role.pep", "sanction"]))],
            PotentialMatch,
            PotentialRisk,
        ),
    ];
    for (hits, progress, risk) in cases {
        assert_eq!(
            verdict(facts(&hits)),
            Verdict { progress, risk },
            "{hits:?}"
        );
    }
}

#[test]
fn signing_is_held_by_open_and_confirmed_sanction_hits_only() {
    use HitStatus::*;
    let s = || topics(&["sanction"]);
    let pep = || topics(&["role.pep"]);
    let cases: Vec<(Hits, bool, bool)> = vec![
        (vec![], false, false),
        (vec![(Open, s())], true, false),
        (vec![(TruePositive, s())], false, true),
        (vec![(FalsePositive, s())], false, false),
        (vec![(Open, s()), (TruePositive, Vec::new())], true, true),
        (vec![(Open, pep()), (TruePositive, pep())], false, false),
        (vec![(Open, pep()), (TruePositive, s())], false, true),
    ];
    for (hits, open_hit, confirmed_hit) in cases {
        assert_eq!(
            signing_holds(facts(&hits)),
            SigningHolds {
                open_hit,
                confirmed_hit
            },
            "{hits:?}"
        );
    }
}

#[test]
fn the_verdict_serialises_as_the_two_person_fields() {
    let v = Verdict {
        progress: ScreeningProgress::PotentialMatch,
        risk: RiskClassification::PotentialRisk,
    };
    assert_eq!(
        serde_json::to_string(&v).unwrap(),
        r#"{"screening_progress":"POTENTIAL_MATCH","risk_classification_status":"POTENTIAL_RISK"}"#
    );
    assert_eq!(
        Verdict::UNSCREENED,
        Verdict {
            progress: ScreeningProgress::NotScreened,
            risk: RiskClassification::NotScored
        }
    );
}

#[test]
fn a_decision_may_make_any_hit_decided_and_nothing_reopens_one() {
    use HitStatus::*;
    for (from, to, allowed) in [
        (Open, Open, false),
        (Open, TruePositive, true),
        (Open, FalsePositive, true),
        (TruePositive, Open, false),
        (TruePositive, TruePositive, true),
        (TruePositive, FalsePositive, true),
        (FalsePositive, Open, false),
        (FalsePositive, TruePositive, true),
        (FalsePositive, FalsePositive, true),
    ] {
        assert_eq!(from.may_become(to), allowed, "{from} -> {to}");
    }
    assert_eq!(HitStatus::NEW, Open);
    assert!(!Open.is_decided());
    assert!(TruePositive.is_decided() && FalsePositive.is_decided());
    for d in Decision::ALL {
        assert!(d.status().is_decided());
        for from in HitStatus::ALL {
            assert!(from.may_become(d.status()));
        }
    }
}

#[test]
fn the_hits_status_filter_takes_the_three_words() {
    for s in HitStatus::ALL {
        assert_eq!(HitStatus::parse_filter(s.as_str()), Ok(*s));
    }
    for bad in ["", "OPEN", "decided", "true positive"] {
        assert_eq!(
            HitStatus::parse_filter(bad),
            Err(FieldError::new(
                "status",
                "must be open, true_positive or false_positive"
            )),
            "{bad}"
        );
    }
}

#[test]
fn a_decision_request_is_checked_decision_first_then_note() {
    let bad_decision = Err(vec![FieldError::new(
        "decision",
        "must be true_positive or false_positive",
    )]);
    let long_note = Err(vec![FieldError::new(
        "note",
        "must be at most 2000 characters",
    )]);
    let ok = |decision, note: Option<&str>| {
        Ok(ValidDecision {
            decision,
            note: note.map(str::to_owned),
        })
    };
    let at_limit = "é".repeat(2000);
    let over = "é".repeat(2001);
    let padded = format!("  {at_limit}\n");
    let cases: Vec<(&str, Option<&str>, Checked)> = vec![
        ("true_positive", None, ok(Decision::TruePositive, None)),
        (
            "false_positive",
            Some("same DOB"),
            ok(Decision::FalsePositive, Some("same DOB")),
        ),
        (
            "true_positive",
            Some("  why  "),
            ok(Decision::TruePositive, Some("why")),
        ),
        ("true_positive", Some(""), ok(Decision::TruePositive, None)),
        (
            "true_positive",
            Some(" \n\t "),
            ok(Decision::TruePositive, None),
        ),
        (
            "true_positive",
            Some(&at_limit),
            ok(Decision::TruePositive, Some(&at_limit)),
        ),
        // The limit applies to the trimmed note.
        (
            "true_positive",
            Some(&padded),
            ok(Decision::TruePositive, Some(&at_limit)),
        ),
        ("true_positive", Some(&over), long_note.clone()),
        ("open", None, bad_decision.clone()),
        ("", None, bad_decision.clone()),
        ("maybe", Some(&over), bad_decision.clone()),
    ];
    for (decision, note, expected) in cases {
        assert_eq!(
            check_decision(decision, note),
            expected,
            "{decision} {:?}",
            note.map(|n| n.chars().count())
        );
    }
}

fn key_decider(tenant: &TenantId, mode: Mode) -> Decider {
    Decider::ApiKey {
        key: ApiKeyId::from_random([3; 16]),
        tenant: tenant.clone(),
        mode,
    }
}

#[test]
fn a_key_decides_its_own_tenants_hits_of_its_mode_and_an_operator_any() {
    let own = TenantId::from_random([1; 16]);
    let other = TenantId::from_random([2; 16]);
    let operator = Decider::Operator {
        email: "ops@example.com".into(),
    };
    for (decider, tenant, mode, allowed) in [
        (key_decider(&own, Mode::Test), &own, Mode::Test, true),
        (key_decider(&own, Mode::Test), &own, Mode::Live, false),
        (key_decider(&own, Mode::Live), &own, Mode::Live, true),
        (key_decider(&own, Mode::Live), &own, Mode::Test, false),
        (key_decider(&own, Mode::Test), &other, Mode::Test, false),
        (operator.clone(), &own, Mode::Test, true),
        (operator.clone(), &other, Mode::Live, true),
    ] {
        assert_eq!(
            decider.may_decide(tenant, mode),
            allowed,
            "{decider:?} {tenant} {mode}"
        );
    }
}

#[test]
fn decided_by_is_the_key_id_or_operator_and_email() {
    let tenant = TenantId::from_random([1; 16]);
    assert_eq!(
        key_decider(&tenant, Mode::Test).decided_by(),
        ApiKeyId::from_random([3; 16]).as_str()
    );
    assert_eq!(
        Decider::Operator {
            email: "ops@example.com".into()
        }
        .decided_by(),
        "operator:ops@example.com"
    );
}

fn hit(status: HitStatus, topics: Vec<String>) -> Hit {
    Hit {
        id: ScreeningHitId::from_random([9; 16]),
        person_id: PersonId::from_random([8; 16]),
        list: "ofac-sdn".into(),
        entry_id: "36".into(),
        name: "AEROCARIBBEAN AIRLINES".into(),
        matched_name: "AERO-CARIBBEAN".into(),
        score: 0.93,
        explanation: json!({"summary": "2 of 2 tokens"}),
        status,
        decided_by: None,
        note: None,
        decided_at: None,
        created_at: now(),
        topics,
        datasets: vec!["us_ofac_sdn".into()],
    }
}

#[test]
fn a_review_records_status_decider_note_and_time_and_overwrites_a_previous_one() {
    let tenant = TenantId::from_random([1; 16]);
    let mut h = hit(HitStatus::Open, topics(&["sanction"]));
    let first = review(
        check_decision("true_positive", Some("same person")).unwrap(),
        &key_decider(&tenant, Mode::Test),
        now(),
    );
    assert_eq!(
        first,
        HitReview {
            status: HitStatus::TruePositive,
            decided_by: ApiKeyId::from_random([3; 16]).as_str().to_owned(),
            note: Some("same person".into()),
            decided_at: now(),
        }
    );
    h.apply(first);
    assert_eq!(h.status, HitStatus::TruePositive);
    assert_eq!(h.note.as_deref(), Some("same person"));
    // Deciding again replaces all of it; no note clears the old one.
    let later = now() + chrono::TimeDelta::hours(1);
    h.apply(review(
        check_decision("false_positive", None).unwrap(),
        &Decider::Operator {
            email: "ops@example.com".into(),
        },
        later,
    ));
    assert_eq!(h.status, HitStatus::FalsePositive);
    assert_eq!(h.decided_by.as_deref(), Some("operator:ops@example.com"));
    assert_eq!(h.note, None);
    assert_eq!(h.decided_at, Some(later));
}

#[test]
fn a_decision_moves_the_persons_verdict() {
    // A person with an open sanction hit and an open PEP hit: potential match, potential risk.
    let mut hits = vec![
        hit(HitStatus::Open, topics(&["sanction"])),
        hit(HitStatus::Open, topics(&["role.pep"])),
    ];
    let of = |hits: &[Hit]| verdict(hits.iter().map(Hit::facts));
    assert_eq!(
        of(&hits),
        Verdict {
            progress: ScreeningProgress::PotentialMatch,
            risk: RiskClassification::PotentialRisk
        }
    );
    let operator = Decider::Operator {
        email: "ops@example.com".into(),
    };
    let decide = |h: &mut Hit, d: &str| {
        h.apply(review(check_decision(d, None).unwrap(), &operator, now()));
    };
    decide(&mut hits[0], "false_positive");
    assert_eq!(
        of(&hits),
        Verdict {
            progress: ScreeningProgress::ScreenedAccepted,
            risk: RiskClassification::PotentialRisk
        }
    );
    decide(&mut hits[1], "true_positive");
    assert_eq!(
        of(&hits),
        Verdict {
            progress: ScreeningProgress::ScreenedAccepted,
            risk: RiskClassification::HighRisk
        }
    );
    decide(&mut hits[0], "true_positive");
    assert_eq!(
        of(&hits),
        Verdict {
            progress: ScreeningProgress::ScreenedDeclined,
            risk: RiskClassification::HighRisk
        }
    );
    assert_eq!(hits[0].kind(), HitKind::Sanction);
    assert_eq!(hits[1].kind(), HitKind::RiskOnly);
}

#[test]
fn a_hit_serialises_exactly_as_the_api_has_shown_it() {
    let mut h = hit(HitStatus::Open, topics(&["sanction"]));
    let open = serde_json::to_string(&h).unwrap();
    let id = ScreeningHitId::from_random([9; 16]);
    let person = PersonId::from_random([8; 16]);
    assert_eq!(
        open,
        format!(
            concat!(
                r#"{{"id":"{}","person_id":"{}","list":"ofac-sdn","entry_id":"36","#,
                r#""name":"AEROCARIBBEAN AIRLINES","matched_name":"AERO-CARIBBEAN","score":0.93,"#,
                r#""explanation":{{"summary":"2 of 2 tokens"}},"status":"open","decided_by":null,"#,
                r#""note":null,"decided_at":null,"created_at":"2026-03-01T12:00:00.000Z","#,
                r#""topics":["sanction"],"datasets":["us_ofac_sdn"]}}"#
            ),
            id, person
        )
    );
    h.status = HitStatus::FalsePositive;
    h.decided_by = Some("operator:ops@example.com".into());
    h.note = Some("other DOB".into());
    h.decided_at = Some(now() + chrono::TimeDelta::milliseconds(1500));
    let v = serde_json::to_value(&h).unwrap();
    assert_eq!(v["status"], "false_positive");
    assert_eq!(v["decided_by"], "operator:ops@example.com");
    assert_eq!(v["note"], "other DOB");
    assert_eq!(v["decided_at"], "2026-03-01T12:00:01.500Z");
}

#[test]
fn a_screening_outcome_lists_the_verdict_then_lists_then_hits() {
    let hits = vec![hit(HitStatus::Open, Vec::new())];
    let lists = vec!["ofac-sdn".to_owned(), "un-sc".to_owned()];
    let outcome = ScreeningOutcome {
        verdict: verdict(hits.iter().map(Hit::facts)),
        lists: &lists,
        hits: &hits,
    };
    let v = serde_json::to_value(&outcome).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "screening_progress",
            "risk_classification_status",
            "lists",
            "hits"
        ]
    );
    assert_eq!(v["screening_progress"], "POTENTIAL_MATCH");
    assert_eq!(v["risk_classification_status"], "POTENTIAL_RISK");
    assert_eq!(v["lists"], json!(["ofac-sdn", "un-sc"]));
    assert_eq!(v["hits"][0], serde_json::to_value(&hits[0]).unwrap());
}
