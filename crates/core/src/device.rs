//! Which device a client is, as seed 000 compares it (3541: "the device model used for the
//! signature flow doesn't match the one used for the Identity Verification case"): the model
//! the browser names in the `Sec-CH-UA-Model` client hint, else what its user agent says.

/// The device model of a client from its `Sec-CH-UA-Model` header (`hint`, a quoted string)
/// and its `User-Agent`. Android browsers name the model (`SM-S911B`, `Pixel 7`); an iPhone,
/// an iPad and desktop systems are named by kind (their user agents name no model). `None`
/// when nothing tells, including the reduced Android user agent's placeholder model `K`.
pub fn device_model(hint: Option<&str>, user_agent: Option<&str>) -> Option<String> {
    // Stored with the identification and in the audit trail: a header of any length from
    // any client is cut to a model name's length.
    named(hint, user_agent).map(|m| m.chars().take(MAX_MODEL_CHARS).collect())
}

/// The longest device model kept.
pub const MAX_MODEL_CHARS: usize = 64;

fn named(hint: Option<&str>, user_agent: Option<&str>) -> Option<String> {
    if let Some(model) = hint
        .map(|h| h.trim().trim_matches('"').trim())
        .filter(|m| !m.is_empty())
    {
        return Some(model.to_owned());
    }
    let ua = user_agent?;
    if let Some(at) = ua.find("Android") {
        // "(Linux; Android 13; SM-S911B) …" or "(Linux; U; Android 4.4; en-us; Nexus 5 Build/…)".
        let inside = &ua[at..];
        let inside = &inside[..inside.find(')').unwrap_or(inside.len())];
        // The last part that is neither the system, the old "U" (security) flag nor a locale.
        let is_locale = |p: &str| {
            let b = p.as_bytes();
            b.len() == 5 && b[2] == b'-' && p.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
        };
        let model = inside
            .split(';')
            .map(str::trim)
            .rfind(|part| !part.starts_with("Android") && *part != "U" && !is_locale(part))?;
        let model = model.split(" Build/").next().unwrap_or(model).trim();
        return (!model.is_empty() && model != "K").then(|| model.to_owned());
    }
    let kinds = [
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("CrOS", "Chromebook"),
        ("Macintosh", "Mac"),
        ("Windows", "Windows PC"),
        ("X11", "Linux PC"),
    ];
    kinds
        .iter()
        .find(|(word, _)| ua.contains(word))
        .map(|(_, kind)| (*kind).to_owned())
}

#[cfg(test)]
mod tests {
    use super::device_model;

    #[test]
    fn the_client_hint_names_the_model_first_then_the_user_agent() {
        let pixel = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";
        let galaxy_old =
            "Mozilla/5.0 (Linux; U; Android 4.4; en-us; SM-G900F Build/KOT49H) AppleWebKit/534.30";
        let reduced = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15";
        let mac = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15";
        let windows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36";
        assert_eq!(device_model(None, Some(pixel)).as_deref(), Some("Pixel 7"));
        assert_eq!(
            device_model(None, Some(galaxy_old)).as_deref(),
            Some("SM-G900F")
        );
        assert_eq!(
            device_model(None, Some(reduced)),
            None,
            "the reduced agent's K is no model"
        );
        assert_eq!(
            device_model(Some("\"SM-S911B\""), Some(reduced)).as_deref(),
            Some("SM-S911B"),
            "the client hint tells what the reduced agent hides"
        );
        assert_eq!(
            device_model(Some("\"\""), Some(iphone)).as_deref(),
            Some("iPhone")
        );
        assert_eq!(device_model(None, Some(mac)).as_deref(), Some("Mac"));
        assert_eq!(
            device_model(None, Some(windows)).as_deref(),
            Some("Windows PC")
        );
        assert_eq!(device_model(None, Some("reqwest/0.12")), None);
        assert_eq!(device_model(None, None), None);
        let long = "M".repeat(10_000);
        assert_eq!(
            device_model(Some(&long), None).map(|m| m.len()),
            Some(super::MAX_MODEL_CHARS)
        );
    }
}
