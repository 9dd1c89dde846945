//! Reading index sources from disk: title lists, alias lists (plain or gzip),
//! and prebuilt index files.

use std::io::{BufRead, Read};
use std::path::Path;

use super::{IndexError, Layer, MAGIC, build_bytes};

/// Read a titles file: a prebuilt index (by its magic bytes), or text with one
/// title a line, gzip-compressed or not.
///
/// # Errors
/// Unreadable, bad gzip, or not UTF-8 text.
pub fn load_titles(path: &Path) -> Result<Layer, IndexError> {
    let origin = path.display().to_string();
    let err = |reason: String| IndexError {
        path: origin.clone(),
        reason,
    };
    let mut head = [0u8; 8];
    let n = std::fs::File::open(path)
        .and_then(|mut f| read_up_to(&mut f, &mut head))
        .map_err(|e| err(crate::source::io_reason(&e)))?;
    if head[..n] == MAGIC[..] {
        return Layer::open(path);
    }
    let mut titles = Vec::new();
    read_lines(path, |line| {
        if !line.trim().is_empty() {
            titles.push(line.to_string());
        }
    })?;
    Layer::from_bytes(origin, build_bytes(titles.into_iter(), std::iter::empty()))
}

/// Read an aliases file: `alias<TAB>target` a line (`.gz` accepted); lines
/// without a tab are skipped and counted.
///
/// # Errors
/// Unreadable, bad gzip, or not UTF-8 text.
pub fn read_aliases(path: &Path) -> Result<(Vec<(String, String)>, usize), IndexError> {
    let mut out = Vec::new();
    let mut skipped = 0;
    read_lines(path, |line| {
        if line.trim().is_empty() || line.starts_with('#') {
            return;
        }
        match line.split_once('\t') {
            Some((a, t)) if !a.trim().is_empty() && !t.trim().is_empty() => {
                out.push((a.to_string(), t.to_string()))
            }
            _ => skipped += 1,
        }
    })?;
    Ok((out, skipped))
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// Call `f` with every line of a text file, gunzipping it when it starts with
/// the gzip magic bytes.
///
/// # Errors
/// IO errors, and lines that are not UTF-8 (named by line number).
pub fn read_lines(path: &Path, mut f: impl FnMut(&str)) -> Result<(), IndexError> {
    let origin = path.display().to_string();
    let err = |reason: String| IndexError {
        path: origin.clone(),
        reason,
    };
    let file = std::fs::File::open(path).map_err(|e| err(crate::source::io_reason(&e)))?;
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    let gz = reader
        .fill_buf()
        .map_err(|e| err(crate::source::io_reason(&e)))?
        .starts_with(&[0x1f, 0x8b]);
    let mut reader: Box<dyn BufRead> = if gz {
        Box::new(std::io::BufReader::with_capacity(
            1 << 20,
            flate2::read::MultiGzDecoder::new(reader),
        ))
    } else {
        Box::new(reader)
    };
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf).map_err(|e| {
            err(format!(
                "line {}: {}",
                line_no + 1,
                crate::source::io_reason(&e)
            ))
        })?;
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        let line =
            std::str::from_utf8(&buf).map_err(|_| err(format!("line {line_no} is not UTF-8")))?;
        f(line.trim_end_matches(['\n', '\r']));
    }
}
