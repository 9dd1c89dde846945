//! `encyclint parse FILE`: the typed section model of one article, as JSON;
//! of a MediaWiki dump, one model per article page, as JSON Lines.

use std::io::{self, Write};
use std::path::Path;

use crate::linter::{self, Context};
use crate::report::human;
use crate::schema::Policy;
use crate::settings::Settings;
use crate::source;

/// `encyclint parse FILE`.
///
/// # Errors
/// Write errors.
pub fn parse(
    file: &str,
    stdin_name: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    if file != "-" && source::dump::is_dump_path(file) {
        return parse_dump(file, out, err);
    }
    let src = if file == "-" {
        source::read_stdin(stdin_name.unwrap_or("-"), source::DEFAULT_MAX_FILE_SIZE)
    } else {
        source::read_file(Path::new(file), file, source::DEFAULT_MAX_FILE_SIZE)
    };
    let src = match src {
        Ok(s) => s,
        Err(e) => {
            writeln!(err, "error[E001]: {}: {e}", human::sanitize_line(file))?;
            return Ok(2);
        }
    };
    let article = with_defaults(|cx| linter::analyse(&src, cx));
    serde_json::to_writer_pretty(&mut *out, &article)?;
    writeln!(out)?;
    Ok(0)
}

/// The model of every article page of a dump (namespace 0, not a redirect),
/// one compact JSON object a line, in the dump's order.
fn parse_dump(file: &str, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let limit = source::DEFAULT_MAX_FILE_SIZE;
    let pages = match source::dump::open(Path::new(file), file, limit) {
        Ok(p) => p,
        Err(e) => {
            writeln!(err, "error[E001]: {}: {e}", human::sanitize_line(file))?;
            return Ok(2);
        }
    };
    let (settings, policy) = (Settings::default(), Policy::builtin());
    let cx = context(&settings, &policy);
    let mut code = 0;
    for page in pages {
        let page = match page {
            Ok(p) => p,
            Err(e) => {
                writeln!(err, "error[E001]: {}: {e}", human::sanitize_line(file))?;
                return Ok(2);
            }
        };
        if page.ns != 0 || page.redirect.is_some() {
            continue;
        }
        let shown = source::shown_name(file, Some(&page.title));
        if page.too_large(limit) {
            let e = source::InputError::TooLarge {
                size: page.text_len,
                limit: source::readable_limit(limit),
            };
            writeln!(err, "error[E001]: {}: {e}", human::sanitize_line(&shown))?;
            code = 2;
            continue;
        }
        let src = source::SourceFile::page(file, page.title, page.text);
        let article = crate::guard::catch(|| linter::analyse(&src, &cx));
        match article {
            Ok(a) => {
                serde_json::to_writer(&mut *out, &a)?;
                writeln!(out)?;
            }
            Err(panic) => {
                writeln!(
                    err,
                    "error[E001]: {}: internal error: {panic}",
                    human::sanitize_line(&shown)
                )?;
                code = 2;
            }
        }
    }
    Ok(code)
}

/// What `parse` reads an article with: the default settings and the built-in
/// policy, no index.
fn context<'a>(settings: &'a Settings, policy: &'a Policy) -> Context<'a> {
    Context {
        settings,
        policy,
        titles: None,
    }
}

fn with_defaults<R>(f: impl FnOnce(&Context<'_>) -> R) -> R {
    let (settings, policy) = (Settings::default(), Policy::builtin());
    f(&context(&settings, &policy))
}
