//! Unit, currency, percent, qualifier and calendar phrase tables, matched as
//! sequences of folded tokens (`"km / h"` is the three tokens `km`, `/`, `h`).

use depeche_core::calendar::is_weekday;
use once_cell::sync::Lazy;
use std::collections::HashMap;

/// What a unit phrase makes of the number before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitClass {
    Currency,
    Dimension,
    Duration,
    Temperature,
    Percent,
    PercentPoints,
}

/// One phrase: its folded tokens, what it means, its normalized unit and ISO code.
#[derive(Debug, Clone)]
pub struct UnitPhrase {
    pub tokens: Vec<&'static str>,
    pub class: UnitClass,
    pub unit: &'static str,
    pub iso: Option<&'static str>,
    /// Only in English (`cents`; French `cent` is a number).
    pub en_only: bool,
}

fn phrases(class: UnitClass, rows: &[(&'static str, &'static str, Option<&'static str>)]) -> Vec<UnitPhrase> {
    rows.iter()
        .flat_map(|&(alts, unit, iso)| {
            alts.split('|').map(move |p| UnitPhrase {
                tokens: p.split(' ').collect(),
                class,
                unit,
                iso,
                en_only: false,
            })
        })
        .collect()
}

/// Currencies (ISO 4217 codes).
const CURRENCIES: &[(&str, &str, Option<&str>)] = &[
    ("€|euro|euros|eur", "EUR", Some("EUR")),
    ("$ hk|dollars de hong kong|hong kong dollars|hk $", "HKD", Some("HKD")),
    ("dollar canadien|dollars canadiens|canadian dollars|canadian dollar|cad|c $|cad $|$ c|$ cad|$cad", "CAD", Some("CAD")),
    ("dollar australien|dollars australiens|australian dollars|aud|aud $", "AUD", Some("AUD")),
    ("$|dollar|dollars|dollars americains|dollar americain|us dollars|usd|us $|usd $|dlrs|dlr|dollars us|united states dollars|united states dollar|u . s $|u . s . $", "USD", Some("USD")),
    ("£|livre sterling|livres sterling|pounds sterling|pound sterling|gbp|sterling|livres britanniques|british pounds", "GBP", Some("GBP")),
    ("¥|yen|yens|jpy|yen japonais|japanese yen", "JPY", Some("JPY")),
    ("yuan|yuans|cny|rmb|renminbi", "CNY", Some("CNY")),
    ("franc suisse|francs suisses|swiss francs|swiss franc|chf", "CHF", Some("CHF")),
    ("franc|francs", "franc", None),
    ("rouble|roubles|ruble|rubles|rub", "RUB", Some("RUB")),
    ("roupie|roupies|rupee|rupees|inr", "INR", Some("INR")),
    ("won|wons|krw", "KRW", Some("KRW")),
    ("₿|btc|bitcoin|bitcoins", "BTC", Some("BTC")),
    ("centime|centimes|pence|penny", "cent", None),
    ("markka|markkaa|mark finlandais|finnish markka", "FIM", Some("FIM")),
    ("guilder|guilders|florin|florins|dutch guilders", "NLG", Some("NLG")),
    ("lira|liras|lire|livre turque|livres turques|turkish lira|₺", "TRY", Some("TRY")),
    ("peso|pesos", "peso", None),
    ("rand", "ZAR", Some("ZAR")),
    ("zloty|zlotys", "PLN", Some("PLN")),
    ("couronne|couronnes|krona|kronor|krone|kroner", "krona", None),
    ("₹", "INR", Some("INR")),
    ("₽", "RUB", Some("RUB")),
    ("₩", "KRW", Some("KRW")),
    ("₴|hryvnia|hryvnias", "UAH", Some("UAH")),
    ("₦|naira", "NGN", Some("NGN")),
    ("₾|lari", "GEL", Some("GEL")),
    ("₭|kip", "LAK", Some("LAK")),
];

const CURRENCIES_EN_ONLY: &[(&str, &str, Option<&str>)] = &[("cent|cents", "cent", None)];

/// Dimensions (length, area, volume, weight, speed, data).
const DIMENSIONS: &[(&str, &str, Option<&str>)] = &[
    ("rad|radian|radians", "rad", None),
    (
        "km / h|kmh|km/h|kilometres par heure|kilometres a l ' heure|kilometres heure|kilometers per hour|kph|kmph|km / hr|km/hr",
        "km/h",
        None,
    ),
    ("mph|miles per hour|miles par heure|miles a l ' heure", "mph", None),
    (
        "km²|km2|kilometres carres|kilometre carre|square kilometers|square kilometres|square kilometer|km ²",
        "km²",
        None,
    ),
    ("m 2|m²|m2|metres carres|metre carre|square meters|square metres|square meter|m ²", "m²", None),
    ("m 3|m³|m3|cubic deci meters|metres cubes|metre cube|cubic meters|cubic metres|cubic meter|m ³", "m³", None),
    ("km|kilometre|kilometres|kilometer|kilometers", "km", None),
    ("cm|centimetre|centimetres|centimeter|centimeters", "cm", None),
    ("mm|millimetre|millimetres|millimeter|millimeters", "mm", None),
    ("hm|hectometre|hectometres|hectometer|hectometers", "hm", None),
    ("m|metre|metres|meter|meters", "m", None),
    ("mi|mile|miles", "mi", None),
    ("ft|foot|feet|pied|pieds", "ft", None),
    ("inch|inches|pouce|pouces", "in", None),
    ("yd|yard|yards", "yd", None),
    ("ha|hectare|hectares", "ha", None),
    ("acre|acres", "acre", None),
    ("kg|kilo|kilos|kilogramme|kilogrammes|kilogram|kilograms", "kg", None),
    ("mg|milligramme|milligrammes|milligram|milligrams", "mg", None),
    ("µg|microgramme|microgrammes|microgram|micrograms", "µg", None),
    ("g|gramme|grammes|gram|grams", "g", None),
    ("tonnes metriques|tonne metrique|metric tons|metric ton", "t", None),
    ("t|tonne|tonnes|ton|tons", "t", None),
    ("lb|lbs|pound|pounds|livre|livres", "lb", None),
    ("oz|once|onces|ounce|ounces", "oz", None),
    ("dm|decimetre|decimetres|decimeter|decimeters", "dm", None),
    ("square feet|square foot|sq ft|pieds carres", "sq ft", None),
    ("square miles|square mile|sq mi|miles carres", "sq mi", None),
    ("cubic feet|cubic foot|pieds cubes", "cu ft", None),
    ("tablespoon|tablespoons|tbsp|cuillere a soupe|cuilleres a soupe", "tbsp", None),
    ("teaspoon|teaspoons|tsp|cuillere a cafe|cuilleres a cafe", "tsp", None),
    ("cup|cups|tasse|tasses", "cup", None),
    ("horsepower|hp|chevaux", "hp", None),
    ("volt|volts|v", "V", None),
    ("lumen|lumens", "lm", None),
    ("nanometre|nanometres|nanometer|nanometers|nm", "nm", None),
    ("micrometre|micrometres|micrometer|micrometers|µm", "µm", None),
    (
        "gigabyte|gigabytes|gigaoctet|gigaoctets|megabyte|megabytes|mb|kilobyte|kilobytes|terabyte|terabytes",
        "byte",
        None,
    ),
    ("ug|μg", "µg", None),
    ("l|litre|litres|liter|liters", "l", None),
    ("ml|millilitre|millilitres|milliliter|milliliters", "ml", None),
    ("cl|centilitre|centilitres", "cl", None),
    ("hl|hectolitre|hectolitres", "hl", None),
    ("gallon|gallons|gal", "gal", None),
    ("baril|barils|barrel|barrels|bbl", "barrel", None),
    ("c c|cc|cm3|cm 3|cm³|centimetre cube|centimetres cubes|cubic centimeters", "cm³", None),
    ("milli volt|milli volts|millivolt|millivolts|kilo volt|kilo volts|kilovolt|kilovolts", "V", None),
    ("peta bytes|tera bytes|giga bytes|mega bytes|kilo bytes|petabytes|petabyte", "byte", None),
    ("astronomical unit|astronomical units|unite astronomique|unites astronomiques", "au", None),
    ("kwh|kilowattheure|kilowattheures|kilowatt hours|kilo watt hours", "kWh", None),
    ("mw|megawatt|megawatts|gw|gigawatt|gigawatts|kw|kilowatt|kilowatts", "W", None),
    ("bit|bits|octet|octets|byte|bytes|kb|gb|tb", "byte", None),
];

/// Durations (canonical English unit names).
const DURATIONS: &[(&str, &str, Option<&str>)] = &[
    ("seconde|secondes|second|seconds|sec|secs|s", "second", None),
    ("minute|minutes|min|mins", "minute", None),
    ("heure|heures|hour|hours|hr|hrs|h", "hour", None),
    ("jour|jours|journee|journees|day|days", "day", None),
    ("semaine|semaines|week|weeks", "week", None),
    ("mois|month|months", "month", None),
    ("an|ans|annee|annees|year|years|yr|yrs|yo", "year", None),
    ("decennie|decennies|decade|decades", "decade", None),
    ("siecle|siecles|century|centuries", "century", None),
];

/// Temperatures.
const TEMPERATURES: &[(&str, &str, Option<&str>)] = &[
    ("° c|°c|deg c|deg centigrade|degres celsius|degre celsius|degrees celsius|degree celsius|deg celsius|celsius|celcius|degres c|degrees c|centigrade|centigrades", "C", None),
    ("° f|°f|deg f|degres fahrenheit|degre fahrenheit|degrees fahrenheit|degree fahrenheit|deg fahrenheit|fahrenheit|degrees f|degres f", "F", None),
    ("kelvin|kelvins", "K", None),
    ("deg .|°|degre|degres|degree|degrees|deg", "deg", None),
];

const PERCENTS: &[(&str, &str, Option<&str>)] = &[(
    "%|pour cent|pour - cent|pourcent|pourcents|pourcentage|pourcentages|percent|percents|per cent|percentage|pct",
    "%",
    None,
)];

const PERCENT_POINTS: &[(&str, &str, Option<&str>)] = &[(
    "points de pourcentage|point de pourcentage|percentage points|percentage point|points de base|basis points",
    "points",
    None,
)];

/// All unit phrases, longest first.
pub static UNITS: Lazy<Vec<UnitPhrase>> = Lazy::new(|| {
    let mut all = Vec::new();
    all.extend(phrases(UnitClass::PercentPoints, PERCENT_POINTS));
    all.extend(phrases(UnitClass::Percent, PERCENTS));
    all.extend(phrases(UnitClass::Currency, CURRENCIES));
    all.extend(phrases(UnitClass::Temperature, TEMPERATURES));
    all.extend(phrases(UnitClass::Duration, DURATIONS));
    all.extend(phrases(UnitClass::Dimension, DIMENSIONS));
    all.sort_by_key(|p| std::cmp::Reverse(p.tokens.len()));
    all
});

/// Unit phrases by their first folded token, longest first (English-only ones marked).
static BY_FIRST: Lazy<HashMap<&'static str, Vec<UnitPhrase>>> = Lazy::new(|| {
    let mut map: HashMap<&'static str, Vec<UnitPhrase>> = HashMap::new();
    let en_only = phrases(UnitClass::Currency, CURRENCIES_EN_ONLY).into_iter().map(|mut p| {
        p.en_only = true;
        p
    });
    for p in UNITS.iter().cloned().chain(en_only) {
        map.entry(p.tokens[0]).or_default().push(p);
    }
    for list in map.values_mut() {
        list.sort_by_key(|p| std::cmp::Reverse(p.tokens.len()));
    }
    map
});

