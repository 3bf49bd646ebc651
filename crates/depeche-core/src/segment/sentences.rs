//! Sentence boundaries over the tokens of one paragraph.
//!
//! A sentence ends after `.`, `!`, `?`, `…` or `...` (plus any closing quotes and
//! brackets that follow), except:
//! - after an abbreviation (`M.`, `Mme.`, `Dr.`, `St.`, `Mr.`, `etc.` before a lowercase word…)
//!   or a single capital initial (`J. K. Rowling`);
//! - when the next word starts in lowercase (`… le 3 janv. à Paris`);
//! - inside a « … » or “ … ” quotation that closes later in the same paragraph,
//!   so that a quoted statement of several sentences stays in one sentence.

use super::{Token, TokenKind};

/// Token index range `[start, end)` of one sentence.
pub type SentenceBounds = std::ops::Range<usize>;

/// Abbreviations that a period does not end a sentence after (lowercase, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste", "sr", "jr", "mr", "mrs", "ms",
    "prof", "gen", "gén", "col", "lt", "sgt", "capt", "cpt", "gov", "sen", "rep", "rev", "hon", "pres", "av", "bd",
    "vol", "no", "nos", "art", "p", "pp", "ch", "cf", "fig", "ex", "env", "ca", "vs", "inc", "corp", "ltd", "co",
    "bros", "dept", "univ", "assn", "mt", "ft", "jan", "janv", "feb", "fév", "févr", "mar", "apr", "avr", "jun", "jul",
    "juil", "aug", "sept", "sep", "oct", "nov", "dec", "déc", "etc", "approx", "min", "max", "c.-à-d", "ave", "blvd",
    "est", "ouest", "op", "ed", "éd", "coll", "trad", "adj", "dir",
];

/// Abbreviations that never end a sentence, even before a capital (titles).
const TITLE_ABBREVIATIONS: &[&str] = &[
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr", "st", "ste", "mr", "mrs", "ms", "prof", "gen", "gén",
    "col", "lt", "sgt", "capt", "gov", "sen", "rep", "rev", "hon", "pres", "no", "nos", "vs", "cf", "fig", "art", "p",
    "pp", "mt", "ft", "av", "bd", "ave", "blvd",
];

/// How many tokens past a terminator are inspected to decide whether it ends a sentence.
const LOOKAHEAD: usize = 8;

/// Splits the tokens `tokens[range]` (one paragraph) into sentences.
pub fn sentences(text: &str, tokens: &[Token], range: SentenceBounds) -> Vec<SentenceBounds> {
    let closing = matching_quote_closers(text, tokens, range.clone());
    let mut out = Vec::new();
    let mut start = range.start;
    let mut quote_until: Option<usize> = None;
    let mut i = range.start;
    while i < range.end {
        if let Some(close) = closing[i - range.start] {
            quote_until = Some(quote_until.map_or(close, |q| q.max(close)));
        }
        if quote_until.is_some_and(|q| i >= q) {
            quote_until = None;
            // A quotation that closes right after a terminator ends the sentence with it.
            if i > start
                && is_terminator(text, &tokens[i - 1])
                && !next_word_is_lowercase(text, tokens, i + 1, range.end)
            {
                let end = absorb_closers(text, tokens, i, range.end);
                out.push(start..end);
                start = end;
                i = end;
                continue;
            }
        }
        if quote_until.is_none() && is_terminator(text, &tokens[i]) && ends_sentence(text, tokens, i, range.end) {
            let end = absorb_closers(text, tokens, i + 1, range.end);
            out.push(start..end);
            start = end;
            i = end;
            continue;
        }
        i += 1;
    }
    if start < range.end {
        out.push(start..range.end);
    }
    out
}

/// For each opening « or “ in the paragraph, the index of its closing mark if
/// there is one within the paragraph (nesting-aware for each style).
fn matching_quote_closers(text: &str, tokens: &[Token], range: SentenceBounds) -> Vec<Option<usize>> {
    let mut closers = vec![None; range.len()];
    let mut open_guillemets: Vec<usize> = Vec::new();
    let mut open_curly: Vec<usize> = Vec::new();
    for i in range.clone() {
        if tokens[i].kind != TokenKind::Quote {
            continue;
        }
        match tokens[i].text(text) {
            "«" => open_guillemets.push(i),
            "»" => {
                if let Some(open) = open_guillemets.pop() {
                    closers[open - range.start] = Some(i);
                }
            }
            "“" => open_curly.push(i),
            "”" => {
                if let Some(open) = open_curly.pop() {
                    closers[open - range.start] = Some(i);
                }
            }
            _ => {}
        }
    }
    closers
}

fn is_terminator(text: &str, token: &Token) -> bool {
    token.kind == TokenKind::Punct && matches!(token.text(text), "." | "!" | "?" | "…" | "...") || {
        let t = token.text(text);
        token.kind == TokenKind::Punct && t.starts_with("..")
    }
}

