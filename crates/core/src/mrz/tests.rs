use super::*;

// ICAO Doc 9303 specimens (the fictitious state Utopia), from the project's
// field notes; their check digits are recomputed below, not assumed.
const TD3: [&str; 2] = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
];
const TD2: [&str; 2] = [
    "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
    "D231458907UTO7408122F1204159<<<<<<<6",
];
const TD1: [&str; 3] = [
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
];
// An MRV-A in the form of Doc 9303 part 7's example (not among the field
// notes' specimens; its check digits are asserted in the test below).
const MRV_A: [&str; 2] = [
    "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L8988901C4XXX4009078F96121096ZE184226B<<<<<<",
];

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

fn today() -> NaiveDate {
    day(2026, 11, 29)
}

fn parse(lines: &[&str]) -> Mrz {
    Mrz::from_lines(lines, today()).expect("the zone parses")
}

fn error(lines: &[&str]) -> MrzError {
    Mrz::from_lines(lines, today()).expect_err("the zone is refused")
}

fn failed(mrz: &Mrz) -> Vec<CheckField> {
    mrz.failed_checks().map(|c| c.field).collect()
}

/// `lines` with the character at (line, position), 1-based, replaced.
fn changed(lines: &[&str], line: usize, position: usize, with: char) -> Vec<String> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i + 1 == line {
                l.chars()
                    .enumerate()
                    .map(|(p, c)| if p + 1 == position { with } else { c })
                    .collect()
            } else {
                (*l).to_string()
            }
        })
        .collect()
}

fn parse_owned(lines: &[String]) -> Mrz {
    Mrz::from_lines(lines, today()).expect("the zone parses")
}

#[test]
fn check_digits_of_specimen_fields() {
    assert_eq!(check_digit("L898902C3"), Some('6'));
    assert_eq!(check_digit("740812"), Some('2'));
    assert_eq!(check_digit("120415"), Some('9'));
    assert_eq!(check_digit("ZE184226B<<<<<"), Some('1'));
    assert_eq!(check_digit("D23145890"), Some('7'));
    // Doc 9303 part 3's worked example: 27 July 1952.
    assert_eq!(check_digit("520727"), Some('3'));
    assert_eq!(check_digit("<<<<<<"), Some('0'));
    assert_eq!(check_digit("l898902C3"), None);
}

#[test]
fn td3_specimen_parses_with_all_checks_passing() {
    let mrz = parse(&TD3);
    assert_eq!(mrz.format, MrzFormat::Td3);
    assert_eq!(mrz.document_code, "P");
    assert_eq!(mrz.issuing_state, "UTO");
    assert_eq!(mrz.surname, "ERIKSSON");
    assert_eq!(mrz.given_names, "ANNA MARIA");
    assert!(!mrz.name_truncated);
    assert_eq!(mrz.document_number, "L898902C3");
    assert_eq!(mrz.nationality, "UTO");
    assert_eq!(mrz.birth_date, Some(day(1974, 8, 12)));
    assert_eq!(mrz.sex, Sex::Female);
    assert_eq!(mrz.expiry_date, Some(day(2012, 4, 15)));
    assert_eq!(mrz.optional_data, "ZE184226B");
    assert_eq!(mrz.optional_data_2, None);
    assert!(mrz.all_checks_pass(), "{:?}", mrz.checks);
    let fields: Vec<CheckField> = mrz.checks.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            CheckField::DocumentNumber,
            CheckField::BirthDate,
            CheckField::ExpiryDate,
            CheckField::OptionalData,
            CheckField::Composite
        ]
    );
    let composite = mrz
        .check(CheckField::Composite)
        .expect("TD3 has a composite");
    assert_eq!((composite.line, composite.position), (2, 44));
    assert_eq!((composite.expected, composite.found), ('0', '0'));
    let personal = mrz
        .check(CheckField::OptionalData)
        .expect("TD3 checks its personal number");
    assert_eq!(
        (personal.line, personal.position, personal.found),
        (2, 43, '1')
    );
}

