//! Reporting cues of French and English news: verbs in all tenses (generated
//! from lemmas), source prepositions (`selon`, `according to`), auxiliaries
//! and the nouns that mark a speaker as a document or an anonymous source.
//!
//! The word lists are written for this crate from general knowledge of news
//! style; regular inflections are generated, irregular ones are listed.

use depeche_core::Lang;
use once_cell::sync::Lazy;
use std::collections::HashMap;

/// How a cue word relates to its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// A verb of saying (`déclarer`, `say`): strong evidence of a quote.
    Speech,
    /// A verb of thinking, showing or wanting (`estimer`, `believe`, `show`):
    /// reported content only with an explicit clause.
    Cognition,
}

/// What the lexicon knows about one lower-cased word form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueWord {
    pub class: CueClass,
    /// Past participle (`déclaré`, `said` counts as both): needs an auxiliary
    /// before it in French to be a finite cue.
    pub participle: bool,
    /// Present participle / gerund (`saying`, `ajoutant`).
    pub gerund: bool,
}

/// French verbs of saying in -er, by lemma.
const FR_SPEECH_ER: &[&str] = &[
    "déclarer",
    "affirmer",
    "ajouter",
    "indiquer",
    "expliquer",
    "souligner",
    "assurer",
    "préciser",
    "annoncer",
    "confier",
    "raconter",
    "rappeler",
    "insister",
    "noter",
    "observer",
    "confirmer",
    "marteler",
    "lancer",
    "glisser",
    "avouer",
    "dénoncer",
    "déplorer",
    "regretter",
    "réclamer",
    "demander",
    "témoigner",
    "révéler",
    "signaler",
    "mentionner",
    "commenter",
    "résumer",
    "relever",
    "constater",
    "rapporter",
    "proclamer",
    "plaider",
    "fustiger",
    "clamer",
    "tweeter",
    "lâcher",
    "exclamer",
    "répliquer",
    "rétorquer",
    "objecter",
    "protester",
    "avancer",
    "détailler",
    "argumenter",
    "ironiser",
    "agacer",
    "emporter",
    "jurer",
    "certifier",
    "informer",
    "communiquer",
    "accuser",
    "critiquer",
    "saluer",
    "féliciter",
    "alerter",
    "exhorter",
    "appeler",
    "enchaîner",
    "nuancer",
    "tempérer",
    "trancher",
    "asséner",
    "asserter",
    "twitter",
    "écrier",
    "exprimer",
    "poster",
    "publier",
    "prédire",
    "raisonner",
    "estimer",
    "juger",
    "considérer",
    "penser",
    "espérer",
    "souhaiter",
    "rassurer",
    "menacer",
    "réagir",
    "démontrer",
    "montrer",
    "suggérer",
    "proposer",
    "annoncer",
    "prôner",
    "réitérer",
    "répéter",
    "insister",
    "interroger",
    "inquiéter",
    "alarmer",
    "féliciter",
    "défendre",
];

/// French irregular forms, all listed (third-person and participle forms).
const FR_SPEECH_IRREGULAR: &[&str] = &[
    "dit",
    "dis",
    "disait",
    "disaient",
    "disent",
    "dira",
    "diront",
    "dirait",
    "diraient",
    "dirent",
    "disant",
    "dire",
    "écrit",
    "écrivait",
    "écrivaient",
    "écrivent",
    "écrira",
    "écrivant",
    "écrire",
    "répond",
    "répondu",
    "répondait",
    "répondaient",
    "répondent",
    "répondit",
    "répondant",
    "reconnaît",
    "reconnait",
    "reconnu",
    "reconnaissait",
    "reconnaissent",
    "reconnaissant",
    "admet",
    "admis",
    "admettait",
    "admettent",
    "admettant",
    "promet",
    "promis",
    "promettait",
    "promettent",
    "soutient",
    "soutenu",
    "soutenait",
    "soutiennent",
    "soutenant",
    "prévient",
    "prévenu",
    "prévenait",
    "préviennent",
    "avertit",
    "averti",
    "avertissait",
    "réagit",
    "réagi",
    "réagissait",
    "poursuit",
    "poursuivi",
    "poursuivait",
    "poursuivant",
    "conclut",
    "conclu",
    "concluait",
    "concluant",
    "dément",
    "démenti",
    "démentait",
    "démentent",
    "prétend",
    "prétendu",
    "prétendait",
    "prétendent",
    "affirme",
    "interrompt",
    "rétorque",
    "maintient",
    "maintenu",
    "maintenait",
    "redit",
    "prédit",
    "contredit",
    "décrit",
    "décrivait",
    "décrivent",
    "souscrit",
    "appris",
    "apprend",
    "apprenait",
];