/// Whether the terminator at `i` really ends the sentence.
fn ends_sentence(text: &str, tokens: &[Token], i: usize, end: usize) -> bool {
    let term = &tokens[i];
    if term.span.slice(text) == "." && i > 0 {
        let prev = &tokens[i - 1];
        let glued = prev.span.end == term.span.start;
        if glued && prev.kind == TokenKind::Word {
            let lower = prev.text(text).to_lowercase();
            if TITLE_ABBREVIATIONS.contains(&lower.as_str())
                && prev.text(text).chars().next().is_some_and(char::is_uppercase)
            {
                return false;
            }
            if is_initial(prev.text(text)) && next_word_is_capitalized(text, tokens, i + 1, end) {
                return false;
            }
            if ABBREVIATIONS.contains(&lower.as_str()) && next_word_is_lowercase(text, tokens, i + 1, end) {
                return false;
            }
        }
        if glued && prev.kind == TokenKind::Word && prev.text(text).ends_with('.') {
            // `U.S.` already carries its dot; the extra one is a real stop.
            return true;
        }
    }
    !next_word_is_lowercase(text, tokens, i + 1, end)
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// First token after `from` that is not a quote, closing bracket or terminator.
fn next_content_token<'a>(text: &str, tokens: &'a [Token], from: usize, end: usize) -> Option<&'a Token> {
    // Look a few tokens ahead only, so that runs of quotes or dots stay linear.
    tokens[from..end.min(from + LOOKAHEAD)].iter().find(|t| {
        !(matches!(t.kind, TokenKind::Quote | TokenKind::Dash)
            || t.kind == TokenKind::Punct && matches!(t.text(text), ")" | "]" | "." | "!" | "?" | "…" | "..."))
    })
}

fn next_word_is_lowercase(text: &str, tokens: &[Token], from: usize, end: usize) -> bool {
    next_content_token(text, tokens, from, end).is_some_and(|t| {
        t.kind == TokenKind::Word && t.text(text).chars().next().is_some_and(char::is_lowercase)
            || t.kind == TokenKind::Punct && matches!(t.text(text), "," | ";" | ":")
    })
}

fn next_word_is_capitalized(text: &str, tokens: &[Token], from: usize, end: usize) -> bool {
    next_content_token(text, tokens, from, end)
        .is_some_and(|t| t.kind == TokenKind::Word && t.text(text).chars().next().is_some_and(char::is_uppercase))
}

/// Index after the closing quotes, brackets and repeated terminators that follow a terminator.
fn absorb_closers(text: &str, tokens: &[Token], mut i: usize, end: usize) -> usize {
    while i < end {
        let t = &tokens[i];
        let s = t.text(text);
        let glued = i > 0 && tokens[i - 1].span.end == t.span.start;
        let closes = match t.kind {
            TokenKind::Quote if matches!(s, "»" | "”" | "›") => true,
            // Ambiguous marks close only when glued to what precedes them.
            TokenKind::Quote => glued && matches!(s, "\"" | "’" | "'" | "“"),
            TokenKind::Punct => matches!(s, ")" | "]" | "." | "!" | "?" | "…") || s.starts_with(".."),
            _ => false,
        };
        if !closes {
            break;
        }
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use crate::segment::tokenize;

    fn check(text: &str, expected: &[&str]) {
        let tokens = tokenize(text);
        let got: Vec<&str> = super::sentences(text, &tokens, 0..tokens.len())
            .into_iter()
            .map(|r| &text[tokens[r.start].span.start..tokens[r.end - 1].span.end])
            .collect();
        assert_eq!(got, expected, "splitting {text:?}");
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        check("M. Macron est arrivé. Mme Dupont aussi.", &["M. Macron est arrivé.", "Mme Dupont aussi."]);
        check("Dr. Smith met J. K. Rowling. She left.", &["Dr. Smith met J. K. Rowling.", "She left."]);
        check("The U.S. economy grew. Then it fell.", &["The U.S. economy grew.", "Then it fell."]);
    }

    #[test]
    fn decimals_ellipses_and_lowercase_continuations() {
        check("Il a 3.5 ans... Et alors ? Rien.", &["Il a 3.5 ans...", "Et alors ?", "Rien."]);
        check("Etc. et cetera. Fin.", &["Etc. et cetera.", "Fin."]);
    }

    #[test]
    fn quotations_keep_their_sentences_together() {
        check(
            "Il a dit : « Nous partons. Tout est fini. » Puis il est sorti.",
            &["Il a dit : « Nous partons. Tout est fini. »", "Puis il est sorti."],
        );
        check("“We won. It’s over,” he said. Fine.", &["“We won. It’s over,” he said.", "Fine."]);
        check("\"It is over.\" He left.", &["\"It is over.\"", "He left."]);
    }
}
