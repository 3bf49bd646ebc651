//! Attribution: finds reporting cues in each sentence, the speaker they
//! introduce (subject, inversion, `selon X`) and the content they report
//! (the clause after the cue, the clause or quotation before it), then
//! attaches the quotations found by marks that no cue claimed (incises,
//! colons, continuations, fragments).

use crate::lexicon::{self, CueClass, CueWord, SOURCE_PREPOSITIONS};
use crate::marks::{trim_span, Marked};
use crate::speaker::is_name_word;
use depeche_core::calendar::is_weekday;
use depeche_core::{Document, Lang, QuoteKind, Span, TokenKind};
use std::borrow::Cow;

/// Most tokens in a speaker mention.
const MAX_SPEAKER_TOKENS: usize = 12;
/// Most tokens between a cue and the `que`/`that` opening its clause.
const MAX_CLAUSE_LOOKAHEAD: usize = 8;
/// Most cues read in one sentence (real sentences have a handful; the cap
/// keeps pathological input linear).
const MAX_CUES_PER_SENTENCE: usize = 16;
/// How many earlier statements are searched for a continued speaker.
const RECENT: usize = 64;
/// Most words of a quoted fragment (`« vieille amitié »`).
const MAX_FRAGMENT_WORDS: usize = 4;
/// Most tokens of adverbials between an inverted cue and its subject.
const MAX_ADVERBIAL_TOKENS: usize = 8;
/// Fewest words of a quotation kept as a direct quote with no speaker.
const MIN_UNATTRIBUTED_WORDS: usize = 3;
/// Most lowercase words describing a name after an inverted cue.
const MAX_DESCRIPTION_WORDS: usize = 4;
/// Most tokens from a sentence-opening subject to its cue across appositions.
const MAX_APPOSITION_TOKENS: usize = 40;

/// A statement found in the text, before speaker resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub content: Span,
    pub kind: QuoteKind,
    pub speaker: Option<Span>,
    pub cue: Option<Span>,
    pub reported_by: Option<Span>,
    /// For quotes with no speaker mention: the speaker mention of the quote
    /// they continue or echo.
    pub inherited_speaker: Option<Span>,
    /// For a pronoun speaker (`a-t-il dit`): the subject of the preceding
    /// clause or sentence it refers to, when that is a name.
    pub antecedent: Option<Span>,
}

impl Found {
    /// A quote with its speaker and cue, and no reporting source, inherited
    /// speaker or antecedent.
    fn new(content: Span, kind: QuoteKind, speaker: Option<Span>, cue: Option<Span>) -> Found {
        Found { content, kind, speaker, cue, reported_by: None, inherited_speaker: None, antecedent: None }
    }
}

/// One reporting cue: its tokens and what they say about the speaker.
#[derive(Debug, Clone, Copy)]
struct Cue {
    first: usize,
    /// Exclusive.
    end: usize,
    class: CueClass,
    /// The subject pronoun inside an inverted form (`a-t-il`, `ajoute-t-elle`).
    pronoun: Option<Span>,
    /// `selon`, `according to`: the speaker follows.
    source: bool,
    gerund: bool,
}

/// The document seen as tokens, with the quotations found by marks.
pub struct Analysis<'a> {
    doc: &'a Document,
    text: &'a str,
    marked: &'a [Marked],
    /// For each token, the index of the marked quotation whose content holds it.
    in_marked: Vec<Option<usize>>,
}

impl<'a> Analysis<'a> {
    pub fn new(doc: &'a Document, marked: &'a [Marked]) -> Self {
        let mut in_marked = vec![None; doc.tokens.len()];
        for (k, m) in marked.iter().enumerate() {
            let first = doc.token_at_or_after(m.content.start);
            for (i, slot) in in_marked.iter_mut().enumerate().skip(first) {
                if doc.tokens[i].span.start >= m.content.end {
                    break;
                }
                *slot = Some(k);
            }
        }
        Analysis { doc, text: &doc.text, marked, in_marked }
    }

