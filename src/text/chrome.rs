//! Wiki chrome: the `Edit` buttons and `[edit]` links a copy from a web page leaves on
//! titles and headings.

/// Wiki chrome at the end of a title or heading copied from a web page:
/// `[edit]`, `[edit source]`, `[edit | edit source]`, or an `Edit` button glued
/// to the last word (`Defense CooperationEdit`). Returns the length of the text
/// to keep and the artifacts, with spans relative to `text`.
#[must_use]
pub fn strip_chrome(text: &str) -> (usize, Vec<(usize, usize)>) {
    let trimmed = text.trim_end();
    let mut keep = trimmed.len();
    let mut artifacts = Vec::new();
    // Bracketed forms. Read on the text itself: a lower-cased copy may be
    // longer (`İ` is two bytes, its lower case three), so its offsets are
    // not the text's; only the bracket's inside is folded.
    if trimmed.ends_with(']')
        && let Some(open) = trimmed.rfind('[')
    {
        let inner: String = trimmed[open + 1..trimmed.len() - 1]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if matches!(
            inner.as_str(),
            "edit"
                | "edit source"
                | "edit | edit source"
                | "edit|edit source"
                | "modifier"
                | "bearbeiten"
        ) {
            artifacts.push((open, trimmed.len()));
            keep = trimmed[..open].trim_end().len();
        }
    }
    // A glued `Edit` button: the byte before it is a lower-case letter, digit or closer.
    let rest = &trimmed[..keep];
    if artifacts.is_empty() && rest.len() > 4 && rest.ends_with("Edit") {
        let before = rest[..rest.len() - 4].chars().next_back();
        if before.is_some_and(|c| {
            c.is_lowercase() || c.is_numeric() || matches!(c, ')' | '"' | '”' | '’' | '\'')
        }) {
            artifacts.push((rest.len() - 4, rest.len()));
            keep = rest.len() - 4;
        }
    }
    (keep, artifacts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_is_found_and_stripped() {
        assert_eq!(
            strip_chrome("Defense CooperationEdit"),
            (19, vec![(19, 23)])
        );
        assert_eq!(strip_chrome("History [edit]"), (7, vec![(8, 14)]));
        assert_eq!(strip_chrome("Video Edit").1, vec![]);
        assert_eq!(strip_chrome("Final Cut Pro Edit").1, vec![]);
        assert_eq!(strip_chrome("Edit").1, vec![]);
        assert_eq!(strip_chrome("History [EDIT]"), (7, vec![(8, 14)]));
        // Lower case longer than the text (`İ`): offsets are the text's.
        let t = "İİİİİİİİİİ [edit]";
        assert_eq!(strip_chrome(t), (20, vec![(21, 27)]));
    }
}
