//! encyclint's diagnostics as LSP diagnostics.

use std::str::FromStr;

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Uri,
};

use super::position::Text;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules;

/// What every diagnostic says it comes from.
pub const SOURCE: &str = "encyclint";

/// The LSP form of a diagnostic: range, severity, code, source, the rule's
/// docs URL, the message with its help, and the labels as related
/// information.
#[must_use]
pub fn to_lsp(d: &Diagnostic, text: &Text<'_>, uri: &Uri) -> lsp_types::Diagnostic {
    let range = text.range(d.span);
    let mut related = Vec::new();
    if let Some(label) = &d.label {
        related.push(DiagnosticRelatedInformation {
            location: Location {
                uri: uri.clone(),
                range,
            },
            message: label.clone(),
        });
    }
    for l in &d.labels {
        related.push(DiagnosticRelatedInformation {
            location: Location {
                uri: uri.clone(),
                range: text.range(l.span),
            },
            message: l.message.clone(),
        });
    }
    let message = match &d.help {
        Some(help) => format!("{}\nhelp: {help}", d.message),
        None => d.message.clone(),
    };
    lsp_types::Diagnostic {
        range,
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.code.clone())),
        code_description: rules::lookup(&d.code)
            .and_then(|r| Uri::from_str(&r.url()).ok())
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// Whether an LSP diagnostic (sent back by the client) is this one.
#[must_use]
pub fn same(lsp: &lsp_types::Diagnostic, d: &Diagnostic, text: &Text<'_>) -> bool {
    lsp.source.as_deref() == Some(SOURCE)
        && lsp.code == Some(NumberOrString::String(d.code.clone()))
        && lsp.range == text.range(d.span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lsp::position::Encoding;
    use crate::span::{LineIndex, Span};

    #[test]
    fn every_field_is_filled() {
        let src = "Café HistoryEdit\nLead.\n";
        let lines = LineIndex::new(src);
        let text = Text::new(src, &lines, Encoding::Utf16);
        let uri = Uri::from_str("file:///a.txt").unwrap();
        let at = src.find("Edit").unwrap();
        let d = rules::lookup("S002")
            .unwrap()
            .diag(Span::new(at, at + 4), "wiki chrome `Edit` in the title")
            .with_label("copied from the page")
            .with_help("remove it")
            .with_secondary(Span::new(0, 5), "the title");
        let l = to_lsp(&d, &text, &uri);
        assert_eq!(l.range.start.character, 12);
        assert_eq!(l.range.end.character, 16);
        assert_eq!(l.severity, Some(DiagnosticSeverity::ERROR));
        assert_eq!(l.code, Some(NumberOrString::String("S002".into())));
        assert_eq!(l.source.as_deref(), Some("encyclint"));
        assert_eq!(
            l.code_description.as_ref().unwrap().href.as_str(),
            rules::lookup("S002").unwrap().url()
        );
        assert_eq!(
            l.message,
            "wiki chrome `Edit` in the title\nhelp: remove it"
        );
        let related = l.related_information.as_ref().unwrap();
        assert_eq!(related.len(), 2);
        assert_eq!(related[1].message, "the title");
        assert_eq!(related[1].location.range.end.character, 4);
        assert!(same(&l, &d, &text));
    }
}
