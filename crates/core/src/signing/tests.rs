use super::*;
use chrono::TimeZone;

fn t0() -> Timestamp {
    chrono::Utc.with_ymd_and_hms(2026, 11, 29, 9, 0, 0).unwrap()
}

fn doc(level: Level, order: SigningOrder, expires_at: Option<Timestamp>) -> Document {
    Document {
        id: DocumentId::from_random([1; 16]),
        name: "Contract".into(),
        status: DocumentStatus::Pending,
        level,
        order,
        expires_at,
        tags: vec!["t".into()],
        custom: vec![],
        number: None,
        reminders: None,
        pages: 1,
        size: 100,
        original_sha256: "00".into(),
        current_sha256: "00".into(),
        file_key: "k".into(),
        original_key: "k".into(),
        revisions: 0,
        message: None,
        created_at: t0(),
        updated_at: t0(),
        finished_at: None,
    }
}

fn signer(n: u8) -> NewSigner {
    NewSigner {
        id: SignerId::from_random([n; 16]),
        token: format!("tok{n}"),
        name: format!("Signer {n}"),
        email: None,
        phone: None,
        person_id: Some(PersonId::from_random([n + 100; 16])),
    }
}

fn identified(at: Timestamp) -> Eligibility {
    Eligibility {
        identification: Some(IdentityFacts {
            status: IdentStatus::Successful,
            completed_at: Some(at),
            document_supported: true,
            document_expired: false,
            device_model: None,
            phone: None,
        }),
        ..Default::default()
    }
}

fn workflow(level: Level, order: SigningOrder, n: u8) -> (Workflow, Effects) {
    let facts: Vec<Eligibility> = (0..n).map(|_| identified(t0())).collect();
    Workflow::create(
        doc(level, order, None),
        (1..=n).map(signer).collect(),
        &facts,
        t0(),
    )
}

fn id(wf: &Workflow, i: usize) -> SignerId {
    wf.signers[i].id.clone()
}

fn right(h: &str) -> bool {
    h == "H"
}

/// Approve, confirm with the right code and report the signature made.
fn sign(wf: &mut Workflow, i: usize, now: Timestamp) -> Effects {
    let sid = id(wf, i);
    wf.approve(&sid, "H".into(), now).unwrap();
    let (outcome, fx) = wf.confirm(&sid, right, false, now).unwrap();
    assert_eq!(outcome, ConfirmOutcome::Accepted);
    assert_eq!(fx.sign, Some(sid.clone()));
    let facts = vec![identified(t0()); wf.signers.len()];
    wf.signed(&sid, "CN=x".into(), format!("h{i}"), &facts, now)
        .unwrap()
}

#[test]
fn parallel_signers_are_all_asked_and_the_last_signature_finishes() {
    let (mut wf, fx) = workflow(Level::Simple, SigningOrder::Parallel, 2);
    assert_eq!(fx.events, vec![DocumentEvent::Created]);
    assert!(
        wf.signers
            .iter()
            .all(|s| s.status == SignerStatus::UserConsentRequired)
    );
    assert_eq!(fx.timers.len(), 2, "one 24-hour limit per signer");
    let fx = sign(&mut wf, 1, t0());
    assert_eq!(fx.events, vec![DocumentEvent::SignerSigned(id(&wf, 1))]);
    assert!(!fx.finish);
    let fx = sign(&mut wf, 0, t0());
    assert!(fx.finish);
    let fx = wf.finished("final".into(), t0());
    assert_eq!(fx.events, vec![DocumentEvent::Finished]);
    assert_eq!(wf.document.status, DocumentStatus::Finished);
    assert_eq!(wf.document.revisions, 3);
    assert_eq!(
        wf.approve(&id(&wf, 0), "H".into(), t0()),
        Err(SigningError::AlreadySigned)
    );
}

#[test]
fn sequential_order_asks_the_next_signer_only_after_the_previous_signed() {
    let (mut wf, _) = workflow(Level::Simple, SigningOrder::Sequential, 3);
    let statuses = |wf: &Workflow| wf.signers.iter().map(|s| s.status).collect::<Vec<_>>();
    assert_eq!(
        statuses(&wf),
        vec![
            SignerStatus::UserConsentRequired,
            SignerStatus::Pending,
            SignerStatus::Pending
        ],
        "eligible signers wait in pending for their turn"
    );
    assert_eq!(
        wf.approve(&id(&wf, 1), "H".into(), t0()),
        Err(SigningError::NotYourTurn)
    );
    let later = t0() + Duration::minutes(30);
    let fx = sign(&mut wf, 0, later);
    assert_eq!(wf.signers[1].status, SignerStatus::UserConsentRequired);
    assert_eq!(
        wf.signers[1].asked_at,
        Some(later),
        "the windows start with the turn"
    );
    assert_eq!(wf.signers[2].status, SignerStatus::Pending);
    assert!(fx.signers_changed.contains(&id(&wf, 1)));
    assert!(
        fx.passed_pending.is_empty(),
        "the next signer was already pending: one change, one event"
    );
}

