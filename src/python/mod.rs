//! The Python binding (cargo feature `python`; maturin builds it as
//! `encyclint._encyclint`, re-exported by `python/encyclint/__init__.py`).
//!
//! Thin on purpose: every answer is the library's. `lint` is
//! [`Session::check_source`] with the JSON report's form of each diagnostic;
//! `parse` is [`session::article_model`], what `encyclint parse` prints;
//! `check_paths` is [`session::check_json`], the bytes `check --format json`
//! writes; `Checker` is a run in pieces for clusters
//! ([`Session::check_batch`], [`Session::totals_tail`]); `TitleIndex` shares
//! one index across calls and, pickled, across processes. Errors become
//! `encyclint.EncyclintError` with the message the CLI prints. The GIL is
//! released while encyclint works. Values cross as JSON text that Python's
//! `json` module reads, so Python sees exactly the CLI's documents.

// PyO3's macros expand to unsafe FFI glue; the crate's own code stays safe.
#![allow(unsafe_code)]

mod index;

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use serde::Serialize;

use crate::index::TitleIndex;
use crate::report::json::diagnostic_json;
use crate::session::{self, Input, Inputs, Options, Session, SetupError, Totals};
use crate::source::{self, Format, SourceFile};
use index::PyTitleIndex;

pyo3::create_exception!(
    encyclint,
    EncyclintError,
    PyValueError,
    "A run or a text encyclint refuses; the message is the line the CLI prints."
);

/// The exception for a run that cannot start, with the CLI's line.
fn setup_error(e: &SetupError) -> PyErr {
    EncyclintError::new_err(e.to_string())
}

/// JSON text → the Python value `json.loads` makes of it.
fn from_json<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (text,))
}

/// A serializable value → its Python form through JSON.
fn to_py<'py>(py: Python<'py>, v: &impl Serialize) -> PyResult<Bound<'py, PyAny>> {
    let text = serde_json::to_string(v).map_err(|e| PyValueError::new_err(e.to_string()))?;
    from_json(py, &text)
}

/// Rule selectors: `None`, one comma-separated string, or a list of strings.
fn codes(v: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    let list: Vec<String> = match v.extract::<String>() {
        Ok(s) => s.split(',').map(str::to_string).collect(),
        Err(_) => v.extract()?,
    };
    Ok(list
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect())
}

/// One path or a list of paths.
fn paths(v: &Bound<'_, PyAny>) -> PyResult<Vec<PathBuf>> {
    match v.extract::<PathBuf>() {
        Ok(p) => Ok(vec![p]),
        Err(_) => v.extract(),
    }
}

/// The `titles=` argument: nothing, a loaded index (or a list of titles,
/// indexed in memory), or a title list or index file to read.
enum Titles {
    None,
    Loaded(Arc<TitleIndex>, u64),
    Path(PathBuf),
}

impl Titles {
    fn from_py(v: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let Some(v) = v.filter(|v| !v.is_none()) else {
            return Ok(Titles::None);
        };
        if let Ok(ix) = v.extract::<PyRef<'_, PyTitleIndex>>() {
            return Ok(Titles::Loaded(Arc::clone(&ix.index), ix.id));
        }
        if let Ok(p) = v.extract::<PathBuf>() {
            return Ok(Titles::Path(p));
        }
        let titles: Vec<String> = v.extract().map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(
                "titles must be a TitleIndex, a path to a title list or index file, or a list of titles",
            )
        })?;
        let ix = index::from_titles(&titles, &[]);
        Ok(Titles::Loaded(Arc::new(ix), index::next_id()))
    }

    /// The loaded index with an alias list added, if one was given.
    fn loaded(&self, aliases: Option<&PathBuf>) -> Result<Option<TitleIndex>, SetupError> {
        let Titles::Loaded(ix, _) = self else {
            return Ok(None);
        };
        let mut ix = (**ix).clone();
        if let Some(a) = aliases {
            let layers =
                session::index::lists(&[], std::slice::from_ref(a)).map_err(|e| SetupError {
                    code: None,
                    message: e.to_string(),
                })?;
            for l in layers {
                ix.push(l);
            }
        }
        Ok(Some(ix))
    }
}