#[test]
fn td2_specimen_parses_with_all_checks_passing() {
    let mrz = parse(&TD2);
    assert_eq!(mrz.format, MrzFormat::Td2);
    assert_eq!(mrz.document_code, "I");
    assert_eq!(mrz.issuing_state, "UTO");
    assert_eq!(mrz.surname, "ERIKSSON");
    assert_eq!(mrz.given_names, "ANNA MARIA");
    assert_eq!(mrz.document_number, "D23145890");
    assert_eq!(mrz.nationality, "UTO");
    assert_eq!(mrz.birth_date, Some(day(1974, 8, 12)));
    assert_eq!(mrz.sex, Sex::Female);
    assert_eq!(mrz.expiry_date, Some(day(2012, 4, 15)));
    assert_eq!(mrz.optional_data, "");
    assert!(mrz.all_checks_pass(), "{:?}", mrz.checks);
    assert_eq!(mrz.checks.len(), 4);
    let composite = mrz
        .check(CheckField::Composite)
        .expect("TD2 has a composite");
    assert_eq!(
        (composite.line, composite.position, composite.found),
        (2, 36, '6')
    );
}

#[test]
fn td1_specimen_parses_with_all_checks_passing() {
    let mrz = parse(&TD1);
    assert_eq!(mrz.format, MrzFormat::Td1);
    assert_eq!(mrz.document_code, "I");
    assert_eq!(mrz.issuing_state, "UTO");
    assert_eq!(mrz.surname, "ERIKSSON");
    assert_eq!(mrz.given_names, "ANNA MARIA");
    assert_eq!(mrz.document_number, "D23145890");
    assert_eq!(mrz.nationality, "UTO");
    assert_eq!(mrz.birth_date, Some(day(1974, 8, 12)));
    assert_eq!(mrz.sex, Sex::Female);
    assert_eq!(mrz.expiry_date, Some(day(2012, 4, 15)));
    assert_eq!(mrz.optional_data, "");
    assert_eq!(mrz.optional_data_2.as_deref(), Some(""));
    assert!(mrz.all_checks_pass(), "{:?}", mrz.checks);
    assert_eq!(mrz.checks.len(), 4);
    let doc = mrz.check(CheckField::DocumentNumber).expect("checked");
    assert_eq!((doc.line, doc.position, doc.found), (1, 15, '7'));
    let composite = mrz
        .check(CheckField::Composite)
        .expect("TD1 has a composite");
    assert_eq!(
        (composite.line, composite.position, composite.found),
        (2, 30, '6')
    );
}

#[test]
fn mrv_a_example_parses_without_composite() {
    let mrz = parse(&MRV_A);
    assert_eq!(mrz.format, MrzFormat::MrvA);
    assert_eq!(mrz.document_code, "V");
    assert_eq!(mrz.document_number, "L8988901C");
    assert_eq!(mrz.nationality, "XXX");
    assert_eq!(mrz.birth_date, Some(day(1940, 9, 7)));
    assert_eq!(mrz.sex, Sex::Female);
    assert_eq!(mrz.expiry_date, Some(day(1996, 12, 10)));
    assert_eq!(mrz.optional_data, "6ZE184226B");
    assert_eq!(check_digit("L8988901C"), Some('4'));
    assert_eq!(check_digit("400907"), Some('8'));
    assert_eq!(check_digit("961210"), Some('9'));
    assert!(mrz.all_checks_pass(), "{:?}", mrz.checks);
    assert_eq!(mrz.checks.len(), 3);
    assert!(mrz.check(CheckField::Composite).is_none());
}

#[test]
fn mrv_b_is_told_from_td2_by_its_document_code() {
    let line1 = format!("V<UTO{:<<31}", "ERIKSSON<<ANNA<MARIA");
    let line2 = "L8988901C4XXX4009078F96121096ZE18422";
    let mrz = parse(&[&line1, line2]);
    assert_eq!(mrz.format, MrzFormat::MrvB);
    assert_eq!(mrz.optional_data, "6ZE18422");
    assert!(mrz.all_checks_pass(), "{:?}", mrz.checks);
}

