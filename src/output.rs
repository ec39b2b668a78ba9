//! What the headless commands print: text from a map made safe for a terminal, and a reader that
//! goes away (`warrant check … | head -1`) ending the output quietly instead of a panic.
//!
//! A map is untrusted: its text could hold escape sequences that erase lines of the report,
//! retitle the terminal or write the clipboard (OSC 52), or bidirectional controls that reorder
//! what is shown. Human output shows every such character as a visible `\u{…}` escape.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::Write as _;

/// Characters a terminal would act on rather than show: C0 and C1 controls (but the line breaks
/// and tabs of the report itself), and the bidirectional formatting characters.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with each unsafe character written by `escape`.
fn replace_unsafe(s: &str, escape: impl Fn(&mut String, u32)) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_unsafe(c) {
            escape(&mut out, c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `s` with every character a terminal would act on shown as `\u{1b}` and the like.
pub fn escape_controls(s: &str) -> Cow<'_, str> {
    replace_unsafe(s, |out, c| {
        let _ = write!(out, "\\u{{{c:x}}}");
    })
}

/// JSON text with the characters `serde_json` leaves raw (C1 controls, bidirectional formatting,
/// DEL) written as `\uXXXX` escapes: the same JSON, safe on a terminal. They can only occur
/// inside strings, where such an escape is valid.
pub fn escape_json(s: &str) -> Cow<'_, str> {
    replace_unsafe(s, |out, c| {
        let _ = write!(out, "\\u{c:04x}");
    })
}

/// Writes a line of human output, escaped. Returns false once nobody reads the output any more
/// (a closed pipe): the command should stop, quietly.
pub fn say(text: &str) -> bool {
    put(&escape_controls(text), true)
}

/// Writes JSON output as a line (see [`escape_json`]). False as for [`say`].
pub fn say_json(json: &str) -> bool {
    put(&escape_json(json), true)
}

/// Writes human output without adding a newline. False as for [`say`].
pub fn say_text(text: &str) -> bool {
    put(&escape_controls(text), false)
}

fn put(text: &str, newline: bool) -> bool {
    let mut out = std::io::stdout().lock();
    let written = out
        .write_all(text.as_bytes())
        .and_then(|()| {
            if newline {
                out.write_all(b"\n")
            } else {
                Ok(())
            }
        })
        .and_then(|()| out.flush());
    match written {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => false,
        Err(e) => {
            warn(&format!("warrant: cannot write the output: {e}"));
            false
        }
    }
}

/// Writes a line to standard error, escaped; an error writing it is ignored (there is nowhere
/// left to report it).
pub fn warn(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", escape_controls(text));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_a_terminal_would_act_on_and_nothing_else() {
        assert_eq!(
            escape_controls("ok\x1b[2K\x1b]52;c;aGk=\x07 «naïve» \u{202E}x\n\tend\r"),
            "ok\\u{1b}[2K\\u{1b}]52;c;aGk=\\u{7} «naïve» \\u{202e}x\n\tend\\u{d}"
        );
        assert!(matches!(
            escape_controls("plain “text” — ok"),
            Cow::Borrowed(_)
        ));
        let json = serde_json::to_string(&"a\u{9b}b\x1bc").unwrap();
        let safe = escape_json(&json);
        assert!(!safe.contains('\u{9b}'));
        assert_eq!(
            serde_json::from_str::<String>(&safe).unwrap(),
            "a\u{9b}b\x1bc",
            "still the same JSON"
        );
    }
}