#[test]
fn every_signer_passes_through_pending_once_found_eligible() {
    let (mut wf, fx) = workflow(Level::Simple, SigningOrder::Sequential, 2);
    assert_eq!(
        fx.passed_pending,
        vec![id(&wf, 0)],
        "the first signer went through pending on the way to their step"
    );
    assert!(fx.signers_changed.contains(&id(&wf, 1)));
    assert!(
        fx.audit
            .iter()
            .any(|a| a.action == "signer.assessed" && a.signer_id == Some(id(&wf, 1)))
    );
    // A signer waiting for their turn can neither act nor be resent.
    let waiting = id(&wf, 1);
    assert_eq!(
        wf.approve(&waiting, "H".into(), t0()),
        Err(SigningError::NotYourTurn)
    );
    assert_eq!(
        wf.resend(&waiting, &identified(t0()), t0()).map(|_| ()),
        Err(SigningError::NotYourTurn)
    );
    // In parallel every signer is asked at once, each through pending.
    let (wf, fx) = workflow(Level::Simple, SigningOrder::Parallel, 2);
    assert_eq!(fx.passed_pending, vec![id(&wf, 0), id(&wf, 1)]);
}

#[test]
fn a_waiting_signer_held_by_eligibility_is_kyc_required_then_pending_once_cleared() {
    let facts = vec![identified(t0()), Eligibility::default()];
    let (mut wf, _) = Workflow::create(
        doc(Level::Advanced, SigningOrder::Sequential, None),
        vec![signer(1), signer(2)],
        &facts,
        t0(),
    );
    assert_eq!(wf.signers[1].status, SignerStatus::KycRequired);
    assert_eq!(wf.signers[1].status_codes, vec![1201]);
    let person = wf.signers[1].person_id.clone().unwrap();
    let fx = wf.reassess_person(&person, &identified(t0()), t0());
    assert_eq!(
        wf.signers[1].status,
        SignerStatus::Pending,
        "identified meanwhile"
    );
    assert_eq!(fx.signers_changed, vec![id(&wf, 1)]);
    assert_eq!(wf.signers[1].window, 0, "not asked before their turn");
    let mut hit = identified(t0());
    hit.open_hit = true;
    wf.reassess_person(&person, &hit, t0());
    assert_eq!(wf.signers[1].status_codes, vec![140]);
    wf.reassess_person(&person, &identified(t0()), t0());
    assert_eq!(wf.signers[1].status, SignerStatus::Pending);
}

#[test]
fn a_compliance_flag_holds_a_signer_for_good() {
    let facts = identified(t0());
    let (mut wf, _) = Workflow::create(
        doc(Level::Advanced, SigningOrder::Parallel, None),
        vec![signer(1)],
        std::slice::from_ref(&facts),
        t0(),
    );
    let person = wf.signers[0].person_id.clone().unwrap();
    let mut flagged = facts.clone();
    flagged.flagged_by_compliance = true;
    wf.reassess_person(&person, &flagged, t0());
    assert_eq!(wf.signers[0].status, SignerStatus::KycRequired);
    assert_eq!(wf.signers[0].status_codes, vec![1035]);
    assert!(wf.signers[0].is_held_for_good());
    // Seed 000: "You can't retry": clearing the flag later does not release the signer,
    // and no resend opens a new window.
    let fx = wf.reassess_person(&person, &facts, t0());
    assert!(fx.signers_changed.is_empty());
    assert_eq!(wf.signers[0].status_codes, vec![1035]);
    assert!(matches!(
        wf.resend(&id(&wf, 0), &facts, t0()),
        Err(SigningError::InvalidState { .. })
    ));
}

#[test]
fn approving_after_two_hours_is_refused_until_a_resend_opens_a_fresh_window() {
    let (mut wf, _) = workflow(Level::Simple, SigningOrder::Parallel, 1);
    let sid = id(&wf, 0);
    let late = t0() + APPROVE_WINDOW + Duration::milliseconds(1);
    assert_eq!(
        wf.approve(&sid, "H".into(), late),
        Err(SigningError::ApproveExpired)
    );
    let fx = wf.resend(&sid, &Eligibility::default(), late).unwrap();
    assert_eq!(fx.timers.len(), 1);
    assert!(wf.approve(&sid, "H".into(), late).is_ok());
}

