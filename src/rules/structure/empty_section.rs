//! S004 empty-section (schema-backed).

use crate::declare_rule;

declare_rule! {
    /// ## What it does
    /// Flags a section heading with nothing under it: no paragraph, item or subsection.
    ///
    /// ## Why is this bad?
    /// An empty section promises content the article does not have; it is usually a
    /// placeholder left behind, or content lost in a copy.
    ///
    /// ## Example
    /// ```markdown
    /// ## Reception
    ///
    /// ## Legacy
    /// The painting ...
    /// ```
    ///
    /// ## How to fix
    /// Write the section, or remove its heading.
    ///
    /// ## Schema
    /// `/$defs/section/allOf/0` of `schema/article.schema.json`: `anyOf` blocks or subsections
    /// with `"minItems": 1`.
    ///
    /// ## Guideline
    /// Wikipedia Manual of Style: Layout (MOS:LAYOUT), "Headings and sections".
    pub EmptySection {
        code: "S004",
        name: "empty-section",
        family: Structure,
        severity: Warning,
        fix: None,
        since: "0.1.0",
        check: None,
    }
}
