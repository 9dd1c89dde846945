//! Byte spans into the original source, and the one place where they become
//! lines and columns.
//!
//! Every node of the model carries a [`Span`] (`offset` and `length` in bytes of
//! the file as read, BOM included). Reporters turn spans into 1-based lines and
//! columns through [`LineIndex`]; nothing else in the crate computes positions.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[offset, offset + length)` into the source text.
///
/// Both numbers are 32-bit: every node of the model carries spans, and a file
/// of a million short sentences holds several million of them. The input gate
/// refuses files longer than [`MAX_SOURCE_LEN`], so a span of a file that was
/// read always fits; [`Span::new`] saturates otherwise.
/// The JSON is `{"offset": ..., "length": ...}`, as it always was.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// Byte offset of the first byte.
    offset: u32,
    /// Length in bytes.
    length: u32,
}

/// The longest source a [`Span`] can cover: 4 GiB less one byte.
pub const MAX_SOURCE_LEN: u64 = u32::MAX as u64;

/// `n` as a 32-bit offset, saturating (only a file the gate refuses can reach it).
fn to32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Span {
    /// A span from `start` (inclusive) to `end` (exclusive); an inverted range is empty.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        let offset = to32(start);
        Self {
            offset,
            length: to32(end).saturating_sub(offset),
        }
    }

    /// A span of `length` bytes from `offset`.
    #[must_use]
    pub fn at(offset: usize, length: usize) -> Self {
        Self::new(offset, offset.saturating_add(length))
    }

    /// Byte offset of the first byte.
    #[must_use]
    pub fn start(self) -> usize {
        self.offset as usize
    }

    /// Length in bytes.
    #[must_use]
    pub fn len(self) -> usize {
        self.length as usize
    }

    /// Whether the span covers no byte.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.length == 0
    }

    /// The exclusive end offset.
    #[must_use]
    pub fn end(self) -> usize {
        self.start() + self.len()
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start().min(other.start()), self.end().max(other.end()))
    }

    /// This span clamped to `text`: inside its length and on `char` boundaries.
    #[must_use]
    pub fn clamp_to(self, text: &str) -> Span {
        let mut start = self.start().min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = self.end().min(text.len()).max(start);
        while !text.is_char_boundary(end) {
            end += 1;
        }
        Span::new(start, end)
    }

    /// The text this span covers, or `""` when it does not fit the source.
    #[must_use]
    pub fn slice(self, text: &str) -> &str {
        let s = self.clamp_to(text);
        &text[s.start()..s.end()]
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(s: Span) -> Self {
        (s.start(), s.len()).into()
    }
}

/// A 1-based line and column; the column counts Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column in Unicode scalar values.
    pub column: usize,
}

/// Line starts of one source text: byte offset to line/column and back.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the line starts of `text`. `\n`, `\r\n` and a lone `\r` each end a line.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        // memchr finds the next line end many bytes at a time.
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            match bytes[i] {
                // The `\n` of a `\r\n` was counted with its `\r`.
                b'\n' if i > 0 && bytes[i - 1] == b'\r' => {}
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => starts.push(i + 2),
                _ => starts.push(i + 1),
            }
        }
        Self { starts }
    }

    /// Number of lines (a trailing newline opens an empty last line).
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where the 1-based `line` starts, if it exists.
    #[must_use]
    pub fn line_start(&self, line: usize) -> Option<usize> {
        line.checked_sub(1)
            .and_then(|l| self.starts.get(l).copied())
    }

    /// The 1-based line `offset` is on (an offset past the end is on the last line).
    #[must_use]
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// 1-based line and scalar column of `offset` (clamped to the text); a
    /// leading BOM does not count as a column.
    #[must_use]
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = Span::at(offset, 0).clamp_to(text).start();
        let line = self.line_of(offset);
        let mut start = self.starts[line - 1].min(offset);
        // A leading UTF-8 BOM is not a column an editor shows.
        if line == 1 && text.starts_with('\u{feff}') && offset >= 3 {
            start = 3;
        }
        let column = text[start..offset].chars().count() + 1;
        LineCol { line, column }
    }

    /// As [`LineIndex::line_col`], counting from `from` (an earlier offset
    /// and its position) when it is on the same line: positions asked for in
    /// order along one long line then cost the distance between them, not
    /// the distance from the line's start.
    #[must_use]
    pub fn line_col_from(&self, text: &str, offset: usize, from: (usize, LineCol)) -> LineCol {
        let offset = Span::at(offset, 0).clamp_to(text).start();
        let (at, pos) = from;
        let line = self.line_of(offset);
        let bom_end = if line == 1 && text.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        if pos.line == line
            && at <= offset
            && at >= self.starts[line - 1].max(bom_end)
            && text.is_char_boundary(at)
        {
            return LineCol {
                line,
                column: pos.column + text[at..offset].chars().count(),
            };
        }
        self.line_col(text, offset)
    }

    /// Byte offset of a comrak-style position: 1-based line, 1-based byte column.
    #[must_use]
    pub fn offset_of(&self, text: &str, line: usize, byte_col: usize) -> usize {
        let Some(start) = self.line_start(line) else {
            return text.len();
        };
        (start + byte_col.saturating_sub(1)).min(text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bom_is_not_a_column() {
        let text = "\u{feff}Ab\ncd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 3), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_col(text, 4), LineCol { line: 1, column: 2 });
        assert_eq!(idx.line_col(text, 6), LineCol { line: 2, column: 1 });
    }

    #[test]
    fn line_col_counts_scalars_and_all_line_ends() {
        let text = "ab\r\ncé\rx\ny";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, column: 1 });
        // 'é' is two bytes: the byte after it is column 3.
        assert_eq!(idx.line_col(text, 7), LineCol { line: 2, column: 3 });
        assert_eq!(idx.line_col(text, 8), LineCol { line: 3, column: 1 });
        assert_eq!(idx.line_col(text, 10), LineCol { line: 4, column: 1 });
        // Past the end is clamped, never a panic.
        assert_eq!(idx.line_col(text, 999), LineCol { line: 4, column: 2 });
        assert_eq!(idx.line_of(0), 1);
        assert_eq!(idx.line_of(4), 2);
        assert_eq!(idx.line_of(999), 4);
    }

    #[test]
    fn line_starts_after_every_kind_of_line_end() {
        let cases: [(&str, &[usize]); 7] = [
            ("", &[0]),
            ("\n", &[0, 1]),
            ("\r\n", &[0, 2]),
            ("\r", &[0, 1]),
            ("\r\r\n\n", &[0, 1, 3, 4]),
            ("\n\r", &[0, 1, 2]),
            ("a\r\nb\rc\nd", &[0, 3, 5, 7]),
        ];
        for (text, starts) in cases {
            let idx = LineIndex::new(text);
            let got: Vec<usize> = (1..=idx.line_count())
                .filter_map(|l| idx.line_start(l))
                .collect();
            assert_eq!(got, starts, "{text:?}");
        }
    }

    #[test]
    fn clamp_moves_to_char_boundaries() {
        let text = "aé";
        assert_eq!(Span::new(2, 2).clamp_to(text), Span::new(1, 3));
        assert_eq!(Span::new(1, 2).clamp_to(text), Span::new(1, 3));
        assert_eq!(Span::new(10, 20).clamp_to(text), Span::new(3, 3));
    }
}
