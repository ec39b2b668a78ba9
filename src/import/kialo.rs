//! Kialo discussion exports (the text file Kialo writes):
//!
//! ```text
//! Discussion Title: Should hate speech be illegal?
//!
//! 1. Hate speech should be banned.
//! 1.1. Con: It is better to challenge bad ideas than to ban them.
//! 1.1.1. Pro: -> See 1.2.
//! ```
//! Each claim's id is its path in the tree; its parent is the id without the last part, and Pro
//! or Con is its stance towards that parent. `-> See ID` puts an existing claim under a second
//! parent: it becomes a link from that claim, not a claim of its own. A line that does not start
//! with an id continues the text of the claim above it.

use super::build::{Builder, Imported, excerpt};
use super::{ImportError, ImportFormat};
use crate::model::{NodeId, Relation};
use std::collections::HashMap;
use std::fmt::Write as _;

/// One claim line (with its continuation lines), before the tree is known.
struct Entry {
    line: usize,
    id: String,
    stance: Option<Relation>,
    text: String,
}

/// `1.2.3.` at the start of `line`: the id and the rest after one space.
fn split_id(line: &str) -> Option<(&str, &str)> {
    let (id, rest) = line.split_once(' ')?;
    let parts: Vec<&str> = id.strip_suffix('.')?.split('.').collect();
    if parts.is_empty()
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    Some((id, rest))
}

/// The parent of `1.2.3.`: `1.2.`; `None` for a top-level id.
fn parent_of(id: &str) -> Option<&str> {
    let inner = id.strip_suffix('.')?;
    let cut = inner.rfind('.')?;
    Some(&id[..=cut])
}

/// Kialo's text as plain text: backslash escapes resolved, `[label](url)` as `label (url)`.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&next) = chars.peek()
            && next.is_ascii_punctuation()
        {
            out.push(next);
            chars.next();
        } else {
            out.push(c);
        }
    }
    links_as_text(&out)
}

/// `[label](http…)` → `label (http…)`; anything else stays as written.
fn links_as_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let link = after.find("](").and_then(|close| {
            let label = &after[..close];
            let tail = &after[close + 2..];
            let end = tail.find(')')?;
            let url = &tail[..end];
            (!label.contains('[') && !url.contains(char::is_whitespace)).then_some((
                label,
                url,
                open + 1 + close + 2 + end + 1,
            ))
        });
        if let Some((label, url, used)) = link {
            {
                out.push_str(&rest[..open]);
                if label == url || label.is_empty() {
                    out.push_str(url);
                } else {
                    let _ = write!(out, "{label} ({url})");
                }
                rest = &rest[used..];
            }
        } else {
            out.push_str(&rest[..=open]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// A Kialo text export as a map: the thesis a thesis claim, every other claim a claim that
/// supports (Pro) or opposes (Con) its parent, every `-> See` a link.
pub fn kialo_to_map(text: &str, name: &str) -> Result<Imported, ImportError> {
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    let title = match lines.next() {
        Some((_, first)) => first
            .trim_start_matches('\u{feff}')
            .strip_prefix("Discussion Title:")
            .map(str::trim)
            .ok_or_else(|| ImportError::Line {
                line: 1,
                message: "a Kialo export starts with “Discussion Title: …”".into(),
            })?,
        None => return Err(ImportError::Empty),
    };
    let entries = read_entries(lines)?;
    if entries.is_empty() {
        return Err(ImportError::Line {
            line: 1,
            message: "the discussion has no thesis (“1. …”)".into(),
        });
    }
    let title = if title.is_empty() { name } else { title };
    let mut b = Builder::new(ImportFormat::Kialo, title);
    // Claims first (a `-> See` may point forward), then the links.
    let ids = make_claims(&mut b, &entries)?;
    make_links(&mut b, &entries, &ids)?;
    b.finish()
}

/// The claim lines after the title, each with its continuation lines.
fn read_entries<'a>(
    lines: impl Iterator<Item = (usize, &'a str)>,
) -> Result<Vec<Entry>, ImportError> {
    let mut entries: Vec<Entry> = Vec::new();
    for (n, line) in lines {
        let line = line.trim_end();
        match split_id(line) {
            Some((id, rest)) => {
                if entries.len() >= super::MAX_ITEMS {
                    return Err(ImportError::TooMany { what: "claims" });
                }
                let (stance, text) = if let Some(t) = rest.strip_prefix("Pro: ") {
                    (Some(Relation::Supports), t)
                } else if let Some(t) = rest.strip_prefix("Con: ") {
                    (Some(Relation::Opposes), t)
                } else {
                    (None, rest)
                };
                entries.push(Entry {
                    line: n,
                    id: id.to_owned(),
                    stance,
                    text: text.to_owned(),
                });
            }
            None if line.trim().is_empty() => {
                if let Some(last) = entries.last_mut() {
                    last.text.push('\n');
                }
            }
            None => match entries.last_mut() {
                Some(last) => {
                    last.text.push('\n');
                    last.text.push_str(line.trim());
                }
                None => {
                    return Err(ImportError::Line {
                        line: n,
                        message: format!(
                            "expected the thesis (“1. …”) here, found {}",
                            excerpt(line)
                        ),
                    });
                }
            },
        }
    }
    Ok(entries)
}

/// A claim for every entry that is not a `-> See`, by the entry's id.
fn make_claims<'e>(
    b: &mut Builder,
    entries: &'e [Entry],
) -> Result<HashMap<&'e str, NodeId>, ImportError> {
    let mut ids: HashMap<&str, NodeId> = HashMap::new();
    let mut line_of: HashMap<&str, usize> = HashMap::new();
    for e in entries {
        if let Some(prev) = line_of.insert(&e.id, e.line) {
            return Err(ImportError::Line {
                line: e.line,
                message: format!("claim {} is already on line {prev}", e.id),
            });
        }
        if parent_of(&e.id).is_some() && e.stance.is_none() {
            return Err(ImportError::Line {
                line: e.line,
                message: format!("claim {} has no stance (“Pro:” or “Con:”)", e.id),
            });
        }
        if see_target(&e.text).is_some() {
            continue;
        }
        let text = plain(e.text.trim());
        if text.trim().is_empty() {
            return Err(ImportError::Line {
                line: e.line,
                message: format!("claim {} has no text", e.id),
            });
        }
        let id = b.claim(&text)?;
        if parent_of(&e.id).is_none()
            && let Some(c) = b.claim_mut(&id)
        {
            c.thesis = true;
        }
        ids.insert(&e.id, id);
    }
    Ok(ids)
}

