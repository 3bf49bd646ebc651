//! Document tone: `alarm` (fear, threat, escalation), `critical` (blame,
//! condemnation), `positive` or `neutral`, from cue words counted per
//! sentence-length of text. Word lists written for this crate.

use crate::features::DocWords;
use crate::words::PatternTable;
use depeche_core::{Document, TokenKind, Tone, ToneLabel};
use once_cell::sync::Lazy;

/// Maximal number of cues reported.
const MAX_CUES: usize = 8;

/// Word prefixes of alarm (fear, danger, escalation), French and English.
const ALARM: &[&str] = &[
    "crainte",
    "craint",
    "inquiét",
    "menac",
    "escalad",
    "danger",
    "alarm",
    "alerte",
    "panique",
    "catastroph",
    "effroi",
    "terreur",
    "urgence",
    "tension",
    "peur",
    "fear",
    "threat",
    "escalat",
    "crisis",
    "crise",
    "worr",
    "concern",
    "panic",
    "emergency",
    "risque",
    "risk",
];

/// Word prefixes of criticism and blame.
const CRITICAL: &[&str] = &[
    "critiqu", "condamn", "dénon", "accus", "scandal", "échec", "fustig", "reproch", "critici", "condemn", "denounc",
    "accus", "failure", "blame", "slam", "outrage", "indign",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ToneCue {
    Alarm,
    Critical,
}

static TABLE: Lazy<PatternTable<ToneCue>> = Lazy::new(|| {
    let alarm = ALARM.iter().map(|p| (*p, false, ToneCue::Alarm));
    let critical = CRITICAL.iter().map(|p| (*p, false, ToneCue::Critical));
    PatternTable::new(&alarm.chain(critical).collect::<Vec<_>>())
});

/// The document's tone with its cues.
pub fn tone(doc: &Document, words: &DocWords) -> Tone {
    let (mut alarm, mut critical) = (Vec::new(), Vec::new());
    let (mut pos, mut neg) = (0f32, 0f32);
    for ((t, w), &v) in doc.tokens.iter().zip(&words.lowered).zip(&words.valence) {
        if t.kind != TokenKind::Word {
            continue;
        }
        match TABLE.find(w) {
            Some(ToneCue::Alarm) => alarm.push(t.span),
            Some(ToneCue::Critical) => critical.push(t.span),
            None => {}
        }
        if v > 0.0 {
            pos += v;
        } else {
            neg -= v;
        }
    }
    let sentences = doc.sentences.len().max(1) as f32;
    let (label, mut cues) = if alarm.len() as f32 / sentences >= 0.25 && alarm.len() >= 2 {
        (ToneLabel::Alarm, alarm)
    } else if critical.len() as f32 / sentences >= 0.2 && critical.len() >= 2 {
        (ToneLabel::Critical, critical)
    } else if pos > 2.0 * neg.max(0.5) {
        (ToneLabel::Positive, Vec::new())
    } else {
        (ToneLabel::Neutral, Vec::new())
    };
    cues.truncate(MAX_CUES);
    Tone { label, cues }
}
