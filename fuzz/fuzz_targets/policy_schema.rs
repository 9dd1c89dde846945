//! Policy-schema loading on arbitrary bytes: parse as JSON (as `--schema`
//! does), compile offline, then check a small article with it. A schema may be
//! refused (E002) and evaluating it may fail (backtracking limit), but nothing
//! panics and nothing is fetched.
#![no_main]

use encyclint::linter::{self, Context};
use encyclint::schema::Policy;
use encyclint::settings::Settings;
use encyclint::source::{Format, SourceFile};
use libfuzzer_sys::fuzz_target;

const ARTICLE: &str = "# Title\n\nLead text. See Other.\n\n## Controversy\n\n- **Critics**: argue it fails.\n- **Supporters**: say it works.\n";

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let Ok(policy) = Policy::from_value(value, "fuzz.json") else {
        return;
    };
    let settings = Settings::default();
    let cx = Context {
        settings: &settings,
        policy: &policy,
        titles: None,
    };
    let src = SourceFile::new("a.md", ARTICLE, Format::Markdown);
    let _ = linter::lint(&src, &cx);
    let src = SourceFile::new("a.txt", "Title\nLead.\n", Format::Text);
    let _ = linter::lint(&src, &cx);
});
