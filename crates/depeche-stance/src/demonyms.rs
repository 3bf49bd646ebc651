//! Demonyms and nationality adjectives → country names, French and English.
//!
//! Compiled by hand for this crate from the ISO 3166-1 short names (French and
//! English) and the usual adjective of each country; French inflections
//! (feminine, plural) are generated from the masculine singular.

use depeche_core::Lang;
use once_cell::sync::Lazy;
use std::collections::HashMap;

/// (French adjective m.sg., French country, English adjective, English country).
const TABLE: &[(&str, &str, &str, &str)] = &[
    ("russe", "Russie", "russian", "Russia"),
    ("nord-coréen", "Corée du Nord", "north korean", "North Korea"),
    ("sud-coréen", "Corée du Sud", "south korean", "South Korea"),
    ("coréen", "Corée", "korean", "Korea"),
    ("américain", "États-Unis", "american", "United States"),
    ("étasunien", "États-Unis", "u.s.", "United States"),
    ("ukrainien", "Ukraine", "ukrainian", "Ukraine"),
    ("chinois", "Chine", "chinese", "China"),
    ("français", "France", "french", "France"),
    ("allemand", "Allemagne", "german", "Germany"),
    ("britannique", "Royaume-Uni", "british", "United Kingdom"),
    ("iranien", "Iran", "iranian", "Iran"),
    ("israélien", "Israël", "israeli", "Israel"),
    ("palestinien", "Palestine", "palestinian", "Palestine"),
    ("européen", "Union européenne", "european", "European Union"),
    ("syrien", "Syrie", "syrian", "Syria"),
    ("turc", "Turquie", "turkish", "Turkey"),
    ("japonais", "Japon", "japanese", "Japan"),
    ("indien", "Inde", "indian", "India"),
    ("italien", "Italie", "italian", "Italy"),
    ("espagnol", "Espagne", "spanish", "Spain"),
    ("polonais", "Pologne", "polish", "Poland"),
    ("biélorusse", "Biélorussie", "belarusian", "Belarus"),
    ("libanais", "Liban", "lebanese", "Lebanon"),
    ("saoudien", "Arabie saoudite", "saudi", "Saudi Arabia"),
    ("égyptien", "Égypte", "egyptian", "Egypt"),
    ("algérien", "Algérie", "algerian", "Algeria"),
    ("marocain", "Maroc", "moroccan", "Morocco"),
    ("tunisien", "Tunisie", "tunisian", "Tunisia"),
    ("canadien", "Canada", "canadian", "Canada"),
    ("mexicain", "Mexique", "mexican", "Mexico"),
    ("brésilien", "Brésil", "brazilian", "Brazil"),
    ("vénézuélien", "Venezuela", "venezuelan", "Venezuela"),
    ("cubain", "Cuba", "cuban", "Cuba"),
    ("afghan", "Afghanistan", "afghan", "Afghanistan"),
    ("pakistanais", "Pakistan", "pakistani", "Pakistan"),
    ("taïwanais", "Taïwan", "taiwanese", "Taiwan"),
    ("hongrois", "Hongrie", "hungarian", "Hungary"),
    ("grec", "Grèce", "greek", "Greece"),
    ("néerlandais", "Pays-Bas", "dutch", "Netherlands"),
    ("belge", "Belgique", "belgian", "Belgium"),
    ("irakien", "Irak", "iraqi", "Iraq"),
    ("qatari", "Qatar", "qatari", "Qatar"),
    ("géorgien", "Géorgie", "georgian", "Georgia"),
    ("arménien", "Arménie", "armenian", "Armenia"),
    ("azerbaïdjanais", "Azerbaïdjan", "azerbaijani", "Azerbaijan"),
    ("serbe", "Serbie", "serbian", "Serbia"),
    ("suédois", "Suède", "swedish", "Sweden"),
    ("finlandais", "Finlande", "finnish", "Finland"),
    ("norvégien", "Norvège", "norwegian", "Norway"),
    ("danois", "Danemark", "danish", "Denmark"),
    ("portugais", "Portugal", "portuguese", "Portugal"),
    ("australien", "Australie", "australian", "Australia"),
    ("sénégalais", "Sénégal", "senegalese", "Senegal"),
    ("malien", "Mali", "malian", "Mali"),
    ("nigérian", "Nigeria", "nigerian", "Nigeria"),
    ("sud-africain", "Afrique du Sud", "south african", "South Africa"),
    ("vietnamien", "Viêt Nam", "vietnamese", "Vietnam"),
];

static FR: Lazy<HashMap<String, usize>> = Lazy::new(|| {
    let mut map = HashMap::new();
    for (i, row) in TABLE.iter().enumerate() {
        for form in french_forms(row.0) {
            map.entry(form).or_insert(i);
        }
    }
    map
});

static EN: Lazy<HashMap<String, usize>> = Lazy::new(|| {
    let mut map = HashMap::new();
    for (i, row) in TABLE.iter().enumerate() {
        map.entry(row.2.to_string()).or_insert(i);
        map.entry(format!("{}s", row.2)).or_insert(i);
    }
    map
});

/// Masculine/feminine, singular/plural forms of a French adjective.
fn french_forms(base: &str) -> Vec<String> {
    let mut forms = vec![base.to_string()];
    let suffixes: &[&str] = if base.ends_with("ien") || base.ends_with("éen") {
        &["s", "ne", "nes"]
    } else if base.ends_with('e') {
        &["s"]
    } else if base.ends_with('s') {
        &["e", "es"]
    } else if let Some(stem) = base.strip_suffix('c') {
        // turc → turque, grec → grecque
        for f in ["que", "ques"] {
            forms.push(format!("{stem}{f}"));
            forms.push(format!("{base}{f}"));
        }
        &["s"]
    } else {
        &["s", "e", "es"]
    };
    forms.extend(suffixes.iter().map(|s| format!("{base}{s}")));
    forms
}

/// The country of a lowercased demonym (one word, or two for `north korean`).
pub fn country(lang: Lang, lowered: &str) -> Option<&'static str> {
    match lang {
        Lang::Fr => FR.get(lowered).map(|&i| TABLE[i].1),
        _ => EN.get(lowered).map(|&i| TABLE[i].3),
    }
}

/// Whether a two-word English demonym starts with this lowercased word.
pub fn starts_two_word(lowered: &str) -> bool {
    matches!(lowered, "north" | "south")
}