/// French irregular verbs of thinking (weaker cues).
const FR_COGNITION_IRREGULAR: &[&str] = &[
    "croit",
    "cru",
    "croyait",
    "croient",
    "croyant",
    "craint",
    "craignait",
    "craignent",
    "craignant",
    "sait",
    "savait",
    "savent",
    "su",
    "prévoit",
    "prévu",
    "prévoyait",
    "voit",
    "voyait",
];

/// English verbs of saying, by lemma.
const EN_SPEECH: &[&str] = &[
    "say",
    "tell",
    "add",
    "note",
    "explain",
    "argue",
    "claim",
    "insist",
    "warn",
    "write",
    "tweet",
    "state",
    "announce",
    "declare",
    "report",
    "acknowledge",
    "admit",
    "ask",
    "reply",
    "respond",
    "recall",
    "urge",
    "predict",
    "confirm",
    "deny",
    "vow",
    "pledge",
    "promise",
    "contend",
    "assert",
    "maintain",
    "conclude",
    "complain",
    "concede",
    "boast",
    "joke",
    "quip",
    "stress",
    "emphasize",
    "observe",
    "remark",
    "testify",
    "allege",
    "accuse",
    "criticize",
    "praise",
    "agree",
    "propose",
    "recommend",
    "demand",
    "mention",
    "caution",
    "advise",
    "proclaim",
    "reiterate",
    "repeat",
    "charge",
    "counter",
    "retort",
    "shout",
    "yell",
    "post",
    "suggest",
    "describe",
    "call",
    "announce",
    "threaten",
    "lament",
    "scoff",
    "concur",
    "disclose",
    "reveal",
    "explain",
    "estimate",
    "inform",
    "declare",
    "blast",
    "slam",
    "dismiss",
    "defend",
    "insist",
    "hint",
    "signal",
    "forecast",
    "assure",
    "remind",
    "write",
    "wonder",
    "question",
    "tout",
    "brag",
    "mock",
    "decry",
    "cite",
];

/// English verbs of thinking, finding and wanting (weaker cues).
const EN_COGNITION: &[&str] = &[
    "believe",
    "think",
    "want",
    "hope",
    "fear",
    "expect",
    "find",
    "show",
    "indicate",
    "feel",
    "know",
    "worry",
    "consider",
    "see",
    "figure",
    "doubt",
    "suspect",
    "assume",
    "understand",
    "conclude",
    "recognize",
    "realize",
    "imagine",
    "guess",
    "suppose",
    "learn",
    "determine",
    "seem",
    "appear",
    "plan",
    "intend",
    "wish",
    "prefer",
    "support",
    "oppose",
    "favor",
    "endorse",
];

/// English irregular past forms: (form, is_participle_only).
const EN_IRREGULAR: &[(&str, &str)] = &[
    ("say", "said"),
    ("tell", "told"),
    ("write", "wrote"),
    ("write", "written"),
    ("think", "thought"),
    ("find", "found"),
    ("feel", "felt"),
    ("know", "knew"),
    ("know", "known"),
    ("show", "shown"),
    ("see", "saw"),
    ("see", "seen"),
    ("forecast", "forecast"),
    ("understand", "understood"),
    ("learn", "learnt"),
];