/// The options every run-shaped call takes, as the CLI's flags.
#[allow(clippy::too_many_arguments)]
fn run_options(
    select: Option<&Bound<'_, PyAny>>,
    ignore: Option<&Bound<'_, PyAny>>,
    titles: &Titles,
    aliases: Option<PathBuf>,
    config: Option<PathBuf>,
    complete_index: bool,
    schema: Option<PathBuf>,
    baseline: Option<PathBuf>,
    max_file_size: u64,
) -> PyResult<Options> {
    let loaded = matches!(titles, Titles::Loaded(..));
    Ok(Options {
        select: codes(select)?,
        ignore: codes(ignore)?,
        complete_index,
        schema,
        config,
        // As the CLI: the nearest encyclint.toml from the working directory.
        cwd: std::env::current_dir().ok(),
        titles: match titles {
            Titles::Path(p) => Some(p.clone()),
            _ => None,
        },
        // With a loaded index the alias list is added to it instead.
        aliases: aliases.filter(|_| !loaded),
        baseline,
        max_file_size,
        ..Options::default()
    })
}

/// All cores, as the CLI's default.
fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

// ---------------------------------------------------------------- lint

/// Sessions `lint` keeps between calls (loading one, policy and all, costs
/// about as much as linting a short article): those without a config file,
/// keyed by their options and the identity of the index.
const CACHED_SESSIONS: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
struct LintKey {
    select: Vec<String>,
    ignore: Vec<String>,
    complete_index: bool,
    index: Option<u64>,
}

type SessionCache = Mutex<Vec<(LintKey, Arc<Session>)>>;

fn cache() -> &'static SessionCache {
    static CACHE: OnceLock<SessionCache> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(Vec::new()))
}

/// The session of one `lint` call: from the cache, or loaded (and kept when
/// it can be).
fn lint_session(
    opts: &Options,
    loaded: Option<TitleIndex>,
    key: Option<LintKey>,
) -> Result<Arc<Session>, SetupError> {
    if let Some(k) = &key
        && let Ok(c) = cache().lock()
        && let Some((_, s)) = c.iter().find(|(ck, _)| ck == k)
    {
        return Ok(Arc::clone(s));
    }
    let mut s = Session::new(opts)?;
    match loaded {
        Some(ix) => s.index = Some(ix),
        None => s.load_index(&Inputs::new())?,
    }
    let s = Arc::new(s);
    if let Some(k) = key
        && let Ok(mut c) = cache().lock()
    {
        if c.len() >= CACHED_SESSIONS {
            c.remove(0);
        }
        c.push((k, Arc::clone(&s)));
    }
    Ok(s)
}

/// Check one text with `session`, as the file `filename`: the diagnostics
/// as JSON values, or the CLI's line for a text it refuses.
fn lint_text(
    session: &Session,
    text: String,
    filename: &str,
) -> Result<Vec<serde_json::Value>, String> {
    source::check_text(&text, session.max_file_size)
        .map_err(|e| format!("error[E001]: {filename}: {e}"))?;
    let src = SourceFile::new(filename, text, Format::from_path(filename));
    let outcome = session.check_source(&src, None);
    if outcome.failed {
        let d = &outcome.diagnostics[0].diag;
        return Err(format!("error[{}]: {filename}: {}", d.code, d.message));
    }
    Ok(outcome
        .diagnostics
        .iter()
        .map(|l| diagnostic_json(filename, None, l))
        .collect())
}

