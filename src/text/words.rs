//! Word counting: the one definition every fact of the model uses.

/// Count words the way every fact in the model does: runs of alphanumerics.
#[must_use]
pub fn word_count(text: &str) -> usize {
    // A word is a run of alphanumerics, apostrophes and hyphens with at least one
    // alphanumeric: it is counted where it starts, at a letter or digit met
    // outside a word; a joiner keeps the state it finds. Eight bytes at a time
    // where they are ASCII (nearly all of prose), one character at a time
    // elsewhere.
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    // The words started in each byte of the chunks read eight at a time,
    // added up bytewise (a byte holds at most `FLUSH` of them) and summed at
    // the end: no population count per chunk.
    let mut starts = 0u64;
    let mut pending = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(chunk);
            let x = u64::from_le_bytes(eight);
            if x & HIGH == 0 {
                // The high bit of each byte: a letter or digit, a joiner,
                // inside a word after it, and inside a word before it.
                let alnum = alnum(x);
                let joiners = joiners(x);
                let carry = u64::from(in_word) << 7;
                let mut inside = alnum;
                if joiners != 0 {
                    // A joiner is inside a word when the byte before it is:
                    // spread along runs of joiners (one step for each).
                    loop {
                        let next = alnum | (joiners & ((inside << 8) | carry));
                        if next == inside {
                            break;
                        }
                        inside = next;
                    }
                }
                let before = (inside << 8) | carry;
                starts += (alnum & !before) >> 7;
                pending += 1;
                if pending == FLUSH {
                    words += byte_sum(starts);
                    starts = 0;
                    pending = 0;
                }
                in_word = inside >> 63 != 0;
                i += 8;
                continue;
            }
            let stop = i + 8;
            while i < stop {
                i = step(text, i, &mut words, &mut in_word);
            }
            continue;
        }
        i = step(text, i, &mut words, &mut in_word);
    }
    words + byte_sum(starts)
}

/// How many chunks' starts a byte of the sum may hold before it is added up.
const FLUSH: u32 = 255;

/// The sum of the eight bytes of `x`.
const fn byte_sum(x: u64) -> usize {
    let pairs = (x & 0x00FF_00FF_00FF_00FF) + ((x >> 8) & 0x00FF_00FF_00FF_00FF);
    (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize
}

/// One character of [`word_count`] at byte `i`; the byte after it.
#[inline]
fn step(text: &str, i: usize, words: &mut usize, in_word: &mut bool) -> usize {
    let b = text.as_bytes()[i];
    let (alnum, joiner, width) = if b.is_ascii() {
        (b.is_ascii_alphanumeric(), b == b'\'' || b == b'-', 1)
    } else {
        let c = text[i..].chars().next().unwrap_or(' ');
        (c.is_alphanumeric(), c == '’', c.len_utf8())
    };
    if alnum {
        *words += usize::from(!*in_word);
        *in_word = true;
    } else if !joiner {
        *in_word = false;
    }
    i + width
}

/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// `b` in every byte.
const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The high bit of each byte of `x` (all ASCII) that is at least `lo`: adding
/// `0x80 - lo` carries into the high bit exactly then, and never out of the byte.
const fn at_least(x: u64, lo: u8) -> u64 {
    x.wrapping_add(splat(0x80 - lo)) & HIGH
}

/// The high bit of each byte of `x` (all ASCII) in `lo..=hi`.
const fn within(x: u64, lo: u8, hi: u8) -> u64 {
    at_least(x, lo) & !at_least(x, hi + 1)
}

/// The high bit of each byte of `x` (all ASCII) that is a letter or a digit.
/// `| 0x20` folds capitals onto small letters and sends no other byte there.
const fn alnum(x: u64) -> u64 {
    within(x, b'0', b'9') | within(x | splat(0x20), b'a', b'z')
}

/// The high bit of each byte of `x` (all ASCII) that is `'` or `-`.
const fn joiners(x: u64) -> u64 {
    // A byte is zero after the xor exactly where it was the joiner; adding
    // 0x7F sets the high bit of every other byte.
    let not_apostrophe = (x ^ splat(b'\'')).wrapping_add(splat(0x7F)) & HIGH;
    let not_hyphen = (x ^ splat(b'-')).wrapping_add(splat(0x7F)) & HIGH;
    !(not_apostrophe & not_hyphen) & HIGH
}

#[cfg(test)]
mod tests {
    use super::word_count;

    #[test]
    fn words_are_alphanumeric_runs() {
        assert_eq!(word_count("Critics, by contrast, argue."), 4);
        assert_eq!(
            word_count("state-of-the-art cooperation—with allies' help"),
            5
        );
        assert_eq!(word_count(" — "), 0);
    }

    /// The count as it was before the table: a branch per byte.
    fn reference(text: &str) -> usize {
        let mut words = 0;
        let mut in_word = false;
        for c in text.chars() {
            if c.is_alphanumeric() {
                in_word = true;
            } else if !matches!(c, '\'' | '-' | '’') {
                words += usize::from(in_word);
                in_word = false;
            }
        }
        words + usize::from(in_word)
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config {
            cases: 2048,
            rng_seed: proptest::test_runner::RngSeed::Fixed(0x70c6),
            failure_persistence: None,
            ..proptest::test_runner::Config::default()
        })]

        #[test]
        fn the_table_counts_as_the_reference(
            s in "([a-zA-Z0-9 ,.;:!?()'’‐—–\"“”*_@`\\[{-]|é|ß|İ|Ω|٣|\\u{a0}|\\u{3000}|日本|[a-z]{1,9} ){0,60}"
        ) {
            proptest::prop_assert_eq!(word_count(&s), reference(&s));
        }
    }
}
