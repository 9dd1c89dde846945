//! Titles read without parsing the whole article, for the corpus pre-pass that
//! builds the index of the checked articles' own titles.

/// The title of a source, read cheaply: [`quick_title`] for plain text and
/// Markdown; for wikitext the page's or file's name, as the parser takes it.
#[must_use]
pub fn source_title(src: &crate::source::SourceFile) -> Option<String> {
    match src.format {
        crate::source::Format::Wikitext => super::wikitext::title_of(src),
        f => quick_title(&src.text, f),
    }
}

/// The title of an article, read cheaply for the corpus pre-pass (without
/// parsing the whole file): the first non-empty line of plain text, or a
/// first-line `# Title` (or `Title` over `===`) in Markdown, wiki chrome
/// removed. Agrees with the parsers on ordinary articles. Wikitext holds no
/// title (it is the page's name: see [`source_title`]).
#[must_use]
pub fn quick_title(text: &str, format: crate::source::Format) -> Option<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = crate::text::lines(text);
    let title = match format {
        crate::source::Format::Text => lines.find(|l| !l.trim().is_empty())?.trim().to_string(),
        crate::source::Format::Markdown => {
            let mut first = lines.find(|l| !l.trim().is_empty())?;
            if first.trim_end() == "---" {
                // Front matter.
                lines.find(|l| l.trim_end() == "---")?;
                first = lines.find(|l| !l.trim().is_empty())?;
            }
            let t = first.trim_start();
            if let Some(rest) = t.strip_prefix("# ") {
                rest.trim().trim_end_matches('#').trim().to_string()
            } else if t == "#" {
                return None;
            } else if lines
                .next()
                .is_some_and(|l| !l.trim().is_empty() && l.trim().chars().all(|c| c == '='))
            {
                t.trim().to_string()
            } else {
                return None;
            }
        }
        crate::source::Format::Wikitext => return None,
    };
    let title: String = title
        .replace(['*', '`'], "")
        .replace("[[", "")
        .replace("]]", "");
    let (keep, _) = crate::text::strip_chrome(&title);
    let t = crate::text::collapse_ws(&title[..keep]);
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::quick_title;
    use crate::source::Format;

    #[test]
    fn titles_without_parsing() {
        assert_eq!(
            quick_title("\n\nDefense CooperationEdit\nLead.", Format::Text).as_deref(),
            Some("Defense Cooperation")
        );
        assert_eq!(
            quick_title("# Light [edit]\n\nText.", Format::Markdown).as_deref(),
            Some("Light")
        );
        assert_eq!(
            quick_title("---\na: 1\n---\n# Light\n", Format::Markdown).as_deref(),
            Some("Light")
        );
        assert_eq!(
            quick_title("Light\n=====\n", Format::Markdown).as_deref(),
            Some("Light")
        );
        assert_eq!(quick_title("## Section\n", Format::Markdown), None);
        assert_eq!(quick_title("", Format::Text), None);
        // Old Mac line ends: the title is the first line, not the file.
        assert_eq!(
            quick_title("Light\rLead.\r", Format::Text).as_deref(),
            Some("Light")
        );
    }
}