#[test]
fn confirming_after_one_hour_is_refused() {
    let (mut wf, _) = workflow(Level::Simple, SigningOrder::Parallel, 1);
    let sid = id(&wf, 0);
    wf.approve(&sid, "H".into(), t0()).unwrap();
    let late = t0() + CONFIRM_WINDOW + Duration::milliseconds(1);
    assert_eq!(
        wf.confirm(&sid, right, false, late).map(|r| r.0),
        Err(SigningError::ConfirmExpired)
    );
}

#[test]
fn a_code_older_than_ten_minutes_is_expired_and_a_new_approval_issues_another() {
    let (mut wf, _) = workflow(Level::Simple, SigningOrder::Parallel, 1);
    let sid = id(&wf, 0);
    wf.approve(&sid, "H".into(), t0()).unwrap();
    let late = t0() + OTP_VALIDITY + Duration::seconds(1);
    assert_eq!(
        wf.confirm(&sid, right, false, late).map(|r| r.0),
        Err(SigningError::OtpExpired)
    );
    assert_eq!(
        SigningError::OtpExpired.error_code().return_code(),
        Some(97)
    );
    let fx = wf.approve(&sid, "H".into(), late).unwrap();
    assert_eq!(fx.otp_issued, Some(sid.clone()));
    assert_eq!(
        wf.confirm(&sid, right, false, late).unwrap().0,
        ConfirmOutcome::Accepted
    );
}

#[test]
fn confirming_before_approving_is_not_initialized() {
    let (mut wf, _) = workflow(Level::Simple, SigningOrder::Parallel, 1);
    let err = wf.confirm(&id(&wf, 0), right, false, t0()).unwrap_err();
    assert_eq!(err, SigningError::NotInitialized);
    // Seed 000's 6009 belongs to the signer's status, not to the API's return_code.
    assert_eq!(err.error_code(), ErrorCode::SignatureFlowNotInitialized);
    assert_eq!(err.error_code().return_code(), None);
}

#[test]
fn a_code_is_single_use() {
    let (mut wf, _) = workflow(Level::Simple, SigningOrder::Parallel, 2);
    let sid = id(&wf, 0);
    wf.approve(&sid, "H".into(), t0()).unwrap();
    wf.confirm(&sid, right, false, t0()).unwrap();
    // Kept until the signature is made (a failure that allows it is confirmed again), then
    // spent.
    wf.signed(&sid, "CN=x".into(), "h".into(), &[], t0())
        .unwrap();
    assert!(wf.signers[0].otp.is_none());
    assert_eq!(
        wf.confirm(&sid, right, false, t0()).map(|_| ()),
        Err(SigningError::AlreadySigned)
    );
}

#[test]
fn five_wrong_codes_kill_the_code_and_the_third_killed_code_blocks_signer_and_document() {
    let (mut wf, _) = workflow(Level::Simple, SigningOrder::Parallel, 2);
    let sid = id(&wf, 0);
    let wrong = |_: &str| false;
    for round in 1..=3 {
        wf.approve(&sid, "H".into(), t0()).unwrap();
        for k in 1..OTP_MAX_ATTEMPTS {
            let (o, _) = wf.confirm(&sid, wrong, false, t0()).unwrap();
            assert_eq!(
                o,
                ConfirmOutcome::WrongCode {
                    remaining: OTP_MAX_ATTEMPTS - k
                }
            );
        }
        let (o, fx) = wf.confirm(&sid, wrong, false, t0()).unwrap();
        if round < 3 {
            assert_eq!(o, ConfirmOutcome::CodeKilled);
            assert_eq!(
                wf.confirm(&sid, right, false, t0()).map(|r| r.0),
                Err(SigningError::NoLiveCode),
                "a killed code is gone"
            );
        } else {
            assert_eq!(o, ConfirmOutcome::Blocked);
            assert_eq!(fx.events, vec![DocumentEvent::Blocked(sid.clone())]);
        }
    }
    assert_eq!(wf.signers[0].status, SignerStatus::Blocked);
    assert_eq!(wf.document.status, DocumentStatus::Blocked);
    assert_eq!(wf.document.message.as_deref(), Some("OTP_CODE_INVALID"));
    // Nobody acts on a blocked document, the other signer included.
    assert_eq!(
        wf.approve(&id(&wf, 1), "H".into(), t0()),
        Err(SigningError::Blocked)
    );
    wf.unblock(&sid, "key_x", &Eligibility::default(), t0())
        .unwrap();
    assert_eq!(wf.document.status, DocumentStatus::Pending);
    assert_eq!(wf.signers[0].status, SignerStatus::UserConsentRequired);
    assert_eq!(wf.signers[0].failed_validations, 0);
}

