//! A read-only table from words to small values, for the lexicons that every
//! token of every sentence is looked up in: open addressing, keyed by the
//! word's length and its first and last eight bytes, so a token is found with
//! integer tests (and a slice comparison only past sixteen bytes), not a
//! string hash and a `memcmp`.

/// Words and their values, built once from a lexicon.
pub struct WordTable<V> {
    slots: Vec<Slot<V>>,
    /// `64 - log2(slots.len())`: the hash's top bits index the table.
    shift: u32,
    /// Whether some word of the table has no letter or digit, and so could be
    /// a punctuation token: if none does, punctuation need not be looked up.
    punctuation: bool,
}

#[derive(Clone)]
struct Slot<V> {
    head: u64,
    tail: u64,
    /// 0: an empty slot (no word of the table is empty).
    len: usize,
    word: Box<str>,
    value: V,
}

/// The first eight bytes of `b` and its last eight past them (0 when it
/// has no more than eight), little-endian, zero-padded.
#[inline]
fn head_tail(b: &[u8]) -> (u64, u64) {
    if let Some(h) = b.first_chunk::<8>() {
        let t = b
            .last_chunk::<8>()
            .filter(|_| b.len() > 8)
            .map_or(0, |t| u64::from_le_bytes(*t));
        return (u64::from_le_bytes(*h), t);
    }
    // Shorter than eight: two overlapping reads (their common bytes are the
    // same bytes at the same places), no loop over the bytes.
    let n = b.len();
    let h = if let (Some(f), Some(l)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        u64::from(u32::from_le_bytes(*f)) | (u64::from(u32::from_le_bytes(*l)) << (8 * (n - 4)))
    } else if n > 0 {
        u64::from(b[0])
            | (u64::from(b[n / 2]) << (8 * (n / 2)))
            | (u64::from(b[n - 1]) << (8 * (n - 1)))
    } else {
        0
    };
    (h, 0)
}

impl<V: Copy + Default> WordTable<V> {
    /// The table of `words`; an empty word is left out, and of a word given
    /// twice the first value is kept.
    pub fn new<S: AsRef<str>>(words: impl IntoIterator<Item = (S, V)>) -> Self {
        let words: Vec<(S, V)> = words.into_iter().collect();
        let size = (words.len() * 2).next_power_of_two().max(64);
        let empty = Slot {
            head: 0,
            tail: 0,
            len: 0,
            word: Box::from(""),
            value: V::default(),
        };
        let mut table = WordTable {
            slots: vec![empty; size],
            shift: 64 - size.trailing_zeros(),
            punctuation: false,
        };
        for (word, value) in words {
            let word = word.as_ref();
            if word.is_empty() || table.get(word).is_some() {
                continue;
            }
            table.punctuation |= !word.chars().any(char::is_alphanumeric);
            let (head, tail) = head_tail(word.as_bytes());
            let mut i = table.index(head, tail, word.len());
            while table.slots[i].len != 0 {
                i = (i + 1) & (size - 1);
            }
            table.slots[i] = Slot {
                head,
                tail,
                len: word.len(),
                word: Box::from(word),
                value,
            };
        }
        table
    }

    /// Whether some word of the table could be a punctuation token.
    #[must_use]
    pub fn has_punctuation(&self) -> bool {
        self.punctuation
    }

    #[inline]
    fn index(&self, head: u64, tail: u64, len: usize) -> usize {
        let mix = head ^ tail.rotate_left(29) ^ (len as u64).rotate_right(7);
        // The top bits of a multiplicative (Fibonacci) hash.
        (mix.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The value of `w`, if it is a word of the table.
    #[inline(always)]
    pub fn get(&self, w: &str) -> Option<V> {
        let b = w.as_bytes();
        let (head, tail) = head_tail(b);
        let mask = self.slots.len() - 1;
        let mut i = self.index(head, tail, b.len());
        loop {
            let s = &self.slots[i];
            if s.len == 0 {
                return None;
            }
            if s.len == b.len()
                && s.head == head
                && s.tail == tail
                && (b.len() <= 16 || s.word.as_bytes() == b)
            {
                return Some(s.value);
            }
            i = (i + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_word_and_no_other() {
        let words = [
            "a",
            "an",
            "the",
            "abcd",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "abcdefghijklmnopqrstuvwxyz",
            "world's",
            ",",
            "—",
            "é",
        ];
        let table = WordTable::new(words.iter().enumerate().map(|(n, w)| (*w, n)));
        assert!(table.has_punctuation());
        for (n, w) in words.iter().enumerate() {
            assert_eq!(table.get(w), Some(n), "{w}");
            let mut less = (*w).to_string();
            less.pop();
            for probe in [format!("{w}x"), format!("x{w}"), format!("{less}#")] {
                assert_eq!(table.get(&probe), None, "{probe}");
            }
        }
        // Same first and last eight bytes, another middle.
        assert_eq!(table.get("abcdefghiXklmnopqrstuvwxyz"), None);
        assert_eq!(table.get(""), None);
        let letters = WordTable::new([("it", 1u8)]);
        assert!(!letters.has_punctuation());
        assert_eq!(letters.get("it"), Some(1));
    }
}
