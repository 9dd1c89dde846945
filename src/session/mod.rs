//! A check session: what every file of a run shares, and the per-file work.
//!
//! The CLI, and any other front end (an editor's language server, a Python
//! binding), get their answers here: the config and the flags become
//! [`Settings`]; the policy, the baseline and the title index are loaded once;
//! [`Session::check_input`] reads one file, lints it (fixing first when
//! asked), drops what the config's per-file ignores and the baseline say to
//! drop, and positions what is left. A panic while checking one file becomes
//! that file's error. Nothing here prints or decides an exit code.

pub mod discover;
pub mod dumps;
pub mod index;
pub mod inputs;
mod options;
pub mod ordered;
mod outcome;
mod run;

use std::path::{Path, PathBuf};

use crate::baseline::{Baseline, Entry};
use crate::config::{Config, FileRules};
use crate::diagnostic::Diagnostic;
use crate::fix;
use crate::guard;
use crate::index::TitleIndex;
use crate::linter::{self, Context, Linted};
use crate::report::fingerprint::PathMapper;
use crate::report::html::ArticleCharts;
use crate::report::{self, Located, Summary};
use crate::rules::meta::{InvalidSchema, IoError};
use crate::rules::references::orphan_article::{self, CorpusArticle};
use crate::schema::{Policy, SchemaError};
use crate::settings::Settings;
use crate::source::{self, SourceFile};
use crate::span::Span;

pub use discover::{Input, Inputs, Shard, discover};
pub use dumps::Work;
pub use options::{FixMode, Options, SetupError, load_config, settings};
pub use outcome::{FileOutcome, RefStats};
pub use run::{Totals, baseline_notes, check_json};

/// The typed model of one article as `encyclint parse` prints it: parsed and
/// analysed with the default settings and no title index.
#[must_use]
pub fn article_model(src: &SourceFile) -> crate::model::Article {
    // What `encyclint parse` prints (`cli::parse` builds the same default
    // context); tests/python compares the two.
    let settings = Settings::default();
    let policy = Policy::builtin();
    let cx = Context {
        settings: &settings,
        policy: &policy,
        titles: None,
    };
    linter::analyse(src, &cx)
}

fn io_diag(reason: &str) -> Diagnostic {
    IoError::META.diag(Span::new(0, 0), reason.to_string())
}

/// Everything the files of a run share.
pub struct Session {
    /// Rules, severities and options.
    pub settings: Settings,
    /// The compiled policy schema.
    pub policy: Policy,
    /// The config file, if one was found.
    pub config: Option<Config>,
    /// Maps shown paths to the keys baselines and fingerprints use.
    pub mapper: PathMapper,
    /// Known findings.
    pub baseline: Option<Baseline>,
    /// Known titles, once [`Session::load_index`] found a source.
    pub index: Option<TitleIndex>,
    /// What to do with fixes.
    pub fix: FixMode,
    /// Largest file read.
    pub max_file_size: u64,
    /// Compute each article's figures for the HTML report.
    pub charts: bool,
    titles: Vec<PathBuf>,
    aliases: Vec<PathBuf>,
    /// The dumps whose pages are copied while their titles are read
    /// ([`Self::spool_dumps`]).
    spool: Vec<PathBuf>,
    spooled: std::sync::Mutex<Vec<dumps::Spooled>>,
}

impl Session {
    /// Load the config, settings, policy and baseline.
    ///
    /// # Errors
    /// The first thing that cannot be loaded, named.
    pub fn new(opts: &Options) -> Result<Self, SetupError> {
        let config = load_config(opts).map_err(SetupError::plain)?;
        let settings = settings(opts, config.as_ref()).map_err(SetupError::plain)?;
        let schema = opts
            .schema
            .clone()
            .or_else(|| config.as_ref().and_then(|c| c.schema.clone()));
        let policy = match &schema {
            Some(p) => Policy::from_file(p).map_err(|e| SetupError {
                code: Some("E002"),
                message: e.to_string(),
            })?,
            None => Policy::builtin(),
        };
        let baseline = match &opts.baseline {
            Some(p) => Some(Baseline::load(p).map_err(SetupError::plain)?),
            None => None,
        };
        // The options' lists win over the config's.
        let titles = match &opts.titles {
            Some(t) => vec![t.clone()],
            None => settings.titles.clone(),
        };
        let aliases = match &opts.aliases {
            Some(a) => vec![a.clone()],
            None => settings.aliases.clone(),
        };
        Ok(Self {
            settings,
            policy,
            config,
            mapper: PathMapper::from_env(),
            baseline,
            index: None,
            fix: opts.fix,
            max_file_size: opts.max_file_size,
            charts: opts.charts,
            titles,
            aliases,
            spool: Vec::new(),
            spooled: std::sync::Mutex::new(Vec::new()),
        })
    }

