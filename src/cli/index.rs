//! `encyclint index build`: a prebuilt, memory-mappable title index; and the
//! note `check` gives when a prebuilt index is older than its sources.

use std::io::{self, Write};
use std::path::Path;
use std::time::Instant;

use crate::index::{self, IndexError, Limits, TitleIndex};

/// Build `output` from `titles` (and `aliases`); returns the exit code.
///
/// # Errors
/// Write errors on `out`/`err`.
pub fn build(
    titles: &Path,
    aliases: Option<&Path>,
    output: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let started = Instant::now();
    match build_file(titles, aliases, output) {
        Ok((built, skipped)) => {
            let bytes = std::fs::metadata(output).map(|m| m.len()).unwrap_or(0);
            if skipped > 0 {
                writeln!(
                    err,
                    "warning: {skipped} alias lines without `alias<TAB>target` were skipped"
                )?;
            }
            writeln!(
                out,
                "built {}: {} titles, {} redirects, {:.1} MB in {:.2} s",
                output.display(),
                built.titles,
                built.aliases,
                bytes as f64 / 1e6,
                started.elapsed().as_secs_f64()
            )?;
            Ok(0)
        }
        Err(e) => {
            writeln!(err, "error: {e}")?;
            Ok(2)
        }
    }
}

fn build_file(
    titles: &Path,
    aliases: Option<&Path>,
    output: &Path,
) -> Result<(index::Built, usize), IndexError> {
    let limits = Limits::from_env();
    let mut b = index::Builder::new();
    if let Some(s) = index::read_titles(titles, limits, true, &mut b)? {
        b.source(s);
    }
    let mut skipped = 0;
    if let Some(a) = aliases {
        let (n, s) = index::read_aliases(a, limits, true, &mut b)?;
        skipped = n;
        if let Some(s) = s {
            b.source(s);
        }
    }
    let out_err = |e: io::Error| IndexError {
        path: output.display().to_string(),
        reason: crate::source::io_reason(&e),
    };
    // Write next to the target and rename: a mapped index is never rewritten in place.
    let dir = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = tempfile::NamedTempFile::new_in(dir).map_err(out_err)?;
    let mut w = io::BufWriter::with_capacity(1 << 20, tmp.as_file());
    let built = b.write(&mut w).map_err(out_err)?;
    w.flush().map_err(out_err)?;
    drop(w);
    tmp.persist(output).map_err(|e| out_err(e.error))?;
    Ok((built, skipped))
}

/// Warn about every prebuilt index of `ix` whose sources changed since it was
/// built (a note, not an error: the run goes on with the index as it is).
///
/// # Errors
/// Write errors on `err`.
pub fn warn_stale(ix: Option<&TitleIndex>, err: &mut dyn Write) -> io::Result<()> {
    for layer in ix.map(TitleIndex::layers).unwrap_or_default() {
        for s in index::stale_sources(layer) {
            writeln!(
                err,
                "warning: the title index {} is stale: {} changed since it was built (run `encyclint index build` again)",
                crate::report::human::sanitize_line(&s.index),
                crate::report::human::sanitize_line(&s.source)
            )?;
        }
    }
    Ok(())
}