/// Source prepositions: the speaker follows them (`selon X`, `according to X`).
pub const SOURCE_PREPOSITIONS: &[&[&str]] = &[
    &["selon"],
    &["d'après"],
    &["d’après"],
    &["d'", "après"],
    &["d’", "après"],
    &["according", "to"],
    &["citant"],
    &["citing"],
];

/// Auxiliaries and adverbs that belong to a cue before a participle.
pub fn is_auxiliary(w: &str, lang: Lang) -> bool {
    if lang == Lang::En && matches!(w, "a" | "est" | "l'" | "se" | "bien" | "pas" | "ne" | "lui" | "leur" | "encore") {
        return false;
    }
    matches!(
        w,
        "a" | "ont"
            | "avait"
            | "avaient"
            | "aurait"
            | "auraient"
            | "aura"
            | "est"
            | "sont"
            | "était"
            | "s'est"
            | "s’est"
            | "s'"
            | "s’"
            | "se"
            | "l'a"
            | "l’"
            | "l'"
            | "lui"
            | "leur"
            | "has"
            | "have"
            | "had"
            | "is"
            | "was"
            | "were"
            | "are"
            | "also"
            | "aussi"
            | "encore"
            | "déjà"
            | "would"
            | "will"
            | "could"
            | "may"
            | "might"
            | "did"
            | "does"
            | "do"
            | "reportedly"
            | "later"
            | "then"
            | "once"
            | "previously"
            | "repeatedly"
            | "publicly"
            | "recently"
            | "often"
            | "frequently"
            | "quickly"
            | "never"
            | "not"
            | "ne"
            | "n'"
            | "n’"
            | "pas"
            | "rarely"
            | "privately"
            | "bien"
            | "elle-même"
            | "lui-même"
    )
}

/// French personal pronouns that can be a speaker.
pub fn is_fr_pronoun(w: &str) -> bool {
    matches!(w, "il" | "elle" | "ils" | "elles" | "on")
}

/// English personal pronouns that can be a speaker.
pub fn is_en_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "i" | "we" | "who")
}

/// Head nouns that make a speaker a document.
pub fn is_document_noun(w: &str) -> bool {
    matches!(
        w,
        "document"
            | "documents"
            | "rapport"
            | "rapports"
            | "étude"
            | "études"
            | "sondage"
            | "sondages"
            | "enquête"
            | "communiqué"
            | "note"
            | "lettre"
            | "texte"
            | "courrier"
            | "mémo"
            | "câble"
            | "câbles"
            | "report"
            | "reports"
            | "study"
            | "studies"
            | "poll"
            | "polls"
            | "survey"
            | "surveys"
            | "statement"
            | "memo"
            | "letter"
            | "filing"
            | "filings"
            | "analysis"
            | "records"
            | "data"
            | "données"
            | "chiffres"
            | "figures"
            | "images"
            | "photos"
            | "vidéo"
            | "video"
            | "footage"
    )
}

/// Head nouns of anonymous sources.
pub fn is_anonymous_noun(w: &str) -> bool {
    matches!(
        w,
        "source"
            | "sources"
            | "proche"
            | "proches"
            | "entourage"
            | "témoin"
            | "témoins"
            | "interlocuteur"
            | "observateur"
            | "observateurs"
            | "aide"
            | "aides"
            | "insider"
            | "insiders"
            | "person"
            | "people"
            | "someone"
            | "quelqu'un"
            | "quelqu’un"
    )
}

