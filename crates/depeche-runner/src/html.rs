//! A self-contained HTML page (in the spirit of displaCy): the text of each
//! document with entities, quotes (and their speakers), numbers and stance
//! targets highlighted, and a table of stance records.

use crate::pipeline::Record;
use depeche_core::output::DocumentOut;
use depeche_core::CharMap;
use std::collections::BTreeMap;
use std::fmt::Write;

pub const HEADER: &str = r#"<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>depeche</title>
<style>
body{font:16px/1.7 Georgia,serif;max-width:52em;margin:2em auto;padding:0 1em;color:#222}
h2{font:600 1.05em system-ui,sans-serif;border-bottom:1px solid #ccc;margin-top:2.5em}
.meta,.legend,table{font:13px system-ui,sans-serif;color:#555}
.PER{background:#ffe1a8}.LOC{background:#c9f0c1}.ORG{background:#c6dcff}.MISC{background:#eed3ff}
.ent{border-radius:.25em;padding:0 .1em}
.q{box-shadow:inset 0 -.45em #fff2cc}.spk{text-decoration:underline 2px #d08000}
.num{outline:1px dashed #888;border-radius:.2em}.tgt{text-decoration:underline wavy #c00}
sup{font:10px system-ui,sans-serif;color:#444;margin-left:.1em}
.err{color:#b00;font-family:monospace}p{margin:.6em 0}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left}
</style></head><body>
<h1>depeche</h1>
<p class="legend"><span class="ent PER">PER</span> <span class="ent LOC">LOC</span> <span class="ent ORG">ORG</span> <span class="ent MISC">MISC</span> · <span class="q">quote</span> · <span class="spk">speaker</span> · <span class="num">number</span> · <span class="tgt">stance target</span></p>
"#;

pub const FOOTER: &str = "</body></html>\n";

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// One highlighted span, in byte offsets of the text.
struct Mark {
    start: usize,
    end: usize,
    class: String,
    title: String,
    /// Label shown after the span (entities).
    badge: Option<String>,
}

/// The HTML section for one record.
pub fn document(record: &Record, text: &str) -> String {
    let doc = match record {
        Record::Ok(doc) => doc,
        Record::Error { id, error } => {
            return format!("<h2>{}</h2><p class=\"err\">error: {}</p>\n", escape(id), escape(error));
        }
    };
    let map = CharMap::new(text);
    let marks = marks(doc, &map);
    let mut html = format!("<h2>{}</h2>\n<p class=\"meta\">lang {}", escape(&doc.id), doc.lang);
    if let Some(tone) = &doc.tone {
        let _ = write!(html, " · tone {}", serde_json::to_value(tone.label).unwrap_or_default().as_str().unwrap_or(""));
    }
    html.push_str("</p>\n<p>");
    html.push_str(&highlight(text, &marks));
    html.push_str("</p>\n");
    html.push_str(&stance_table(doc));
    html
}

fn marks(doc: &DocumentOut, map: &CharMap) -> Vec<Mark> {
    let b = |c: usize| map.to_byte(c).unwrap_or(0);
    let mut marks = Vec::new();
    for q in doc.quotes.iter().flatten() {
        let who =
            q.speaker_name.clone().or_else(|| q.speaker.as_ref().map(|s| s.text.clone())).unwrap_or_else(|| "?".into());
        marks.push(Mark {
            start: b(q.start),
            end: b(q.end),
            class: "q".into(),
            title: format!("quote by {who}"),
            badge: None,
        });
        if let Some(s) = &q.speaker {
            marks.push(Mark {
                start: b(s.start),
                end: b(s.end),
                class: "spk".into(),
                title: "speaker".into(),
                badge: None,
            });
        }
    }
    for e in doc.entities.iter().flatten() {
        marks.push(Mark {
            start: b(e.start),
            end: b(e.end),
            class: format!("ent {}", e.label.as_str()),
            title: format!("{} · {}", e.label.as_str(), e.canonical),
            badge: Some(e.label.as_str().to_string()),
        });
    }
    for n in doc.numbers.iter().flatten() {
        let unit = n.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
        marks.push(Mark {
            start: b(n.start),
            end: b(n.end),
            class: "num".into(),
            title: format!("{} = {}{unit}", n.kind.as_str(), n.value),
            badge: None,
        });
    }
    for s in doc.stance.iter().flatten() {
        let polarity = serde_json::to_value(s.polarity).unwrap_or_default();
        marks.push(Mark {
            start: b(s.target.start),
            end: b(s.target.end),
            class: "tgt".into(),
            title: format!("stance: {}", polarity.as_str().unwrap_or("")),
            badge: None,
        });
    }
    marks
}

/// The text with every mark applied; overlapping marks are cut into flat
/// segments that carry the classes of all marks covering them.
fn highlight(text: &str, marks: &[Mark]) -> String {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for m in marks {
        cuts.extend([m.start.min(text.len()), m.end.min(text.len())]);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut badges: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
    for m in marks {
        if let Some(badge) = &m.badge {
            badges.entry(m.end).or_default().push(badge);
        }
    }
    let mut html = String::with_capacity(text.len() * 2);
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let covering: Vec<&Mark> = marks.iter().filter(|m| m.start <= s && e <= m.end && m.start < m.end).collect();
        let piece = escape(&text[s..e]).replace("\n\n", "</p><p>").replace('\n', "<br>");
        if covering.is_empty() {
            html.push_str(&piece);
        } else {
            let class: Vec<&str> = covering.iter().map(|m| m.class.as_str()).collect();
            let title: Vec<&str> = covering.iter().map(|m| m.title.as_str()).collect();
            let _ = write!(
                html,
                "<span class=\"{}\" title=\"{}\">{piece}</span>",
                class.join(" "),
                escape(&title.join(" | "))
            );
        }
        for badge in badges.get(&e).into_iter().flatten() {
            let _ = write!(html, "<sup>{badge}</sup>");
        }
    }
    html
}

fn stance_table(doc: &DocumentOut) -> String {
    let Some(stance) = doc.stance.as_ref().filter(|s| !s.is_empty()) else {
        return String::new();
    };
    let mut html =
        String::from("<table><tr><th>holder</th><th>target</th><th>polarity</th><th>score</th><th>cues</th></tr>\n");
    for s in stance {
        let holder = s.holder.display_name();
        let target = s.target.display_name();
        let polarity = serde_json::to_value(s.polarity).unwrap_or_default();
        let cues: Vec<&str> = s.cues.iter().map(|c| c.text.as_str()).collect();
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{:.2}</td><td>{}</td></tr>",
            escape(holder),
            escape(target),
            polarity.as_str().unwrap_or(""),
            s.score,
            escape(&cues.join(" · "))
        );
    }
    html.push_str("</table>\n");
    html
}