    fn tok(&self, i: usize) -> &'a str {
        self.doc.tokens[i].span.slice(self.text)
    }

    fn low(&self, i: usize) -> Cow<'a, str> {
        let t = self.tok(i);
        let lower =
            if t.is_ascii() { !t.bytes().any(|b| b.is_ascii_uppercase()) } else { !t.chars().any(char::is_uppercase) };
        if lower {
            Cow::Borrowed(t)
        } else {
            Cow::Owned(t.to_lowercase())
        }
    }

    fn kind(&self, i: usize) -> TokenKind {
        self.doc.tokens[i].kind
    }

    fn is(&self, i: usize, s: &str) -> bool {
        i < self.doc.tokens.len() && self.tok(i) == s
    }

    fn span_of(&self, first: usize, end: usize) -> Span {
        Span::new(self.doc.tokens[first].span.start, self.doc.tokens[end - 1].span.end)
    }

    /// All statements of the document, sorted by content start.
    pub fn run(&self) -> Vec<Found> {
        let mut found = Vec::new();
        for s in 0..self.doc.sentences.len() {
            self.sentence(s, &mut found);
        }
        self.attach_marked(&mut found);
        found.sort_by_key(|f| (f.content.start, f.content.end));
        found.dedup_by(|b, a| a.content == b.content);
        for f in &mut found {
            f.antecedent = self.antecedent_of_inverted_pronoun(f);
        }
        found
    }

    /// `Kim a reçu Poutine : « … », a-t-il dit`: a pronoun speaker after (or
    /// inside) its quotation refers to the name opening the sentence before
    /// the quotation, else to the name opening the previous sentence.
    fn antecedent_of_inverted_pronoun(&self, f: &Found) -> Option<Span> {
        let speaker = f.speaker?;
        let pronoun = matches!(speaker.slice(self.text), "il" | "elle" | "ils" | "elles" | "he" | "she");
        if !pronoun || speaker.start < f.content.start {
            return None;
        }
        let s = self.doc.sentence_at(speaker.start)?;
        let sentence = self.doc.sentences[s].tokens.clone();
        let open = self.doc.token_at_or_after(f.content.start).min(sentence.end);
        if open > sentence.start && f.content.start >= self.doc.tokens[sentence.start].span.start {
            if let Some(name) = self.leading_name(sentence.start, open) {
                return Some(name);
            }
        }
        let first_sentence = self.doc.sentence_at(f.content.start).unwrap_or(s);
        let previous = first_sentence.checked_sub(1)?;
        let range = self.doc.sentences[previous].tokens.clone();
        let same_paragraph =
            self.paragraph_of(self.doc.tokens[range.start].span.start) + 1 >= self.paragraph_of(f.content.start);
        if range.is_empty() || !same_paragraph {
            return None;
        }
        self.leading_name(range.start, range.end)
    }

    /// The capitalized name that is the subject of tokens `[start, end)`.
    fn leading_name(&self, start: usize, end: usize) -> Option<Span> {
        let end = end.min(start + MAX_APPOSITION_TOKENS);
        let subject = self.sentence_subject(start, end)?;
        let first = self.doc.token_at_or_after(subject.start);
        let after = self.doc.token_at_or_after(subject.end);
        let verb_follows =
            after < end && self.kind(after) == TokenKind::Word && self.tok(after).starts_with(char::is_lowercase);
        (is_name_word(self.tok(first)) && verb_follows).then_some(subject)
    }

    // ------------------------------------------------------------ cues

    fn sentence(&self, s: usize, found: &mut Vec<Found>) {
        let range = self.doc.sentences[s].tokens.clone();
        let mut i = range.start;
        let mut cues = Vec::new();
        while i < range.end {
            if self.in_marked[i].is_some() {
                i += 1;
                continue;
            }
            match self.cue_at(i, range.start, range.end) {
                Some(cue) => {
                    i = cue.end;
                    cues.push(cue);
                }
                None => i += 1,
            }
        }
        cues.truncate(MAX_CUES_PER_SENTENCE);
        if cues.is_empty() {
            if let Some(f) = self.headline_colon(range.clone()) {
                found.push(f);
                return;
            }
        }
        for (n, cue) in cues.iter().enumerate() {
            let next_cue = cues.get(n + 1).map(|c| c.first);
            if let Some(f) = self.attribute(cue, range.clone(), next_cue, found) {
                found.push(f);
            }
        }
    }

    fn cue_at(&self, i: usize, start: usize, end: usize) -> Option<Cue> {
        if self.kind(i) != TokenKind::Word {
            return None;
        }
        let first_char = self.tok(i).chars().next().unwrap_or(' ');
        if first_char.is_uppercase() && i > start && !matches!(first_char, 'S' | 'D' | 'A' | 'C' | 'P') {
            return None;
        }
        if let Some(len) = self.source_preposition_at(i, end) {
            return Some(Cue {
                first: i,
                end: i + len,
                class: CueClass::Speech,
                pronoun: None,
                source: true,
                gerund: false,
            });
        }
        if self.kind(i) != TokenKind::Word {
            return None;
        }
        let low = self.low(i);
        if low.contains('-') {
            return self.inverted_cue_at(i, &low, end);
        }
        if matches!(low.as_ref(), "valoir" | "savoir") && i > start && self.low(i - 1).starts_with("fai") {
            return Some(Cue {
                first: self.auxiliaries_before(i - 1, start),
                end: i + 1,
                class: CueClass::Speech,
                pronoun: None,
                source: false,
                gerund: false,
            });
        }
        let word = lexicon::lookup(&low, self.doc.lang)?;
        if i > start && self.tok(i).starts_with(char::is_uppercase) {
            return None;
        }
        let first = self.auxiliaries_before(i, start);
        if first == i && lexicon::is_ambiguous_noun(&low) && !self.verb_follows_subject(i, start) {
            return None;
        }
        if word.participle && first == i {
            return None;
        }
        if !self.cue_is_plausible(i, first, start, end, word) {
            return None;
        }
        Some(Cue { first, end: i + 1, class: word.class, pronoun: None, source: false, gerund: word.gerund })
    }

    /// `selon`, `d’après`, `according to` at token `i`: their token count.
    fn source_preposition_at(&self, i: usize, end: usize) -> Option<usize> {
        if !matches!(self.tok(i).as_bytes()[0], b's' | b'S' | b'd' | b'D' | b'a' | b'A' | b'c' | b'C' | b'p' | b'P') {
            return None;
        }
        let first = self.low(i);
        if first == "pour" {
            return self.pour_name_at(i, end);
        }
        SOURCE_PREPOSITIONS.iter().find_map(|seq| {
            let fits = seq[0] == first
                && i + seq.len() <= end
                && seq[1..].iter().enumerate().all(|(k, w)| self.low(i + 1 + k).as_ref() == *w);
            fits.then_some(seq.len())
        })
    }

    /// `Pour Jean-François Copé, …` at a sentence start.
    fn pour_name_at(&self, i: usize, end: usize) -> Option<usize> {
        let at_start = self
            .doc
            .sentence_at(self.doc.tokens[i].span.start)
            .is_some_and(|s| self.doc.sentences[s].tokens.start == i);
        if !at_start || i + 1 >= end || !is_name_word(self.tok(i + 1)) {
            return None;
        }
        let comma = (i + 2..end.min(i + 7)).find(|&k| self.is(k, ","))?;
        (i + 1..comma).all(|k| is_name_word(self.tok(k))).then_some(1)
    }

    /// `a-t-il déclaré`, `ajoute-t-elle`, `dit-il`.
    fn inverted_cue_at(&self, i: usize, low: &str, end: usize) -> Option<Cue> {
        let token = self.doc.tokens[i].span;
        let pronoun_at = low.rfind('-')?;
        let pronoun = &low[pronoun_at + 1..];
        if !lexicon::is_fr_pronoun(pronoun) {
            return None;
        }
        let verb = &low[..low.find('-')?];
        let pronoun_span = Span::new(token.start + pronoun_at + 1, token.end);
        let (last, word) = if matches!(verb, "a" | "ont" | "avait" | "avaient" | "aurait") {
            let next = i + 1;
            if next >= end {
                return None;
            }
            let word = lexicon::lookup(&self.low(next), self.doc.lang)?;
            (next, word)
        } else {
            (i, lexicon::lookup(verb, self.doc.lang)?)
        };
        Some(Cue {
            first: i,
            end: last + 1,
            class: word.class,
            pronoun: Some(pronoun_span),
            source: false,
            gerund: false,
        })
    }

    /// A pronoun or a name right before token `i` (`they state`, `Smith calls`),
    /// not a determiner or a possessive (`the state`, `his calls`).
    fn verb_follows_subject(&self, i: usize, start: usize) -> bool {
        if i == start {
            return false;
        }
        let prev = self.low(i - 1);
        let name = is_name_word(self.tok(i - 1)) && i - 1 > start;
        (lexicon::is_en_pronoun(&prev) || matches!(prev.as_ref(), "you" | "it" | "people" | "officials"))
            || name && !self.is(i - 2, "the")
    }

    /// The first token of the auxiliaries and adverbs before token `i`.
    fn auxiliaries_before(&self, i: usize, start: usize) -> usize {
        let mut first = i;
        while first > start && lexicon::is_auxiliary(&self.low(first - 1), self.doc.lang) {
            first -= 1;
        }
        first
    }

    /// Weak cues need a clause; no cue right after an article or `comme`.
    fn cue_is_plausible(&self, i: usize, first: usize, start: usize, end: usize, w: CueWord) -> bool {
        if first > start {
            let before = self.low(first - 1);
            if matches!(
                before.as_ref(),
                "the" | "le" | "la" | "les" | "un" | "une" | "a" | "an" | "this" | "that" | "de" | "du" | "des"
            ) {
                return false;
            }
        }
        if self.is_secondary_attribution(first, start) {
            return false;
        }
        match w.class {
            CueClass::Speech => true,
            CueClass::Cognition => {
                self.clause_start_after(i + 1, end).is_some()
                    || self.follows_comma(first, start)
                    || self.doc.lang == Lang::En && self.verb_follows_subject(i, start)
                    || first > start && lexicon::is_document_noun(&self.low(first - 1))
            }
        }
    }

    /// `comme l’a rapporté`, `as reported by`: a secondary source, not a quote.
    fn is_secondary_attribution(&self, first: usize, start: usize) -> bool {
        first > start && matches!(self.low(first - 1).as_ref(), "comme" | "as")
    }

    /// The token after the `que`/`qu’`/`that`/`:` opening a clause within a
    /// few tokens of `from`, if any.
    fn clause_start_after(&self, from: usize, end: usize) -> Option<usize> {
        let limit = (from + MAX_CLAUSE_LOOKAHEAD).min(end);
        for j in from..limit {
            let w = self.low(j);
            if matches!(w.as_ref(), "que" | "qu’" | "qu'" | "that" | ":") {
                let conjunction = j > from
                    && matches!(
                        self.low(j - 1).as_ref(),
                        "alors"
                            | "tandis"
                            | "bien"
                            | "parce"
                            | "ainsi"
                            | "avant"
                            | "après"
                            | "depuis"
                            | "lors"
                            | "pendant"
                            | "dès"
                            | "sans"
                            | "pour"
                            | "so"
                            | "such"
                            | "now"
                            | "given"
                            | "except"
                            | "moins"
                            | "plus"
                            | "autant"
                    );
                return (!conjunction).then_some(j + 1);
            }
            if w == "qu" && j + 1 < end && matches!(self.tok(j + 1), "'" | "’") {
                return Some(j + 2);
            }
            if matches!(self.kind(j), TokenKind::Quote) || matches!(w.as_ref(), "," | ";" | ".") {
                return None;
            }
        }
        None
    }

    // ------------------------------------------------------------ attribution

    fn attribute(
        &self,
        cue: &Cue,
        sentence: std::ops::Range<usize>,
        next_cue: Option<usize>,
        found: &[Found],
    ) -> Option<Found> {
        let cue_span = self.span_of(cue.first, cue.end);
        if cue.source {
            return self.attribute_source(cue, cue_span, sentence);
        }
        if cue.gerund {
            return self.attribute_gerund(cue, cue_span, sentence, next_cue, found);
        }
        let apposed = self.apposed_subject(cue, &sentence);
        let inverted_np = if apposed.is_some() { None } else { self.inversion_speaker(cue, &sentence) };
        let impersonal_source = cue
            .pronoun
            .filter(|p| p.slice(self.text) == "on")
            .and_then(|_| self.source_after_impersonal(cue.end, sentence.end));
        if let Some(speaker) = impersonal_source.or(cue.pronoun).or(inverted_np) {
            let incise_end = if cue.pronoun.is_some() || impersonal_source.is_some() {
                cue.end
            } else {
                self.doc.token_at_or_after(speaker.end)
            };
            let content = self
                .incise_sentence(cue.first, incise_end, &sentence)
                .or_else(|| self.content_before(cue.first, sentence.start))?;
            return Some(self.found(content, Some(speaker), cue_span, sentence));
        }
        if let Some(f) = self.infinitive_fragment(cue, cue_span, &sentence) {
            return Some(f);
        }
        let (subject, subject_first) = self
            .subject_before(cue.first, sentence.start)
            .or(apposed)
            .or_else(|| self.coordinated_subject(cue, &sentence, found))?;
        if subject.slice(self.text).eq_ignore_ascii_case("on") {
            return None;
        }
        let tail = self.clause_start_after(cue.end, sentence.end);
        let quote_before = self.closing_mark_before(subject_first, sentence.start);
        let content =
            if let Some(content) = self.incise_sentence(subject_first, cue.end, &sentence).filter(|_| tail.is_none()) {
                Some(content)
            } else if let Some(from) = tail {
                self.content_after(from, sentence.end, next_cue).map(|c| self.cut_relative_clause(subject, c))
            } else if quote_before || self.tail_is_short(cue.end, sentence.end) {
                self.content_before(subject_first, sentence.start)
            } else if self.doc.lang == Lang::En
                && self.tail_is_adverbial(cue.end, sentence.end)
                && subject_first > sentence.start
                && !self.is_relative(subject)
            {
                self.content_before(subject_first, sentence.start)
                    .or_else(|| self.content_after(cue.end, sentence.end, next_cue))
            } else {
                let from = self.skip_object(cue, sentence.end);
                let quote_follows =
                    (from..sentence.end).any(|k| self.kind(k) == TokenKind::Quote && self.in_marked[k].is_none());
                if quote_follows || self.allows_bare_clause(cue) {
                    self.content_after(from, sentence.end, next_cue).map(|c| self.cut_relative_clause(subject, c))
                } else {
                    None
                }
            }?;
        Some(self.found(content, Some(subject), cue_span, sentence))
    }

    /// English `said the plan …`: a clause may follow without `that`.
    fn allows_bare_clause(&self, cue: &Cue) -> bool {
        self.doc.lang != Lang::Fr
            && (cue.class == CueClass::Speech
                || cue.class == CueClass::Cognition
                || lexicon::takes_bare_clause(&self.low(cue.end - 1)))
    }

    fn found(
        &self,
        content: (Span, QuoteKind),
        speaker: Option<Span>,
        cue: Span,
        sentence: std::ops::Range<usize>,
    ) -> Found {
        Found { reported_by: self.reported_by(sentence), ..Found::new(content.0, content.1, speaker, Some(cue)) }
    }

    /// `selon X, …` / `…, selon X` / `according to X`.
    fn attribute_source(&self, cue: &Cue, cue_span: Span, sentence: std::ops::Range<usize>) -> Option<Found> {
        let (speaker, speaker_end) = self.source_phrase_after(cue.end, sentence.end)?;
        let at_start = cue.first == sentence.start || self.is(cue.first - 1, ",") && cue.first - 1 == sentence.start;
        let words_after = (speaker_end..sentence.end).filter(|&k| self.kind(k) == TokenKind::Word).count();
        let content = if at_start {
            let from = if self.is(speaker_end, ",") { speaker_end + 1 } else { speaker_end };
            self.content_after(from, sentence.end, None)?
        } else {
            if self.is(cue.first - 1, ",") && self.is(speaker_end, ",") && words_after >= 3 {
                self.clause_span(sentence.start, sentence.end)?
            } else if self.is(cue.first - 1, ",") {
                self.clause_span(sentence.start, cue.first - 1)?
            } else {
                let from = (sentence.start..cue.first)
                    .rev()
                    .find(|&k| matches!(self.low(k).as_ref(), "," | "qui" | "que" | "which" | "that" | ";"))
                    .map_or(sentence.start, |k| k + 1);
                self.clause_span(from, cue.first)?
            }
        };
        Some(Found::new(content.0, content.1, Some(speaker), Some(cue_span)))
    }

    /// The source after `selon`/`according to`: any words up to punctuation.
    fn source_phrase_after(&self, from: usize, end: usize) -> Option<(Span, usize)> {
        if from >= end || self.kind(from) != TokenKind::Word {
            return None;
        }
        if self.starts_noun_phrase(from) {
            return self.noun_phrase_after(from, end);
        }
        let mut j = from;
        while j < end && j - from < MAX_SPEAKER_TOKENS && !matches!(self.kind(j), TokenKind::Punct | TokenKind::Quote) {
            j += 1;
        }
        Some((self.span_of(from, j), j))
    }

    /// `AP: Trump chair routed money`, `Marine Le Pen : « … »`: a short name
    /// then a colon opening a sentence.
    fn headline_colon(&self, sentence: std::ops::Range<usize>) -> Option<Found> {
        let colon = (sentence.start..sentence.end.min(sentence.start + 5)).find(|&k| self.is(k, ":"))?;
        if colon == sentence.start || !(sentence.start..colon).all(|k| is_name_word(self.tok(k)) || self.tok(k) == "'s")
        {
            return None;
        }
        let from = colon + 1;
        let content = if from < sentence.end && self.kind(from) == TokenKind::Quote {
            let m = self.marked_starting_at(self.doc.tokens[from].span.start)?;
            (m.content, QuoteKind::Direct)
        } else {
            self.clause_span(from, sentence.end)?
        };
        Some(Found::new(
            content.0,
            content.1,
            Some(self.span_of(sentence.start, colon)),
            Some(self.doc.tokens[colon].span),
        ))
    }

    /// `…, adding that …`: the speaker is the previous one in the sentence.
    fn attribute_gerund(
        &self,
        cue: &Cue,
        cue_span: Span,
        sentence: std::ops::Range<usize>,
        next_cue: Option<usize>,
        found: &[Found],
    ) -> Option<Found> {
        let gerund_marker =
            cue.first > sentence.start && (self.is(cue.first - 1, ",") || self.low(cue.first - 1) == "en");
        if !gerund_marker {
            return None;
        }
        let sentence_span = self.span_of(sentence.start, sentence.end);
        let speaker = found
            .iter()
            .rev()
            .find(|f| f.speaker.is_some_and(|s| sentence_span.contains(s)))
            .and_then(|f| f.speaker)
            .or_else(|| self.sentence_subject(sentence.start, cue.first))?;
        let from = self.clause_start_after(cue.end, sentence.end).unwrap_or(cue.end);
        let content = self.content_after(from, sentence.end, next_cue)?;
        Some(Found::new(content.0, content.1, Some(speaker), Some(cue_span)))
    }

    /// `Graham called X and said Y`: the subject of the first verb.
    fn coordinated_subject(
        &self,
        cue: &Cue,
        sentence: &std::ops::Range<usize>,
        found: &[Found],
    ) -> Option<(Span, usize)> {
        let after_conjunction =
            cue.first > sentence.start && matches!(self.low(cue.first - 1).as_ref(), "and" | "but" | "et" | "mais");
        if !after_conjunction {
            return None;
        }
        let sentence_span = self.span_of(sentence.start, sentence.end);
        let speaker = found
            .iter()
            .rev()
            .find_map(|f| f.speaker.filter(|s| sentence_span.contains(*s)))
            .or_else(|| self.sentence_subject(sentence.start, cue.first))?;
        Some((speaker, cue.first))
    }

    /// The subject of a sentence for a participle clause: the name or
    /// pronoun at its start, after an opening adverbial that ends in a comma.
    fn sentence_subject(&self, start: usize, end: usize) -> Option<Span> {
        let mut i = start;
        let opens_with_adverbial = matches!(
            self.low(start).as_ref(),
            "in" | "at"
                | "on"
                | "after"
                | "before"
                | "during"
                | "while"
                | "speaking"
                | "en"
                | "lors"
                | "après"
                | "dans"
        );
        if opens_with_adverbial {
            i = (start..end).find(|&k| self.is(k, ","))? + 1;
        }
        if !opens_with_adverbial {
            if let Some(np) = self.subject_after_opening_segment(start, end) {
                return Some(np);
            }
        }
        let mut j = i;
        while j < end && is_name_word(self.tok(j)) {
            j += 1;
        }
        if j == i && i < end && lexicon::is_en_pronoun(&self.low(i)) {
            j = i + 1;
        }
        (j > i).then(|| self.span_of(i, j))
    }

    /// `Forte de ses scores, la chef du FN veut …`: the determiner-led noun
    /// phrase after an opening segment that does not start with one.
    fn subject_after_opening_segment(&self, start: usize, end: usize) -> Option<Span> {
        let is_det = |k: usize| matches!(self.low(k).as_ref(), "le" | "la" | "les" | "l’" | "l'" | "the");
        if is_det(start) || is_name_word(self.tok(start)) && start + 1 < end && is_name_word(self.tok(start + 1)) {
            return None;
        }
        let comma = (start..end).find(|&k| self.is(k, ","))?;
        let first = comma + 1;
        if first >= end || !is_det(first) {
            return None;
        }
        let mut j = first + 1;
        while j < end
            && j - first < 6
            && !self.is(j, ",")
            && !matches!(
                self.low(j).as_ref(),
                "a" | "est" | "veut" | "va" | "doit" | "peut" | "has" | "is" | "was" | "will" | "had" | "ont" | "sont"
            )
        {
            j += 1;
        }
        Some(self.span_of(first, j))
    }

    /// `a-t-on appris auprès de l’entourage`, `a-t-on insisté de même source`.
    fn source_after_impersonal(&self, from: usize, end: usize) -> Option<Span> {
        let limit = (from + 6).min(end);
        for k in from..limit {
            let w = self.low(k);
            if w == "auprès" && k + 2 < end && matches!(self.low(k + 1).as_ref(), "de" | "du" | "des" | "d’" | "d'")
            {
                let np_start = if self.low(k + 1) == "du" || self.low(k + 1) == "des" { k + 1 } else { k + 2 };
                return self.noun_phrase_after(np_start, end).map(|(s, _)| s);
            }
            if w == "source" || w == "sources" {
                return Some(self.span_of(if k > from && self.low(k - 1) == "même" { k - 1 } else { k }, k + 1));
            }
        }
        None
    }

    /// `…, a déclaré le ministre.` / `…, said Smith.`: the noun phrase after
    /// a cue that follows a comma or a closing quotation mark.
    fn inversion_speaker(&self, cue: &Cue, sentence: &std::ops::Range<usize>) -> Option<Span> {
        if !self.follows_comma(cue.first, sentence.start) {
            return None;
        }
        let from = self.skip_adverbials(self.skip_addressee(cue.end, sentence.end), sentence.end);
        let (np, end) = self.noun_phrase_after(from, sentence.end).or_else(|| {
            let after_quotation = cue.first > sentence.start + 1
                && self.is(cue.first - 1, ",")
                && self.kind(cue.first - 2) == TokenKind::Quote
                || self.kind(cue.first - 1) == TokenKind::Quote;
            self.described_name_after(from, sentence.end).filter(|_| after_quotation)
        })?;
        let first_word = self.low(from);
        let named =
            is_name_word(self.tok(from)) || lexicon::is_fr_pronoun(&first_word) || lexicon::is_en_pronoun(&first_word);
        let closes = named
            || end >= sentence.end
            || matches!(self.tok(end), "," | "." | ";" | "!" | "?" | "(")
            || self.kind(end) == TokenKind::Quote
            || is_time_word(&self.low(end));
        closes.then_some(np)
    }

    /// `Murshed Zaheed, acting director of X, which organized it, said Y`:
    /// a short name-bearing head opening the sentence, then comma-separated
    /// appositions up to the cue. That head is the subject, not the start of
    /// a reported clause with an inverted speaker after the cue. Returns the
    /// head span and its first token.
    fn apposed_subject(&self, cue: &Cue, sentence: &std::ops::Range<usize>) -> Option<(Span, usize)> {
        if cue.pronoun.is_some() || cue.first < sentence.start + 2 || !self.is(cue.first - 1, ",") {
            return None;
        }
        let mut first = sentence.start;
        if matches!(self.low(first).as_ref(), "but" | "and" | "yet" | "mais" | "et") {
            first += 1;
        }
        let mut commas = 0;
        let mut head_end = None;
        for k in (first..cue.first - 1).rev().take(MAX_APPOSITION_TOKENS) {
            match self.kind(k) {
                TokenKind::Quote => return None,
                _ if matches!(self.tok(k), ";" | ":" | "!" | "?") => return None,
                _ if self.is(k, ",") => {
                    commas += 1;
                    head_end = Some(k);
                }
                _ => {}
            }
            if k == first {
                break;
            }
        }
        let head_end = head_end.filter(|_| commas <= 4 && cue.first - 1 - first <= MAX_APPOSITION_TOKENS)?;
        let head = first..head_end;
        let short = head.len() <= 6 && head.clone().all(|k| self.kind(k) == TokenKind::Word || self.is(k, "."));
        let named = head.clone().any(|k| is_name_word(self.tok(k)));
        let verbless = head.clone().all(|k| lexicon::lookup(&self.low(k), self.doc.lang).is_none());
        (!head.is_empty() && short && named && verbless).then(|| (self.span_of(first, head_end), first))
    }

    /// `a précisé au Monde, daté de mardi, Florian Philippot`: skips the
    /// comma-separated segments after a cue that open with a preposition or a
    /// participle, up to the one that names the speaker.
    fn skip_addressee(&self, from: usize, end: usize) -> usize {
        let mut i = from;
        for _ in 0..3 {
            if i >= end {
                return from;
            }
            let w = self.low(i);
            let skippable = matches!(
                w.as_ref(),
                "à" | "au"
                    | "aux"
                    | "to"
                    | "in"
                    | "on"
                    | "sur"
                    | "dans"
                    | "daté"
                    | "datée"
                    | "dated"
                    | "lors"
                    | "devant"
                    | "before"
            ) || is_time_word(&w);
            if !skippable {
                return i;
            }
            match (i..end).find(|&k| self.is(k, ",")) {
                Some(comma) => i = comma + 1,
                None => return from,
            }
        }
        i
    }

    /// `a déclaré jeudi soir devant la presse Emmanuel Macron`: skips the
    /// time words, adverbs and prepositional groups between an inverted cue
    /// and its subject. Returns `from` when no subject follows them.
    fn skip_adverbials(&self, from: usize, end: usize) -> usize {
        #[derive(PartialEq)]
        enum State {
            Free,
            AfterPreposition,
            AfterNoun,
        }
        let limit = end.min(from + MAX_ADVERBIAL_TOKENS);
        let mut state = State::Free;
        let mut i = from;
        while i < limit && self.kind(i) == TokenKind::Word {
            let w = self.low(i);
            let name = is_name_word(self.tok(i));
            let article = is_article(&w);
            let time_determiner =
                matches!(w.as_ref(), "ce" | "cette" | "this") && i + 1 < end && is_time_noun(&self.low(i + 1));
            let adverb = is_time_noun(&w) || is_time_day(&w) || w.ends_with("ment") && w.chars().count() > 6;
            let preposition = is_adverbial_preposition(&w);
            state = match state {
                _ if time_determiner || adverb => State::Free,
                State::Free if name || article || self.starts_noun_phrase(i) => break,
                State::AfterNoun if name || article && !matches!(w.as_ref(), "de" | "d’" | "d'" | "des" | "du") => {
                    break
                }
                _ if preposition => State::AfterPreposition,
                State::AfterPreposition if article => State::AfterPreposition,
                State::AfterPreposition | State::AfterNoun => State::AfterNoun,
                State::Free => return from,
            };
            i += 1;
        }
        let lands_on_subject = i > from && i < end && state != State::AfterPreposition && self.starts_noun_phrase(i);
        if lands_on_subject {
            i
        } else {
            from
        }
    }

    /// `The test, North Korea said, was its biggest`, `La croissance, a-t-il
    /// dit, ralentira`: an attribution between commas inside a statement
    /// outside quotation marks; the content is the whole sentence.
    fn incise_sentence(
        &self,
        first: usize,
        end: usize,
        sentence: &std::ops::Range<usize>,
    ) -> Option<(Span, QuoteKind)> {
        let between_commas =
            first > sentence.start + 1 && self.is(first - 1, ",") && end < sentence.end && self.is(end, ",");
        if !between_commas || self.kind(first - 2) == TokenKind::Quote || self.in_marked[first - 2].is_some() {
            return None;
        }
        let words_after = (end..sentence.end).filter(|&k| self.kind(k) == TokenKind::Word).count();
        let words_before = (sentence.start..first).filter(|&k| self.kind(k) == TokenKind::Word).count();
        if words_after < 2 || words_before < 1 {
            return None;
        }
        self.clause_span(sentence.start, sentence.end)
    }

    /// A comma right before token `i`, or a closing mark after a comma, `!`
    /// or `?` (`"…," said Smith`).
    fn follows_comma(&self, i: usize, start: usize) -> bool {
        if i <= start {
            return false;
        }
        if self.is(i - 1, ",") {
            return true;
        }
        let mut j = i;
        while j > start && self.kind(j - 1) == TokenKind::Quote {
            j -= 1;
        }
        j < i && j > start && matches!(self.tok(j - 1), "," | "!" | "?" | "…")
    }

    /// A noun phrase starting at `from`: up to punctuation, a clause word or
    /// a quotation mark. Returns its span and the token after it.
    fn noun_phrase_after(&self, from: usize, end: usize) -> Option<(Span, usize)> {
        if from >= end || !self.starts_noun_phrase(from) {
            return None;
        }
        let mut j = from;
        while j < end && j - from < MAX_SPEAKER_TOKENS {
            let w = self.low(j);
            let stop = matches!(self.kind(j), TokenKind::Punct | TokenKind::Quote)
                && !(w == "." && self.tok(j - 1).len() <= 2)
                || matches!(w.as_ref(), "que" | "qu’" | "qu'" | "that")
                || is_time_word(&w);
            if stop && j > from {
                break;
            }
            j += 1;
        }
        Some((self.span_of(from, j), j))
    }

    /// `said conservative activist Bob Klaus`, `said master of ceremonies
    /// Asab Al-Tabchi`: a few lowercase words describing the name that ends
    /// the phrase.
    fn described_name_after(&self, from: usize, end: usize) -> Option<(Span, usize)> {
        let limit = end.min(from + MAX_DESCRIPTION_WORDS + 1);
        let mut j = from;
        while j < limit
            && self.kind(j) == TokenKind::Word
            && self.tok(j).starts_with(char::is_lowercase)
            && !is_time_word(&self.low(j))
            && !is_adverbial_preposition(&self.low(j))
            && !matches!(self.low(j).as_ref(), "that" | "by" | "as" | "of" | "when" | "who" | "which" | "and" | "to")
            && lexicon::lookup(&self.low(j), self.doc.lang).is_none()
        {
            j += 1;
        }
        if j == from || j >= limit || !is_name_word(self.tok(j)) {
            return None;
        }
        let (name, after) = self.noun_phrase_after(j, end)?;
        Some((Span::new(self.doc.tokens[from].span.start, name.end), after))
    }

    fn starts_noun_phrase(&self, i: usize) -> bool {
        let t = self.tok(i);
        let w = self.low(i);
        self.kind(i) == TokenKind::Word
            && (t.chars().next().is_some_and(char::is_uppercase)
                || lexicon::is_fr_pronoun(&w)
                || lexicon::is_en_pronoun(&w)
                || matches!(
                    w.as_ref(),
                    "le" | "la"
                        | "les"
                        | "l’"
                        | "l'"
                        | "un"
                        | "une"
                        | "des"
                        | "the"
                        | "a"
                        | "an"
                        | "du"
                        | "son"
                        | "sa"
                        | "ses"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "leur"
                        | "plusieurs"
                        | "several"
                        | "many"
                        | "some"
                        | "two"
                        | "deux"
                        | "ce"
                        | "cette"
                        | "ces"
                        | "this"
                        | "these"
                        | "those"
                        | "officials"
                        | "one"
                        | "another"
                ))
    }

    /// The subject before a cue: back to punctuation or a clause word, with
    /// an apposition between commas (`Flynn, a top Trump surrogate, said`).
    /// Returns the span and its first token.
    fn subject_before(&self, cue_first: usize, start: usize) -> Option<(Span, usize)> {
        let end = cue_first;
        let mut first = self.phrase_start_before(self.skip_parenthesis_before(end, start), start);
        if first == end && end > start + 1 && self.is(end - 1, ",") {
            first = self.apposition_head(end - 1, start).unwrap_or(end);
        }
        if first >= end {
            return None;
        }
        let span = trim_span(self.text, self.span_of(first, end));
        let span = self.trim_trailing_comma(span);
        (!span.is_empty()).then_some((span, first))
    }

    /// `Kasich (who has 25 delegates) said`, `insiders — in Nevada — said`:
    /// the token where a parenthesis or dash pair closing right before `end`
    /// opens, else `end`.
    fn skip_parenthesis_before(&self, end: usize, start: usize) -> usize {
        if end <= start + 1 {
            return end;
        }
        let close = self.tok(end - 1);
        let opener = match close {
            ")" => "(",
            "—" | "–" => close,
            _ => return end,
        };
        let from = start.max((end - 1).saturating_sub(MAX_APPOSITION_TOKENS));
        (from..end - 1).rev().find(|&k| self.is(k, opener)).filter(|&k| k > start).unwrap_or(end)
    }

    /// `Smith, a senator, the chair of X, said`: walks back over up to three
    /// comma-separated appositions to the first name-like head before them.
    fn apposition_head(&self, comma: usize, start: usize) -> Option<usize> {
        let mut pos = comma;
        for _ in 0..4 {
            let segment = self.phrase_start_before(pos, start);
            if segment >= pos {
                return None;
            }
            if is_name_word(self.tok(segment)) && (segment > start || pos - segment > 1) {
                return Some(segment);
            }
            if segment > start && self.is(segment - 1, ",") {
                pos = segment - 1;
            } else {
                return None;
            }
        }
        None
    }

    fn trim_trailing_comma(&self, span: Span) -> Span {
        let s = span.slice(self.text);
        let cut = s.trim_end_matches([',', ' ']).len();
        Span::new(span.start, span.start + cut)
    }

    fn is_name_like(&self, first: usize, end: usize) -> bool {
        (first..end).any(|k| {
            let w = self.low(k);
            is_name_word(self.tok(k)) || lexicon::is_en_pronoun(&w) || lexicon::is_fr_pronoun(&w)
        })
    }

    /// The first token of the phrase that ends at `end` (exclusive).
    fn phrase_start_before(&self, end: usize, start: usize) -> usize {
        let mut j = end;
        while j > start && end - j < MAX_SPEAKER_TOKENS {
            let k = j - 1;
            let w = self.low(k);
            let boundary = matches!(self.kind(k), TokenKind::Punct | TokenKind::Quote | TokenKind::Dash)
                && !matches!(w.as_ref(), "." | "-")
                || matches!(
                    w.as_ref(),
                    "que"
                        | "qu’"
                        | "qu'"
                        | "that"
                        | "and"
                        | "et"
                        | "but"
                        | "mais"
                        | "when"
                        | "quand"
                        | "lorsque"
                        | "because"
                        | "parce"
                        | "car"
                        | "if"
                        | "si"
                        | "while"
                        | "as"
                        | "alors"
                        | "tandis"
                        | "since"
                );
            if boundary {
                break;
            }
            j = k;
            if w == "who" || w == "qui" {
                break;
            }
        }
        j
    }

    /// A closing mark (or a closing mark and a comma) right before token `i`.
    fn closing_mark_before(&self, i: usize, start: usize) -> bool {
        let mut j = i;
        if j > start && self.is(j - 1, ",") {
            j -= 1;
        }
        if j <= start || self.kind(j - 1) != TokenKind::Quote {
            return false;
        }
        let close = self.doc.tokens[j - 1].span.end;
        let k = self.marked.partition_point(|m| m.outer.end < close);
        self.marked
            .get(k)
            .is_some_and(|m| m.outer.end == close && m.content.slice(self.text).split_whitespace().count() >= 4)
    }

    /// The tail after the cue opens with a preposition (`said in a statement`).
    fn tail_is_adverbial(&self, from: usize, end: usize) -> bool {
        from < end
            && matches!(
                self.low(from).as_ref(),
                "in" | "on"
                    | "at"
                    | "during"
                    | "after"
                    | "before"
                    | "while"
                    | "from"
                    | "via"
                    | "lors"
                    | "dans"
                    | "pendant"
                    | "après"
                    | "devant"
                    | "sur"
            )
    }

    fn is_relative(&self, subject: Span) -> bool {
        subject.slice(self.text).rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case("who") || w == "qui")
    }

    /// `qui avait démissionné pour dénoncer « l’inaction »`: an infinitive cue
    /// followed by a short quotation makes that quotation a fragment, credited
    /// to the subject of the clause.
    fn infinitive_fragment(&self, cue: &Cue, cue_span: Span, sentence: &std::ops::Range<usize>) -> Option<Found> {
        let infinitive = cue.first > sentence.start
            && matches!(self.low(cue.first - 1).as_ref(), "pour" | "de" | "d’" | "d'" | "to");
        if !infinitive || cue.end >= sentence.end || self.kind(cue.end) != TokenKind::Quote {
            return None;
        }
        let m = self.marked_starting_at(self.doc.tokens[cue.end].span.start)?;
        if m.content.slice(self.text).split_whitespace().count() > MAX_FRAGMENT_WORDS {
            return None;
        }
        let first = self.phrase_start_before(cue.first - 1, sentence.start);
        let speaker = if first < cue.first - 1 {
            let w = self.low(first);
            let end = if w == "qui" || w == "who" { first + 1 } else { (first + 4).min(cue.first - 1) };
            Some(self.span_of(first, end))
        } else {
            None
        };
        Some(Found::new(m.content, QuoteKind::Fragment, speaker, Some(cue_span)))
    }

    /// `X, who said Y, did Z`: the content of a relative clause ends at its comma.
    fn cut_relative_clause(&self, subject: Span, content: (Span, QuoteKind)) -> (Span, QuoteKind) {
        let who =
            subject.slice(self.text).rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case("who") || w == "qui");
        if !who || content.1 == QuoteKind::Direct {
            return content;
        }
        match content.0.slice(self.text).find(',') {
            Some(cut) if cut > 0 => {
                (trim_span(self.text, Span::new(content.0.start, content.0.start + cut)), content.1)
            }
            _ => content,
        }
    }

    /// Few tokens left after the cue and none opening a clause (`Smith said.`).
    fn tail_is_short(&self, from: usize, end: usize) -> bool {
        let words = (from..end).filter(|&k| self.kind(k) == TokenKind::Word).count();
        let quote = (from..end).any(|k| self.kind(k) == TokenKind::Quote);
        words <= 4 && !quote
    }

    /// After `told`, `a déclaré à l’AFP`: skip the addressee.
    fn skip_object(&self, cue: &Cue, end: usize) -> usize {
        let verb = self.low(cue.end - 1);
        let mut j = cue.end;
        if verb.starts_with("told") || verb.starts_with("tell") || verb == "asked" {
            while j < end
                && (is_name_word(self.tok(j))
                    || matches!(
                        self.low(j).as_ref(),
                        "reporters" | "the" | "him" | "her" | "them" | "us" | "me" | "journalists"
                    ))
            {
                j += 1;
            }
        }
        if j < end && self.is(j, ":") {
            j += 1;
        }
        j
    }

    /// The reported clause from token `from` to the sentence end (or the next
    /// cue after a comma), extended to a quotation that opens in it and closes
    /// in a later sentence.
    fn content_after(&self, from: usize, end: usize, next_cue: Option<usize>) -> Option<(Span, QuoteKind)> {
        let stop = next_cue.filter(|&n| n > from && n < end).map_or(end, |n| self.stop_before_next_cue(from, n, end));
        if from >= stop {
            return None;
        }
        if let Some(quote) = self.quote_after_colon(from, stop) {
            return Some((quote, QuoteKind::Direct));
        }
        let opening_mark = (from..stop.min(from + 3)).find(|&k| self.kind(k) == TokenKind::Quote);
        if let Some(k) = opening_mark {
            if let Some(m) = self.marked_starting_at(self.doc.tokens[k].span.start) {
                let after = self.doc.token_at_or_after(m.outer.end);
                let ends_clause = after >= stop || matches!(self.tok(after), "," | "." | ";" | "!" | "?" | ")");
                if ends_clause {
                    return Some((m.content, QuoteKind::Direct));
                }
            }
        }
        self.clause_span(from, self.writer_tail_start(from, stop))
    }

    /// `he would no longer defend Trump, which has sparked a battle`: a
    /// comment of the writer appended to the reported clause after a comma
    /// (a non-restrictive `which`, a time clause) ends the content.
    fn writer_tail_start(&self, from: usize, stop: usize) -> usize {
        (from + 2..stop.saturating_sub(1))
            .find(|&k| self.is(k, ",") && matches!(self.low(k + 1).as_ref(), "which" | "after" | "before" | "while"))
            .unwrap_or(stop)
    }

    /// Where a clause ends before the next cue of its sentence: at the comma
    /// or conjunction joining them (`…, adding`, `… and said`), or at a comma
    /// shortly before the next cue's subject.
    fn stop_before_next_cue(&self, from: usize, next: usize, end: usize) -> usize {
        let joint = |k: usize| matches!(self.low(k).as_ref(), "," | "and" | "but" | "et" | "mais");
        if joint(next - 1) {
            let stop = next - 1;
            return if stop > from && joint(stop - 1) { stop - 1 } else { stop };
        }
        (from..next).rev().take(6).find(|&k| self.is(k, ",")).unwrap_or(end)
    }

    /// `…, ironisant sur X : « … »`: a quotation opened after a colon in the
    /// clause, running to its end.
    fn quote_after_colon(&self, from: usize, stop: usize) -> Option<Span> {
        let colon = (from..stop).find(|&k| self.is(k, ":") && self.in_marked[k].is_none())?;
        let open = colon + 1;
        if open >= self.doc.tokens.len() || self.kind(open) != TokenKind::Quote {
            return None;
        }
        let m = self.marked_starting_at(self.doc.tokens[open].span.start)?;
        let after = self.doc.token_at_or_after(m.outer.end);
        (after >= stop || matches!(self.tok(after), "." | "," | ";" | "!" | "?")).then_some(m.content)
    }

    /// The clause before a cue: the quotation that ends right there, or the
    /// text from the sentence start.
    fn content_before(&self, end: usize, start: usize) -> Option<(Span, QuoteKind)> {
        let mut j = end;
        while j > start && matches!(self.tok(j - 1), "," | "—" | "–" | "-") {
            j -= 1;
        }
        if j > start && self.kind(j - 1) == TokenKind::Quote {
            let close = self.doc.tokens[j - 1].span;
            let k = self.marked.partition_point(|m| m.outer.end < close.end);
            if let Some(m) = self.marked.get(k).filter(|m| m.outer.end == close.end) {
                let open = self.doc.token_at_or_after(m.outer.start);
                let words_before = (start..open.min(j)).filter(|&t| self.kind(t) == TokenKind::Word).count();
                let after_colon = open > start && self.is(open - 1, ":");
                if words_before >= 2 && !after_colon && m.outer.start > self.doc.tokens[start].span.start {
                    return self.clause_span(start, j);
                }
                return Some((m.content, QuoteKind::Direct));
            }
        }
        if j > start {
            if let Some(k) = self.in_marked[j - 1] {
                let m = &self.marked[k];
                return Some((m.content, QuoteKind::Direct));
            }
        }
        self.clause_span(start, j)
    }

    /// Tokens `[from, end)` as content, without final punctuation; mixed when
    /// it holds a quotation mark.
    fn clause_span(&self, from: usize, end: usize) -> Option<(Span, QuoteKind)> {
        let mut e = end;
        while e > from && matches!(self.tok(e - 1), "." | "," | ";" | ":" | "!" | "?") {
            e -= 1;
        }
        let words = (from..e).filter(|&k| self.kind(k) == TokenKind::Word).count();
        if words < 2 {
            return None;
        }
        let span = self.span_of(from, e);
        let mixed = (from..e).any(|k| self.in_marked[k].is_some());
        Some((span, if mixed { QuoteKind::Mixed } else { QuoteKind::Indirect }))
    }

    fn marked_starting_at(&self, at: usize) -> Option<&Marked> {
        let k = self.marked.partition_point(|m| m.outer.start < at);
        self.marked.get(k).filter(|m| m.outer.start == at)
    }

    /// `, comme l’a rapporté TASS`, `, told Reuters`, `a déclaré à l’AFP`.
    fn reported_by(&self, sentence: std::ops::Range<usize>) -> Option<Span> {
        for k in sentence.clone() {
            let w = self.low(k);
            if (w == "comme" || w == "as") && k + 1 < sentence.end {
                let mut j = k + 1;
                while j < sentence.end && lexicon::is_auxiliary(&self.low(j), self.doc.lang) {
                    j += 1;
                }
                if j < sentence.end && lexicon::lookup(&self.low(j), self.doc.lang).is_some() {
                    let mut from = j + 1;
                    if from < sentence.end && self.low(from) == "by" {
                        from += 1;
                    }
                    if let Some((np, _)) = self.noun_phrase_after(from, sentence.end) {
                        return Some(self.first_name_in(np).unwrap_or(np));
                    }
                }
            }
            if matches!(w.as_ref(), "told" | "à" | "au") && k > sentence.start {
                let prev = self.low(k - 1);
                let prev_is_cue = w == "told"
                    || lexicon::lookup(&prev, self.doc.lang).is_some()
                    || matches!(prev.as_ref(), "entretien" | "interview" | "interviewé");
                let article =
                    k + 1 < sentence.end && matches!(self.low(k + 1).as_ref(), "l’" | "l'" | "la" | "le" | "the");
                let next = k + 1 + usize::from(article);
                if prev_is_cue && next < sentence.end && is_name_word(self.tok(next)) {
                    let media_like =
                        w != "told" || article || self.tok(next).chars().filter(|c| c.is_uppercase()).count() >= 2;
                    if media_like {
                        let first = if article { k + 1 } else { next };
                        return Some(self.span_of(first, next + 1));
                    }
                }
            }
        }
        None
    }

    /// The first capitalized token run in a span.
    fn first_name_in(&self, span: Span) -> Option<Span> {
        let first = self.doc.token_at_or_after(span.start);
        let mut run: Option<Span> = None;
        for k in first..self.doc.tokens.len() {
            let t = self.doc.tokens[k].span;
            if t.end > span.end {
                break;
            }
            if is_name_word(self.tok(k)) {
                run = Some(run.map_or(t, |r| r.cover(t)));
            } else if run.is_some() {
                break;
            }
        }
        run
    }

    // ------------------------------------------------------------ marked quotes

    /// Marked quotations no cue claimed: incises, colons, continuations of
    /// the previous speaker, fragments.
    fn attach_marked(&self, found: &mut Vec<Found>) {
        found.sort_by_key(|f| f.content.start);
        let claimed = Claimed::new(found);
        for (k, m) in self.marked.iter().enumerate() {
            if claimed.overlaps(m.content) || self.is_title_paragraph(m) {
                continue;
            }
            if let Some(f) = self.incise(k, m).or_else(|| self.colon(m)) {
                found.push(f);
                continue;
            }
            if let Some(f) = self.fragment(m, found) {
                found.push(f);
                continue;
            }
            if let Some(previous) = self.continuation(m, found) {
                if self.is_same_quote_resumed(&found[previous], m, found) {
                    found[previous].content = found[previous].content.cover(m.content);
                } else {
                    let same_sentence =
                        self.doc.sentence_at(found[previous].content.start) == self.doc.sentence_at(m.outer.start);
                    let speaker = found[previous].speaker;
                    let cue = if same_sentence { found[previous].cue } else { None };
                    found.push(Found {
                        inherited_speaker: speaker,
                        ..Found::new(m.content, QuoteKind::Direct, speaker, cue)
                    });
                }
            } else if let Some(f) = self.unattributed_direct(m) {
                found.push(f);
            }
        }
    }

    /// A sentence-like quotation next to a cue or after a colon whose speaker
    /// was not found: still a direct quote, with no speaker.
    fn unattributed_direct(&self, m: &Marked) -> Option<Found> {
        let words = m.content.slice(self.text).split_whitespace().count();
        if words < MIN_UNATTRIBUTED_WORDS || m.dash {
            return None;
        }
        let open = self.doc.token_at_or_after(m.outer.start);
        let after = self.doc.token_at_or_after(m.outer.end);
        let end = self.sentence_end_of(open.min(self.doc.tokens.len().saturating_sub(1)));
        let cue_before = (open.saturating_sub(2)..open).find_map(|k| {
            let c = self.cue_at(k, k, end)?;
            (c.end == open || c.end + 1 == open && matches!(self.tok(c.end), "," | ":")).then_some(c)
        });
        let skip = usize::from(after < end && matches!(self.tok(after), "," | "!" | "?"));
        let cue_after = (after + skip..end.min(after + skip + 3)).find_map(|k| self.cue_at(k, after + skip, end));
        let colon = open > 0 && self.is(open - 1, ":");
        let cue = cue_before.or(cue_after).map(|c| self.span_of(c.first, c.end));
        if cue.is_none() && !colon {
            return None;
        }
        Some(Found::new(
            m.content,
            QuoteKind::Direct,
            None,
            cue.or_else(|| colon.then(|| self.doc.tokens[open - 1].span)),
        ))
    }

    /// A short quotation that is a whole paragraph with nothing around it
    /// (a subtitle such as `« Un accord gagnant-gagnant »`).
    fn is_title_paragraph(&self, m: &Marked) -> bool {
        let p = self.paragraph_of(m.outer.start);
        let Some(paragraph) = self.doc.paragraphs.get(p) else {
            return false;
        };
        let whole = trim_span(self.text, *paragraph) == m.outer;
        whole && m.content.slice(self.text).split_whitespace().count() <= 10 && !m.dash
    }

    /// `"A," he said. "B."`: a direct quote goes on in the same paragraph
    /// after its attribution, with no other statement in between.
    fn is_same_quote_resumed(&self, previous: &Found, m: &Marked, found: &[Found]) -> bool {
        let gap = Span::new(previous.content.end, m.outer.start);
        let paragraph = self.paragraph_of(m.outer.start);
        let previous_paragraph = self.paragraph_of(previous.content.end);
        let opens_paragraph =
            self.doc.paragraphs.get(paragraph).is_some_and(|p| trim_span(self.text, *p).start == m.outer.start);
        self.doc.lang != Lang::Fr
            && previous.kind == QuoteKind::Direct
            && (paragraph == previous_paragraph || paragraph == previous_paragraph + 1 && opens_paragraph)
            && gap.len() < 400
            && !found.iter().rev().take(RECENT).any(|f| f.content.start >= gap.start && f.content.start < gap.end)
    }

    /// `« A, a-t-il ajouté, B »`: a cue with its speaker inside the marks.
    fn incise(&self, k: usize, m: &Marked) -> Option<Found> {
        let first = self.doc.token_at_or_after(m.content.start);
        let mut i = first;
        while i < self.doc.tokens.len() && self.in_marked[i] == Some(k) {
            if i > first && self.is(i - 1, ",") {
                let end = self.sentence_end_of(i);
                if let Some(cue) = self.cue_at(i, first, end) {
                    let speaker = cue.pronoun.or_else(|| {
                        self.noun_phrase_after(cue.end, end).filter(|(_, e)| self.is(*e, ",")).map(|(s, _)| s)
                    });
                    if let Some(speaker) = speaker {
                        return Some(Found::new(
                            m.content,
                            QuoteKind::Direct,
                            Some(speaker),
                            Some(self.span_of(cue.first, cue.end)),
                        ));
                    }
                }
            }
            i += 1;
        }
        None
    }

    fn sentence_end_of(&self, token: usize) -> usize {
        self.doc
            .sentence_at(self.doc.tokens[token].span.start)
            .map_or(self.doc.tokens.len(), |s| self.doc.sentences[s].tokens.end)
    }

    /// `X : « … »` / `X said: “…”` where the colon is the only cue.
    fn colon(&self, m: &Marked) -> Option<Found> {
        let open = self.doc.token_at_or_after(m.outer.start);
        if open == 0 || !self.is(open - 1, ":") {
            return None;
        }
        let colon = open - 1;
        let start =
            self.doc.sentence_at(self.doc.tokens[colon].span.start).map_or(0, |s| self.doc.sentences[s].tokens.start);
        let (speaker, _) = self.subject_before(colon, start)?;
        if !self.is_name_like(self.doc.token_at_or_after(speaker.start), colon) {
            return None;
        }
        Some(Found::new(m.content, QuoteKind::Direct, Some(speaker), Some(self.doc.tokens[colon].span)))
    }

    /// `la déclaration de « vieille amitié »`: a short quotation after a
    /// noun of speech, credited to the last speaker named before it.
    fn fragment(&self, m: &Marked, found: &[Found]) -> Option<Found> {
        let words = m.content.slice(self.text).split_whitespace().count();
        if words > MAX_FRAGMENT_WORDS || m.dash {
            return None;
        }
        let open = self.doc.token_at_or_after(m.outer.start);
        let window = open.saturating_sub(3)..open;
        if !window.into_iter().any(|k| lexicon::is_speech_noun(&self.low(k))) {
            return None;
        }
        let earlier = |f: &Found| f.content.end <= m.outer.start && f.speaker.is_some();
        let from = found.len().saturating_sub(RECENT);
        let recent = &found[from..];
        let previous = recent
            .iter()
            .rposition(|f| earlier(f) && f.kind == QuoteKind::Direct)
            .or_else(|| recent.iter().rposition(earlier))
            .map(|k| k + from);
        Some(Found {
            inherited_speaker: previous.and_then(|p| found[p].speaker),
            ..Found::new(m.content, QuoteKind::Fragment, None, None)
        })
    }

    /// A quotation with no cue of its own, in the paragraph of (or the
    /// paragraph after) an attributed quote: the index of that quote.
    fn continuation(&self, m: &Marked, found: &[Found]) -> Option<usize> {
        let content = m.content.slice(self.text);
        let words = content.split_whitespace().count();
        let sentence_like = content.ends_with(['.', '!', '?', '…']);
        if words <= MAX_FRAGMENT_WORDS && !sentence_like {
            return None;
        }
        let paragraph = self.paragraph_of(m.outer.start);
        let from = found.len().saturating_sub(RECENT);
        found[from..]
            .iter()
            .rposition(|f| {
                f.content.end <= m.outer.start
                    && f.speaker.is_some()
                    && paragraph.saturating_sub(self.paragraph_of(f.content.start)) <= 1
            })
            .map(|k| k + from)
    }

    fn paragraph_of(&self, at: usize) -> usize {
        self.doc.paragraphs.partition_point(|p| p.end <= at)
    }
}

