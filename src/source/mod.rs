//! Reading articles: the input gate every file passes before it is parsed
//! ([`dump`] reads the pages of MediaWiki XML exports and dumps).
//!
//! A file becomes a [`SourceFile`] only if it is a regular file under the size
//! limit, valid UTF-8 (a UTF-8 BOM is kept and skipped by the parsers) and not
//! binary. Every refusal is an [`InputError`] that names the reason, and the
//! byte offset where one exists, so the CLI can print one clear line for it.

mod bz2;
pub mod dump;
mod shared;

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use shared::SharedText;
pub(crate) use shared::TextBuf;

use crate::span::LineIndex;

/// Default maximum size of one article: 16 MiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// The largest article encyclint can read at all, whatever `--max-file-size`
/// says: 4 GiB less one byte, because spans keep byte offsets in 32 bits.
pub const MAX_READABLE_SIZE: u64 = crate::span::MAX_SOURCE_LEN;

/// `max_size` capped at [`MAX_READABLE_SIZE`]: the limit the input gate applies.
#[must_use]
pub fn readable_limit(max_size: u64) -> u64 {
    max_size.min(MAX_READABLE_SIZE)
}

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text in the seed's style: one block a line.
    Text,
    /// Markdown (CommonMark + GFM, parsed with comrak).
    Markdown,
    /// MediaWiki wikitext (`.wiki`, `.wikitext`, `.mediawiki`, and the pages of
    /// a MediaWiki XML export).
    Wikitext,
}

/// Extensions of wikitext files.
pub const WIKITEXT_EXTENSIONS: &[&str] = &["wiki", "wikitext", "mediawiki"];

impl Format {
    /// The format a path's extension implies: `.md` and `.markdown` are Markdown,
    /// `.wiki`, `.wikitext` and `.mediawiki` wikitext, everything else plain text.
    #[must_use]
    pub fn from_path(path: &str) -> Self {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            Format::Markdown
        } else if WIKITEXT_EXTENSIONS
            .iter()
            .any(|e| lower.strip_suffix(e).is_some_and(|s| s.ends_with('.')))
        {
            Format::Wikitext
        } else {
            Format::Text
        }
    }

    /// The name used in the model and reports.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Wikitext => "wikitext",
        }
    }
}

/// One article's text, as read, with its display path.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as given or discovered (`-` or `--stdin-filename` for stdin).
    pub path: String,
    /// The full text, BOM included, so spans are offsets into the file's bytes.
    /// A [`SharedText`]: the model's texts that are written in the source as
    /// they are read (most paragraphs of plain text) are ranges of it, not copies.
    pub text: SharedText,
    /// The format the parser will use.
    pub format: Format,
    /// Line starts, for turning spans into positions.
    pub lines: Arc<LineIndex>,
    /// The page's title when the text is one page of a MediaWiki dump (`path`
    /// is then the dump's).
    pub page: Option<String>,
}

impl SourceFile {
    /// Wrap text that is already in memory.
    #[must_use]
    pub fn new(path: impl Into<String>, text: impl Into<SharedText>, format: Format) -> Self {
        let text = text.into();
        let lines = Arc::new(LineIndex::new(&text));
        Self {
            path: path.into(),
            text,
            format,
            lines,
            page: None,
        }
    }

    /// One page of a MediaWiki dump: its wikitext, shown as `dump › title`.
    #[must_use]
    pub fn page(
        dump: impl Into<String>,
        title: impl Into<String>,
        text: impl Into<SharedText>,
    ) -> Self {
        let mut src = Self::new(dump, text, Format::Wikitext);
        src.page = Some(title.into());
        src
    }

    /// The name reports show: the path, or `dump › page title` for a page of a dump.
    #[must_use]
    pub fn shown(&self) -> String {
        shown_name(&self.path, self.page.as_deref())
    }

    /// Byte length of a leading UTF-8 BOM (0 or 3).
    #[must_use]
    pub fn bom_len(&self) -> usize {
        if self.text.starts_with('\u{feff}') {
            3
        } else {
            0
        }
    }
}

/// The separator between a dump's path and a page's title in reports.
pub const PAGE_SEPARATOR: &str = " \u{203a} ";

/// `path`, or `path › page` for a page of a dump.
#[must_use]
pub fn shown_name(path: &str, page: Option<&str>) -> String {
    match page {
        Some(p) => format!("{path}{PAGE_SEPARATOR}{p}"),
        None => path.to_string(),
    }
}

/// Why a file could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The operating system refused (missing, permission, a directory...).
    Io(String),
    /// Not a regular file (a FIFO, socket or device): never opened.
    NotRegular(&'static str),
    /// Larger than the limit.
    TooLarge { size: u64, limit: u64 },
    /// A NUL byte or other sign of binary content at this offset.
    Binary { offset: usize },
    /// UTF-16 or UTF-32 (a BOM says so); not transcoded.
    Utf16,
    /// Invalid UTF-8 at this byte offset.
    InvalidUtf8 { offset: usize },
    /// A `.xml` (or `.xml.bz2`, `.xml.gz`) that is not a MediaWiki export: why.
    NotDump(String),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io(e) => write!(f, "cannot read: {e}"),
            InputError::NotRegular(kind) => write!(f, "not a regular file ({kind}); skipped"),
            InputError::TooLarge { size, limit } => {
                write!(
                    f,
                    "file is {size} bytes, over the {limit}-byte limit (--max-file-size)"
                )
            }
            InputError::Binary { offset } => {
                write!(
                    f,
                    "binary content (NUL byte at byte offset {offset}); not an article"
                )
            }
            InputError::Utf16 => {
                write!(
                    f,
                    "UTF-16/UTF-32 text (byte-order mark); convert the file to UTF-8"
                )
            }
            InputError::InvalidUtf8 { offset } => {
                write!(f, "invalid UTF-8 at byte offset {offset}")
            }
            InputError::NotDump(why) => write!(f, "not a MediaWiki export or dump: {why}"),
        }
    }
}

