//! Document language: French, English or other, identified from function words.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
    #[default]
    Other,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Other => "other",
        }
    }

    /// Parses `fr`, `en` or `other` (case-insensitive).
    pub fn parse(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "fr" | "fra" | "fre" | "french" => Some(Lang::Fr),
            "en" | "eng" | "english" => Some(Lang::En),
            "other" | "xx" | "und" => Some(Lang::Other),
            _ => None,
        }
    }
}

/// Frequent French function words that are rare in English text.
const FRENCH_MARKERS: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "dans", "pour", "que", "qui", "sur", "au", "aux",
    "pas", "par", "avec", "ce", "cette", "ont", "sont", "été", "il", "elle", "nous", "vous", "ils", "mais", "ou", "où",
    "leur", "plus", "selon", "après", "depuis", "entre", "à",
];

/// Frequent English function words that are rare in French text.
const ENGLISH_MARKERS: &[&str] = &[
    "the", "and", "of", "to", "is", "was", "that", "for", "with", "on", "as", "by", "it", "he", "she", "they", "his",
    "her", "their", "are", "were", "has", "have", "had", "be", "been", "this", "from", "at", "which", "said", "will",
    "would", "not", "but", "an", "or", "who",
];

/// How many words are enough to tell French from English news.
const SAMPLE_WORDS: usize = 400;

/// Identifies the language of `text` by counting function words among its
/// first few hundred words. Returns [`Lang::Other`] when neither language
/// accounts for a plausible share of the words.
pub fn identify(text: &str) -> Lang {
    let mut words = 0usize;
    let (mut fr, mut en) = (0usize, 0usize);
    let mut lower = String::with_capacity(16);
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(SAMPLE_WORDS) {
        words += 1;
        if word.len() > 7 {
            continue; // longer than any marker
        }
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        fr += usize::from(FRENCH_MARKERS.contains(&lower.as_str()));
        en += usize::from(ENGLISH_MARKERS.contains(&lower.as_str()));
    }
    let best = fr.max(en);
    if best == 0 || (words >= 8 && best * 12 < words) {
        return Lang::Other;
    }
    match fr.cmp(&en) {
        std::cmp::Ordering::Greater => Lang::Fr,
        std::cmp::Ordering::Less => Lang::En,
        std::cmp::Ordering::Equal => Lang::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Lang) {
        assert_eq!(identify(text), expected, "{text:?}");
    }

    #[test]
    fn identifies_news_languages() {
        check("Le ministre russe de la Défense a visité la Corée du Nord.", Lang::Fr);
        check("The minister said that the talks were over.", Lang::En);
        check("Der Minister hat gesagt, dass die Gespräche beendet sind.", Lang::Other);
        check("", Lang::Other);
        check("12 34 56", Lang::Other);
    }
}