/// Nouns of time that follow a day or stand alone (`mardi soir`, `ce matin`).
fn is_time_noun(w: &str) -> bool {
    matches!(
        w,
        "soir"
            | "matin"
            | "midi"
            | "après-midi"
            | "dernier"
            | "dernière"
            | "prochain"
            | "semaine"
            | "demain"
            | "encore"
            | "aussi"
            | "également"
            | "ensuite"
            | "enfin"
            | "alors"
            | "morning"
            | "evening"
            | "night"
            | "week"
            | "also"
            | "again"
            | "later"
    )
}

/// Days and day-like words (`jeudi`, `hier`, `yesterday`).
fn is_time_day(w: &str) -> bool {
    is_weekday(w) || matches!(w, "hier" | "aujourd'hui" | "aujourd’hui" | "yesterday" | "today" | "tonight")
}

/// Prepositions opening an adverbial group (`devant la presse`, `lors
/// d’une conférence de presse`, `à Bruxelles`).
fn is_adverbial_preposition(w: &str) -> bool {
    matches!(
        w,
        "à" | "au"
            | "aux"
            | "devant"
            | "dans"
            | "sur"
            | "lors"
            | "en"
            | "pendant"
            | "depuis"
            | "de"
            | "d’"
            | "d'"
            | "du"
            | "des"
            | "on"
            | "in"
            | "at"
            | "to"
            | "before"
            | "during"
    )
}