    /// Have [`Self::run_index`] keep a temporary copy of the article pages
    /// of each compressed dump among `checked` while it reads the dump's
    /// titles, so that the run's check ([`Self::take_spooled`],
    /// [`dumps::work`]) does not decompress the dump again. For a run that
    /// checks those dumps (the CLI, [`check_json`]); the copies take disk
    /// space as large as the dumps' article texts until they are read or the
    /// session is dropped.
    pub fn spool_dumps(&mut self, checked: &Inputs) {
        self.spool = checked
            .iter()
            .filter(dumps::is_dump)
            .filter_map(|i| match i {
                Input::File(f) => Some(f.path().to_path_buf()),
                _ => None,
            })
            .collect();
    }

    /// The copies [`Self::run_index`] kept, for [`dumps::work`] (each is
    /// read once).
    #[must_use]
    pub fn take_spooled(&self) -> Vec<dumps::Spooled> {
        std::mem::take(&mut *self.spooled.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// The config's include/exclude and per-file-ignore rules.
    #[must_use]
    pub fn files(&self) -> Option<&FileRules> {
        self.config.as_ref().map(|c| &c.files)
    }

    /// Expand paths into the run's inputs (see [`discover()`]).
    #[must_use]
    pub fn discover(&self, paths: &[PathBuf], stdin_name: Option<&str>) -> Inputs {
        discover(paths, stdin_name, self.files().map(|f| (f, &self.mapper)))
    }

    /// Build the title index from the inputs' own titles and the title and
    /// alias lists.
    ///
    /// # Errors
    /// A title or alias file that cannot be read.
    pub fn load_index(&mut self, inputs: &Inputs) -> Result<(), SetupError> {
        self.index = self.run_index(inputs, None)?;
        Ok(())
    }

    /// The index a run of these inputs has (see [`Self::load_index`]),
    /// without keeping it: the inputs' own titles, each dump's titles and
    /// redirects, then the sources of `loaded` (an index loaded before the run, shared by several runs) in
    /// place of the title and alias lists when it is given.
    ///
    /// # Errors
    /// A dump, title or alias file that cannot be read.
    pub fn run_index(
        &self,
        inputs: &Inputs,
        loaded: Option<&TitleIndex>,
    ) -> Result<Option<TitleIndex>, SetupError> {
        let lists = || match loaded {
            Some(ix) => Ok(ix.layers().to_vec()),
            None => index::run_lists(&self.titles, &self.aliases),
        };
        let mut spooled = Vec::new();
        let ix = index::build(inputs, lists, self.max_file_size, &self.spool, &mut spooled)
            .map_err(|e| SetupError::plain(e.to_string()))?;
        self.spooled
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(spooled);
        Ok(ix)
    }

    /// Build the index of an editor's workspace: `own` (the titles of the
    /// workspace's articles) first, then the title and alias lists. As in a
    /// run, the articles' own titles judge references only when there is
    /// more than one; with none of that, references are not judged.
    ///
    /// # Errors
    /// A title or alias file that cannot be read; the index then holds the
    /// sources before it.
    pub fn load_workspace_index(&mut self, own: Vec<String>) -> Result<(), SetupError> {
        let several = own.len() > 1;
        let mut ix = TitleIndex::new();
        let loaded = index::own_titles("workspace", own).and_then(|l| {
            ix.push(l);
            index::lists(&self.titles, &self.aliases)
        });
        let result = match loaded {
            Ok(layers) => {
                for l in layers {
                    ix.push(l);
                }
                Ok(())
            }
            Err(e) => Err(SetupError::plain(e.to_string())),
        };
        self.index = (several || ix.layers().len() > 1).then_some(ix);
        result
    }

    /// Replace the workspace's titles in the index of
    /// [`Self::load_workspace_index`] (a file was saved, created or deleted).
    ///
    /// # Errors
    /// Never in practice: the titles are indexed in memory.
    pub fn set_workspace_titles(&mut self, own: Vec<String>) -> Result<(), SetupError> {
        let several = own.len() > 1;
        let layer =
            index::own_titles("workspace", own).map_err(|e| SetupError::plain(e.to_string()))?;
        match self.index.take() {
            // The workspace's titles are always the first source.
            Some(mut ix) => {
                ix.set(0, layer);
                self.index = (several || ix.layers().len() > 1).then_some(ix);
            }
            None if several => {
                let mut ix = TitleIndex::new();
                ix.push(layer);
                self.index = Some(ix);
            }
            None => {}
        }
        Ok(())
    }

    /// What the linter sees of this session.
    #[must_use]
    pub fn context(&self) -> Context<'_> {
        Context {
            settings: &self.settings,
            policy: &self.policy,
            titles: self.index.as_ref(),
        }
    }

    /// Read and check one input.
    #[must_use]
    pub fn check_input(&self, input: &Input) -> FileOutcome {
        match input {
            Input::Broken(path, reason) => FileOutcome::failed(path.to_string(), io_diag(reason)),
            Input::Stdin(name) => match source::read_stdin(name, self.max_file_size) {
                // Stdin cannot be read again for R006, so it takes no part in it.
                Ok(src) => {
                    let mut o = self.check_source(&src, None);
                    o.refs.corpus = None;
                    o
                }
                Err(e) => FileOutcome::failed(name.clone(), io_diag(&e.to_string())),
            },
            Input::File(f) => match source::read_file(f.path(), f.shown(), self.max_file_size) {
                Ok(src) => self.check_source(&src, Some(f.path())),
                Err(e) => FileOutcome::failed(f.shown().to_string(), io_diag(&e.to_string())),
            },
        }
    }

    /// Check one unit of work: an input, or a page of a dump (checked as an
    /// article of its own, titled by the page, never written).
    #[must_use]
    pub fn check_work(&self, work: &Work) -> FileOutcome {
        match work {
            Work::Input(i) => self.check_input(i),
            Work::DumpFailed { dump, reason } => FileOutcome::failed(dump.clone(), io_diag(reason)),
            Work::Page { dump, page } => {
                if page.too_large(self.max_file_size) {
                    let e = source::InputError::TooLarge {
                        size: page.text_len,
                        limit: source::readable_limit(self.max_file_size),
                    };
                    return FileOutcome {
                        page: Some(page.title.clone()),
                        ..FileOutcome::failed(
                            source::shown_name(dump, Some(&page.title)),
                            io_diag(&e.to_string()),
                        )
                    };
                }
                let src = SourceFile::page(dump.clone(), page.title.clone(), page.text.as_str());
                let mut o = self.check_source(&src, None);
                // A page cannot be read again on its own: no part in R006.
                o.refs.corpus = None;
                o
            }
        }
    }

    /// Check one source already in memory; `writable` is the file `--fix`
    /// may write (`None` for stdin and editors' buffers).
    #[must_use]
    pub fn check_source(&self, src: &SourceFile, writable: Option<&Path>) -> FileOutcome {
        self.check_source_with(src, writable, linter::lint)
    }

    /// [`Self::check_source`] with the lint step given: lint (fixing first when
    /// asked and allowed), apply per-file ignores and the baseline, position. A
    /// panic anywhere in that (parser, schema, rules) becomes an error for this
    /// file only; a file that fails is never written.
    pub fn check_source_with(
        &self,
        src: &SourceFile,
        writable: Option<&Path>,
        lint: impl FnOnce(&SourceFile, &Context<'_>) -> Result<Linted, SchemaError>,
    ) -> FileOutcome {
        let cx = self.context();
        let fixing = match self.fix {
            FixMode::Off => false,
            FixMode::Write => writable.is_some(),
            FixMode::Diff => true,
        };
        let checked = guard::catch(|| {
            let (linted, fixes, fixed_src) = if fixing {
                let f = fix::fix_source(src, &cx)?;
                (f.linted, f.fixes, Some(f.source))
            } else {
                (lint(src, &cx)?, 0, None)
            };
            let mut out = FileOutcome {
                path: src.shown(),
                page: src.page.clone(),
                refs: RefStats::of(&linted.article),
                ..FileOutcome::default()
            };
            let src = match fixed_src {
                Some(new) if fixes > 0 && new.text != src.text => {
                    match (self.fix, writable) {
                        (FixMode::Write, Some(path)) => {
                            if let Err(e) = fix::write_atomic(path, &new.text) {
                                let d = io_diag(&format!(
                                    "cannot write the fixes: {}",
                                    source::io_reason(&e)
                                ));
                                let refs = out.refs;
                                return Ok(FileOutcome {
                                    refs,
                                    ..FileOutcome::failed(src.shown(), d)
                                });
                            }
                            out.fixed = fixes;
                        }
                        _ => out.diff = fix::unified_diff(&src.shown(), &src.text, &new.text),
                    }
                    new
                }
                _ => src.clone(),
            };
            if self.charts {
                out.charts = Some(Box::new(ArticleCharts::of(&linted.article, &src)));
            }
            let diagnostics = self.filter(&src.path, linted.diagnostics);
            out.diagnostics = report::locate(&src, diagnostics);
            if let Some(b) = &self.baseline {
                let key = self.mapper.best(&src.shown());
                let mut known = b.for_file(&key);
                let before = out.diagnostics.len();
                out.diagnostics.retain(|l| !known.take(&Entry::of(&key, l)));
                out.known = before - out.diagnostics.len();
                out.stale = known.stale();
            }
            out.source = Some(src);
            Ok::<_, SchemaError>(out)
        });
        match checked {
            Ok(Ok(outcome)) => outcome,
            Ok(Err(schema_err)) => FileOutcome {
                page: src.page.clone(),
                ..FileOutcome::failed(
                    src.shown(),
                    InvalidSchema::META.diag(Span::new(0, 0), schema_err.to_string()),
                )
            },
            Err(panic) => FileOutcome {
                page: src.page.clone(),
                ..FileOutcome::failed(
                    src.shown(),
                    IoError::META.diag(
                        Span::new(0, 0),
                        format!(
                            "internal error: encyclint panicked while checking this file: {panic}; \
                         the other files were checked. Please report this file."
                        ),
                    ),
                )
            },
        }
    }

    /// Drop the findings the config's per-file ignores name for `path`.
    #[must_use]
    pub fn filter(&self, path: &str, mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        if let Some(files) = self.files() {
            let ignored = files.ignored_codes(&self.mapper.absolute(path));
            diagnostics.retain(|d| !ignored.contains(&d.code));
        }
        diagnostics
    }

    /// R006 (orphan-article) is opt-in: in most runs nothing is meant to link
    /// to every checked article, so it runs only when selected explicitly
    /// (`--select R006`, or `orphan-article`), with an index and more than one
    /// article that can be read again. It needs every article before it can
    /// say anything, so a run with it holds its results until the end.
    #[must_use]
    pub fn wants_corpus_rules(&self, inputs: &Inputs) -> bool {
        self.index.is_some()
            && self.settings.enabled("R006")
            && self
                .settings
                .select
                .as_ref()
                .is_some_and(|s| s.contains("R006"))
            // A dump's pages cannot be read again one by one.
            && !inputs.iter().any(|i| dumps::is_dump(&i))
            && inputs
                .iter()
                .filter(|i| matches!(i, Input::File(..)))
                .nth(1)
                .is_some()
    }

    /// The corpus-level findings (R006) by input index, ascending, once every article was
    /// checked.
    #[must_use]
    pub fn corpus_findings(&self, stats: &[RefStats]) -> Vec<(usize, Vec<Diagnostic>)> {
        let corpus: Vec<CorpusArticle> = stats
            .iter()
            .map(|s| s.corpus.clone().unwrap_or_default())
            .collect();
        let mut by_file: std::collections::BTreeMap<usize, Vec<Diagnostic>> =
            std::collections::BTreeMap::new();
        for (i, d) in orphan_article::check_corpus(&corpus) {
            by_file.entry(i).or_default().push(d);
        }
        by_file.into_iter().collect()
    }

    /// Add corpus-level findings to a file's findings: re-read the file to
    /// place them. Returns the source read, for rendering.
    #[must_use]
    pub fn add_corpus_findings(
        &self,
        input: &Input,
        diagnostics: &mut Vec<Located>,
        extra: Vec<Diagnostic>,
    ) -> Option<SourceFile> {
        let Input::File(f) = input else {
            return None;
        };
        let (path, name) = (f.path(), f.shown());
        let src = source::read_file(path, name, self.max_file_size).ok()?;
        let mut diags: Vec<Diagnostic> = diagnostics.drain(..).map(|l| l.diag).collect();
        diags.extend(extra);
        let diags = linter::finish(diags, &self.settings, &src.text);
        *diagnostics = report::locate(&src, diags);
        Some(src)
    }

    /// The summary of a run: its counts, with notes on references and the
    /// index from the run's reference totals ([`RefStats::add`]).
    #[must_use]
    pub fn summary(&self, counts: Summary, refs: &RefStats) -> Summary {
        let mut summary = counts;
        let found = refs.found;
        match &self.index {
            None if found > 0 => summary.notes.push(
                "`See` references were not judged: no title index (pass --titles, or check the articles they name together)"
                    .to_string(),
            ),
            None => {}
            Some(ix) => {
                let refs = report::References {
                    found,
                    resolved: refs.resolved,
                    unresolved: refs.unresolved,
                    non_canonical: refs.non_canonical,
                    titles: ix.layers().iter().map(|l| l.titles).sum(),
                    redirects: ix.layers().iter().map(|l| l.aliases).sum(),
                };
                summary.notes.push(refs.note());
                summary.references = Some(refs);
            }
        }
        summary
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Format;

    fn session() -> Session {
        Session::new(&Options {
            max_file_size: source::DEFAULT_MAX_FILE_SIZE,
            ..Options::default()
        })
        .expect("default options load")
    }

    #[test]
    fn a_panic_fails_only_its_file_with_the_message() {
        let s = session();
        let bad = SourceFile::new("bad.txt", "Title\nLead.\n", Format::Text);
        let good = SourceFile::new("good.txt", "Title\nLead.\n", Format::Text);
        let results = [
            s.check_source_with(&bad, None, |_, _| panic!("rule exploded")),
            s.check_source(&good, None),
        ];
        assert!(results[0].failed);
        let msg = &results[0].diagnostics[0].diag.message;
        assert!(
            msg.contains(
                "panicked while checking this file: rule exploded (at src/session/mod.rs:"
            ),
            "{msg}"
        );
        assert!(!results[1].failed, "the next file is still checked");
        assert!(results[1].source.is_some());
    }

    #[test]
    fn a_workspace_index_judges_with_several_articles_or_a_list() {
        let mut s = session();
        s.load_workspace_index(vec!["Alpha".into()]).unwrap();
        assert!(s.index.is_none(), "one article alone judges nothing");
        s.set_workspace_titles(vec!["Alpha".into(), "Beta".into()])
            .unwrap();
        assert!(s.index.as_ref().unwrap().resolve("Beta").is_some());
        s.set_workspace_titles(vec!["Alpha".into(), "Gamma".into()])
            .unwrap();
        let ix = s.index.as_ref().unwrap();
        assert!(ix.resolve("Gamma").is_some() && ix.resolve("Beta").is_none());
        s.set_workspace_titles(vec![]).unwrap();
        assert!(s.index.is_none());

        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("titles.txt");
        std::fs::write(&list, "Listed\n").unwrap();
        let mut s = Session::new(&Options {
            titles: Some(list),
            max_file_size: source::DEFAULT_MAX_FILE_SIZE,
            ..Options::default()
        })
        .unwrap();
        s.load_workspace_index(vec![]).unwrap();
        assert!(s.index.as_ref().unwrap().resolve("Listed").is_some());
        s.set_workspace_titles(vec!["Alpha".into()]).unwrap();
        let ix = s.index.as_ref().unwrap();
        assert!(ix.resolve("Listed").is_some() && ix.resolve("Alpha").is_some());

        let mut s = Session::new(&Options {
            titles: Some(dir.path().join("missing.txt")),
            max_file_size: source::DEFAULT_MAX_FILE_SIZE,
            ..Options::default()
        })
        .unwrap();
        let e = s
            .load_workspace_index(vec!["A".into(), "B".into()])
            .unwrap_err();
        assert!(e.message.contains("missing.txt"), "{e}");
        assert!(s.index.as_ref().unwrap().resolve("B").is_some());
    }

    #[test]
    fn options_select_over_config_and_bad_selectors_are_named() {
        let opts = Options {
            select: vec!["S002".into()],
            ignore: vec!["B".into()],
            ..Options::default()
        };
        let s = settings(&opts, None).unwrap();
        assert!(s.enabled("S002"));
        assert!(!s.enabled("S001"));
        let bad = Options {
            select: vec!["nope".into()],
            ..Options::default()
        };
        assert!(settings(&bad, None).unwrap_err().contains("`nope`"));
    }
}
