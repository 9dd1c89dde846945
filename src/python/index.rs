//! `encyclint.TitleIndex`: one title index loaded once and shared by every
//! call that takes ``titles=``, pickled to other processes as its sources'
//! bytes.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyTuple};

use super::EncyclintError;
use crate::index::{Layer, TitleIndex};
use crate::session;

static LOADS: AtomicUsize = AtomicUsize::new(0);
static IDS: AtomicU64 = AtomicU64::new(1);

/// Indexes loaded, built or unpickled by this process.
pub(super) fn loads() -> usize {
    LOADS.load(Ordering::Relaxed)
}

/// A new identity for an index (the key of `lint`'s cached sessions).
pub(super) fn next_id() -> u64 {
    IDS.fetch_add(1, Ordering::Relaxed)
}

/// An index of these titles and `(alias, target)` redirects, in memory.
pub(super) fn from_titles(titles: &[String], aliases: &[(String, String)]) -> TitleIndex {
    LOADS.fetch_add(1, Ordering::Relaxed);
    TitleIndex::from_titles(
        titles.iter().map(String::as_str),
        aliases.iter().map(|(a, t)| (a.as_str(), t.as_str())),
    )
}

/// Known titles and redirects, to judge ``See`` references with.
///
/// Load or build one once (``TitleIndex.load``, ``TitleIndex.build``) and
/// pass it as ``titles=`` to ``lint``, ``check_paths`` and ``Checker``. It
/// is read-only and may be shared by threads; it pickles (as its sources'
/// bytes) so a cluster can ship it to each worker once.
#[pyclass(frozen, name = "TitleIndex", module = "encyclint")]
pub struct PyTitleIndex {
    pub(super) index: Arc<TitleIndex>,
    pub(super) id: u64,
}

impl PyTitleIndex {
    pub(super) fn new(index: TitleIndex) -> Self {
        Self {
            index: Arc::new(index),
            id: next_id(),
        }
    }
}

#[pymethods]
impl PyTitleIndex {
    /// load(path, aliases=None)
    /// --
    ///
    /// Read a title list (one title a line, gzip or not) or an index file
    /// built by ``encyclint index build``, and optionally an alias list
    /// (``alias<TAB>target`` lines), as ``--titles``/``--aliases`` do.
    /// Raises ``EncyclintError`` with the CLI's message when one cannot be
    /// read.
    #[staticmethod]
    #[pyo3(signature = (path, aliases = None))]
    fn load(py: Python<'_>, path: PathBuf, aliases: Option<PathBuf>) -> PyResult<Self> {
        let layers = py
            .detach(move || session::index::lists(std::slice::from_ref(&path), aliases.as_slice()))
            .map_err(|e| EncyclintError::new_err(format!("error: {e}")))?;
        let mut ix = TitleIndex::new();
        for l in layers {
            ix.push(l);
        }
        LOADS.fetch_add(1, Ordering::Relaxed);
        Ok(Self::new(ix))
    }

    /// build(titles, aliases=None)
    /// --
    ///
    /// An index of these titles in memory; ``aliases`` maps redirects to
    /// their targets (a dict, or ``(alias, target)`` pairs).
    #[staticmethod]
    #[pyo3(signature = (titles, aliases = None))]
    fn build(
        py: Python<'_>,
        titles: Vec<String>,
        aliases: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let aliases: Vec<(String, String)> = match aliases.filter(|a| !a.is_none()) {
            None => Vec::new(),
            Some(a) => match a.cast::<PyDict>() {
                Ok(d) => d
                    .iter()
                    .map(|(k, v)| Ok((k.extract()?, v.extract()?)))
                    .collect::<PyResult<_>>()?,
                Err(_) => a.extract()?,
            },
        };
        Ok(Self::new(py.detach(move || from_titles(&titles, &aliases))))
    }

    /// Rebuild an index from its sources' ``(origin, bytes)`` (pickling).
    #[staticmethod]
    fn _from_sources(py: Python<'_>, sources: Vec<(String, Vec<u8>)>) -> PyResult<Self> {
        let ix = py
            .detach(move || {
                let mut ix = TitleIndex::new();
                for (origin, bytes) in sources {
                    ix.push(Layer::from_bytes(origin, bytes)?);
                }
                Ok::<_, crate::index::IndexError>(ix)
            })
            .map_err(|e| EncyclintError::new_err(format!("error: {e}")))?;
        LOADS.fetch_add(1, Ordering::Relaxed);
        Ok(Self::new(ix))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let sources: Vec<(String, Bound<'py, PyBytes>)> = slf
            .get()
            .index
            .layers()
            .iter()
            .map(|l| (l.origin.clone(), PyBytes::new(py, l.bytes())))
            .collect();
        let rebuild = py.get_type::<Self>().getattr("_from_sources")?;
        (rebuild, (sources,)).into_pyobject(py)
    }

    /// resolve(title)
    /// --
    ///
    /// The title a reference to ``title`` names (itself, another case of it,
    /// or a redirect's target), or ``None`` when the index does not know it.
    fn resolve(&self, title: &str) -> Option<String> {
        self.index.resolve(title).map(|r| r.canonical)
    }

    fn __contains__(&self, title: &str) -> bool {
        self.index.resolve(title).is_some()
    }

    /// Titles in the index (every source).
    #[getter]
    fn titles(&self) -> u64 {
        self.index.layers().iter().map(|l| l.titles).sum()
    }

    /// Redirects in the index (every source).
    #[getter]
    fn redirects(&self) -> u64 {
        self.index.layers().iter().map(|l| l.aliases).sum()
    }

    /// Where each source came from, in lookup order.
    #[getter]
    fn sources(&self) -> Vec<String> {
        self.index
            .layers()
            .iter()
            .map(|l| l.origin.clone())
            .collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "<encyclint.TitleIndex: {} titles, {} redirects, {} source(s)>",
            self.titles(),
            self.redirects(),
            self.index.layers().len()
        )
    }
}
