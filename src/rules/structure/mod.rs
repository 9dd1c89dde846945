//! Structure rules (S): title, lead, sections, headings and items.

pub mod duplicate_heading;
pub mod empty_section;
pub mod heading_style;
pub mod malformed_item;
pub mod misplaced_heading;
pub mod missing_lead;
pub mod missing_title;
pub mod title_artifact;

/// A heading or label normalised for comparison: lower case, parenthetical
/// remarks and wiki chrome removed, punctuation and white space collapsed.
#[must_use]
pub fn normalize_heading(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = (depth - 1).max(0),
            _ if depth > 0 => {}
            c if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
        }
    }
    // Only the spaces pushed above can stand at either end (no letter or
    // digit lower-cases to white space): trimmed in place.
    if out.ends_with(' ') {
        out.pop();
    }
    if out.starts_with(' ') {
        out.remove(0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalize_heading;

    #[test]
    fn normalization() {
        assert_eq!(
            normalize_heading(
                "Controversies and debates (from a pragmatic defender's perspective)"
            ),
            "controversies and debates"
        );
        assert_eq!(normalize_heading("  History:  "), "history");
    }
}
