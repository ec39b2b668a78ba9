//! `warrant new OUT --title T ARTICLE...`: a new map holding articles.

use super::{exit, plural, write_map};
use crate::edit::{History, ops};
use crate::io;
use crate::model::Map;
use crate::output::{say, warn};
use std::path::{Path, PathBuf};

/// `warrant new OUT --title T ARTICLE...`: a map with these articles and nothing else.
pub fn new_map(out: &Path, title: &str, articles: &[PathBuf], force: bool) -> i32 {
    if let Some(article) = articles.iter().find(|a| io::same_file(out, a)) {
        warn(&format!(
            "warrant new: {} is one of the articles; the new map cannot be written over it",
            article.display()
        ));
        return exit::UNREADABLE;
    }
    let mut history = History::new(Map::new(title));
    for path in articles {
        let imported = match io::import_article(path) {
            Ok(s) => s,
            Err(e) => {
                warn(&format!("warrant: {e}"));
                return exit::UNREADABLE;
            }
        };
        if let Some(note) = imported.note() {
            println!("{}: {note}", path.display());
        }
        let (_, edits) = ops::add_source(history.map(), imported.source);
        if let Err(e) = history.apply("Add article", None, edits) {
            warn(&format!("warrant: {e}"));
            return exit::UNREADABLE;
        }
    }
    if let Err(code) = write_map(out, history.map(), force) {
        return code;
    }
    say(&format!(
        "{}: new map “{}” with {}",
        out.display(),
        title,
        plural(articles.len(), "article", "articles")
    ));
    exit::CLEAN
}
