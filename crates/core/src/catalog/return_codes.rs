//! The numeric return codes of seed 001's e-sign platform.
//!
//! Signet adds the matching one as `return_code` to its API errors (see [`super::error_code`]),
//! so integrators who know these numbers can keep their rules. Descriptions are the seed's,
//! verbatim; the seed skips 32–34, 48 and 51, and so does the table.

use super::{CodeEntry, CodeKind};

const fn rc(code: &'static str, n: u32, description: &'static str) -> CodeEntry {
    CodeEntry::new(CodeKind::ReturnCode, code, description).return_code(n)
}

/// Every return code of seed 001, in numeric order: 1 … 115 and 2001 … 2029.
pub(crate) const RETURN_CODES: &[CodeEntry] = &[
    rc(
        "1",
        1,
        "Parameter error, indicating that the number and type of parameters are incorrect",
    ),
    rc("2", 2, "Data check failed (MAC mismatch)"),
    rc("3", 3, "Data format error"),
    rc("4", 4, "Processing failed"),
    rc("5", 5, "Invalid access token"),
    rc("6", 6, "Access token has expired"),
    rc("7", 7, "Invalid request type"),
    rc("8", 8, "Invalid APP version"),
    rc("9", 9, "User does not exist"),
    rc("10", 10, "Invalid real name"),
    rc("11", 11, "Invalid email"),
    rc("12", 12, "Registration authorization code format error"),
    rc("13", 13, "Bad password format"),
    rc(
        "14",
        14,
        "Failed to send registration authorization code email",
    ),
    rc("15", 15, "Invalid authorization code"),
    rc("16", 16, "Already registered"),
    rc("17", 17, "Registration failed"),
    rc("18", 18, "User is not registered"),
    rc("19", 19, "User registration is not activated"),
    rc("20", 20, "User account is closed"),
    rc("21", 21, "Login failed"),
    rc("22", 22, "Wrong password"),
    rc("23", 23, "Document information error or invalid"),
    rc("24", 24, "Document page does not exist"),
    rc("25", 25, "Document page’s image does not exist"),
    rc("26", 26, "Signature picture does not exist"),
    rc("27", 27, "The recipient does not exist"),
    rc("28", 28, "No signature needed"),
    rc("29", 29, "Signing failed"),
    rc("30", 30, "User is locked"),
    rc("31", 31, "Adding a face user failed"),
    rc("35", 35, "SMS verification failed"),
    rc("36", 36, "Document creation failed"),
    rc("37", 37, "Failed to delete unsigned document"),
    rc("38", 38, "Failed to delete unsigned document(s)"),
    rc("39", 39, "Sending reminder email failed"),
    rc("40", 40, "Failed to add document"),
    rc("41", 41, "Document does not exist"),
    rc("42", 42, "Document does not belong to this user"),
    rc("43", 43, "Report does not exist"),
    rc("44", 44, "Illegal operation"),
    rc("45", 45, "Send mail failed"),
    rc("46", 46, "Invalid API type"),
    rc("47", 47, "Account does not exist"),
    rc("49", 49, "Mailbox belongs to another account"),
    rc("50", 50, "Non-admin account"),
    rc("52", 52, "Default role does not exist"),
    rc("53", 53, "Integration key does not exist"),
    rc("54", 54, "Data decryption failed"),
    rc("55", 55, "Signature picture does not exist"),
    rc("56", 56, "System type error"),
    rc("57", 57, "Version does not exist"),
    rc("58", 58, "No push terminal, please log in to your APP"),
    rc("59", 59, "Requires signature verification"),
    rc("60", 60, "Failed to send SMS"),
    rc("61", 61, "Push authentication refused"),
    rc("62", 62, "Authentication response timed out"),
    rc("63", 63, "New password cannot same with old password"),
    rc("64", 64, "Phone token registration failed"),
    rc(
        "65",
        65,
        "Phone number is empty, this operation cannot be performed",
    ),
    rc(
        "66",
        66,
        "Your verification failed multiple times and has been locked. Please contact the document creator to resend your signing request",
    ),
    rc(
        "67",
        67,
        "Signature failed, personal ID number cannot be blank",
    ),
    rc(
        "68",
        68,
        "Signature failed, corporate ID number cannot be empty",
    ),
    rc("69", 69, "Failed to add document template"),
    rc("70", 70, "Add document template name already exists"),
    rc("71", 71, "Document does not exist"),
    rc("72", 72, "Data length does not match"),
    rc("73", 73, "Document number already exists"),
    rc("74", 74, "Insufficient account credit"),
    rc("75", 75, "Signatories reached the limit"),
    rc("76", 76, "HTML format is incorrect"),
    rc("77", 77, "Number of templates reached limit"),
    rc("78", 78, "This signatory has signed this document"),
    rc(
        "79",
        79,
        "The signer has signed, and the send verification failed",
    ),
    rc("80", 80, "The template name is invalid."),
    rc(
        "81",
        81,
        "Illegal document number, only allow letters, numbers and @_,-",
    ),
    rc(
        "82",
        82,
        "Personal or business type error, matching numbers",
    ),
    rc("83", 83, "Bad document type, matching numbers"),
    rc(
        "84",
        84,
        "Wrong name, matching characters, letters, numbers, “.-_ @”",
    ),
    rc("85", 85, "Bad ID number type"),
    rc("86", 86, "Incorrect phone number type"),
    rc("87", 87, "Invalid image data"),
    rc("88", 88, "Template does not exist"),
    rc("89", 89, "The system is busy"),
    rc("90", 90, "This account does not support LTV"),
    rc("91", 91, "Document validation failed"),
    rc("92", 92, "File types do not match"),
    rc("93", 93, "Upload file size too big"),
    rc("94", 94, "Template unreview"),
    rc("95", 95, "Location not set or occupied"),
    rc("96", 96, "Document has been completed"),
    rc("97", 97, "Verification code expired"),
    rc("98", 98, "Template failed"),
    rc("99", 99, "Account does not support SMS"),
    rc("100", 100, "No valid certificate exists"),
    rc("101", 101, "Certificate issue failed"),
    rc("102", 102, "Certificate revocation failed"),
    rc("103", 103, "Please upload valid documents types"),
    rc("104", 104, "Signature or signature picture size is invalid"),
    rc("105", 105, "Insufficient SMS account balance"),
    rc("106", 106, "Timestamp error"),
    rc("107", 107, "Document has been signed but deleted"),
    rc(
        "108",
        108,
        "Mobile OTP failed with maximum attempt (5 times)",
    ),
    rc("109", 109, "Mobile OTP authentication failed"),
    rc("110", 110, "EKYC is failed"),
    rc("111", 111, "Contract expired"),
    rc("112", 112, "Diskspace exceed"),
    rc("113", 113, "Cannot apply ECA and DSA in a same document"),
    rc(
        "114",
        114,
        "Cannot apply different DSA in a same document if account holder purchased DSA based on number of legal document (only existing client in Version 1)",
    ),
    rc("115", 115, "No DSA credit"),
    rc("2001", 2001, "Invalid base64 ID document front image"),
    rc("2002", 2002, "Invalid base64 ID document front flash image"),
    rc("2003", 2003, "Invalid base64 ID document back image"),
    rc("2004", 2004, "Invalid selfie image"),
    rc("2005", 2005, "File process failed"),
    rc("2006", 2006, "Landmark error"),
    rc("2007", 2007, "Invalid value"),
    rc("2008", 2008, "Unable to retrieve full name"),
    rc("2009", 2009, "Unable to retrieve ID number"),
    rc("2010", 2010, "Unable to retrieve address"),
    rc("2011", 2011, "Unable to retrieve country code"),
    rc("2012", 2012, "Unable to retrieve country name"),
    rc("2013", 2013, "Unable to retrieve nationality"),
    rc("2014", 2014, "Unable to retrieve gender"),
    rc(
        "2015",
        2015,
        "Retrieve full name and registered full name does not match",
    ),
    rc("2016", 2016, "Landmark failed on color mode"),
    rc("2017", 2017, "Landmark failed on microprint"),
    rc("2018", 2018, "Landmark failed on hologram"),
    rc("2019", 2019, "Landmark failed on substitution image"),
    rc("2020", 2020, "Landmark failed on ghost photo detection"),
    rc("2021", 2021, "Landmark failed on screen"),
    rc("2022", 2022, "Landmark failed on ID brightness"),
    rc("2023", 2023, "Landmark failed on face brightness"),
    rc("2024", 2024, "Landmark failed on font"),
    rc("2025", 2025, "Landmark failed on ID blurriness"),
    rc("2026", 2026, "Image size exceeded"),
    rc("2027", 2027, "Landmarks record empty"),
    rc("2028", 2028, "Wrong document type"),
    rc("2029", 2029, "eKYC credit is 0"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::return_code_description;

    #[test]
    fn every_seed_return_code_is_present_and_nothing_else() {
        let gaps = [32, 33, 34, 48, 51];
        let expected: Vec<u32> = (1..=115)
            .filter(|n| !gaps.contains(n))
            .chain(2001..=2029)
            .collect();
        assert_eq!(expected.len(), 139);
        let numbers: Vec<u32> = RETURN_CODES
            .iter()
            .map(|e| e.return_code.unwrap())
            .collect();
        assert_eq!(numbers, expected);
        for entry in RETURN_CODES {
            assert_eq!(entry.code, entry.return_code.unwrap().to_string());
        }
    }

    #[test]
    fn return_code_descriptions_are_the_seeds_words() {
        assert_eq!(
            return_code_description(66),
            Some(
                "Your verification failed multiple times and has been locked. Please contact the document creator to resend your signing request"
            )
        );
        assert_eq!(
            return_code_description(97),
            Some("Verification code expired")
        );
        assert_eq!(
            return_code_description(108),
            Some("Mobile OTP failed with maximum attempt (5 times)")
        );
        assert_eq!(
            return_code_description(84),
            Some("Wrong name, matching characters, letters, numbers, \u{201c}.-_ @\u{201d}")
        );
        assert_eq!(return_code_description(2029), Some("eKYC credit is 0"));
        assert_eq!(return_code_description(32), None);
        assert_eq!(return_code_description(2030), None);
        assert_eq!(return_code_description(0), None);
    }
}
