//! Text clean-up before segmentation: HTML entities, control characters, odd spaces.
//!
//! Invariant: the output never contains control characters other than `\n`
//! (tabs and carriage returns become spaces or newlines), so later stages can
//! treat `\n` as the only line break.

/// Returns `text` with HTML entities decoded and control characters replaced.
///
/// Unknown entities are kept as they are; `\r\n` and `\r` become `\n`; other
/// control characters (and zero-width and non-breaking spaces) become a space.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '&' {
            if let Some((decoded, used)) = decode_entity(rest) {
                out.push(decoded);
                rest = &rest[used..];
                continue;
            }
        }
        match c {
            '\r' => {
                if !rest[1..].starts_with('\n') {
                    out.push('\n');
                }
            }
            '\n' => out.push('\n'),
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{200B}' | '\u{FEFF}' | '\u{2028}'
            | '\u{2029}' => out.push(' '),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Decodes one entity at the start of `s`, returning the character and the
/// number of bytes it used.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    let end = s[1..].char_indices().take(10).find(|&(_, c)| c == ';')?.0 + 1;
    let name = &s[1..end];
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        let c = char::from_u32(code)?;
        if c.is_control() {
            ' '
        } else {
            c
        }
    } else {
        match name {
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            "lt" => '<',
            "gt" => '>',
            "nbsp" => ' ',
            "ndash" => '–',
            "mdash" => '—',
            "lsquo" => '‘',
            "rsquo" => '’',
            "ldquo" => '“',
            "rdquo" => '”',
            "hellip" => '…',
            "eacute" => 'é',
            "egrave" => 'è',
            "aacute" => 'á',
            "oacute" => 'ó',
            "uuml" => 'ü',
            "ouml" => 'ö',
            "ccedil" => 'ç',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_entities() {
        assert_eq!(
            normalize("AT&amp;T &quot;hi&quot; &#39;x&#x27;"),
            "AT&T \"hi\" 'x'"
        );
    }

    #[test]
    fn keeps_unknown_entities_and_bare_ampersands() {
        assert_eq!(normalize("R&D &bogus; a & b"), "R&D &bogus; a & b");
    }

    #[test]
    fn replaces_control_characters() {
        assert_eq!(normalize("a\u{0}b\tc\r\nd\re"), "a b c\nd\ne");
    }
}