/// Nouns that name an utterance (`la déclaration de « … »`, `the phrase “…”`).
pub fn is_speech_noun(w: &str) -> bool {
    matches!(
        w,
        "déclaration"
            | "déclarations"
            | "propos"
            | "termes"
            | "mots"
            | "formule"
            | "expression"
            | "slogan"
            | "qualifié"
            | "qualifiée"
            | "qualifiés"
            | "qualifie"
            | "qualifiant"
            | "parlé"
            | "évoqué"
            | "dénoncé"
            | "phrase"
            | "words"
            | "term"
            | "called"
            | "calling"
            | "described"
            | "dubbed"
            | "labeled"
            | "branded"
    )
}

/// French and English forms, kept apart so that `continue` or `tout` in a
/// French text is not an English verb.
static LEXICON: Lazy<[HashMap<String, CueWord, Fnv>; 2]> = Lazy::new(|| [build_french(), build_english()]);

/// FNV-1a: short keys, no need for a DoS-resistant hash here.
#[derive(Default, Clone, Copy)]
pub struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Fnv = std::hash::BuildHasherDefault<FnvHasher>;

/// Longest word form in the lexicons, in bytes.
const MAX_FORM_BYTES: usize = 24;

/// Looks a lower-cased word form up in the lexicon of `lang` (both when the
/// language is unknown).
pub fn lookup(lower: &str, lang: Lang) -> Option<CueWord> {
    if lower.len() < 2 || lower.len() > MAX_FORM_BYTES {
        return None;
    }
    let [fr, en] = &*LEXICON;
    match lang {
        Lang::Fr => fr.get(lower).copied(),
        Lang::En => en.get(lower).copied(),
        Lang::Other => fr.get(lower).or_else(|| en.get(lower)).copied(),
    }
}

/// English forms that are nouns as often as verbs (`the state`, `his remarks`).
pub fn is_ambiguous_noun(lower: &str) -> bool {
    matches!(
        lower,
        "state"
            | "states"
            | "tweet"
            | "tweets"
            | "remark"
            | "remarks"
            | "question"
            | "questions"
            | "call"
            | "calls"
            | "note"
            | "notes"
            | "claim"
            | "claims"
            | "report"
            | "reports"
            | "charge"
            | "charges"
            | "demand"
            | "demands"
            | "post"
            | "posts"
            | "estimate"
            | "estimates"
            | "promise"
            | "promises"
            | "pledge"
            | "pledges"
            | "vow"
            | "vows"
            | "counter"
            | "counters"
            | "signal"
            | "signals"
            | "hint"
            | "hints"
            | "forecast"
            | "forecasts"
            | "joke"
            | "jokes"
            | "support"
            | "supports"
            | "plan"
            | "plans"
            | "fear"
            | "fears"
            | "hope"
            | "hopes"
            | "wish"
            | "wishes"
            | "doubt"
            | "doubts"
            | "show"
            | "shows"
            | "praise"
            | "blast"
            | "slam"
            | "tout"
            | "mock"
            | "defend"
            | "repeat"
            | "reply"
            | "replies"
            | "speak"
            | "respond"
            | "continue"
            | "warn"
            | "cite"
            | "ask"
    )
}

/// English verbs whose clause may follow without `that` (`said the plan …`).
pub fn takes_bare_clause(lower: &str) -> bool {
    matches!(
        lower,
        "said"
            | "says"
            | "say"
            | "saying"
            | "added"
            | "adds"
            | "adding"
            | "wrote"
            | "writes"
            | "argued"
            | "argues"
            | "claimed"
            | "claims"
            | "insisted"
            | "insists"
            | "warned"
            | "warns"
            | "told"
            | "tells"
            | "thinks"
            | "think"
            | "thought"
            | "believe"
            | "believes"
            | "believed"
            | "predicted"
            | "predicts"
            | "suggested"
            | "suggests"
            | "acknowledged"
            | "admitted"
            | "noted"
            | "notes"
            | "explained"
            | "tweeted"
            | "stressed"
            | "contended"
            | "asserted"
            | "maintained"
            | "conceded"
            | "declared"
            | "announced"
            | "feels"
            | "felt"
            | "hopes"
            | "hoped"
            | "fears"
            | "feared"
            | "expects"
            | "expected"
            | "estimated"
            | "estimates"
    )
}

