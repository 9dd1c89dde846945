//! Rule selectors: what `--select`, `--ignore` and the config's lists accept.

use std::collections::BTreeSet;

/// Resolve selectors (`S`, `S00`, `S001`, `title-artifact`, `ALL`) to codes.
///
/// # Errors
/// The selector that matches no rule.
pub fn resolve(list: &[String]) -> Result<BTreeSet<String>, String> {
    let mut out = BTreeSet::new();
    for sel in list
        .iter()
        .flat_map(|s| s.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let matched: Vec<&str> = super::ALL
            .iter()
            .filter(|r| {
                sel.eq_ignore_ascii_case("ALL")
                    || r.code.starts_with(&sel.to_ascii_uppercase())
                    || r.name == sel
            })
            .map(|r| r.code)
            .collect();
        if matched.is_empty() {
            return Err(format!(
                "unknown rule selector `{sel}` (see `encyclint rules`)"
            ));
        }
        out.extend(matched.into_iter().map(String::from));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::resolve;

    fn sel(s: &str) -> Result<Vec<String>, String> {
        resolve(&[s.to_string()]).map(|set| set.into_iter().collect())
    }

    #[test]
    fn codes_prefixes_names_and_all() {
        assert_eq!(sel("S002").unwrap(), ["S002"]);
        assert_eq!(sel("title-artifact").unwrap(), ["S002"]);
        assert!(sel("S00").unwrap().len() >= 8);
        assert_eq!(sel("b004, R002").unwrap(), ["B004", "R002"]);
        assert_eq!(sel("ALL").unwrap().len(), super::super::ALL.len());
        assert!(
            sel("nope")
                .unwrap_err()
                .contains("unknown rule selector `nope`")
        );
    }
}
