//! The Markdown parser on arbitrary UTF-8: no panic, every span in the
//! source on char boundaries, sentences and references inside their block.
#![no_main]

use encyclint::parse::{self, ParseOptions};
use encyclint::source::{Format, SourceFile};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let src = SourceFile::new("fuzz.md", text, Format::Markdown);
    let article = parse::parse(&src, &ParseOptions::default());
    let model = serde_json::to_value(&article).expect("the model serialises");
    if let Err(e) = common::check_model(text, &model) {
        panic!("{e}");
    }
});
