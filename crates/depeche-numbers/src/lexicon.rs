//! Number words of French and English (cardinals, ordinals, scales,
//! denominators), compiled once into a folded-word table.
//!
//! Facts used: French and English numeral systems, with the French long scale
//! (`milliard` = 10^9, `billion` = 10^12) and the Belgian/Swiss tens
//! (`septante`, `huitante`/`octante`, `nonante`).

use once_cell::sync::Lazy;
use std::collections::HashMap;

/// The number meaning of a word in one language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    /// 0..=99 (units, teens, tens).
    Small(f64),
    /// `cent`, `hundred`.
    Hundred,
    /// `mille`, `million`, `thousand`...
    Scale(f64),
    /// `douzaine`, `dozen`.
    Dozen,
}

/// A vocabulary entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Lex {
    pub word: String,
    pub fr: Option<Num>,
    pub en: Option<Num>,
    /// Ordinal form (`troisième`, `third`): the base it applies to.
    pub ord_fr: Option<Num>,
    pub ord_en: Option<Num>,
    /// Denominator of a fraction word (`quart` 4, `tiers` 3, `half` 2), plural ordinals too.
    pub denom_fr: Option<f64>,
    pub denom_en: Option<f64>,
}

const FR_SMALL: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("un", 1.0),
    ("une", 1.0),
    ("deux", 2.0),
    ("trois", 3.0),
    ("quatre", 4.0),
    ("cinq", 5.0),
    ("six", 6.0),
    ("sept", 7.0),
    ("huit", 8.0),
    ("neuf", 9.0),
    ("dix", 10.0),
    ("onze", 11.0),
    ("douze", 12.0),
    ("treize", 13.0),
    ("quatorze", 14.0),
    ("quinze", 15.0),
    ("seize", 16.0),
    ("vingt", 20.0),
    ("vingts", 20.0),
    ("trente", 30.0),
    ("quarante", 40.0),
    ("cinquante", 50.0),
    ("soixante", 60.0),
    ("septante", 70.0),
    ("huitante", 80.0),
    ("octante", 80.0),
    ("nonante", 90.0),
];

const FR_SCALES: &[(&str, f64)] = &[
    ("mille", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("milliard", 1e9),
    ("milliards", 1e9),
    ("billion", 1e12),
    ("billions", 1e12),
    ("billiard", 1e15),
    ("billiards", 1e15),
    ("trillion", 1e18),
    ("trillions", 1e18),
];

const EN_SMALL: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("nought", 0.0),
    ("naught", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fourty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

const EN_SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("thousands", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("billion", 1e9),
    ("billions", 1e9),
    ("trillion", 1e12),
    ("trillions", 1e12),
    ("quadrillion", 1e15),
    ("quadrillions", 1e15),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("crore", 1e7),
    ("crores", 1e7),
];

/// The folded vocabulary, built once.
static VOCAB: Lazy<HashMap<String, Lex>> = Lazy::new(build);

fn entry<'m>(map: &'m mut HashMap<String, Lex>, word: &str) -> &'m mut Lex {
    map.entry(word.to_string()).or_insert_with(|| Lex {
        word: word.to_string(),
        fr: None,
        en: None,
        ord_fr: None,
        ord_en: None,
        denom_fr: None,
        denom_en: None,
    })
}

/// French ordinal of a cardinal word: `quatre` → `quatrieme`, `cinq` → `cinquieme`.
fn fr_ordinal(word: &str) -> String {
    match word {
        "cinq" => "cinquieme".into(),
        "neuf" => "neuvieme".into(),
        w if w.ends_with('e') => format!("{}ieme", &w[..w.len() - 1]),
        w if w.ends_with('s') && w != "trois" => format!("{}ieme", &w[..w.len() - 1]),
        w => format!("{w}ieme"),
    }
}

/// English ordinal of a cardinal word: `twenty` → `twentieth`, `five` → `fifth`.
fn en_ordinal(word: &str) -> String {
    match word {
        "one" => "first".into(),
        "two" => "second".into(),
        "three" => "third".into(),
        "five" => "fifth".into(),
        "eight" => "eighth".into(),
        "nine" => "ninth".into(),
        "twelve" => "twelfth".into(),
        w if w.ends_with('y') => format!("{}ieth", &w[..w.len() - 1]),
        w => format!("{w}th"),
    }
}

/// The value a number word has as a fraction denominator (`tiers` → 3,
/// `centièmes` → 100), when its ordinal can be one.
fn denominator(num: Num) -> Option<f64> {
    match num {
        Num::Small(v) if v >= 3.0 => Some(v),
        Num::Hundred => Some(100.0),
        Num::Scale(s) => Some(s),
        _ => None,
    }
}

fn add_fr(map: &mut HashMap<String, Lex>, word: &str, num: Num) {
    entry(map, word).fr = Some(num);
    if word.ends_with('s') && word != "trois" && word != "deux" && word != "six" {
        return;
    }
    let ord = fr_ordinal(word);
    entry(map, &ord).ord_fr = Some(num);
    let plural = format!("{ord}s");
    entry(map, &plural).ord_fr = Some(num);
    let denom = denominator(num);
    if let Some(d) = denom {
        entry(map, &ord).denom_fr = Some(d);
        entry(map, &plural).denom_fr = Some(d);
    }
}