/// The provider's own code (CSC `credentials/sendOTP`): Signet lets the confirmation through
/// and the provider judges the code when the signature is made; its refusals count as wrong
/// codes, so a signer cannot guess on and on at the provider.
#[test]
fn codes_the_provider_refuses_count_as_wrong_and_the_third_killed_code_blocks() {
    let (mut wf, _) = workflow(Level::Simple, SigningOrder::Parallel, 2);
    let sid = id(&wf, 0);
    let by_provider = |h: &str| code_checked_by_provider(h);
    for round in 1..=3 {
        wf.approve(&sid, PROVIDER_CHECKED_CODE.into(), t0())
            .unwrap();
        for k in 1..=OTP_MAX_ATTEMPTS {
            let (o, fx) = wf.confirm(&sid, by_provider, false, t0()).unwrap();
            assert_eq!(o, ConfirmOutcome::Accepted);
            assert_eq!(fx.sign, Some(sid.clone()));
            let fx = wf.provider_refused_code(&sid, "invalid_otp", t0()).unwrap();
            let actions: Vec<&str> = fx.audit.iter().map(|a| a.action).collect();
            if k < OTP_MAX_ATTEMPTS {
                assert!(actions.contains(&"otp.failed"), "{actions:?}");
                assert_eq!(wf.signers[0].status, SignerStatus::Error);
                assert_eq!(wf.signers[0].status_codes, vec![6005]);
                assert!(
                    wf.signers[0].otp.is_some(),
                    "confirm again with another guess"
                );
            } else {
                assert!(actions.contains(&"otp.killed"), "{actions:?}");
                assert!(wf.signers[0].otp.is_none(), "a killed code is gone");
                if round < 3 {
                    assert_eq!(
                        wf.confirm(&sid, by_provider, false, t0()).map(|r| r.0),
                        Err(SigningError::NoLiveCode)
                    );
                } else {
                    assert_eq!(fx.events, vec![DocumentEvent::Blocked(sid.clone())]);
                }
            }
        }
    }
    assert_eq!(wf.signers[0].status, SignerStatus::Blocked);
    assert_eq!(wf.document.status, DocumentStatus::Blocked);
    assert_eq!(wf.document.message.as_deref(), Some("OTP_CODE_INVALID"));
}

#[test]
fn asking_for_a_new_code_does_not_reset_the_wrong_guesses() {
    let (mut wf, _) = workflow(Level::Simple, SigningOrder::Parallel, 1);
    let sid = id(&wf, 0);
    wf.approve(&sid, "H".into(), t0()).unwrap();
    for _ in 0..4 {
        wf.confirm(&sid, |_| false, false, t0()).unwrap();
    }
    wf.approve(&sid, "H".into(), t0()).unwrap();
    let (o, _) = wf.confirm(&sid, |_| false, false, t0()).unwrap();
    assert_eq!(o, ConfirmOutcome::CodeKilled);
}

#[test]
fn twenty_four_hours_without_a_signature_is_error_6008_and_stale_timers_do_nothing() {
    let (mut wf, fx) = workflow(Level::Simple, SigningOrder::Parallel, 1);
    let sid = id(&wf, 0);
    let first = fx.timers[0].clone();
    assert_eq!(first.due, t0() + WORKFLOW_TIMEOUT);
    // A resend opens a new window; the first window's timer is then stale.
    let later = t0() + Duration::hours(3);
    let fx2 = wf.resend(&sid, &Eligibility::default(), later).unwrap();
    assert!(
        wf.on_timer(&first.timer, first.due)
            .signers_changed
            .is_empty()
    );
    let second = &fx2.timers[0];
    let fx = wf.on_timer(&second.timer, second.due);
    assert_eq!(fx.signers_changed, vec![sid]);
    assert_eq!(wf.signers[0].status, SignerStatus::Error);
    assert_eq!(wf.signers[0].status_codes, vec![6008]);
}

#[test]
fn a_signed_signer_is_not_timed_out() {
    let (mut wf, fx) = workflow(Level::Simple, SigningOrder::Parallel, 2);
    sign(&mut wf, 0, t0());
    let fx = wf.on_timer(&fx.timers[0].timer, fx.timers[0].due);
    assert!(fx.signers_changed.is_empty());
    assert_eq!(wf.signers[0].status, SignerStatus::Signed);
}

