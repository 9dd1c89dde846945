//! Plain text with a map back to source bytes.
//!
//! The plain-text parser works on slices of the file, the Markdown parser on the
//! text of comrak's inline nodes with their markup removed. Both hand the shared
//! block builder a [`PlainText`]: the words a reader sees, plus enough of a map
//! to turn any byte range of it back into a [`Span`] of the original file.

use std::sync::LazyLock;

use crate::span::Span;

/// Text as a reader sees it, with a piecewise map to source offsets.
#[derive(Debug, Clone, Default)]
pub struct PlainText {
    /// The text. Line breaks are spaces; markup is gone.
    pub text: String,
    /// Pieces sorted by plain offset.
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, Copy)]
struct Piece {
    /// Where the piece starts in `text`.
    plain: usize,
    /// Where its source starts.
    src: usize,
    /// Length of its source.
    src_len: usize,
    /// Whether plain and source bytes correspond one to one.
    exact: bool,
}

impl PlainText {
    /// A slice of the source taken as it is; `\r` and `\n` become spaces so the
    /// map stays one to one.
    #[must_use]
    pub fn from_source(slice: &str, offset: usize) -> Self {
        // Line ends become spaces, byte for byte (both are ASCII, so the
        // offsets stay those of the source); copied in runs between them.
        let mut text = String::with_capacity(slice.len());
        let mut rest = slice;
        while let Some(i) = memchr::memchr2(b'\n', b'\r', rest.as_bytes()) {
            text.push_str(&rest[..i]);
            text.push(' ');
            rest = &rest[i + 1..];
        }
        text.push_str(rest);
        let pieces = vec![Piece {
            plain: 0,
            src: offset,
            src_len: slice.len(),
            exact: true,
        }];
        Self { text, pieces }
    }

    /// Append text that is written the same way in the source at `source_offset`.
    pub fn push_exact(&mut self, s: &str, source_offset: usize) {
        self.pieces.push(Piece {
            plain: self.text.len(),
            src: source_offset,
            src_len: s.len(),
            exact: true,
        });
        self.text.push_str(s);
    }

    /// Append text whose source form differs (an entity, a soft break): all of it
    /// maps to the `source` span.
    pub fn push_mapped(&mut self, s: &str, source: Span) {
        self.pieces.push(Piece {
            plain: self.text.len(),
            src: source.start(),
            src_len: source.len(),
            exact: false,
        });
        self.text.push_str(s);
    }

    /// Append another plain text (its map comes along).
    pub fn append(&mut self, other: PlainText) {
        let base = self.text.len();
        self.pieces.extend(other.pieces.into_iter().map(|p| Piece {
            plain: base + p.plain,
            ..p
        }));
        self.text.push_str(&other.text);
    }

    fn piece_at(&self, plain: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.plain <= plain);
        self.pieces.get(i.checked_sub(1)?)
    }

    /// The source offset where the plain byte `plain` starts.
    #[must_use]
    pub fn to_source(&self, plain: usize) -> usize {
        match self.piece_at(plain) {
            None => self.pieces.first().map_or(0, |p| p.src),
            Some(p) if p.exact => p.src + (plain - p.plain).min(p.src_len),
            Some(p) => p.src,
        }
    }

    /// The source offset just past the plain range ending (exclusively) at `end`.
    fn end_source(&self, end: usize) -> usize {
        if end == 0 {
            return self.to_source(0);
        }
        match self.piece_at(end - 1) {
            None => self.to_source(0),
            Some(p) if p.exact => p.src + (end - p.plain).min(p.src_len),
            Some(p) => p.src + p.src_len,
        }
    }

    /// The source span of the plain range `start..end`.
    #[must_use]
    pub fn span(&self, start: usize, end: usize) -> Span {
        let s = self.to_source(start);
        if end <= start {
            return Span::new(s, s);
        }
        Span::new(s, self.end_source(end).max(s))
    }
}

/// Collapse every run of whitespace to one space and trim the ends.
#[must_use]
pub fn collapse_ws(s: &str) -> String {
    collapse_ws_cow(s).into_owned()
}

/// [`collapse_ws`], borrowing `s` when it is already collapsed.
#[must_use]
pub fn collapse_ws_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if is_collapsed(s) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    std::borrow::Cow::Owned(out)
}

/// Whether `s` is already collapsed: no white space at the ends, none but
/// single ASCII spaces inside. A few vectorised scans (memchr) rather than a
/// branch per byte; only lead bytes of non-ASCII white space (U+0085, U+00A0,
/// U+1680, U+2000–U+205F, U+3000) are decoded.
fn is_collapsed(s: &str) -> bool {
    static DOUBLE_SPACE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"  "));
    let bytes = s.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return true;
    };
    if first == b' ' || last == b' ' || DOUBLE_SPACE.find(bytes).is_some() {
        return false;
    }
    if memchr::memchr3(b'\t', b'\n', b'\r', bytes).is_some()
        || memchr::memchr2(b'\x0b', b'\x0c', bytes).is_some()
    {
        return false;
    }
    !memchr::memchr3_iter(0xC2, 0xE1, 0xE2, bytes)
        .chain(memchr::memchr_iter(0xE3, bytes))
        .any(|i| s[i..].chars().next().is_some_and(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_become_spaces_in_place() {
        let src = "a\r\nb\rc\n\u{e9}\n";
        let p = PlainText::from_source(src, 0);
        assert_eq!(p.text, "a  b c \u{e9} ");
        assert_eq!(p.text.len(), src.len());
    }

    #[test]
    fn identity_map_from_source() {
        let src = "xx Hello\nworld";
        let p = PlainText::from_source(&src[3..], 3);
        assert_eq!(p.text, "Hello world");
        assert_eq!(p.span(6, 11), Span::new(9, 14));
        assert_eq!(p.span(0, 5).slice(src), "Hello");
    }

    #[test]
    fn collapse_matches_split_whitespace() {
        for s in [
            "",
            " ",
            "a",
            "a b",
            " a",
            "a ",
            "a  b",
            "a\tb",
            "a\u{a0}b",
            "a\u{2009} b",
            "é ü",
            "a\u{3000}",
            "x\u{2019}y",
            "a\u{85}b",
            "a\u{1680}b",
            "a\u{202f}b",
            "a\u{205f}b",
            "a\u{2028}",
            "\u{2029}a",
            "a\u{b}b",
            "a\u{c}b",
            "a\r\nb",
            "a\u{e9}\u{e1}\u{2014}b \u{3001}",
        ] {
            let expected = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_ws(s), expected, "{s:?}");
        }
    }

    #[test]
    fn pieces_map_markup_away() {
        // Source: "**Label**: body"
        let mut p = PlainText::default();
        p.push_exact("Label", 2);
        p.push_exact(": body", 9);
        assert_eq!(p.text, "Label: body");
        assert_eq!(p.span(0, 5), Span::new(2, 7));
        assert_eq!(p.span(7, 11), Span::new(11, 15));
    }
}
