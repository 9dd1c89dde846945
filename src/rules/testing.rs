//! What rule unit tests run: parse, analyse and every enabled rule, without the
//! policy schema and the suppressions of the layers above (the whole pipeline
//! is tested through the binary in `tests/`).

use crate::diagnostic::Diagnostic;
use crate::index::TitleIndex;
use crate::settings::Settings;
use crate::source::{Format, SourceFile};

use super::{Findings, RuleContext, run};

/// The findings of every enabled rule for `text`, sorted by offset, code and message.
#[must_use]
pub fn check(
    format: Format,
    text: &str,
    index: Option<&TitleIndex>,
    settings: &Settings,
) -> Vec<Diagnostic> {
    let path = if format == Format::Markdown {
        "a.md"
    } else {
        "a.txt"
    };
    let src = SourceFile::new(path, text, format);
    let article = crate::analysis::article(&src, index, settings);
    let cx = RuleContext {
        source: &src,
        article: &article,
        settings,
        index,
    };
    let mut out = Findings::new(settings, text);
    run(&cx, &mut out);
    out.into_sorted().0
}