/// lint(text, filename="article.txt", *, titles=None, config=None, select=None, ignore=None, complete_index=False)
/// --
///
/// Lint one article's text.
///
/// Returns the diagnostics exactly as ``encyclint check --format json``
/// reports them for a file named ``filename`` (same fields, same order).
/// ``filename`` picks the format (``.md``/``.markdown`` are Markdown,
/// anything else plain text) and is each diagnostic's ``file``. Spans are
/// byte offsets into the UTF-8 text; lines and columns count characters,
/// from 1.
///
/// ``titles`` judges ``See`` references: a ``TitleIndex`` (load it once,
/// share it), a path to a title list or index file, or a list of titles.
/// Without it references are not judged, as for one file on the command
/// line. ``config`` is an ``encyclint.toml``; none is searched for.
/// ``select`` and ``ignore`` take rule codes, prefixes or names (a list, or
/// one comma-separated string), as ``--select``/``--ignore`` do.
///
/// Raises ``EncyclintError`` with the CLI's message when the options cannot
/// be loaded or the text is refused (NUL bytes, over the size limit).
#[pyfunction]
#[pyo3(signature = (text, filename = "article.txt", *, titles = None, config = None, select = None, ignore = None, complete_index = false))]
#[allow(clippy::too_many_arguments)]
fn lint<'py>(
    py: Python<'py>,
    text: String,
    filename: &str,
    titles: Option<&Bound<'py, PyAny>>,
    config: Option<PathBuf>,
    select: Option<&Bound<'py, PyAny>>,
    ignore: Option<&Bound<'py, PyAny>>,
    complete_index: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let titles = Titles::from_py(titles)?;
    let mut opts = run_options(
        select,
        ignore,
        &titles,
        None,
        config.clone(),
        complete_index,
        None,
        None,
        source::DEFAULT_MAX_FILE_SIZE,
    )?;
    // No config is searched for: a text has no place on disk.
    opts.cwd = None;
    let key = match (&config, &titles) {
        (None, Titles::None) => Some(None),
        (None, Titles::Loaded(_, id)) => Some(Some(*id)),
        _ => None,
    }
    .map(|index| LintKey {
        select: opts.select.clone(),
        ignore: opts.ignore.clone(),
        complete_index,
        index,
    });
    let filename = filename.to_string();
    let diagnostics = py.detach(move || {
        let loaded = titles.loaded(None).map_err(|e| e.to_string())?;
        let session = lint_session(&opts, loaded, key).map_err(|e| e.to_string())?;
        lint_text(&session, text, &filename)
    });
    to_py(py, &diagnostics.map_err(EncyclintError::new_err)?)
}

/// parse(text, filename="article.txt")
/// --
///
/// The typed section model of one article, as ``encyclint parse`` prints it
/// (the same keys in the same order): title, lead, sections, paragraphs,
/// sentences and ``See`` references, each with its byte span, and what the
/// analyses add. ``filename`` picks the format.
///
/// Raises ``EncyclintError`` when the text is refused (NUL bytes, over the
/// size limit), with the CLI's message.
#[pyfunction]
#[pyo3(signature = (text, filename = "article.txt"))]
fn parse<'py>(py: Python<'py>, text: String, filename: &str) -> PyResult<Bound<'py, PyAny>> {
    let filename = filename.to_string();
    let article = py.detach(move || {
        source::check_text(&text, source::DEFAULT_MAX_FILE_SIZE)
            .map_err(|e| format!("error[E001]: {filename}: {e}"))?;
        let src = SourceFile::new(filename.clone(), text, Format::from_path(&filename));
        serde_json::to_string(&session::article_model(&src)).map_err(|e| e.to_string())
    });
    from_json(py, &article.map_err(EncyclintError::new_err)?)
}