fn add_en(map: &mut HashMap<String, Lex>, word: &str, num: Num) {
    entry(map, word).en = Some(num);
    if word.ends_with('s') {
        return;
    }
    let ord = en_ordinal(word);
    entry(map, &ord).ord_en = Some(num);
    let plural = format!("{ord}s");
    entry(map, &plural).ord_en = Some(num);
    let denom = denominator(num);
    if let Some(d) = denom {
        entry(map, &ord).denom_en = Some(d);
        entry(map, &plural).denom_en = Some(d);
    }
}

fn build() -> HashMap<String, Lex> {
    let mut map = HashMap::new();
    for &(w, v) in FR_SMALL {
        add_fr(&mut map, w, Num::Small(v));
    }
    for &(w, v) in FR_SCALES {
        add_fr(&mut map, w, Num::Scale(v));
    }
    for w in ["cent", "cents"] {
        add_fr(&mut map, w, Num::Hundred);
    }
    for w in ["douzaine", "douzaines"] {
        entry(&mut map, w).fr = Some(Num::Dozen);
    }
    for &(w, v) in EN_SMALL {
        add_en(&mut map, w, Num::Small(v));
    }
    for &(w, v) in EN_SCALES {
        add_en(&mut map, w, Num::Scale(v));
    }
    for w in ["hundred", "hundreds"] {
        add_en(&mut map, w, Num::Hundred);
    }
    for w in ["dozen", "dozens", "doz", "dozs", "dz", "dzs"] {
        entry(&mut map, w).en = Some(Num::Dozen);
    }
    french_extras(&mut map);
    english_extras(&mut map);
    for w in CONNECTORS {
        entry(&mut map, w);
    }
    map
}

fn french_extras(map: &mut HashMap<String, Lex>) {
    for w in ["premier", "premiere", "premiers", "premieres", "unieme", "uniemes"] {
        entry(map, w).ord_fr = Some(Num::Small(1.0));
    }
    for w in ["second", "seconde", "seconds", "secondes", "tierce"] {
        let v = if w == "tierce" { 3.0 } else { 2.0 };
        entry(map, w).ord_fr = Some(Num::Small(v));
    }
    for (w, d) in [
        ("quart", 4.0),
        ("quarts", 4.0),
        ("tiers", 3.0),
        ("demi", 2.0),
        ("demie", 2.0),
        ("demis", 2.0),
        ("demies", 2.0),
    ] {
        entry(map, w).denom_fr = Some(d);
    }
}

fn english_extras(map: &mut HashMap<String, Lex>) {
    entry(map, "zeroth").ord_en = Some(Num::Small(0.0));
    for (w, d) in [("half", 2.0), ("halves", 2.0), ("quarter", 4.0), ("quarters", 4.0)] {
        entry(map, w).denom_en = Some(d);
    }
}

/// Small words that number grammars test by their folded form.
const CONNECTORS: &[&str] = &[
    "et",
    "and",
    "a",
    "an",
    "point",
    "virgule",
    "sur",
    "over",
    "moins",
    "minus",
    "negative",
    "o",
    "oh",
    "dernier",
    "derniere",
    "derniers",
    "dernieres",
    "last",
    "prochain",
    "prochaine",
    "prochains",
    "prochaines",
    "next",
    "precedent",
    "precedente",
    "precedents",
    "precedentes",
    "previous",
    "current",
    "penultimate",
    "antepenultimate",
    "penultieme",
    "antepenultieme",
    "half",
    "moitie",
    "nought",
    "naught",
    "negatif",
    "demi",
    "quarter",
];

/// The longest vocabulary word, in bytes.
const MAX_WORD: usize = 24;

/// FNV-1a: a small fast hash for short vocabulary keys (no DoS concern here).
#[derive(Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf29ce484222325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100000001b3);
        }
        self.0 = h;
    }
}

type FnvMap<V> = HashMap<Vec<u8>, V, std::hash::BuildHasherDefault<Fnv>>;

/// The vocabulary keyed by folded bytes.
static BY_BYTES: Lazy<FnvMap<&'static Lex>> =
    Lazy::new(|| VOCAB.iter().map(|(k, v)| (k.as_bytes().to_vec(), v)).collect());

/// The vocabulary entry of a word (folded), if any.
pub fn lookup(word: &str) -> Option<&'static Lex> {
    if word.len() > 2 * MAX_WORD {
        return None;
    }
    let mut buf = [0u8; 2 * MAX_WORD];
    let mut len = 0;
    for c in word.chars() {
        let f = if c.is_ascii() { c.to_ascii_lowercase() } else { crate::scan::fold(c)? };
        if !f.is_ascii() || len >= MAX_WORD {
            return None;
        }
        buf[len] = f as u8;
        len += 1;
    }
    BY_BYTES.get(&buf[..len]).copied()
}
