//! The command line: clap definitions and dispatch.
//!
//! The only module that knows about processes: it reads arguments, writes to
//! stdout/stderr and decides the exit code (0 clean, 1 findings that fail the
//! run, 2 usage, input or schema errors).

mod check;
mod explain;
mod index;
mod parse;
mod report;

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::report::OutputFormat;

/// A linter and schema validator for encyclopedic articles.
#[derive(Debug, Parser)]
#[command(name = "encyclint", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// When to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Output of `rules` and `explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    /// Plain text.
    Text,
    /// Markdown (the README table).
    Markdown,
    /// JSON, for editors.
    Json,
}

/// Which schema `schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// The article model and default policy.
    Article,
    /// The JSON report.
    Report,
    /// The `encyclint.toml` config file.
    Config,
}

/// Options of `check`.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files and directories to check (`.txt`, `.md`, `.markdown`, `.wiki`, `.wikitext`,
    /// `.mediawiki`, recursively; MediaWiki dumps `.xml`, `.xml.bz2`, `.xml.gz` when named); `-`
    /// reads stdin.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    pub format: OutputFormat,
    /// A policy schema (JSON Schema 2020-12) to validate against instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub schema: Option<PathBuf>,
    /// Only these rules (codes, prefixes such as `S` or `S00`, or names), comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub select: Vec<String>,
    /// Never these rules.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub ignore: Vec<String>,
    /// Fail (exit 1) when there are more than N warnings.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// The name (and so the format) of the article read from stdin.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Worker threads (default: all cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Largest file read, in bytes (at most 4294967295: offsets are kept in 32 bits).
    #[arg(long, value_name = "BYTES", default_value_t = crate::source::DEFAULT_MAX_FILE_SIZE,
          value_parser = clap::value_parser!(u64).range(..=crate::source::MAX_READABLE_SIZE))]
    pub max_file_size: u64,
    /// Findings shown a file at most (default 10000; 0: no limit); the rest are counted in one
    /// S101 finding.
    #[arg(long, value_name = "N")]
    pub max_findings_per_file: Option<usize>,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Known article titles: one a line (`.gz` accepted), or an index from `encyclint index build`.
    #[arg(long, value_name = "FILE")]
    pub titles: Option<PathBuf>,
    /// Redirects: `alias<TAB>target` a line (`.gz` accepted).
    #[arg(long, value_name = "FILE")]
    pub aliases: Option<PathBuf>,
    /// The index holds every article: an unresolved reference (R001) is an error, not a warning.
    #[arg(long)]
    pub complete_index: bool,
    /// The config file (default: the nearest `encyclint.toml` in this directory or above).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Apply safe fixes in place (never to stdin), then report what remains.
    #[arg(long)]
    pub fix: bool,
    /// Print the safe fixes as a unified diff instead of writing them (exit 1 if there are any).
    #[arg(long)]
    pub diff: bool,
    /// Known findings (from `--write-baseline`) that do not fail the run.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record every current finding in FILE as known, then report none of them.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Check only the K-th of N disjoint parts of the files (e.g. `2/4`), for CI jobs that
    /// share a run; join their JSON reports with `encyclint report merge`.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<crate::session::Shard>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint articles.
    Check(Box<CheckArgs>),
    /// Print the typed section model of one article as JSON (of a MediaWiki dump: one model per
    /// article page, as JSON Lines).
    Parse {
        /// The article (`-` for stdin).
        file: String,
        /// The name (and so the format) of the article read from stdin.
        #[arg(long, value_name = "NAME")]
        stdin_filename: Option<String>,
    },
    /// Print a JSON schema: the article model and default policy, the JSON report, or the config file.
    Schema {
        /// Which schema.
        #[arg(value_enum, default_value_t = SchemaKind::Article)]
        kind: SchemaKind,
    },
    /// List every rule.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = DocFormat::Text)]
        format: DocFormat,
    },
    /// Build a title index for very large title lists.
    #[command(subcommand)]
    Index(IndexCommand),
    /// Work with JSON reports: join the reports of a run's shards.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Run the language server on stdin/stdout, for editors (see docs/editors.md).
    Lsp,
    /// Explain one rule, by code or name.
    Explain {
        /// `S002` or `title-artifact`.
        rule: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DocFormat::Text)]
        format: DocFormat,
    },
}

/// `encyclint index ...`.
#[derive(Debug, Subcommand)]
pub enum IndexCommand {
    /// Build a memory-mappable index from a title list (and redirects), for `check --titles`.
    Build {
        /// Titles, one a line (`.gz` accepted).
        titles: PathBuf,
        /// Redirects, `alias<TAB>target` a line (`.gz` accepted).
        #[arg(long, value_name = "FILE")]
        aliases: Option<PathBuf>,
        /// Where to write the index.
        #[arg(short, long, value_name = "INDEX")]
        output: PathBuf,
    },
}

/// `encyclint report ...`.
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Join the JSON reports of the shards of one run (`check --shard K/N --format json`)
    /// into the report of the whole run, in any format but human and html; the exit code is
    /// the whole run's.
    Merge {
        /// The JSON reports, one per shard.
        #[arg(required = true, value_name = "REPORT")]
        reports: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
        format: OutputFormat,
        /// Fail (exit 1) when there are more than N warnings.
        #[arg(long, value_name = "N")]
        max_warnings: Option<usize>,
    },
}

/// A failure that ends the run with exit code 2.
#[derive(Debug)]
pub struct Fatal(pub String);

/// Run the CLI; returns the exit code.
///
/// # Errors
/// IO errors writing output (a closed pipe is handled by `main`).
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    match cli.command {
        Command::Check(args) => check::run(&args, out, err),
        Command::Parse {
            file,
            stdin_filename,
        } => parse::parse(&file, stdin_filename.as_deref(), out, err),
        Command::Schema { kind } => {
            let s = match kind {
                SchemaKind::Article => crate::schema::ARTICLE_SCHEMA,
                SchemaKind::Report => crate::schema::REPORT_SCHEMA,
                SchemaKind::Config => crate::config::CONFIG_SCHEMA,
            };
            out.write_all(s.as_bytes())?;
            Ok(0)
        }
        Command::Rules { format } => explain::rules(format, out).map(|()| 0),
        Command::Report(ReportCommand::Merge {
            reports,
            format,
            max_warnings,
        }) => report::merge(&reports, format, max_warnings, out, err),
        Command::Lsp => crate::lsp::serve(io::stdin(), out, err),
        Command::Explain { rule, format } => explain::explain(&rule, format, out, err),
        Command::Index(IndexCommand::Build {
            titles,
            aliases,
            output,
        }) => index::build(&titles, aliases.as_deref(), &output, out, err),
    }
}
