//! S001 missing-title (schema-backed).

use crate::declare_rule;

declare_rule! {
    /// ## What it does
    /// Flags an article without a title: no title line (plain text) or no `# Title` before the first section (Markdown).
    ///
    /// ## Why is this bad?
    /// The title names the article; references resolve against titles, and readers, search
    /// and the title index all depend on it.
    ///
    /// ## Example
    /// ```markdown
    /// ## History
    ///
    /// Defense cooperation began ...
    /// ```
    ///
    /// ## How to fix
    /// Start the article with its title: a first line in plain text, `# Title` in Markdown.
    ///
    /// ## Schema
    /// `/properties/title` of `schema/article.schema.json`: `"type": "object"` (a missing title
    /// is `null` in the model).
    ///
    /// ## Guideline
    /// Wikipedia: Article titles (WP:TITLE); MOS:FIRST.
    pub MissingTitle {
        code: "S001",
        name: "missing-title",
        family: Structure,
        severity: Error,
        fix: None,
        since: "0.1.0",
        check: None,
    }
}