#[test]
fn surrounding_whitespace_crlf_and_blank_lines_are_tolerated() {
    let text = format!("  \r\n{}\r\n{}  \r\n\r\n", TD3[0], TD3[1]);
    assert_eq!(Mrz::parse(&text, today()), Ok(parse(&TD3)));
    let text = format!("\n{}\n{}\n{}\n", TD1[0], TD1[1], TD1[2]);
    assert_eq!(Mrz::parse(&text, today()), Ok(parse(&TD1)));
    let owned: Vec<String> = TD2.iter().map(|l| format!(" {l}\t")).collect();
    assert_eq!(Mrz::from_lines(&owned, today()), Ok(parse(&TD2)));
}

/// Changing one character of a checked field fails that check and the
/// composite, and nothing else.
fn assert_only_fails(
    lines: &[&str],
    line: usize,
    position: usize,
    with: char,
    fails: &[CheckField],
) {
    let mrz = parse_owned(&changed(lines, line, position, with));
    assert_eq!(
        failed(&mrz),
        fails,
        "changing line {line}, position {position}"
    );
    assert!(!mrz.all_checks_pass());
}

#[test]
fn td3_changed_digit_fails_exactly_its_checks() {
    use CheckField::*;
    assert_only_fails(&TD3, 2, 6, '3', &[DocumentNumber, Composite]); // L89890[2→3]
    assert_only_fails(&TD3, 2, 19, '3', &[BirthDate, Composite]); // 74081[2→3]
    assert_only_fails(&TD3, 2, 27, '6', &[ExpiryDate, Composite]); // 12041[5→6]
    assert_only_fails(&TD3, 2, 36, '7', &[OptionalData, Composite]); // ZE18422[6→7]
    assert_only_fails(&TD3, 2, 10, '5', &[DocumentNumber, Composite]); // the check digit itself
    assert_only_fails(&TD3, 2, 43, '2', &[OptionalData, Composite]);
    assert_only_fails(&TD3, 2, 44, '1', &[Composite]);
    // Fields outside every check fail nothing.
    let mrz = parse_owned(&changed(&TD3, 2, 21, 'M'));
    assert!(mrz.all_checks_pass());
    assert_eq!(mrz.sex, Sex::Male);
    // The failed check names what was expected and found.
    let mrz = parse_owned(&changed(&TD3, 2, 20, '5'));
    let birth = mrz.check(CheckField::BirthDate).expect("checked");
    assert_eq!(
        (
            birth.line,
            birth.position,
            birth.expected,
            birth.found,
            birth.ok
        ),
        (2, 20, '2', '5', false)
    );
}

#[test]
fn td2_changed_digit_fails_exactly_its_checks() {
    use CheckField::*;
    assert_only_fails(&TD2, 2, 2, '3', &[DocumentNumber, Composite]);
    assert_only_fails(&TD2, 2, 19, '9', &[BirthDate, Composite]);
    assert_only_fails(&TD2, 2, 23, '3', &[ExpiryDate, Composite]);
    assert_only_fails(&TD2, 2, 36, '7', &[Composite]);
    // Optional data is covered by the composite only.
    assert_only_fails(&TD2, 2, 29, 'B', &[Composite]);
}

#[test]
fn td1_changed_digit_fails_exactly_its_checks() {
    use CheckField::*;
    assert_only_fails(&TD1, 1, 7, '3', &[DocumentNumber, Composite]);
    assert_only_fails(&TD1, 2, 6, '3', &[BirthDate, Composite]);
    assert_only_fails(&TD1, 2, 14, '6', &[ExpiryDate, Composite]);
    assert_only_fails(&TD1, 1, 20, 'B', &[Composite]); // optional data 1
    assert_only_fails(&TD1, 2, 25, '9', &[Composite]); // optional data 2
    assert_only_fails(&TD1, 2, 30, '0', &[Composite]);
}

