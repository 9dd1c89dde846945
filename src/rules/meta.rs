//! Codes the pipeline emits itself: input errors, schema errors and generic
//! schema violations. They have docs (for `explain`) but no check function.

use crate::declare_rule;

declare_rule! {
    /// ## What it does
    /// Reports a file that could not be read as an article: missing, unreadable, not a regular file, too large, binary, not UTF-8, or UTF-16.
    ///
    /// ## Why is this bad?
    /// A file that is silently skipped is a file nobody checked. encyclint names the file
    /// and the reason (with the byte offset for bad encodings) and exits with code 2.
    ///
    /// ## Example
    /// ```text
    /// error[E001]: notes/scan.txt: invalid UTF-8 at byte offset 1822
    /// ```
    ///
    /// ## How to fix
    /// Save the file as UTF-8, fix its permissions, or exclude it from the paths you lint.
    ///
    /// ## Options
    /// `--max-file-size BYTES` (default 16 MiB).
    ///
    /// ## Guideline
    /// None: this is about the input, not the article.
    pub IoError {
        code: "E001",
        name: "io-error",
        family: Input,
        severity: Error,
        fix: None,
        since: "0.1.0",
        check: None,
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a policy schema that cannot be used: unreadable, not JSON, not a valid JSON Schema, with a remote `$ref`, or with a pattern too costly to evaluate.
    ///
    /// ## Why is this bad?
    /// The schema is the policy. A broken policy must stop the run (exit 2) rather than pass
    /// every article. encyclint never fetches a remote `$ref`: it has no network access at run time.
    ///
    /// ## Example
    /// ```text
    /// error[E002]: policy.json: remote $ref `https://example.org/s.json` is not fetched (encyclint never uses the network)
    /// ```
    ///
    /// ## How to fix
    /// Fix the schema, or inline the referenced definitions under `$defs`.
    ///
    /// ## Guideline
    /// JSON Schema 2020-12.
    pub InvalidSchema {
        code: "E002",
        name: "invalid-schema",
        family: Input,
        severity: Error,
        fix: None,
        since: "0.1.0",
        check: None,
    }
}

declare_rule! {
    /// ## What it does
    /// Reports a violation of a policy-schema constraint that carries no `x-code` of its own.
    ///
    /// ## Why is this bad?
    /// The policy schema says what an article must look like; any constraint it states is
    /// checked. Constraints with an `x-code` annotation are reported under that code instead.
    ///
    /// ## Example
    /// ```text
    /// J001 schema-violation: /sections/2/facts/words: 3 is less than the minimum of 50
    /// ```
    ///
    /// ## How to fix
    /// Change the article so it satisfies the constraint, or annotate the constraint in the
    /// schema with `x-code`, `x-message`, `x-help` and `x-severity` for a clearer message.
    ///
    /// ## Schema
    /// Any keyword in the schema given with `--schema`, or in the built-in policy.
    ///
    /// ## Guideline
    /// Your policy schema.
    pub SchemaViolation {
        code: "J001",
        name: "schema-violation",
        family: Schema,
        severity: Error,
        fix: None,
        since: "0.1.0",
        check: None,
    }
}

declare_rule! {
    /// ## What it does
    /// Reports an inline suppression comment in a Markdown article that suppressed no finding, or that names a rule that does not exist.
    ///
    /// ## Why is this bad?
    /// A suppression outlives the problem it silenced: once the text is fixed, the comment
    /// stays and would hide the next, unrelated finding of that rule. A misspelled code
    /// silences nothing while looking as if it did.
    ///
    /// ## Example
    /// ```markdown
    /// <!-- encyclint-disable-next-line S004 -->
    /// ## History
    /// The section has content now, so nothing is suppressed.
    /// ```
    ///
    /// ## Use instead
    /// ```markdown
    /// ## History
    /// The section has content now, so nothing is suppressed.
    /// ```
    ///
    /// ## How to fix
    /// Remove the comment, or the codes in it that no longer suppress anything. Suppressions
    /// are `<!-- encyclint-disable [CODES] -->`, `enable`, `disable-line`,
    /// `disable-next-line` and `disable-file`; no codes means every rule. Plain-text
    /// articles use `[per-file-ignores]` in `encyclint.toml` instead.
    ///
    /// ## Options
    /// Codes that are not enabled in the run (`--select`, `--ignore`, `off`) are not judged.
    /// A finding of this rule is suppressed only by a comment that names `S100`.
    ///
    /// ## Guideline
    /// None: this is about encyclint's own comments (like ruff's RUF100 and ESLint's
    /// `--report-unused-disable-directives`).
    pub UnusedSuppression {
        code: "S100",
        name: "unused-suppression",
        family: Structure,
        severity: Warning,
        fix: None,
        since: "0.2.0",
        check: None,
    }
}

declare_rule! {
    /// ## What it does
    /// Counts, in one finding, the findings of a file past the run's limit (`--max-findings-per-file`, ten thousand by default), which are not shown.
    ///
    /// ## Why is this bad?
    /// A file with ten thousand findings is generated or broken; listing a million of them
    /// helps nobody and would hold them all in memory. The first findings in report order
    /// are shown, exactly as with no limit, and this one finding says how many more there
    /// are, of which rules, and where the first of them is.
    ///
    /// ## Example
    /// ```text
    /// warning[S101]: 990000 more findings in this file are not shown: the limit is 10000 a file
    ///   help: not shown: 990000 R001; `--max-findings-per-file N` raises the limit (0: none)
    /// ```
    ///
    /// ## How to fix
    /// Fix the findings shown and run again, or raise the limit.
    ///
    /// ## Options
    /// `--max-findings-per-file N` (0: no limit). Its severity is that of the most severe
    /// finding left out, so a run fails (exit 1) exactly when it would with no limit.
    ///
    /// ## Guideline
    /// None: this is about encyclint's report (like clang's `-ferror-limit`).
    pub TooManyFindings {
        code: "S101",
        name: "too-many-findings",
        family: Structure,
        severity: Warning,
        fix: None,
        since: "0.2.0",
        check: None,
    }
}
