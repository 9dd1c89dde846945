//! `encyclint parse FILE`: the typed section model of one article, as JSON.

use std::io::{self, Write};
use std::path::Path;

use crate::report::human;
use crate::session;
use crate::source;

/// `encyclint parse FILE`.
///
/// # Errors
/// Write errors.
pub fn parse(
    file: &str,
    stdin_name: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let src = if file == "-" {
        source::read_stdin(stdin_name.unwrap_or("-"), source::DEFAULT_MAX_FILE_SIZE)
    } else {
        source::read_file(Path::new(file), file, source::DEFAULT_MAX_FILE_SIZE)
    };
    let src = match src {
        Ok(s) => s,
        Err(e) => {
            writeln!(err, "error[E001]: {}: {e}", human::sanitize_line(file))?;
            return Ok(2);
        }
    };
    let article = session::article_model(&src);
    serde_json::to_writer_pretty(&mut *out, &article)?;
    writeln!(out)?;
    Ok(0)
}