#[test]
fn rejection_raises_reject_then_rejected_and_closes_the_document() {
    let (mut wf, _) = workflow(Level::Simple, SigningOrder::Parallel, 2);
    let sid = id(&wf, 1);
    let fx = wf.reject(&sid, "wrong amount".into(), t0()).unwrap();
    assert_eq!(
        fx.events,
        vec![
            DocumentEvent::SignerRejected(sid.clone()),
            DocumentEvent::Rejected(sid.clone())
        ]
    );
    assert_eq!(wf.document.status, DocumentStatus::Rejected);
    assert_eq!(wf.document.message.as_deref(), Some("wrong amount"));
    assert_eq!(
        wf.approve(&id(&wf, 0), "H".into(), t0()),
        Err(SigningError::DocumentClosed("rejected"))
    );
}

#[test]
fn expiry_closes_a_pending_document_with_expired() {
    let exp = t0() + Duration::days(3);
    let (mut wf, fx) = Workflow::create(
        doc(Level::Simple, SigningOrder::Parallel, Some(exp)),
        vec![signer(1)],
        &[],
        t0(),
    );
    let timer = fx
        .timers
        .iter()
        .find(|s| matches!(s.timer, Timer::DocumentExpiry { .. }))
        .unwrap();
    assert_eq!(timer.due, exp);
    let fx = wf.on_timer(&timer.timer, exp);
    assert_eq!(fx.events, vec![DocumentEvent::Expired]);
    let err = wf.approve(&id(&wf, 0), "H".into(), exp).unwrap_err();
    assert_eq!(err.error_code(), ErrorCode::DocumentExpired);
    assert_eq!(err.error_code().return_code(), Some(111));
}

#[test]
fn cancel_closes_the_document_without_a_seed_event() {
    let (mut wf, _) = workflow(Level::Simple, SigningOrder::Parallel, 1);
    let fx = wf.cancel(t0()).unwrap();
    assert!(fx.events.is_empty());
    assert_eq!(wf.document.status, DocumentStatus::Canceled);
    assert!(wf.cancel(t0()).is_err());
}

#[test]
fn eligibility_for_advanced_follows_the_table() {
    let now = t0();
    let adv = |f: &Eligibility| assess(Level::Advanced, f, false, now);
    assert_eq!(
        adv(&Eligibility::default()),
        (SignerStatus::KycRequired, vec![1201])
    );
    let mut f = identified(now);
    assert_eq!(adv(&f), (SignerStatus::UserConsentRequired, vec![]));
    if let Some(i) = f.identification.as_mut() {
        i.status = IdentStatus::Failed;
    }
    assert_eq!(adv(&f), (SignerStatus::KycRequired, vec![1202]));
    for status in [
        IdentStatus::Canceled,
        IdentStatus::Aborted,
        IdentStatus::Pending,
        IdentStatus::Created,
    ] {
        if let Some(i) = f.identification.as_mut() {
            i.status = status;
        }
        assert_eq!(
            adv(&f),
            (SignerStatus::KycRequired, vec![1201]),
            "{status:?}"
        );
    }
    let mut f = identified(now);
    f.flagged_by_compliance = true;
    assert_eq!(adv(&f), (SignerStatus::KycRequired, vec![1035]));
    let mut f = identified(now);
    if let Some(i) = f.identification.as_mut() {
        i.document_supported = false;
        i.document_expired = true;
    }
    assert_eq!(adv(&f), (SignerStatus::KycRequired, vec![1021, 3204]));
    let mut f = identified(now);
    f.open_hit = true;
    assert_eq!(adv(&f), (SignerStatus::KycRequired, vec![140]));
    f.open_hit = false;
    f.confirmed_hit = true;
    assert_eq!(adv(&f), (SignerStatus::KycRequired, vec![4110]));
    let mut f = identified(now);
    f.prohibited_country = true;
    assert_eq!(adv(&f), (SignerStatus::KycRequired, vec![4145]));
    // Selfie cases.
    let old = identified(now - Duration::hours(25));
    assert_eq!(adv(&old), (SignerStatus::SelfieRequired, vec![3105]));
    assert_eq!(
        assess(Level::Advanced, &old, true, now),
        (SignerStatus::UserConsentRequired, vec![]),
        "an accepted selfie clears it"
    );
    let mut f = identified(now);
    if let Some(i) = f.identification.as_mut() {
        i.device_model = Some("Pixel 8".into());
        i.phone = Some("+4915112345678".into());
    }
    f.session_device_model = Some("iPhone 15".into());
    f.session_phone = Some("+4915199999999".into());
    assert_eq!(adv(&f), (SignerStatus::SelfieRequired, vec![3541, 3550]));
    f.session_phone = None;
    assert_eq!(
        adv(&f),
        (SignerStatus::SelfieRequired, vec![3541]),
        "a phone compares only when both are known"
    );
    // `simple` goes straight to consent.
    assert_eq!(
        assess(Level::Simple, &Eligibility::default(), false, now),
        (SignerStatus::UserConsentRequired, vec![])
    );
}

