//! `encyclint index build`: a prebuilt, memory-mappable title index.

use std::io::{self, Write};
use std::path::Path;
use std::time::Instant;

use crate::index::{self, IndexError};

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
        Ok((t, a, skipped)) => {
            let bytes = std::fs::metadata(output).map(|m| m.len()).unwrap_or(0);
            if skipped > 0 {
                writeln!(
                    err,
                    "warning: {skipped} alias lines without `alias<TAB>target` were skipped"
                )?;
            }
            writeln!(
                out,
                "built {}: {t} titles, {a} redirects, {:.1} MB in {:.2} s",
                output.display(),
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
) -> Result<(u64, u64, usize), IndexError> {
    let mut list = Vec::new();
    index::read_lines(titles, |l| {
        if !l.trim().is_empty() {
            list.push(l.to_string());
        }
    })?;
    let (pairs, skipped) = match aliases {
        Some(a) => index::read_aliases(a)?,
        None => (Vec::new(), 0),
    };
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
    let (t, a) = index::build_into(list.into_iter(), pairs.into_iter(), &mut w).map_err(out_err)?;
    w.flush().map_err(out_err)?;
    drop(w);
    tmp.persist(output).map_err(|e| out_err(e.error))?;
    Ok((t, a, skipped))
}
