//! `--format short`: `path:line:col: severity[CODE] message`, one line per
//! finding, written as each file completes.

use std::io::{self, Write};

use crate::report::human::sanitize_line;
use crate::report::stream::{Stream, StreamError};
use crate::report::{FileResult, Summary};

/// `--format short`.
pub struct ShortStream<'w> {
    w: &'w mut dyn Write,
}

impl<'w> ShortStream<'w> {
    /// A stream onto `w`.
    pub fn new(w: &'w mut dyn Write) -> Self {
        Self { w }
    }
}

impl Stream for ShortStream<'_> {
    fn file(&mut self, r: FileResult) -> io::Result<()> {
        for l in &r.diagnostics {
            writeln!(
                self.w,
                "{}:{}:{}: {}[{}] {}",
                sanitize_line(&r.path),
                l.at.start.line,
                l.at.start.column,
                l.diag.severity.as_str(),
                l.diag.code,
                sanitize_line(&l.diag.message)
            )?;
        }
        Ok(())
    }

    fn finish(self: Box<Self>, _: &Summary) -> Result<(), StreamError> {
        Ok(())
    }
}
