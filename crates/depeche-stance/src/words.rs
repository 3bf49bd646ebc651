//! Small closed word lists (English and French) used by the features and the
//! open-mode rules: negations, intensifiers, diminishers, contrast words.
//! Written for this crate from general grammar knowledge (no external source).

/// Lowercased words that negate what follows (`ne … pas` is caught by `pas`).
pub fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "not"
            | "no"
            | "never"
            | "n't"
            | "nor"
            | "neither"
            | "without"
            | "cannot"
            | "hardly"
            | "barely"
            | "pas"
            | "jamais"
            | "ni"
            | "aucun"
            | "aucune"
            | "sans"
            | "guère"
            | "nullement"
    ) || w.ends_with("n't")
}

/// Lowercased words that strengthen the next polar word.
pub fn is_intensifier(w: &str) -> bool {
    matches!(
        w,
        "very"
            | "extremely"
            | "highly"
            | "deeply"
            | "strongly"
            | "totally"
            | "utterly"
            | "so"
            | "too"
            | "most"
            | "really"
            | "absolutely"
            | "très"
            | "extrêmement"
            | "fortement"
            | "profondément"
            | "vivement"
            | "totalement"
            | "tellement"
            | "si"
            | "trop"
            | "vraiment"
            | "particulièrement"
            | "absolument"
    )
}

/// Lowercased words that weaken the next polar word.
pub fn is_diminisher(w: &str) -> bool {
    matches!(
        w,
        "slightly"
            | "somewhat"
            | "barely"
            | "little"
            | "partly"
            | "peu"
            | "légèrement"
            | "plutôt"
            | "assez"
            | "partiellement"
    )
}

/// Lowercased words that turn the sentence (`but`, `mais`): what follows weighs more.
pub fn is_contrast(w: &str) -> bool {
    matches!(w, "but" | "however" | "yet" | "although" | "though" | "mais" | "cependant" | "pourtant")
}

/// Speech verbs (lowercased forms) that mark reported speech.
pub fn is_speech_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "stated"
            | "added"
            | "argued"
            | "claimed"
            | "wrote"
            | "declared"
            | "dit"
            | "déclaré"
            | "affirmé"
            | "ajouté"
            | "estimé"
            | "expliqué"
            | "souligné"
            | "indiqué"
            | "assuré"
            | "déclare"
            | "affirme"
            | "estime"
    )
}

/// Word patterns (whole words or prefixes) bucketed by first byte, so that a
/// lookup compares only the few patterns that share the word's first byte.
#[derive(Debug)]
pub struct PatternTable<T: Copy> {
    buckets: Vec<Vec<(&'static str, bool, T)>>,
}

impl<T: Copy> PatternTable<T> {
    /// `(pattern, whole word only, value)`; the first matching entry wins.
    pub fn new(entries: &[(&'static str, bool, T)]) -> Self {
        let mut buckets = vec![Vec::new(); 256];
        for &(pat, whole, value) in entries {
            if let Some(&b) = pat.as_bytes().first() {
                buckets[b as usize].push((pat, whole, value));
            }
        }
        PatternTable { buckets }
    }

    /// The value of the first pattern that matches a lowercased word.
    pub fn find(&self, word: &str) -> Option<T> {
        let first = *word.as_bytes().first()?;
        self.buckets[first as usize]
            .iter()
            .find(|(pat, whole, _)| if *whole { word == *pat } else { word.starts_with(pat) })
            .map(|e| e.2)
    }
}

/// Pronouns, determiners and other function words (French and English) that
/// never make a name on their own, even capitalized (`Je`, `It`, `Certains`).
pub fn is_function_word(lowered: &str) -> bool {
    matches!(
        lowered,
        "je" | "tu"
            | "il"
            | "elle"
            | "on"
            | "nous"
            | "vous"
            | "ils"
            | "elles"
            | "lui"
            | "eux"
            | "certains"
            | "certaines"
            | "plusieurs"
            | "beaucoup"
            | "ce"
            | "cet"
            | "cette"
            | "ces"
            | "celui"
            | "celle"
            | "ceux"
            | "le"
            | "la"
            | "les"
            | "l'"
            | "un"
            | "une"
            | "des"
            | "du"
            | "de"
            | "qui"
            | "que"
            | "quoi"
            | "mais"
            | "et"
            | "ou"
            | "selon"
            | "i"
            | "you"
            | "he"
            | "she"
            | "it"
            | "we"
            | "they"
            | "him"
            | "her"
            | "them"
            | "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "which"
            | "who"
            | "some"
            | "many"
            | "several"
            | "others"
            | "one"
            | "but"
            | "and"
            | "or"
            | "according"
            | "its"
            | "his"
            | "their"
            | "our"
            | "my"
            | "mon"
            | "ma"
            | "mes"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
            | "notre"
            | "nos"
            | "votre"
            | "vos"
    )
}

/// A usable name: some capitalized word in it is not a function word.
pub fn is_valid_name(name: &str) -> bool {
    name.split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .any(|w| w.chars().next().is_some_and(char::is_uppercase) && !is_function_word(&w.to_lowercase()))
}

/// Prepositions (lowercased) whose object is not a clause subject.
pub fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "de" | "du"
            | "des"
            | "d'"
            | "sur"
            | "à"
            | "au"
            | "aux"
            | "en"
            | "dans"
            | "par"
            | "pour"
            | "avec"
            | "chez"
            | "selon"
            | "entre"
            | "of"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "with"
            | "from"
            | "to"
            | "between"
            | "according"
    )
}