#[test]
fn td3_personal_number_of_fillers_may_have_a_filler_check_digit() {
    let line2 = "L898902C36UTO7408122F1204159<<<<<<<<<<<<<<<8";
    assert_eq!(
        check_digit("L898902C3674081221204159<<<<<<<<<<<<<<<"),
        Some('8')
    );
    let mrz = parse(&[TD3[0], line2]);
    assert!(mrz.all_checks_pass(), "{:?}", mrz.checks);
    assert_eq!(mrz.optional_data, "");
    let check = mrz.check(CheckField::OptionalData).expect("checked");
    assert_eq!((check.expected, check.found), ('0', '<'));
    // Not when the personal number holds data.
    let mrz = parse_owned(&changed(&TD3, 2, 43, '<'));
    assert_eq!(
        failed(&mrz),
        [CheckField::OptionalData, CheckField::Composite]
    );
}

#[test]
fn td1_long_document_number_continues_in_optional_data() {
    // D23145890123: nine characters, a filler, then "123", its check digit 3.
    let lines = [
        "I<UTOD23145890<1233<<<<<<<<<<<",
        "7408122F1204159UTO<<<<<<<<<<<2",
        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
    ];
    assert_eq!(check_digit("D23145890123"), Some('3'));
    let mrz = parse(&lines);
    assert_eq!(mrz.document_number, "D23145890123");
    assert_eq!(mrz.optional_data, "");
    assert!(mrz.all_checks_pass(), "{:?}", mrz.checks);
    let doc = mrz.check(CheckField::DocumentNumber).expect("checked");
    assert_eq!((doc.line, doc.position, doc.found), (1, 19, '3'));
    // A changed continuation fails the document number check.
    let mrz = parse_owned(&changed(&lines, 1, 17, '9'));
    assert_eq!(
        failed(&mrz),
        [CheckField::DocumentNumber, CheckField::Composite]
    );
    // Optional data may follow the terminating filler.
    let with_data = "I<UTOD23145890<1233<AB12<<<<<<";
    let mrz = parse(&[with_data, lines[1], lines[2]]);
    assert_eq!(mrz.document_number, "D23145890123");
    assert_eq!(mrz.optional_data, "AB12");
    assert_eq!(failed(&mrz), [CheckField::Composite]);
    // A filler check digit with no continuation is refused.
    let error = error(&["I<UTOD23145890<<<<<<<<<<<<<<<<", lines[1], lines[2]]);
    assert_eq!(
        error,
        MrzError::LongDocumentNumber {
            line: 1,
            position: 16
        }
    );
}

#[test]
fn td2_long_document_number_continues_in_optional_data() {
    let line2 = "D23145890<UTO7408122F12041591233<<<4";
    let mrz = parse(&[TD2[0], line2]);
    assert_eq!(mrz.document_number, "D23145890123");
    assert!(mrz.all_checks_pass(), "{:?}", mrz.checks);
}

#[test]
fn wrong_line_counts_and_lengths_are_precise_errors() {
    assert_eq!(error(&[]), MrzError::Empty);
    assert_eq!(Mrz::parse(" \n \r\n", today()), Err(MrzError::Empty));
    assert_eq!(error(&[TD3[0]]), MrzError::LineCount { found: 1 });
    assert_eq!(
        error(&[TD1[0], TD1[1], TD1[2], TD1[2]]),
        MrzError::LineCount { found: 4 }
    );
    let short = &TD3[1][..43];
    let e = error(&[TD3[0], short]);
    assert_eq!(
        e,
        MrzError::LineLength {
            line: 2,
            found: 43,
            expected: &[44]
        }
    );
    assert_eq!(e.to_string(), "line 2 has 43 characters, expected 44");
    let e = error(&[&TD3[0][..40], TD3[1]]);
    assert_eq!(
        e,
        MrzError::LineLength {
            line: 1,
            found: 40,
            expected: &[36, 44]
        }
    );
    assert_eq!(e.to_string(), "line 1 has 40 characters, expected 36 or 44");
    assert_eq!(
        error(&[TD1[0], &TD1[1][..29], TD1[2]]),
        MrzError::LineLength {
            line: 2,
            found: 29,
            expected: &[30]
        }
    );
}

