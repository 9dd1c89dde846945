//! Byte offsets and LSP positions, in the encoding client and server agreed on.
//!
//! An LSP position is a 0-based line and a column counted in UTF-16 code units
//! (the default every client supports) or in UTF-8 bytes (when the client
//! offers `utf-8` in `general.positionEncodings`). Lines come from
//! [`LineIndex`], so `\n`, `\r\n` and a lone `\r` each end a line, as the
//! protocol says.

use lsp_types::{Position, PositionEncodingKind, Range};

use crate::span::{LineIndex, Span};

/// How columns are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 bytes.
    Utf8,
    /// UTF-16 code units (the protocol's default).
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it, else UTF-16, which every client must support.
    #[must_use]
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        if offered.is_some_and(|o| o.contains(&PositionEncodingKind::UTF8)) {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    /// The name the protocol uses.
    #[must_use]
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }

    fn units(self, s: &str) -> usize {
        match self {
            Encoding::Utf8 => s.len(),
            Encoding::Utf16 => s.chars().map(char::len_utf16).sum(),
        }
    }
}

/// A text with its line starts, for converting positions both ways.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    text: &'a str,
    lines: &'a LineIndex,
    encoding: Encoding,
}

impl<'a> Text<'a> {
    /// `lines` must index `text`.
    #[must_use]
    pub fn new(text: &'a str, lines: &'a LineIndex, encoding: Encoding) -> Self {
        Self {
            text,
            lines,
            encoding,
        }
    }

    /// The position of a byte offset (clamped to the text and to a character boundary).
    #[must_use]
    pub fn position(&self, offset: usize) -> Position {
        let offset = Span::new(offset, offset).clamp_to(self.text).start();
        let line = self.lines.line_of(offset);
        let start = self.lines.line_start(line).unwrap_or(0).min(offset);
        Position {
            line: to_u32(line - 1),
            character: to_u32(self.encoding.units(&self.text[start..offset])),
        }
    }

    /// The range of a byte span.
    #[must_use]
    pub fn range(&self, span: Span) -> Range {
        Range {
            start: self.position(span.start()),
            end: self.position(span.end()),
        }
    }

    /// The 0-based `line`: where it starts, its text without the line break,
    /// and the line break (empty on the last line).
    #[must_use]
    pub fn line(&self, line: u32) -> Option<(usize, &'a str, &'a str)> {
        let n = line as usize + 1;
        let start = self.lines.line_start(n)?;
        let next = self.lines.line_start(n + 1).unwrap_or(self.text.len());
        let whole = &self.text[start..next];
        let content = whole.trim_end_matches(['\n', '\r']);
        Some((start, content, &whole[content.len()..]))
    }

    /// The byte offset of a position. A column past the end of its line means
    /// the end of the line (before its line break), a line past the end means
    /// the end of the text, and a column inside a character means the end of
    /// that character.
    #[must_use]
    pub fn offset(&self, pos: Position) -> usize {
        let Some((start, content, _)) = self.line(pos.line) else {
            return self.text.len();
        };
        let want = pos.character as usize;
        let mut units = 0;
        for (i, c) in content.char_indices() {
            if units >= want {
                return start + i;
            }
            units += self.encoding.width(c);
        }
        start + content.len()
    }

    /// The byte span of a range (an inverted range is empty at its start).
    #[must_use]
    pub fn span(&self, range: Range) -> Span {
        let start = self.offset(range.start);
        Span::new(start, self.offset(range.end).max(start))
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn negotiation_prefers_utf8_and_defaults_to_utf16() {
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
        assert_eq!(
            Encoding::negotiate(Some(&[PositionEncodingKind::UTF32])),
            Encoding::Utf16
        );
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }

    #[test]
    fn emoji_and_accents_count_per_encoding() {
        // "é" is 2 bytes and 1 UTF-16 unit; "😀" is 4 bytes and 2 UTF-16 units.
        let text = "Title\né😀 colour and café\n";
        let lines = LineIndex::new(text);
        let colour = text.find("colour").unwrap();
        let utf16 = Text::new(text, &lines, Encoding::Utf16);
        let utf8 = Text::new(text, &lines, Encoding::Utf8);
        assert_eq!(utf16.position(colour), pos(1, 4));
        assert_eq!(utf8.position(colour), pos(1, 7));
        let end = text.len() - 1;
        assert_eq!(utf16.position(end), pos(1, 19));
        assert_eq!(utf8.position(end), pos(1, 23));
        for t in [utf16, utf8] {
            for (offset, _) in text.char_indices() {
                assert_eq!(t.offset(t.position(offset)), offset, "{t:?} at {offset}");
            }
            assert_eq!(t.offset(t.position(text.len())), text.len());
        }
    }

    #[test]
    fn offsets_inside_a_character_and_past_a_line_are_clamped() {
        let text = "a😀b\r\nnext\rlast";
        let lines = LineIndex::new(text);
        let utf16 = Text::new(text, &lines, Encoding::Utf16);
        // Column 2 is inside the emoji's surrogate pair: the end of the emoji.
        assert_eq!(utf16.offset(pos(0, 2)), 5);
        // A byte offset inside the emoji is moved back to its start.
        assert_eq!(utf16.position(3), pos(0, 1));
        // Past the end of a line: before its line break.
        assert_eq!(utf16.offset(pos(0, 99)), 6);
        assert_eq!(utf16.offset(pos(1, 99)), 12);
        // A lone `\r` ends a line too.
        assert_eq!(utf16.position(text.find("last").unwrap()), pos(2, 0));
        // Past the last line: the end of the text.
        assert_eq!(utf16.offset(pos(9, 0)), text.len());
        let span = utf16.span(Range {
            start: pos(1, 3),
            end: pos(1, 1),
        });
        assert_eq!(span, Span::new(11, 11));
    }

    #[test]
    fn a_bom_is_a_character_of_the_buffer() {
        // Editors that keep a BOM in the buffer count it like any character.
        let text = "\u{feff}Ab";
        let lines = LineIndex::new(text);
        let t = Text::new(text, &lines, Encoding::Utf16);
        assert_eq!(t.position(3), pos(0, 1));
        assert_eq!(t.offset(pos(0, 1)), 3);
    }
}
