//! Prints the figures found in each line of stdin: `show fr|en < lines.txt`.

use depeche_core::{Lang, NumberValue};
use std::io::BufRead;

fn main() {
    let lang = std::env::args().nth(1).and_then(|l| Lang::parse(&l)).unwrap_or(Lang::Other);
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        println!("{line}");
        for m in depeche_numbers::find(&line, lang) {
            let value = match &m.value {
                NumberValue::Number(x) => x.to_string(),
                NumberValue::Text(s) => s.clone(),
                NumberValue::None => "-".into(),
            };
            println!(
                "  {:?} {} {} unit={:?} bound={:?} q={:?}",
                m.span.slice(&line),
                m.kind.as_str(),
                value,
                m.unit,
                m.bound,
                m.qualifier
            );
        }
    }
}
