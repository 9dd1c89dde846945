//! `rules` and `explain`: the registry's docs in text, Markdown or JSON.

use std::io::{self, Write};

use serde_json::json;

use crate::cli::DocFormat;
use crate::rules::{self, RuleMeta};

fn rule_json(r: &RuleMeta) -> serde_json::Value {
    json!({
        "code": r.code,
        "name": r.name,
        "family": r.family.as_str(),
        "severity": r.severity.as_str(),
        "fix": r.fix,
        "schema_backed": r.check.is_none(),
        "since": r.since,
        "summary": r.summary(),
        "url": r.url(),
        "source": r.source(),
        "docs": r.docs_text(),
    })
}

/// The README rule table (between `<!-- rules:start -->` and `<!-- rules:end -->`).
#[must_use]
pub fn markdown_table() -> String {
    let mut s = String::from(
        "| code | name | family | default | fix | what it flags |\n|---|---|---|---|---|---|\n",
    );
    for r in rules::ALL {
        let fix = match r.fix {
            rules::FixAvailability::None => "",
            rules::FixAvailability::Sometimes => "sometimes",
            rules::FixAvailability::Always => "yes",
        };
        s.push_str(&format!(
            "| <a id=\"{}\"></a>`{}` | `{}` | {} | {} | {} | {} |\n",
            r.code.to_lowercase(),
            r.code,
            r.name,
            r.family.as_str(),
            r.severity.as_str(),
            fix,
            r.summary().replace('|', "\\|")
        ));
    }
    s
}

/// Print every rule.
///
/// # Errors
/// Write errors.
pub fn rules(format: DocFormat, out: &mut dyn Write) -> io::Result<()> {
    match format {
        DocFormat::Json => {
            let all: Vec<_> = rules::ALL.iter().map(|r| rule_json(r)).collect();
            serde_json::to_writer_pretty(&mut *out, &all)?;
            writeln!(out)
        }
        DocFormat::Markdown => out.write_all(markdown_table().as_bytes()),
        DocFormat::Text => {
            for r in rules::ALL {
                writeln!(
                    out,
                    "{:<5} {:<26} {:<8} {}",
                    r.code,
                    r.name,
                    r.severity.as_str(),
                    r.summary()
                )?;
            }
            Ok(())
        }
    }
}

/// Explain one rule.
///
/// # Errors
/// Write errors.
pub fn explain(
    key: &str,
    format: DocFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let Some(r) = rules::lookup(key) else {
        writeln!(err, "error: no rule `{key}`; `encyclint rules` lists them")?;
        return Ok(2);
    };
    match format {
        DocFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &rule_json(r))?;
            writeln!(out)?;
        }
        DocFormat::Markdown | DocFormat::Text => out.write_all(r.explanation().as_bytes())?,
    }
    Ok(0)
}