#[test]
fn a_rejected_selfie_is_a_failed_validation_and_an_accepted_one_opens_consent() {
    let old = identified(t0() - Duration::hours(30));
    let (mut wf, _) = Workflow::create(
        doc(Level::Advanced, SigningOrder::Parallel, None),
        vec![signer(1)],
        std::slice::from_ref(&old),
        t0(),
    );
    let sid = id(&wf, 0);
    assert_eq!(wf.signers[0].status, SignerStatus::SelfieRequired);
    assert_eq!(
        wf.review_selfie(&sid, true, "r", &old, t0()),
        Err(SigningError::NoSelfie)
    );
    wf.submit_selfie(&sid, "b".into(), "s".into(), t0())
        .unwrap();
    wf.review_selfie(&sid, false, "r", &old, t0()).unwrap();
    assert_eq!(wf.signers[0].failed_validations, 1);
    assert_eq!(wf.signers[0].status_codes, vec![3105]);
    let later = t0() + Duration::hours(5);
    wf.submit_selfie(&sid, "b".into(), "s".into(), later)
        .unwrap();
    wf.review_selfie(&sid, true, "r", &old, later).unwrap();
    assert_eq!(wf.signers[0].status, SignerStatus::UserConsentRequired);
    assert!(
        wf.approve(&sid, "H".into(), later).is_ok(),
        "the approval window runs from the accepted selfie"
    );
}

#[test]
fn three_rejected_selfies_block() {
    let old = identified(t0() - Duration::hours(30));
    let (mut wf, _) = Workflow::create(
        doc(Level::Advanced, SigningOrder::Parallel, None),
        vec![signer(1)],
        std::slice::from_ref(&old),
        t0(),
    );
    let sid = id(&wf, 0);
    for _ in 0..3 {
        wf.submit_selfie(&sid, "b".into(), "s".into(), t0())
            .unwrap();
        wf.review_selfie(&sid, false, "r", &old, t0()).unwrap();
    }
    assert_eq!(wf.signers[0].status, SignerStatus::Blocked);
    assert_eq!(wf.document.status, DocumentStatus::Blocked);
}

#[test]
fn pending_verification_signs_when_the_identification_succeeds_or_fails_with_3311() {
    let mut pending = identified(t0());
    if let Some(i) = pending.identification.as_mut() {
        i.status = IdentStatus::PendingSuccessful;
        i.completed_at = None;
    }
    let (mut wf, _) = Workflow::create(
        doc(Level::Advanced, SigningOrder::Parallel, None),
        vec![signer(1), signer(2)],
        &[pending.clone(), pending],
        t0(),
    );
    for i in 0..2 {
        let sid = id(&wf, i);
        wf.approve(&sid, "H".into(), t0()).unwrap();
        let (_, fx) = wf.confirm(&sid, right, true, t0()).unwrap();
        assert_eq!(fx.sign, None);
        assert_eq!(wf.signers[i].status, SignerStatus::PendingVerification);
    }
    let p0 = wf.signers[0].person_id.clone().unwrap();
    let p1 = wf.signers[1].person_id.clone().unwrap();
    let fx = wf.identification_resolved(&p0, IdentificationOutcome::Successful, t0());
    assert_eq!(fx.sign, Some(id(&wf, 0)));
    let fx = wf.identification_resolved(&p1, IdentificationOutcome::NotSuccessful, t0());
    assert_eq!(fx.sign, None);
    assert_eq!(wf.signers[1].status, SignerStatus::InvalidSignature);
    assert_eq!(wf.signers[1].status_codes, vec![3311]);
}

/// A signer waiting in `pending_verification`: after approving and confirming while their
/// identification is under review.
fn waiting_for_review() -> Workflow {
    let mut pending = identified(t0());
    if let Some(i) = pending.identification.as_mut() {
        i.status = IdentStatus::PendingSuccessful;
        i.completed_at = None;
    }
    let (mut wf, _) = Workflow::create(
        doc(Level::Advanced, SigningOrder::Parallel, None),
        vec![signer(1)],
        &[pending],
        t0(),
    );
    let sid = id(&wf, 0);
    wf.approve(&sid, "H".into(), t0()).unwrap();
    wf.confirm(&sid, right, true, t0()).unwrap();
    assert_eq!(wf.signers[0].status, SignerStatus::PendingVerification);
    wf
}

