//! encyclint: a linter and schema validator for encyclopedic articles.
//!
//! ```text
//! read ─▶ parse (text | markdown) ─▶ model ─▶ analyse (facts)
//!      ─▶ policy schema + rules ─▶ diagnostics ─▶ reporters
//! ```
//!
//! The library never prints or exits; `main.rs` and [`cli`] do. One pure
//! function, [`linter::lint`], serves the CLI and the tests.
//!
//! ```
//! use encyclint::{linter, schema::Policy, settings::Settings, source::{Format, SourceFile}};
//!
//! let src = SourceFile::new("a.txt", "Defense CooperationEdit\nLead text.\n", Format::Text);
//! let settings = Settings::default();
//! let policy = Policy::builtin();
//! let cx = linter::Context { settings: &settings, policy: &policy, titles: None };
//! let linted = linter::lint(&src, &cx).unwrap();
//! let codes: Vec<_> = linted.diagnostics.iter().map(|d| d.code.as_str()).collect();
//! assert_eq!(codes, ["S002"]);
//! assert_eq!(linted.article.title.unwrap().text, "Defense Cooperation");
//! ```

pub mod analysis;
pub mod baseline;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod fix;
pub mod guard;
pub mod index;
pub mod linter;
pub mod lsp;
pub mod model;
pub mod parse;
#[cfg(feature = "python")]
pub mod python;
pub mod report;
pub mod rules;
pub mod schema;
pub mod session;
pub mod settings;
pub mod source;
pub mod span;
pub mod suppress;
pub mod text;