#[test]
fn bad_characters_are_precise_errors() {
    let e = Mrz::from_lines(changed(&TD3, 2, 5, 'b'), today()).expect_err("refused");
    assert_eq!(
        e,
        MrzError::InvalidCharacter {
            line: 2,
            position: 5,
            found: 'b',
            expected: Expected::MrzCharacter
        }
    );
    assert_eq!(
        e.to_string(),
        "line 2, position 5: found 'b', expected A-Z, 0-9 or <"
    );
    // A space inside a line.
    let e = Mrz::from_lines(changed(&TD1, 3, 9, ' '), today()).expect_err("refused");
    assert!(matches!(
        e,
        MrzError::InvalidCharacter {
            line: 3,
            position: 9,
            found: ' ',
            ..
        }
    ));
    // Non-ASCII counts as one character.
    let e = Mrz::from_lines(changed(&TD3, 1, 8, 'É'), today()).expect_err("refused");
    assert!(matches!(
        e,
        MrzError::InvalidCharacter {
            line: 1,
            position: 8,
            found: 'É',
            ..
        }
    ));
    // Field-specific characters.
    let e = Mrz::from_lines(changed(&TD3, 2, 21, 'Q'), today()).expect_err("refused");
    assert_eq!(
        e,
        MrzError::InvalidCharacter {
            line: 2,
            position: 21,
            found: 'Q',
            expected: Expected::Sex
        }
    );
    let e = Mrz::from_lines(changed(&TD3, 2, 16, 'O'), today()).expect_err("refused");
    assert_eq!(
        e,
        MrzError::InvalidCharacter {
            line: 2,
            position: 16,
            found: 'O',
            expected: Expected::DigitOrFiller
        }
    );
    let e = Mrz::from_lines(changed(&TD3, 1, 12, '1'), today()).expect_err("refused");
    assert_eq!(
        e,
        MrzError::InvalidCharacter {
            line: 1,
            position: 12,
            found: '1',
            expected: Expected::LetterOrFiller
        }
    );
    let e = Mrz::from_lines(changed(&TD3, 2, 12, '7'), today()).expect_err("refused");
    assert_eq!(
        e,
        MrzError::InvalidCharacter {
            line: 2,
            position: 12,
            found: '7',
            expected: Expected::LetterOrFiller
        }
    );
    let e = Mrz::from_lines(changed(&TD3, 1, 1, 'I'), today()).expect_err("refused");
    assert_eq!(
        e,
        MrzError::InvalidCharacter {
            line: 1,
            position: 1,
            found: 'I',
            expected: Expected::DocumentCode("P or V")
        }
    );
    let e = Mrz::from_lines(changed(&TD1, 1, 1, 'P'), today()).expect_err("refused");
    assert!(matches!(
        e,
        MrzError::InvalidCharacter {
            line: 1,
            position: 1,
            found: 'P',
            ..
        }
    ));
    // A date that is no calendar date.
    let e = Mrz::from_lines(changed(&TD3, 2, 16, '1'), today()).expect_err("refused");
    assert_eq!(
        e,
        MrzError::InvalidDate {
            field: DateField::Birth,
            line: 2,
            position: 14,
            value: "741812".into()
        }
    );
    assert_eq!(
        e.to_string(),
        "line 2, positions 14-19: 741812 is no valid date of birth"
    );
}

#[test]
fn germany_is_d_with_fillers() {
    let line1 = format!("P<D<<{:<<39}", "MUSTERMANN<<ERIKA");
    let line2 = "C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4";
    let mrz = parse(&[&line1, line2]);
    assert_eq!(mrz.issuing_state, "D");
    assert_eq!(mrz.nationality, "D");
    assert_eq!(state_to_iso3166(&mrz.issuing_state), "DEU");
    assert_eq!(state_to_iso3166("D<<"), "DEU");
    assert_eq!(state_to_iso3166("UTO"), "UTO");
    assert_eq!(mrz.surname, "MUSTERMANN");
    assert_eq!(mrz.given_names, "ERIKA");
}