#[test]
fn an_identification_that_confirms_other_data_makes_the_waiting_signature_invalid() {
    let mut wf = waiting_for_review();
    let person = wf.signers[0].person_id.clone().unwrap();
    let fx = wf.identification_resolved(
        &person,
        IdentificationOutcome::SuccessfulWithOtherData,
        t0(),
    );
    assert_eq!(fx.sign, None);
    assert_eq!(wf.signers[0].status, SignerStatus::InvalidSignature);
    assert_eq!(wf.signers[0].status_codes, vec![3311]);
    assert!(fx.audit.iter().any(|a| {
        a.action == "signer.invalid_signature"
            && a.details["reason"]
                .as_str()
                .is_some_and(|r| r.contains("other personal data"))
    }));
}

#[test]
fn the_24_hours_run_for_a_signer_waiting_for_review_too() {
    let mut wf = waiting_for_review();
    let timer = Timer::SignerTimeout {
        document_id: wf.document.id.clone(),
        signer_id: id(&wf, 0),
        window: wf.signers[0].window,
    };
    let fx = wf.on_timer(&timer, t0() + WORKFLOW_TIMEOUT);
    assert_eq!(wf.signers[0].status, SignerStatus::Error);
    assert_eq!(wf.signers[0].status_codes, vec![6008]);
    assert_eq!(fx.signers_changed, vec![id(&wf, 0)]);
}

#[test]
fn a_retryable_signing_error_may_be_approved_again_and_a_fatal_one_may_not() {
    let (mut wf, _) = workflow(Level::Simple, SigningOrder::Parallel, 1);
    let sid = id(&wf, 0);
    wf.approve(&sid, "H".into(), t0()).unwrap();
    wf.confirm(&sid, right, false, t0()).unwrap();
    wf.signing_failed(&sid, 6006, "tsa down", t0()).unwrap();
    assert!(wf.approve(&sid, "H".into(), t0()).is_ok());
    wf.confirm(&sid, right, false, t0()).unwrap();
    wf.signing_failed(&sid, 6004, "broken", t0()).unwrap();
    assert!(matches!(
        wf.approve(&sid, "H".into(), t0()),
        Err(SigningError::InvalidState { .. })
    ));
    assert!(wf.resend(&sid, &Eligibility::default(), t0()).is_ok());
}

#[test]
fn words_round_trip() {
    for s in SignerStatus::ALL {
        assert_eq!(SignerStatus::parse(s.as_str()), Some(*s));
        assert!(
            crate::catalog::lookup(crate::catalog::CodeKind::SignatureStatus, s.as_str()).is_some(),
            "{} is in the catalog",
            s.as_str()
        );
    }
    for d in DocumentStatus::ALL {
        assert_eq!(DocumentStatus::parse(d.as_str()), Some(*d));
    }
}

#[test]
fn a_new_sanctions_hit_holds_a_signer_at_work_and_a_cleared_one_lets_them_go() {
    let facts = identified(t0());
    let (mut wf, _) = Workflow::create(
        doc(Level::Advanced, SigningOrder::Parallel, None),
        vec![signer(1)],
        std::slice::from_ref(&facts),
        t0(),
    );
    let person = wf.signers[0].person_id.clone().unwrap();
    let mut hit = facts.clone();
    hit.open_hit = true;
    let fx = wf.reassess_person(&person, &hit, t0());
    assert_eq!(fx.signers_changed.len(), 1);
    assert_eq!(wf.signers[0].status, SignerStatus::KycRequired);
    assert_eq!(wf.signers[0].status_codes, vec![140]);
    hit.open_hit = false;
    hit.confirmed_hit = true;
    wf.reassess_person(&person, &hit, t0());
    assert_eq!(wf.signers[0].status_codes, vec![4110]);
    wf.reassess_person(&person, &facts, t0());
    assert_eq!(wf.signers[0].status, SignerStatus::UserConsentRequired);
    // Nothing changes for a signed signer.
    let sid = id(&wf, 0);
    wf.approve(&sid, "H".into(), t0()).unwrap();
    wf.confirm(&sid, right, false, t0()).unwrap();
    wf.signed(&sid, "CN=x".into(), "h".into(), &[], t0())
        .unwrap();
    let mut hit = facts;
    hit.open_hit = true;
    assert!(
        wf.reassess_person(&person, &hit, t0())
            .signers_changed
            .is_empty()
    );
}