/// The unit phrases whose first token is `first` (folded), longest first.
pub fn phrases_starting_with(first: &str) -> &'static [UnitPhrase] {
    BY_FIRST.get(first).map_or(&[], Vec::as_slice)
}

/// Scale words after digits: folded form and factor (French long scale for `billion`).
pub fn scale_after_digits(word: &str, fr: bool) -> Option<f64> {
    Some(match word {
        "mille" | "thousand" | "thousands" => 1e3,
        "hundred" if !fr => 100.0,
        "douzaine" | "douzaines" | "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs" => 12.0,
        "quadrillion" | "quadrillions" if !fr => 1e15,
        "million" | "millions" | "mn" | "mln" | "mio" | "mio." => 1e6,
        "milliard" | "milliards" | "md" | "mds" | "mrd" | "mrds" | "md€" => 1e9,
        "billion" | "billions" if fr => 1e12,
        "billion" | "billions" | "bn" | "bln" => 1e9,
        "trillion" | "trillions" if fr => 1e18,
        "trillion" | "trillions" | "tn" | "tln" => 1e12,
        "billiard" | "billiards" => 1e15,
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// Bound qualifiers before a number: folded phrase, bound side, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Min,
    Max,
    Equal,
    Approx,
}

pub struct Qualifier {
    pub tokens: Vec<&'static str>,
    pub side: Side,
    pub inclusive: bool,
}

const QUALIFIERS: &[(&str, Side, bool)] = &[
    ("lower or equal than|less or equal than|jusqu ' a|jusqu ' au|au plus|au maximum|pas plus de|pas plus d '|inferieur ou egal a|inferieure ou egale a|inferieurs ou egaux a|inferieures ou egales a|egal ou inferieur a|up to|at most|no more than|not more than|less than or equal to|smaller or equal than|smaller than or equal to|equal to or less than|equal or less than|< =|≤|a maximum of|maximum of|maximum", Side::Max, true),
    ("en dessous de|en deca de|moins de|moins d '|inferieur a|inferieure a|inferieurs a|inferieures a|plus petit que|plus petite que|less than|fewer than|under|below|smaller than|lower than|<", Side::Max, false),
    ("au moins de|at least or equal to|higher or equal than|greater or equal than|au moins|au minimum|pas moins de|pas moins d '|superieur ou egal a|superieure ou egale a|superieurs ou egaux a|superieures ou egales a|egal ou superieur a|at least|no less than|not less than|greater than or equal to|more than or equal to|equal to or more than|equal to or greater than|equal or greater than|> =|≥|a minimum of|minimum of", Side::Min, true),
    ("au - dessus de|au dessus de|exceeding|surpass|plus de|plus d '|superieur a|superieure a|superieurs a|superieures a|plus grand que|plus grande que|plus haut que|more than|over|greater than|above|bigger than|higher than|larger than|>", Side::Min, false),
    ("egal a|egale a|egaux a|equal to|equals to|equals|=", Side::Equal, true),
    ("environ|pres de|pres d '|quelque|autour de|approximativement|a peu pres|presque|quasiment|pratiquement|about|nearly|around|approximately|roughly|almost|some|circa|an estimated", Side::Approx, false),
];

pub static QUALIFIER_TABLE: Lazy<Vec<Qualifier>> = Lazy::new(|| {
    let mut all: Vec<Qualifier> = QUALIFIERS
        .iter()
        .flat_map(|&(alts, side, inclusive)| {
            alts.split('|').map(move |p| Qualifier { tokens: p.split(' ').collect(), side, inclusive })
        })
        .collect();
    all.sort_by_key(|q| std::cmp::Reverse(q.tokens.len()));
    all
});

/// Month names (folded), French and English.
pub fn is_month(w: &str) -> bool {
    matches!(
        w,
        "janvier"
            | "fevrier"
            | "mars"
            | "avril"
            | "mai"
            | "juin"
            | "juillet"
            | "aout"
            | "septembre"
            | "octobre"
            | "novembre"
            | "decembre"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "janv"
            | "fev"
            | "avr"
            | "juil"
    )
}

/// Words after which `dernier`/`prochain`/`last`/`next` name a date, not a rank.
pub fn is_time_word(w: &str) -> bool {
    is_weekday(w)
        || matches!(
            w,
            "an" | "annee"
                | "annees"
                | "semaine"
                | "semaines"
                | "mois"
                | "jour"
                | "jours"
                | "nuit"
                | "soir"
                | "matin"
                | "week"
                | "weekend"
                | "year"
                | "years"
                | "month"
                | "months"
                | "night"
                | "weeks"
                | "decennie"
                | "siecle"
                | "saison"
                | "season"
                | "ete"
                | "hiver"
                | "printemps"
                | "automne"
                | "summer"
                | "winter"
                | "spring"
                | "fall"
                | "autumn"
                | "trimestre"
                | "semestre"
                | "quarter"
                | "fois"
                | "decade"
                | "century"
                | "minute"
                | "minutes"
                | "heure"
                | "heures"
                | "hour"
                | "hours"
                | "day"
                | "days"
                | "morning"
                | "evening"
                | "afternoon"
                | "tonight"
                | "election"
                | "elections"
        )
        || is_month(w)
}

/// Words that never are a counted noun after a number.
pub fn is_stop_word(w: &str) -> bool {
    let adverb = matches!(
        w,
        "now"
            | "then"
            | "still"
            | "already"
            | "alone"
            | "also"
            | "ago"
            | "later"
            | "earlier"
            | "deja"
            | "encore"
            | "aussi"
    );
    adverb || word_list_stop(w)
}

fn word_list_stop(w: &str) -> bool {
    matches!(
        w,
        "de" | "des"
            | "du"
            | "d"
            | "et"
            | "ou"
            | "a"
            | "au"
            | "aux"
            | "en"
            | "le"
            | "la"
            | "les"
            | "l"
            | "un"
            | "une"
            | "par"
            | "pour"
            | "sur"
            | "dans"
            | "avec"
            | "sans"
            | "que"
            | "qui"
            | "ans"
            | "of"
            | "and"
            | "or"
            | "the"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "by"
            | "with"
            | "from"
            | "than"
            | "is"
            | "are"
            | "was"
            | "were"
            | "ont"
            | "sont"
            | "est"
            | "ce"
            | "se"
            | "sa"
            | "son"
            | "ses"
            | "il"
            | "elle"
            | "ils"
            | "elles"
            | "y"
            | "ne"
            | "pas"
            | "plus"
            | "moins"
            | "fois"
            | "times"
            | "as"
            | "an"
            | "it"
            | "this"
            | "that"
            | "these"
            | "those"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "not"
            | "no"
            | "il y"
            | "ont ete"
            | "etaient"
            | "etait"
            | "contre"
            | "vs"
            | "soit"
            | "entre"
            | "between"
            | "apres"
            | "avant"
            | "after"
            | "before"
            | "selon"
            | "according"
            | "dont"
            | "which"
            | "who"
            | "parmi"
            | "among"
            | "chacun"
            | "each"
            | "seulement"
            | "only"
            | "environ"
            | "about"
            | "heures"
            | "h"
    )
}

/// Verbs (folded) that move a figure: after them `de X à Y` / `by X to Y`
/// reads as a step and a new level, not an interval.
pub fn is_change_verb(w: &str) -> bool {
    matches!(
        w,
        "passe"
            | "passee"
            | "passes"
            | "baisse"
            | "baissee"
            | "augmente"
            | "augmentee"
            | "grimpe"
            | "chute"
            | "recule"
            | "progresse"
            | "diminue"
            | "diminuee"
            | "releve"
            | "relevee"
            | "abaisse"
            | "abaissee"
            | "reduit"
            | "reduite"
            | "bondi"
            | "monte"
            | "montee"
            | "descendu"
            | "plonge"
            | "flambe"
            | "glisse"
            | "remonte"
            | "rehausse"
            | "cut"
            | "cuts"
            | "raised"
            | "raises"
            | "raise"
            | "rose"
            | "rise"
            | "rises"
            | "risen"
            | "fell"
            | "fall"
            | "falls"
            | "fallen"
            | "increased"
            | "increase"
            | "increases"
            | "decreased"
            | "dropped"
            | "drop"
            | "drops"
            | "climbed"
            | "jumped"
            | "slipped"
            | "grew"
            | "declined"
            | "lowered"
            | "lifted"
            | "reduced"
            | "hiked"
            | "boosted"
            | "trimmed"
            | "slashed"
            | "soared"
            | "plunged"
            | "surged"
            | "tumbled"
            | "gained"
    )
}

/// Words (folded) that make `degrees` an angle rather than a temperature.
pub fn is_angle_word(w: &str) -> bool {
    matches!(
        w,
        "angle"
            | "angles"
            | "rotate"
            | "rotated"
            | "rotates"
            | "rotating"
            | "rotation"
            | "turn"
            | "turned"
            | "turns"
            | "turning"
            | "tourner"
            | "tourne"
            | "tournez"
            | "pivote"
            | "pivoter"
            | "tilt"
            | "tilted"
            | "incline"
            | "inclinaison"
            | "slope"
            | "pente"
            | "bearing"
            | "latitude"
            | "longitude"
            | "virage"
    )
}

/// Time units (folded) that can close a rate: `km/ms`, `meters per second`.
pub fn is_time_unit_word(w: &str) -> bool {
    matches!(
        w,
        "second"
            | "seconde"
            | "sec"
            | "s"
            | "millisecond"
            | "milliseconde"
            | "ms"
            | "minute"
            | "min"
            | "hour"
            | "heure"
            | "hr"
            | "h"
            | "day"
            | "jour"
    )
}
