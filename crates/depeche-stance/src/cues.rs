//! Stance cue words of the open mode, French and English, written for this
//! crate: verbs, nouns and prepositions that put a holder for or against a
//! target (`soutien à X`, `accuse X`, `condamne X`, `adversaires de X`,
//! `contre X`), and evaluative nouns whose complement is the agent they
//! judge (`l’agression de X`, `Russian aggression`).

use crate::words::PatternTable;
use depeche_core::{Lang, Polarity};
use once_cell::sync::Lazy;

/// How a cue links holder and target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// The target follows the cue; the holder is the clause's subject.
    Object,
    /// A feeling noun (`inquiétudes parmi X`, `concern among X`): the people
    /// after it hold the feeling toward the sentence's subject.
    Feeling,
    /// An evaluative noun: the target is its agent (`de X`, demonym, `X's`);
    /// the holder is the voice of the sentence (author or quote speaker).
    Agent,
}

/// A matched cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub polarity: Polarity,
    pub kind: CueKind,
}

use CueKind::{Agent, Feeling, Object};
use Polarity::{Against, Favor};

/// (pattern, whole word only, cue); a pattern that is not whole word
/// matches as a prefix of the lowercased token.
type Entry = (&'static str, bool, Cue);

const fn c(polarity: Polarity, kind: CueKind) -> Cue {
    Cue { polarity, kind }
}

static FRENCH_TABLE: Lazy<PatternTable<Cue>> = Lazy::new(|| PatternTable::new(FRENCH));
static ENGLISH_TABLE: Lazy<PatternTable<Cue>> = Lazy::new(|| PatternTable::new(ENGLISH));

const FRENCH: &[Entry] = &[
    ("contre", true, c(Against, Object)),
    ("soutien", false, c(Favor, Object)),
    ("partisan", false, c(Favor, Object)),
    ("solidarité", true, c(Favor, Object)),
    ("reproch", false, c(Against, Object)),
    ("vilipend", false, c(Against, Object)),
    ("pourfend", false, c(Against, Object)),
    ("étrill", false, c(Against, Object)),
    ("encens", false, c(Favor, Object)),
    ("plébiscit", false, c(Favor, Object)),
    ("applaud", false, c(Favor, Object)),
    ("souten", false, c(Favor, Object)),
    ("appui", false, c(Favor, Object)),
    ("appuy", false, c(Favor, Object)),
    ("accus", false, c(Against, Object)),
    ("condamn", false, c(Against, Object)),
    ("dénon", false, c(Against, Object)),
    ("critiqu", false, c(Against, Object)),
    ("salu", false, c(Favor, Object)),
    ("félicit", false, c(Favor, Object)),
    ("remerci", false, c(Favor, Object)),
    ("hommage", true, c(Favor, Object)),
    ("adversaire", false, c(Against, Object)),
    ("ennemi", false, c(Against, Object)),
    ("allié", false, c(Favor, Object)),
    ("alliés", true, c(Favor, Object)),
    ("ami", true, c(Favor, Object)),
    ("amis", true, c(Favor, Object)),
    ("amie", true, c(Favor, Object)),
    ("amies", true, c(Favor, Object)),
    ("oppos", false, c(Against, Object)),
    ("attaqu", false, c(Against, Object)),
    ("sanction", false, c(Against, Object)),
    ("boycott", false, c(Against, Object)),
    ("rejet", false, c(Against, Object)),
    ("approuv", false, c(Favor, Object)),
    ("défend", true, c(Favor, Object)),
    ("défendre", true, c(Favor, Object)),
    ("aider", true, c(Favor, Object)),
    ("hostil", false, c(Against, Object)),
    ("fustig", false, c(Against, Object)),
    ("inquiétude", false, c(Against, Feeling)),
    ("préoccupation", false, c(Against, Feeling)),
    ("colère", true, c(Against, Feeling)),
    ("indignation", true, c(Against, Feeling)),
    ("craintes", true, c(Against, Feeling)),
    ("méfiance", true, c(Against, Feeling)),
    ("enthousiasme", true, c(Favor, Feeling)),
    ("satisfaction", true, c(Favor, Feeling)),
    ("menace", true, c(Against, Agent)),
    ("menaces", true, c(Against, Agent)),
    ("agression", false, c(Against, Agent)),
    ("ingérence", false, c(Against, Agent)),
    ("propagande", true, c(Against, Agent)),
    ("provocation", false, c(Against, Agent)),
    ("brutalité", false, c(Against, Agent)),
    ("répression", true, c(Against, Agent)),
    ("crimes", true, c(Against, Agent)),
    ("atrocités", true, c(Against, Agent)),
    ("exactions", true, c(Against, Agent)),
    ("mensonges", true, c(Against, Agent)),
    ("désinformation", true, c(Against, Agent)),
    ("courage", true, c(Favor, Agent)),
    ("héroïsme", true, c(Favor, Agent)),
    ("générosité", true, c(Favor, Agent)),
];

const ENGLISH: &[Entry] = &[
    ("against", true, c(Against, Object)),
    ("support", true, c(Favor, Object)),
    ("supporter", true, c(Favor, Object)),
    ("supporters", true, c(Favor, Object)),
    ("supports", true, c(Favor, Object)),
    ("supported", true, c(Favor, Object)),
    ("supportive", true, c(Favor, Object)),
    ("solidarity", true, c(Favor, Object)),
    ("rebuk", false, c(Against, Object)),
    ("lambast", false, c(Against, Object)),
    ("chastis", false, c(Against, Object)),
    ("applaud", false, c(Favor, Object)),
    ("commend", false, c(Favor, Object)),
    ("congratulat", false, c(Favor, Object)),
    ("hailed", true, c(Favor, Object)),
    ("backing", true, c(Favor, Object)),
    ("backed", true, c(Favor, Object)),
    ("backs", true, c(Favor, Object)),
    ("praise", false, c(Favor, Object)),
    ("accus", false, c(Against, Object)),
    ("condemn", false, c(Against, Object)),
    ("critici", false, c(Against, Object)),
    ("denounc", false, c(Against, Object)),
    ("blam", false, c(Against, Object)),
    ("slam", false, c(Against, Object)),
    ("welcom", false, c(Favor, Object)),
    ("thank", false, c(Favor, Object)),
    ("endors", false, c(Favor, Object)),
    ("adversar", false, c(Against, Object)),
    ("enem", false, c(Against, Object)),
    ("ally", true, c(Favor, Object)),
    ("allies", true, c(Favor, Object)),
    ("friends", true, c(Favor, Object)),
    ("oppos", false, c(Against, Object)),
    ("attack", false, c(Against, Object)),
    ("sanction", false, c(Against, Object)),
    ("boycott", false, c(Against, Object)),
    ("reject", false, c(Against, Object)),
    ("defend", false, c(Favor, Object)),
    ("hostil", false, c(Against, Object)),
    ("concern", false, c(Against, Feeling)),
    ("anger", true, c(Against, Feeling)),
    ("outrage", true, c(Against, Feeling)),
    ("alarm", true, c(Against, Feeling)),
    ("fears", true, c(Against, Feeling)),
    ("distrust", true, c(Against, Feeling)),
    ("enthusiasm", true, c(Favor, Feeling)),
    ("aggression", true, c(Against, Agent)),
    ("interference", true, c(Against, Agent)),
    ("propaganda", true, c(Against, Agent)),
    ("provocation", false, c(Against, Agent)),
    ("brutality", true, c(Against, Agent)),
    ("repression", true, c(Against, Agent)),
    ("crimes", true, c(Against, Agent)),
    ("atrocities", true, c(Against, Agent)),
    ("lies", true, c(Against, Agent)),
    ("disinformation", true, c(Against, Agent)),
    ("courage", true, c(Favor, Agent)),
    ("heroism", true, c(Favor, Agent)),
    ("generosity", true, c(Favor, Agent)),
];

/// The cue a lowercased token is, if any.
pub fn cue(lang: Lang, word: &str) -> Option<Cue> {
    match lang {
        Lang::Fr => FRENCH_TABLE.find(word),
        _ => ENGLISH_TABLE.find(word),
    }
}

/// Possessive determiners: a cue noun after one belongs to the nearest actor.
pub fn is_possessive(word: &str) -> bool {
    matches!(word, "sa" | "son" | "ses" | "leur" | "leurs" | "its" | "their" | "his" | "her")
}

/// Prepositions of place or time: an actor after one is a setting, not a target.
pub fn is_setting_preposition(word: &str) -> bool {
    matches!(word, "in" | "at" | "near" | "inside" | "en" | "dans" | "près" | "lors" | "during" | "pendant")
}

/// Words that introduce who feels something (`parmi`, `among`).
pub fn is_experiencer_marker(word: &str) -> bool {
    matches!(word, "parmi" | "chez" | "among" | "amongst")
}

/// Words that introduce an agent complement (`de X`, `by X`).
pub fn is_agent_marker(word: &str) -> bool {
    matches!(word, "de" | "du" | "des" | "d'" | "of" | "by" | "par")
}