/// check_paths(paths, *, select=None, ignore=None, titles=None, aliases=None, config=None, complete_index=False, schema=None, baseline=None, max_file_size=DEFAULT_MAX_FILE_SIZE, threads=None)
/// --
///
/// Check files and directories as ``encyclint check --format json PATHS``
/// does, on encyclint's own threads, and return the whole JSON report
/// (``diagnostics``, ``files``, ``notes``, ``summary``, ``tool``,
/// ``version``): the same document the CLI prints.
///
/// Directories are searched for ``.txt``, ``.md`` and ``.markdown`` files
/// (``.gitignore`` and ``.encyclintignore`` honoured). The options are the
/// CLI's flags: ``select``/``ignore`` (codes, prefixes or names),
/// ``titles`` (a ``TitleIndex``, a path, or a list of titles; the checked
/// articles' own titles come first, as in the CLI), ``aliases`` (a path:
/// ``alias<TAB>target`` lines), ``config`` (default: the nearest
/// ``encyclint.toml`` from the working directory), ``complete_index``,
/// ``schema``, ``baseline``, ``max_file_size`` and ``threads`` (default:
/// all cores). A file that cannot be read is in the report, as in the
/// CLI's; nothing is fixed or written.
///
/// Raises ``EncyclintError`` with the CLI's message when the run cannot
/// start (a bad selector, config, schema, baseline or title list).
#[pyfunction]
#[pyo3(signature = (paths, *, select = None, ignore = None, titles = None, aliases = None, config = None, complete_index = false, schema = None, baseline = None, max_file_size = source::DEFAULT_MAX_FILE_SIZE, threads = None))]
#[allow(clippy::too_many_arguments)]
fn check_paths<'py>(
    py: Python<'py>,
    paths: &Bound<'py, PyAny>,
    select: Option<&Bound<'py, PyAny>>,
    ignore: Option<&Bound<'py, PyAny>>,
    titles: Option<&Bound<'py, PyAny>>,
    aliases: Option<PathBuf>,
    config: Option<PathBuf>,
    complete_index: bool,
    schema: Option<PathBuf>,
    baseline: Option<PathBuf>,
    max_file_size: u64,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let paths = self::paths(paths)?;
    let titles = Titles::from_py(titles)?;
    let opts = run_options(
        select,
        ignore,
        &titles,
        aliases.clone(),
        config,
        complete_index,
        schema,
        baseline,
        max_file_size,
    )?;
    let threads = threads.unwrap_or_else(default_threads);
    let report = py.detach(move || {
        let loaded = titles.loaded(aliases.as_ref())?;
        let bytes = session::check_json(&opts, &paths, threads, loaded.as_ref())?;
        String::from_utf8(bytes).map_err(|e| SetupError {
            code: None,
            message: e.to_string(),
        })
    });
    from_json(py, &report.map_err(|e| setup_error(&e))?)
}

// ---------------------------------------------------------------- Checker

/// One input as Python holds it: ``(name, path, error)``.
type PyInput = (String, Option<String>, Option<String>);

fn to_input((name, path, error): PyInput) -> Input {
    match (path, error) {
        (Some(p), None) => Input::file(PathBuf::from(p), name),
        (_, e) => Input::broken(name, e.unwrap_or_else(|| "no path".to_string())),
    }
}

fn from_input(i: &Input) -> PyInput {
    match i {
        Input::File(f) => (
            f.shown().to_string(),
            Some(f.path().display().to_string()),
            None,
        ),
        Input::Broken(name, e) => (name.to_string(), None, Some(e.to_string())),
        Input::Stdin(name) => (name.clone(), None, Some("standard input".to_string())),
    }
}

