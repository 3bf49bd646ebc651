//! Same input, byte-identical output, whatever the number of threads.

mod common;
use common::*;

#[test]
fn one_and_four_threads_give_identical_bytes() {
    let fixtures = fixtures();
    let seed = fixtures.join("000_ee3f1e022047f0f8.txt");
    let snippets = fixtures.join("snippets.jsonl");
    let args = |threads: &'static str| {
        vec![
            "run".to_string(),
            seed.display().to_string(),
            snippets.display().to_string(),
            "-q".into(),
            "--batch".into(),
            "3".into(),
            "--threads".into(),
            threads.into(),
        ]
    };
    let run = |threads| {
        let a = args(threads);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        depeche(&a, b"")
    };
    let one = run("1");
    let four = run("4");
    assert_eq!(one.status.code(), Some(0), "{}", String::from_utf8_lossy(&one.stderr));
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, four.stdout);
}