/// Each entry's link to its parent, with its stance; a `-> See` links from the claim it names.
fn make_links(
    b: &mut Builder,
    entries: &[Entry],
    ids: &HashMap<&str, NodeId>,
) -> Result<(), ImportError> {
    for e in entries {
        let (Some(parent), Some(stance)) = (parent_of(&e.id), e.stance) else {
            continue;
        };
        let to = ids.get(parent).ok_or_else(|| ImportError::Line {
            line: e.line,
            message: format!("claim {} has no parent claim {parent} in the file", e.id),
        })?;
        let from = match see_target(&e.text) {
            Some(target) => {
                b.report.note(
                    "“-> See” references, drawn as links from the claim referred to",
                    format!("{} refers to {target}", e.id),
                );
                ids.get(target).ok_or_else(|| ImportError::Line {
                    line: e.line,
                    message: format!("“-> See {target}” refers to no claim in the file"),
                })?
            }
            None => ids.get(e.id.as_str()).ok_or_else(|| ImportError::Line {
                line: e.line,
                message: format!("claim {} has no text", e.id),
            })?,
        };
        b.link(from, to, stance, &format!("{} (line {})", e.id, e.line))?;
    }
    Ok(())
}

/// `1.2.` in a text `-> See 1.2.`.
fn see_target(text: &str) -> Option<&str> {
    let rest = text.trim().strip_prefix("-> See ")?;
    let id = rest.split_whitespace().next()?;
    split_id(&format!("{id} x")).is_some().then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_parents() {
        assert_eq!(split_id("1.2. Pro: x"), Some(("1.2.", "Pro: x")));
        assert_eq!(split_id("1.a. x"), None);
        assert_eq!(split_id("Discussion x"), None);
        assert_eq!(parent_of("1.2.3."), Some("1.2."));
        assert_eq!(parent_of("1."), None);
    }

    #[test]
    fn text_is_plain() {
        assert_eq!(
            plain(r"trolls \(“Trolls”\) see [pew.org](http://pew.org/x) 1\) ok"),
            "trolls (“Trolls”) see pew.org (http://pew.org/x) 1) ok"
        );
        assert_eq!(plain("[a] b [c](d e)"), "[a] b [c](d e)");
    }
}