/// Articles (and partitives) that open a noun phrase.
fn is_article(w: &str) -> bool {
    matches!(
        w,
        "la" | "le" | "les" | "l’" | "l'" | "un" | "une" | "the" | "a" | "an" | "de" | "d’" | "d'" | "des" | "du"
    )
}

/// Words that end a speaker noun phrase: days, `hier`, `on`, `in`, `lors`.
fn is_time_word(w: &str) -> bool {
    is_time_day(w)
        || matches!(
            w,
            "on" | "in"
                | "at"
                | "during"
                | "lors"
                | "dans"
                | "en"
                | "last"
                | "earlier"
                | "ce"
                | "cette"
                | "this"
                | "ce matin"
                | "mardi soir"
                | "au"
                | "à"
                | "to"
                | "after"
                | "après"
                | "before"
                | "avant"
                | "while"
                | "pendant"
        )
}

/// The contents found by cues, sorted by start with the running maximum of
/// their ends, so that overlap with a span is one binary search.
struct Claimed {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Claimed {
    fn new(found: &[Found]) -> Self {
        let mut spans: Vec<Span> = found.iter().map(|f| f.content).collect();
        spans.sort();
        let mut max_end = Vec::with_capacity(spans.len());
        let mut running = 0;
        for s in &spans {
            running = running.max(s.end);
            max_end.push(running);
        }
        Claimed { starts: spans.iter().map(|s| s.start).collect(), max_end }
    }

    fn overlaps(&self, span: Span) -> bool {
        let k = self.starts.partition_point(|&s| s < span.end);
        k > 0 && self.max_end[k - 1] > span.start
    }
}
