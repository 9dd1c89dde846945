//! Word counting: the one definition every fact of the model uses.

/// Count words the way every fact in the model does: runs of alphanumerics.
#[must_use]
pub fn word_count(text: &str) -> usize {
    // A word is a run of alphanumerics, apostrophes and hyphens with at least one
    // alphanumeric. One pass over the bytes; non-ASCII characters are decoded.
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            // The rest of an ASCII run at once.
            in_word = true;
            i += 1 + bytes[i + 1..]
                .iter()
                .take_while(|&&b| super::tokens::ASCII_ALNUM[usize::from(b)])
                .count();
            continue;
        }
        let (alnum, joiner, width) = if b.is_ascii() {
            (false, b == b'\'' || b == b'-', 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c == '’', c.len_utf8())
        };
        if alnum {
            in_word = true;
        } else if !joiner {
            words += usize::from(in_word);
            in_word = false;
        }
        i += width;
    }
    words + usize::from(in_word)
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
}