fn build_french() -> HashMap<String, CueWord, Fnv> {
    let mut map = HashMap::default();
    for lemma in FR_SPEECH_ER {
        let class = if is_fr_cognition_lemma(lemma) { CueClass::Cognition } else { CueClass::Speech };
        add_forms(&mut map, &french_er_forms(lemma), class);
    }
    for form in FR_SPEECH_IRREGULAR {
        insert(&mut map, form, CueClass::Speech);
    }
    for form in FR_COGNITION_IRREGULAR {
        insert(&mut map, form, CueClass::Cognition);
    }
    map
}

fn build_english() -> HashMap<String, CueWord, Fnv> {
    let mut map = HashMap::default();
    for lemma in EN_SPEECH {
        add_forms(&mut map, &english_forms(lemma), CueClass::Speech);
    }
    for lemma in EN_COGNITION {
        if !EN_SPEECH.contains(lemma) {
            add_forms(&mut map, &english_forms(lemma), CueClass::Cognition);
        }
    }
    for (lemma, form) in EN_IRREGULAR {
        let class = if EN_SPEECH.contains(lemma) { CueClass::Speech } else { CueClass::Cognition };
        insert(&mut map, form, class);
    }
    map
}

fn is_fr_cognition_lemma(lemma: &str) -> bool {
    matches!(
        lemma,
        "estimer"
            | "juger"
            | "considérer"
            | "penser"
            | "espérer"
            | "souhaiter"
            | "montrer"
            | "démontrer"
            | "inquiéter"
            | "interroger"
    )
}

fn add_forms(map: &mut HashMap<String, CueWord, Fnv>, forms: &[String], class: CueClass) {
    for f in forms {
        insert(map, f, class);
    }
}

fn insert(map: &mut HashMap<String, CueWord, Fnv>, form: &str, class: CueClass) {
    let participle = is_participle_form(form);
    let gerund = form.ends_with("ing") || form.ends_with("ant");
    let entry = map.entry(form.to_string()).or_insert(CueWord { class, participle, gerund });
    if class == CueClass::Speech {
        entry.class = CueClass::Speech;
    }
}

fn is_participle_form(form: &str) -> bool {
    if !form.is_ascii() || FR_PARTICIPLES.contains(&form) {
        return ["é", "ée", "és", "ées"].iter().any(|s| form.ends_with(s)) || FR_PARTICIPLES.contains(&form);
    }
    false
}

/// French irregular past participles that are not also finite forms.
const FR_PARTICIPLES: &[&str] = &[
    "répondu",
    "reconnu",
    "admis",
    "promis",
    "soutenu",
    "prévenu",
    "averti",
    "réagi",
    "poursuivi",
    "conclu",
    "démenti",
    "prétendu",
    "maintenu",
    "cru",
    "su",
    "prévu",
];

/// Third-person and participle forms of a French `-er` verb (every tense a
/// news report uses), with the `-cer`/`-ger` and `-eler`/`-éter` spellings.
pub fn french_er_forms(lemma: &str) -> Vec<String> {
    let Some(stem) = lemma.strip_suffix("er") else {
        return vec![lemma.to_string()];
    };
    let soft = soft_stem(stem);
    let strong = strong_stem(stem);
    let mut out = vec![lemma.to_string()];
    for end in ["e", "es", "ent"] {
        out.push(format!("{strong}{end}"));
    }
    for end in ["ons", "ez", "é", "ée", "és", "ées", "èrent"] {
        out.push(format!("{stem}{end}"));
    }
    for end in ["ait", "aient", "a", "ant", "ais"] {
        out.push(format!("{soft}{end}"));
    }
    for end in ["era", "eront", "erait", "eraient"] {
        out.push(format!("{strong}{end}"));
    }
    out
}

