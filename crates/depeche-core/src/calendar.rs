//! Calendar words that several extractors need (facts, not rules): the days
//! of the week in French and English, lowercase and without accents.

/// Whether `word` (lowercase) names a day of the week in French or English.
pub fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "lundi"
            | "mardi"
            | "mercredi"
            | "jeudi"
            | "vendredi"
            | "samedi"
            | "dimanche"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_in_both_languages() {
        assert!(is_weekday("mercredi") && is_weekday("sunday"));
        assert!(!is_weekday("Mercredi") && !is_weekday("hier") && !is_weekday("week"));
    }
}