#[test]
fn birth_century_is_never_in_the_future() {
    let birth = |yymmdd: &str, today: NaiveDate| {
        let mut line2: Vec<char> = TD3[1].chars().collect();
        for (i, c) in yymmdd.chars().enumerate() {
            line2[13 + i] = c;
        }
        let line2: String = line2.into_iter().collect();
        Mrz::from_lines([TD3[0], line2.as_str()], today).map(|m| m.birth_date)
    };
    assert_eq!(birth("740812", today()), Ok(Some(day(1974, 8, 12))));
    assert_eq!(birth("200101", today()), Ok(Some(day(2020, 1, 1))));
    assert_eq!(birth("261129", today()), Ok(Some(day(2026, 11, 29))));
    assert_eq!(birth("261130", today()), Ok(Some(day(1926, 11, 30))));
    assert_eq!(
        birth("991231", day(2000, 1, 1)),
        Ok(Some(day(1999, 12, 31)))
    );
    assert_eq!(birth("000229", today()), Ok(Some(day(2000, 2, 29))));
    // 29 February 1900 does not exist and 2000 is still ahead.
    assert!(matches!(
        birth("000229", day(2000, 1, 1)),
        Err(MrzError::InvalidDate { .. })
    ));
    // Unknown (parts of) dates are fillers.
    assert_eq!(birth("74<<<<", today()), Ok(None));
    assert_eq!(birth("<<<<<<", today()), Ok(None));
}

#[test]
fn expiry_century_is_the_one_closest_to_today() {
    let expiry = |yymmdd: &str, today: NaiveDate| {
        let mut line2: Vec<char> = TD3[1].chars().collect();
        for (i, c) in yymmdd.chars().enumerate() {
            line2[21 + i] = c;
        }
        let line2: String = line2.into_iter().collect();
        Mrz::from_lines([TD3[0], line2.as_str()], today).map(|m| m.expiry_date)
    };
    assert_eq!(expiry("120415", today()), Ok(Some(day(2012, 4, 15))));
    assert_eq!(expiry("360101", today()), Ok(Some(day(2036, 1, 1))));
    assert_eq!(expiry("760101", today()), Ok(Some(day(2076, 1, 1))));
    assert_eq!(expiry("770101", today()), Ok(Some(day(1977, 1, 1))));
    assert_eq!(expiry("050101", day(1998, 6, 1)), Ok(Some(day(2005, 1, 1))));
    assert_eq!(
        expiry("951231", day(2003, 6, 1)),
        Ok(Some(day(1995, 12, 31)))
    );
    assert_eq!(expiry("<<<<<<", today()), Ok(None));
}

#[test]
fn expiry_is_inclusive_of_the_expiry_date() {
    let mrz = parse(&TD3);
    assert!(mrz.is_expired(today()));
    assert!(!mrz.is_expired(day(2012, 4, 15)));
    assert!(mrz.is_expired(day(2012, 4, 16)));
    assert!(!mrz.is_expired(day(2010, 1, 1)));
    let no_expiry = Mrz {
        expiry_date: None,
        ..mrz
    };
    assert!(!no_expiry.is_expired(today()));
}

/// A TD3 with the given name field (padded or cut to 39 characters).
fn passport(name: &str) -> Mrz {
    let name: String = format!("{name:<<39}").chars().take(39).collect();
    let line1 = format!("P<UTO{name}");
    Mrz::from_lines([line1.as_str(), TD3[1]], today()).expect("the zone parses")
}

#[test]
fn names_match_the_specimen() {
    let mrz = parse(&TD3);
    assert!(mrz.names_match("Anna Maria", "Eriksson"));
    assert!(mrz.names_match("anna maria", "ERIKSSON"));
    assert!(mrz.names_match("Maria Anna", "Eriksson"));
    assert!(mrz.names_match("Anna-Maria", "Eriksson"));
    assert!(mrz.names_match("  Anna   Maria ", " Eriksson "));
    assert!(!mrz.names_match("Anna", "Eriksson"));
    assert!(!mrz.names_match("Anna Maria Sofia", "Eriksson"));
    assert!(!mrz.names_match("Anna Marie", "Eriksson"));
    assert!(!mrz.names_match("Anna Maria", "Eriksen"));
    assert!(!mrz.names_match("Anna Maria", ""));
    assert!(!mrz.names_match("Anna Anna", "Eriksson"));
}