/// The stem before `a`/`o`: `annonç-`, `lanç-`, `interrog-e-`.
fn soft_stem(stem: &str) -> String {
    if let Some(s) = stem.strip_suffix('c') {
        format!("{s}ç")
    } else if stem.ends_with('g') {
        format!("{stem}e")
    } else {
        stem.to_string()
    }
}

/// The stem of the stressed forms: `rappell-`, `répèt-`, `appell-`.
fn strong_stem(stem: &str) -> String {
    if stem.ends_with("el") && (stem.starts_with("rapp") || stem.starts_with("app")) {
        return format!("{stem}l");
    }
    if stem.ends_with("el") && stem.starts_with("mart") {
        return format!("{}èl", &stem[..stem.len() - 2]);
    }
    // répéter, réitérer, tempérer, considérer, espérer, asséner: é -> è in the last syllable.
    if let Some(pos) = stem.rfind('é') {
        let after = &stem[pos + 'é'.len_utf8()..];
        if !after.is_empty() && after.chars().all(|c| !"aeiouéèêy".contains(c)) {
            return format!("{}è{}", &stem[..pos], after);
        }
    }
    stem.to_string()
}

/// Inflections of an English verb: `say says saying`, `add added adding`.
pub fn english_forms(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let ends_e = lemma.ends_with('e');
    let cons_y = lemma.ends_with('y') && !lemma.ends_with("ay") && !lemma.ends_with("ey");
    let sibilant = ["s", "sh", "ch", "x", "z", "o"].iter().any(|s| lemma.ends_with(s));
    out.push(if cons_y {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else if sibilant {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    });
    let double = doubles_final_consonant(lemma);
    out.push(if ends_e {
        format!("{lemma}d")
    } else if cons_y {
        format!("{}ied", &lemma[..lemma.len() - 1])
    } else if double {
        format!("{lemma}{}ed", &lemma[lemma.len() - 1..])
    } else {
        format!("{lemma}ed")
    });
    out.push(if ends_e && !lemma.ends_with("ee") {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else if double {
        format!("{lemma}{}ing", &lemma[lemma.len() - 1..])
    } else {
        format!("{lemma}ing")
    });
    out
}

/// `quip` -> `quipped`, `admit` -> `admitted`, `slam` -> `slammed`.
fn doubles_final_consonant(lemma: &str) -> bool {
    matches!(lemma, "quip" | "admit" | "slam" | "plan" | "commit" | "regret" | "submit")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_forms_cover_tenses_and_spellings() {
        let forms = french_er_forms("annoncer");
        for f in ["annonce", "annoncé", "annonçait", "annonça", "annoncera", "annonçant"] {
            assert!(forms.contains(&f.to_string()), "{f}");
        }
        assert!(french_er_forms("rappeler").contains(&"rappelle".to_string()));
        assert!(french_er_forms("répéter").contains(&"répète".to_string()));
        assert!(french_er_forms("marteler").contains(&"martèle".to_string()));
    }

    #[test]
    fn english_forms_cover_inflections() {
        assert_eq!(english_forms("say"), ["say", "says", "sayed", "saying"]);
        assert!(english_forms("note").contains(&"noted".to_string()));
        assert!(english_forms("deny").contains(&"denied".to_string()));
        assert!(english_forms("admit").contains(&"admitted".to_string()));
        assert!(lookup("said", Lang::En).is_some() && lookup("a", Lang::Fr).is_none());
        assert!(lookup("déclaré", Lang::Fr).unwrap().participle);
        assert!(!lookup("déclare", Lang::Fr).unwrap().participle);
        assert!(lookup("continue", Lang::Fr).is_none());
        let longest = LEXICON.iter().flat_map(|m| m.keys()).map(String::len).max().unwrap();
        assert!(longest <= MAX_FORM_BYTES, "{longest}");
    }
}
