//! [`SharedText`]: a string that shares one buffer with others, so that a
//! paragraph's sentences are ranges of the paragraph's text instead of copies.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::Serialize;

/// Text that is a range of a shared buffer: a block's text is the whole of
/// one, and each of its sentences a range of it. Reads like a `&str` (it
/// dereferences to one) and writes to JSON as a plain string.
///
/// Why: a sentence used to own a copy of its text, one allocation per
/// sentence and the block's text twice; on a file of a million short
/// sentences that was a million small allocations. Cloning is a reference
/// count, not a copy.
///
/// 16 bytes: the buffer is an `Arc<Box<str>>`, a thin pointer (an `Arc<str>`
/// is a pointer and a length, and the range already says where the text ends).
/// Reading it follows one more pointer; every sentence is 8 bytes smaller.
#[derive(Clone)]
pub struct SharedText {
    buf: Arc<Box<str>>,
    start: u32,
    end: u32,
}

impl SharedText {
    /// The text as a string slice.
    #[must_use]
    pub fn as_str(&self) -> &str {
        // The range is checked on construction to lie on char boundaries.
        &self.buf[self.start as usize..self.end as usize]
    }

    /// `part` as a range of this text when it occurs at or after byte `from`
    /// (a range of this text, not of the whole buffer), else a copy of its
    /// own. Returns the range's end, for the next search.
    #[must_use]
    pub fn share(&self, part: &str, from: usize) -> (SharedText, usize) {
        let me = self.as_str();
        // Where the caller expects it: right after `from` and any white space
        // (a sentence after the one before). A search only when it is not
        // there: building a searcher for every sentence cost a fifth of a run.
        let found = me.get(from..).and_then(|rest| {
            let gap = rest.len() - rest.trim_start().len();
            if rest[gap..].starts_with(part) {
                Some(from + gap)
            } else {
                rest.find(part).map(|at| from + at)
            }
        });
        match found {
            Some(at) => {
                let start = self.start as usize + at;
                let end = start + part.len();
                (
                    SharedText {
                        buf: Arc::clone(&self.buf),
                        // In range: within `self`, whose bounds are u32.
                        start: u32::try_from(start).unwrap_or(self.end),
                        end: u32::try_from(end).unwrap_or(self.end),
                    },
                    at + part.len(),
                )
            }
            None => (SharedText::from(part), from),
        }
    }
}

impl SharedText {
    /// Bytes `start..end` of this text as text sharing its buffer; `None`
    /// when the range is out of bounds or not on character boundaries.
    #[must_use]
    pub fn slice(&self, start: usize, end: usize) -> Option<SharedText> {
        self.as_str().get(start..end)?;
        // In range: within `self`, whose bounds are u32.
        let at = |i: usize| u32::try_from(self.start as usize + i).ok();
        Some(SharedText {
            buf: Arc::clone(&self.buf),
            start: at(start)?,
            end: at(end)?,
        })
    }
}

/// The thin buffer of a [`SharedText`], for a reference's target.
pub(crate) type TextBuf = Arc<Box<str>>;

impl SharedText {
    /// The buffer, when this text is the whole of it (a source) and has
    /// `expect` at bytes `start..end`.
    pub(crate) fn whole_at(&self, start: usize, end: usize, expect: &str) -> Option<TextBuf> {
        let whole = self.start == 0 && self.end as usize == self.buf.len();
        (whole && self.buf.get(start..end) == Some(expect)).then(|| Arc::clone(&self.buf))
    }
}

impl From<String> for SharedText {
    fn from(s: String) -> Self {
        match u32::try_from(s.len()) {
            Ok(end) => SharedText {
                buf: Arc::new(s.into_boxed_str()),
                start: 0,
                end,
            },
            // Past 4 GiB a text keeps the first 4 GiB less a character, which
            // no file the size limits admit can reach.
            Err(_) => {
                let mut cut = u32::MAX as usize;
                while !s.is_char_boundary(cut) {
                    cut -= 1;
                }
                SharedText::from(s[..cut].to_string())
            }
        }
    }
}

impl From<&str> for SharedText {
    fn from(s: &str) -> Self {
        SharedText::from(s.to_string())
    }
}

impl Default for SharedText {
    fn default() -> Self {
        SharedText::from(String::new())
    }
}

impl Deref for SharedText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl PartialEq for SharedText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedText {}

impl PartialEq<str> for SharedText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedText {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Serialize for SharedText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_share_the_buffer_and_read_as_strings() {
        let whole = SharedText::from("See A. See B. See A.".to_string());
        let (a, next) = whole.share("See A.", 0);
        let (b, next) = whole.share("See B.", next);
        let (a2, end) = whole.share("See A.", next);
        assert_eq!(
            (a.as_str(), b.as_str(), a2.as_str()),
            ("See A.", "See B.", "See A.")
        );
        assert_eq!(end, whole.len());
        // The third is the second `See A.`, found after the cursor, in the same buffer.
        assert_eq!(a2.start, 14);
        assert!(Arc::ptr_eq(&a2.buf, &whole.buf));
        assert_eq!(serde_json::to_string(&b).unwrap(), "\"See B.\"");
        assert_eq!(format!("{b} {b:?}"), "See B. \"See B.\"");
        let owned = String::from("See B.");
        assert!(b == "See B." && b == *"See B." && b == owned);
    }

    #[test]
    fn a_slice_shares_the_buffer_within_bounds() {
        let whole = SharedText::from("Café. See B.".to_string());
        let (part, _) = whole.share("See B.", 0);
        let b = part.slice(4, 6).unwrap();
        assert_eq!(b.as_str(), "B.");
        assert!(Arc::ptr_eq(&b.buf, &whole.buf));
        // Out of bounds, or inside a character: none (never a panic).
        assert!(part.slice(4, 7).is_none());
        assert!(whole.slice(4, 5).is_none(), "inside the é");
        assert!(whole.slice(3, 2).is_none());
        assert_eq!(whole.slice(0, 0).unwrap().as_str(), "");
    }

    #[test]
    fn a_part_not_found_is_a_copy_of_its_own() {
        let whole = SharedText::from("See A.".to_string());
        let (x, next) = whole.share("See X.", 0);
        assert_eq!((x.as_str(), next), ("See X.", 0));
        assert!(!Arc::ptr_eq(&x.buf, &whole.buf));
        // Searching past the end finds nothing and does not panic.
        assert_eq!(whole.share("A", 99).0.as_str(), "A");
        // A part of a part is found in the part only.
        let (a, _) = whole.share("A.", 0);
        assert_eq!(a.share("See", 0).0.start, 0, "a copy: not before the part");
    }
}
