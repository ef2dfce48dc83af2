//! The language of the hosted pages, English or German, chosen by the browser's
//! `Accept-Language`. The words themselves are in [`super::messages`].

/// A page language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    De,
}

impl Lang {
    /// German when the browser prefers `de` over `en`, English otherwise. Quality values are
    /// honoured: `en;q=0.9, de;q=0.8` is English.
    pub fn from_accept_language(header: Option<&str>) -> Lang {
        let Some(h) = header else { return Lang::En };
        let mut best: Option<(f32, Lang)> = None;
        for part in h.split(',') {
            let mut it = part.trim().split(';');
            let tag = it.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = it
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            let lang = match tag.split('-').next().unwrap_or("") {
                "de" => Lang::De,
                "en" => Lang::En,
                _ => continue,
            };
            if best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l).unwrap_or(Lang::En)
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browsers_preference_picks_the_language() {
        assert_eq!(Lang::from_accept_language(None), Lang::En);
        assert_eq!(Lang::from_accept_language(Some("de-DE,de;q=0.9")), Lang::De);
        assert_eq!(
            Lang::from_accept_language(Some("en;q=0.9, de;q=0.8")),
            Lang::En
        );
        assert_eq!(Lang::from_accept_language(Some("fr, de;q=0.5")), Lang::De);
        assert_eq!(Lang::from_accept_language(Some("fr")), Lang::En);
    }
}
