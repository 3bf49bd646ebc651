//! Fuzz target: parsing a JSON Lines record never panics, whatever the bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = depeche_runner::input::parse_record(data, "fuzz:1", None);
});