#[test]
fn a_signing_error_that_allows_it_is_confirmed_again_with_the_same_code() {
    for (code, again) in [(6005, true), (6006, true), (6004, false), (6002, false)] {
        let (mut wf, _) = workflow(Level::Simple, SigningOrder::Parallel, 1);
        let sid = id(&wf, 0);
        wf.approve(&sid, "H".into(), t0()).unwrap();
        let (_, fx) = wf.confirm(&sid, right, false, t0()).unwrap();
        assert_eq!(fx.sign, Some(sid.clone()));
        wf.signing_failed(&sid, code, "failed", t0()).unwrap();
        let second = wf.confirm(&sid, right, false, t0());
        if again {
            let (outcome, fx) = second.unwrap();
            assert_eq!(outcome, ConfirmOutcome::Accepted, "{code}");
            assert_eq!(fx.sign, Some(sid.clone()), "{code}: signed again");
            // Once signed, the code is spent.
            wf.signed(&sid, "CN=x".into(), "h".into(), &[], t0())
                .unwrap();
            assert!(wf.signers[0].otp.is_none());
        } else {
            assert!(
                matches!(second, Err(SigningError::InvalidState { .. })),
                "{code}: approve again instead"
            );
        }
    }
}

#[test]
fn a_failed_document_timestamp_is_tried_again_until_the_last_try() {
    let (mut wf, _) = workflow(Level::Simple, SigningOrder::Parallel, 1);
    let sid = id(&wf, 0);
    wf.approve(&sid, "H".into(), t0()).unwrap();
    wf.confirm(&sid, right, false, t0()).unwrap();
    let fx = wf
        .signed(&sid, "CN=x".into(), "h".into(), &[], t0())
        .unwrap();
    assert!(fx.finish);
    let mut at = t0();
    let mut attempt = 0;
    loop {
        let fx = wf.finish_failed(&sid, "tsa down", attempt, at).unwrap();
        assert_eq!(wf.signers[0].status, SignerStatus::Error);
        assert_eq!(wf.signers[0].status_codes, vec![6007]);
        let Some(next) = fx.timers.first().cloned() else {
            assert_eq!(
                attempt as usize,
                FINISH_RETRY_DELAYS.len(),
                "tried every delay"
            );
            break;
        };
        assert_eq!(next.due, at + FINISH_RETRY_DELAYS[attempt as usize]);
        at = next.due;
        let fx = wf.on_timer(&next.timer, at);
        assert!(fx.finish, "the closing is tried again");
        assert_eq!(fx.finish_retry, Some((sid.clone(), attempt + 1)));
        assert_eq!(wf.signers[0].status, SignerStatus::Signed);
        attempt += 1;
    }
    // A try again that finds the file closed does nothing.
    let (mut done, _) = workflow(Level::Simple, SigningOrder::Parallel, 1);
    let timer = Timer::FinishRetry {
        document_id: done.document.id.clone(),
        signer_id: id(&done, 0),
        attempt: 1,
    };
    assert_eq!(done.on_timer(&timer, t0()), Effects::default());
}

#[test]
fn a_session_on_another_device_asks_for_a_selfie_and_an_accepted_one_clears_it() {
    let mut facts = identified(t0());
    if let Some(i) = facts.identification.as_mut() {
        i.device_model = Some("Pixel 7".into());
    }
    let (mut wf, _) = Workflow::create(
        doc(Level::Advanced, SigningOrder::Parallel, None),
        vec![signer(1)],
        std::slice::from_ref(&facts),
        t0(),
    );
    let sid = id(&wf, 0);
    assert_eq!(wf.signers[0].status, SignerStatus::UserConsentRequired);
    let mut session = facts.clone();
    session.session_device_model = Some("Pixel 7".into());
    assert_eq!(
        wf.session_assessed(&sid, &session, t0()),
        Effects::default(),
        "same device"
    );
    session.session_device_model = Some("iPhone".into());
    wf.session_assessed(&sid, &session, t0());
    assert_eq!(wf.signers[0].status, SignerStatus::SelfieRequired);
    assert_eq!(wf.signers[0].status_codes, vec![3541]);
    wf.submit_selfie(&sid, "selfie-key".into(), "00".into(), t0())
        .unwrap();
    assert_eq!(
        wf.session_assessed(&sid, &session, t0()),
        Effects::default(),
        "a selfie under review is waited for"
    );
    wf.review_selfie(&sid, true, "operator:r", &session, t0())
        .unwrap();
    assert_eq!(wf.signers[0].status, SignerStatus::UserConsentRequired);
    assert_eq!(
        wf.session_assessed(&sid, &session, t0()),
        Effects::default(),
        "the accepted selfie clears the other device"
    );
}
