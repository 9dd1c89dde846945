//! The whole check of one file, as `encyclint check` runs it: the input gate,
//! parse, built-in policy schema, rules, human rendering (with and without
//! colour) and the JSON report entry. The first byte picks the format.
#![no_main]

use std::sync::OnceLock;

use encyclint::linter::{self, Context};
use encyclint::report::{self, human};
use encyclint::schema::Policy;
use encyclint::settings::Settings;
use encyclint::source::{self, Format, SourceFile};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fn policy() -> &'static Policy {
    static P: OnceLock<Policy> = OnceLock::new();
    P.get_or_init(Policy::builtin)
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let (name, format) = if sel & 1 == 0 {
        ("fuzz.txt", Format::Text)
    } else {
        ("fuzz.md", Format::Markdown)
    };
    let Ok(text) = source::decode(rest.to_vec()) else {
        return;
    };
    let src = SourceFile::new(name, text, format);
    let settings = Settings::default();
    let cx = Context {
        settings: &settings,
        policy: policy(),
        titles: None,
    };
    let linted = linter::lint(&src, &cx).expect("the built-in policy evaluates");
    if let Err(e) = common::check_diagnostics(&src.text, &linted.diagnostics) {
        panic!("{e}");
    }
    for d in &linted.diagnostics {
        let out = human::render(&src, d, sel & 2 != 0, 100);
        assert!(
            !out.contains('\x1b') || sel & 2 != 0,
            "escape in uncoloured output"
        );
    }
    for l in report::locate(&src, linted.diagnostics) {
        let v = report::diagnostic_json("fuzz", &l);
        serde_json::to_string(&v).expect("a report entry serialises");
    }
});
