//! The data files under `data/`: tab-separated rows, `#` comments and blank lines ignored.

/// The non-comment lines of a TSV data file, split into fields.
pub fn tsv_rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

#[cfg(test)]
mod tests {
    use super::tsv_rows;

    #[test]
    fn comments_and_blanks_are_skipped() {
        let rows: Vec<Vec<&str>> = tsv_rows("# head\n\na\tb\n  \nc\td\t\n").collect();
        assert_eq!(rows, vec![vec!["a", "b"], vec!["c", "d"]]);
    }
}