#[test]
fn names_match_icao_transliterations() {
    let mueller = passport("MUELLER<<JUERGEN");
    let muller = passport("MULLER<<JURGEN");
    for mrz in [&mueller, &muller] {
        assert!(mrz.names_match("Jürgen", "Müller"), "{mrz:?}");
        assert!(!mrz.names_match("Jürgen", "Möller"));
    }
    assert!(mueller.names_match("Juergen", "Mueller"));
    assert!(!muller.names_match("Juergen", "Mueller"));

    assert!(passport("STRAUSS<<JOHANN").names_match("Johann", "Strauß"));
    assert!(passport("OERSTED<<SOEREN").names_match("Søren", "Ørsted"));
    assert!(passport("AASTROEM<<AASA").names_match("Åsa", "Åström"));
    assert!(passport("ASTROM<<ASA").names_match("Åsa", "Åström"));
    assert!(passport("ZOLA<<EMILE").names_match("Émile", "Zola"));
    assert!(passport("NUNEZ<<IGNACIO").names_match("Ignacio", "Núñez"));
    assert!(passport("DVORAK<<ANTONIN").names_match("Antonín", "Dvořák"));
    assert!(passport("WALESA<<LECH").names_match("Lech", "Wałęsa"));
    assert!(passport("THORSSON<<THORA").names_match("Þóra", "Þórsson"));
    assert!(passport("OBRIEN<<SEAN").names_match("Seán", "O'Brien"));
    assert!(
        passport("MUELLER<LUEDENSCHEIDT<<HANS<PETER")
            .names_match("Peter Hans", "Müller-Lüdenscheidt")
    );
    assert!(passport("VON<DER<LEYEN<<URSULA").names_match("Ursula", "von der Leyen"));
    assert!(!passport("VON<DER<LEYEN<<URSULA").names_match("Ursula", "Leyen"));
    assert!(!passport("IVANOV<<IVAN").names_match("Иван", "Иванов"));
}

#[test]
fn truncated_names_match_as_prefixes() {
    // 39 characters, the last a letter: truncated.
    let mrz = passport("WOLFESCHLEGELSTEINHAUSEN<<HUBERT<BLAINE<WOLFE");
    assert!(mrz.name_truncated);
    assert_eq!(mrz.surname, "WOLFESCHLEGELSTEINHAUSEN");
    assert_eq!(mrz.given_names, "HUBERT BLAINE");
    assert!(mrz.names_match("Hubert Blaine Wolfe", "Wolfeschlegelsteinhausen"));
    assert!(mrz.names_match("Hubert Blaine", "Wolfeschlegelsteinhausen"));
    assert!(mrz.names_match("Blaine Hubert", "Wolfeschlegelsteinhausen"));
    assert!(!mrz.names_match("Hubertus Blaine", "Wolfeschlegelsteinhausen"));
    assert!(!mrz.names_match("Hubert", "Wolfeschlegelsteinhausen"));

    let mrz = passport("WOLFESCHLEGELSTEINH<<HUBERT<BLAINE<WOLFE");
    assert!(mrz.name_truncated);
    assert_eq!(mrz.surname, "WOLFESCHLEGELSTEINH");
    assert_eq!(mrz.given_names, "HUBERT BLAINE WOLF");
    assert!(mrz.names_match("Hubert Blaine Wolfe", "Wolfeschlegelsteinhausen"));
    assert!(mrz.names_match("Blaine Wolfe Hubert", "Wolfeschlegelsteinhausen"));
    assert!(!mrz.names_match("Hubert Blaine Ward", "Wolfeschlegelsteinhausen"));

    // A transliteration cut in its middle: ...MUE|LLER.
    let mrz = passport("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJMUE");
    assert_eq!(mrz.surname.len(), 39);
    assert!(mrz.names_match("", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJMüller"));
    assert!(mrz.names_match("Anna", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJMüller"));

    // Without truncation a prefix is not enough.
    let mrz = passport("WOLFE<<HUBERT");
    assert!(!mrz.name_truncated);
    assert!(!mrz.names_match("Hubert", "Wolfeschlegelsteinhausen"));
    assert!(!mrz.names_match("Hubertus", "Wolfe"));
}