impl std::error::Error for InputError {}

/// Check raw bytes and turn them into text.
///
/// # Errors
/// [`InputError::Utf16`], [`InputError::Binary`] or [`InputError::InvalidUtf8`].
pub fn decode(bytes: Vec<u8>) -> Result<String, InputError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InputError::Utf16);
    }
    if let Some(offset) = memchr_nul(&bytes) {
        return Err(InputError::Binary { offset });
    }
    String::from_utf8(bytes).map_err(|e| InputError::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

/// The gate for text already in memory (an editor's buffer, which is UTF-8 by
/// then): the size limit and binary content, with the reasons [`read_file`] gives.
///
/// # Errors
/// [`InputError::TooLarge`] or [`InputError::Binary`].
pub fn check_text(text: &str, max_size: u64) -> Result<(), InputError> {
    let max_size = readable_limit(max_size);
    let size = text.len() as u64;
    if size > max_size {
        return Err(InputError::TooLarge {
            size,
            limit: max_size,
        });
    }
    match memchr_nul(text.as_bytes()) {
        Some(offset) => Err(InputError::Binary { offset }),
        None => Ok(()),
    }
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}

/// Read one article from disk through the input gate.
///
/// # Errors
/// Any [`InputError`]; the file is never modified.
pub fn read_file(path: &Path, display: &str, max_size: u64) -> Result<SourceFile, InputError> {
    let max_size = readable_limit(max_size);
    let meta = std::fs::metadata(path).map_err(|e| InputError::Io(io_reason(&e)))?;
    let ft = meta.file_type();
    if ft.is_dir() {
        return Err(InputError::Io("is a directory".into()));
    }
    if !ft.is_file() {
        return Err(InputError::NotRegular(special_kind(&ft)));
    }
    if meta.len() > max_size {
        return Err(InputError::TooLarge {
            size: meta.len(),
            limit: max_size,
        });
    }
    let file = std::fs::File::open(path).map_err(|e| InputError::Io(io_reason(&e)))?;
    // The file may have grown since stat: the gate reads it again.
    let bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    read_gated(file, bytes, display, max_size)
}

/// Read `reader` to its end into `bytes`, at most one byte over `max_size`,
/// and decode it as an article shown as `display`.
fn read_gated(
    reader: impl Read,
    mut bytes: Vec<u8>,
    display: &str,
    max_size: u64,
) -> Result<SourceFile, InputError> {
    let max_size = readable_limit(max_size);
    reader
        .take(max_size + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::Io(io_reason(&e)))?;
    if bytes.len() as u64 > max_size {
        return Err(InputError::TooLarge {
            size: bytes.len() as u64,
            limit: max_size,
        });
    }
    let text = decode(bytes)?;
    Ok(SourceFile::new(display, text, Format::from_path(display)))
}

/// Read stdin through the same gate.
///
/// # Errors
/// Any [`InputError`].
pub fn read_stdin(display: &str, max_size: u64) -> Result<SourceFile, InputError> {
    read_gated(std::io::stdin().lock(), Vec::new(), display, max_size)
}

/// A short, lower-case reason for an IO error (no "os error 2" noise first).
#[must_use]
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "no such file or directory".into(),
        K::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
        }
    }
}

#[cfg(unix)]
fn special_kind(ft: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_fifo() {
        "a FIFO"
    } else if ft.is_socket() {
        "a socket"
    } else if ft.is_block_device() || ft.is_char_device() {
        "a device"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_ft: &std::fs::FileType) -> &'static str {
    "special file"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_past_32_bit_offsets_are_capped() {
        assert_eq!(readable_limit(10), 10);
        assert_eq!(readable_limit(u64::MAX), MAX_READABLE_SIZE);
        assert_eq!(
            check_text("abc", u64::MAX),
            Ok(()),
            "a capped limit still reads small text"
        );
    }

    #[test]
    fn decode_reports_offsets() {
        assert_eq!(
            decode(b"ab\xffc".to_vec()),
            Err(InputError::InvalidUtf8 { offset: 2 })
        );
        assert_eq!(
            decode(b"ab\0c".to_vec()),
            Err(InputError::Binary { offset: 2 })
        );
        assert_eq!(decode(b"\xff\xfea\0".to_vec()), Err(InputError::Utf16));
        assert_eq!(
            decode("\u{feff}Title".as_bytes().to_vec()).unwrap(),
            "\u{feff}Title"
        );
    }

    #[test]
    fn text_in_memory_passes_the_same_gate() {
        assert_eq!(check_text("Title\nLead.\n", 100), Ok(()));
        assert_eq!(
            check_text("ab\0c", 100),
            Err(InputError::Binary { offset: 2 })
        );
        assert_eq!(
            check_text("abcdef", 4),
            Err(InputError::TooLarge { size: 6, limit: 4 })
        );
    }

    #[test]
    fn format_from_extension() {
        assert_eq!(Format::from_path("a/B.MD"), Format::Markdown);
        assert_eq!(Format::from_path("a.markdown"), Format::Markdown);
        assert_eq!(Format::from_path("a.txt"), Format::Text);
        assert_eq!(Format::from_path("-"), Format::Text);
        assert_eq!(Format::from_path("Bodmin.wiki"), Format::Wikitext);
        assert_eq!(Format::from_path("a/B.WIKITEXT"), Format::Wikitext);
        assert_eq!(Format::from_path("x.mediawiki"), Format::Wikitext);
        assert_eq!(Format::from_path("wiki"), Format::Text);
    }
}