/// Checker(*, select=None, ignore=None, titles=None, aliases=None, config=None, complete_index=False, schema=None, baseline=None, max_file_size=DEFAULT_MAX_FILE_SIZE)
/// --
///
/// A run in pieces, for clusters: what ``check_paths`` does, split so that
/// the pieces can run in other processes and add up to the same report.
///
/// On the driver: ``inputs = checker.discover(paths)`` lists the run's files;
/// ``index = checker.run_index(inputs)`` is the run's title index (the
/// articles' own titles, then the title and alias lists), a ``TitleIndex``
/// that pickles. On each worker, once: ``worker = Checker(**options)
/// .with_index(index)``; then per batch ``worker.check(batch)`` gives the
/// batch's ``diagnostics``, ``files`` and ``totals``. Back on the driver,
/// ``checker.with_index(index).finish(add_totals(*totals))`` gives the
/// report's ``summary``, ``notes``, ``tool`` and ``version``, as
/// ``check_paths`` (and ``encyclint check --format json``) would. R006
/// (orphan-article), which needs the whole corpus at once, is not run in
/// pieces.
///
/// The options are ``check_paths``'s. Raises ``EncyclintError`` with the
/// CLI's message when they cannot be loaded.
#[pyclass(frozen, module = "encyclint")]
struct Checker {
    opts: Options,
    loaded: Option<TitleIndex>,
    session: Arc<Session>,
}

impl Checker {
    fn new_with(
        opts: Options,
        loaded: Option<TitleIndex>,
        index: Option<Option<TitleIndex>>,
    ) -> Result<Self, SetupError> {
        let mut session = Session::new(&opts)?;
        session.index = match index {
            Some(ix) => ix,
            None => session.run_index(&Inputs::new(), loaded.as_ref())?,
        };
        Ok(Self {
            opts,
            loaded,
            session: Arc::new(session),
        })
    }
}

