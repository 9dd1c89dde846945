//! Lines of article text, ended as [`crate::span::LineIndex`] ends them: `\n`,
//! `\r\n` and a lone `\r` each end a line. (`str::lines` does not know a lone
//! `\r`, so a file saved with old Mac line ends would be one line to it.)

/// The lines of `text`, without their line ends; a final line end opens no
/// empty line.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match rest.find(['\n', '\r']) {
            Some(i) => {
                let line = &rest[..i];
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[i + skip..];
                Some(line)
            }
            None => {
                let line = rest;
                rest = "";
                Some(line)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::lines;

    #[test]
    fn every_line_end() {
        let v: Vec<&str> = lines("a\r\nb\rc\nd").collect();
        assert_eq!(v, ["a", "b", "c", "d"]);
        let v: Vec<&str> = lines("a\n\nb\n").collect();
        assert_eq!(v, ["a", "", "b"]);
        assert_eq!(lines("").count(), 0);
    }
}