#[pymethods]
impl Checker {
    #[new]
    #[pyo3(signature = (*, select = None, ignore = None, titles = None, aliases = None, config = None, complete_index = false, schema = None, baseline = None, max_file_size = source::DEFAULT_MAX_FILE_SIZE))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        select: Option<&Bound<'_, PyAny>>,
        ignore: Option<&Bound<'_, PyAny>>,
        titles: Option<&Bound<'_, PyAny>>,
        aliases: Option<PathBuf>,
        config: Option<PathBuf>,
        complete_index: bool,
        schema: Option<PathBuf>,
        baseline: Option<PathBuf>,
        max_file_size: u64,
    ) -> PyResult<Self> {
        let titles = Titles::from_py(titles)?;
        let opts = run_options(
            select,
            ignore,
            &titles,
            aliases.clone(),
            config,
            complete_index,
            schema,
            baseline,
            max_file_size,
        )?;
        py.detach(move || {
            let loaded = titles.loaded(aliases.as_ref())?;
            Checker::new_with(opts, loaded, None)
        })
        .map_err(|e| setup_error(&e))
    }

    /// discover(paths)
    /// --
    ///
    /// The run's inputs, in report order: ``(name, path, error)`` tuples,
    /// ``name`` as the report shows it, ``path`` to read (``None`` for a path
    /// that could not be walked, whose ``error`` says why).
    fn discover(&self, py: Python<'_>, paths: &Bound<'_, PyAny>) -> PyResult<Vec<PyInput>> {
        let paths = self::paths(paths)?;
        let session = Arc::clone(&self.session);
        Ok(py.detach(move || {
            session
                .discover(&paths, None)
                .iter()
                .map(|i| from_input(&i))
                .collect()
        }))
    }

    /// run_index(inputs)
    /// --
    ///
    /// The title index of a run of these inputs, as ``check_paths`` builds
    /// it: their own titles (when there are more than one), then the title
    /// and alias lists. ``None`` when there is no source at all (references
    /// are then not judged).
    fn run_index(&self, py: Python<'_>, inputs: Vec<PyInput>) -> PyResult<Option<PyTitleIndex>> {
        let session = Arc::clone(&self.session);
        let loaded = self.loaded.clone();
        let ix = py
            .detach(move || {
                let inputs: Inputs = inputs.into_iter().map(to_input).collect();
                session.run_index(&inputs, loaded.as_ref())
            })
            .map_err(|e| setup_error(&e))?;
        Ok(ix.map(PyTitleIndex::new))
    }

    /// with_index(index)
    /// --
    ///
    /// A checker with the same options whose title index is exactly
    /// ``index`` (a ``TitleIndex`` from ``run_index``, or ``None``: references
    /// not judged). Load it once per worker and keep it.
    fn with_index(&self, py: Python<'_>, index: Option<PyRef<'_, PyTitleIndex>>) -> PyResult<Self> {
        let opts = self.opts.clone();
        let loaded = self.loaded.clone();
        let ix = index.map(|i| (*i.index).clone());
        py.detach(move || Checker::new_with(opts, loaded, Some(ix)))
            .map_err(|e| setup_error(&e))
    }

    /// check(inputs, *, threads=None)
    /// --
    ///
    /// Check a batch of inputs (from ``discover``) on ``threads`` threads
    /// (default: all cores): a dict with the batch's ``diagnostics`` (as in
    /// the JSON report, in input order), ``files`` (the names checked) and
    /// ``totals`` (counts to add up with ``add_totals`` and give to
    /// ``finish``).
    #[pyo3(signature = (inputs, *, threads = None))]
    fn check<'py>(
        &self,
        py: Python<'py>,
        inputs: Vec<PyInput>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let session = Arc::clone(&self.session);
        let threads = threads.unwrap_or_else(default_threads);
        let text = py.detach(move || {
            let inputs: Vec<Input> = inputs.into_iter().map(to_input).collect();
            let (results, totals) = session.check_batch(&inputs, threads);
            let diagnostics: Vec<serde_json::Value> = results
                .iter()
                .flat_map(|r| {
                    r.diagnostics
                        .iter()
                        .map(|l| diagnostic_json(r.file(), r.page.as_deref(), l))
                })
                .collect();
            let files: Vec<&str> = results.iter().map(|r| r.path.as_str()).collect();
            serde_json::to_string(&serde_json::json!({
                "diagnostics": diagnostics,
                "files": files,
                "totals": totals,
            }))
        });
        from_json(py, &text.map_err(|e| PyValueError::new_err(e.to_string()))?)
    }

    /// finish(totals)
    /// --
    ///
    /// The members of the JSON report after ``diagnostics`` and ``files``
    /// (``notes`` when there are any, ``summary``, ``tool``, ``version``) for
    /// a run whose batches add up to ``totals``. Call it on a checker whose
    /// index is the run's (``with_index``): the notes count its titles.
    fn finish<'py>(
        &self,
        py: Python<'py>,
        totals: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let text: String = py
            .import("json")?
            .call_method1("dumps", (totals,))?
            .extract()?;
        let totals: Totals = serde_json::from_str(&text)
            .map_err(|e| PyValueError::new_err(format!("bad totals: {e}")))?;
        to_py(
            py,
            &self
                .session
                .totals_tail(&totals, self.opts.baseline.as_deref()),
        )
    }

    /// The title index this checker judges references with (``None``: not
    /// judged).
    #[getter]
    fn index(&self) -> Option<PyTitleIndex> {
        self.session.index.clone().map(PyTitleIndex::new)
    }
}

/// How many title indexes this process has loaded, built or unpickled (to
/// show that a cluster's workers load the index once each).
#[pyfunction]
fn _index_loads() -> usize {
    index::loads()
}

/// encyclint, a linter for encyclopedic articles: the Rust library's
/// functions and classes. Import ``encyclint``, not this module.
#[pymodule]
mod _encyclint {
    #[pymodule_export]
    use super::{_index_loads, Checker, EncyclintError, PyTitleIndex, check_paths, lint, parse};

    #[pymodule_init]
    fn init(m: &pyo3::Bound<'_, pyo3::types::PyModule>) -> pyo3::PyResult<()> {
        use pyo3::types::PyModuleMethods;
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add(
            "DEFAULT_MAX_FILE_SIZE",
            crate::source::DEFAULT_MAX_FILE_SIZE,
        )
    }
}
