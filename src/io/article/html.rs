//! Saved web pages: the article found in the page (Reader View's method, through `dom_smoothie`),
//! its paragraphs and headings kept as paragraphs, everything around it dropped; title, author,
//! site, date and address read from the page's metadata.

use super::Imported;
use crate::io::error::ImportError;
use crate::model::Source;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use dom_smoothie::{Config, Readability, TextMode};
use encoding_rs::{Encoding, UTF_8};
use std::path::Path;

/// Parts of a page that are never the article, removed before the article is looked for. Reader
/// View already drops most menus and footers, but keeps boxes it cannot tell from text: ads,
/// cookie banners, share buttons and comments.
const NOT_THE_ARTICLE: &str = "nav, footer, aside, form, button, noscript, iframe, \
    [class~=ad], [class~=ads], [class*=advert], [id*=advert], [class*=ad-slot], [class*=sponsor], \
    [class*=cookie], [id*=cookie], [class*=consent], [class*=share], [class*=social], \
    [class*=comment], [id*=comment], [class*=newsletter], [class*=related], [class*=promo]";

/// Imports a saved web page: `bytes` in the page's own encoding.
pub(super) fn import_html(
    bytes: &[u8],
    fallback_title: &str,
    path: &Path,
) -> Result<Imported, ImportError> {
    let (page, encoding) = decode_page(bytes, path)?;
    let document = dom_query::Document::from(page.as_str());
    let url = ["link[rel=canonical]", "meta[property='og:url']"]
        .iter()
        .find_map(|sel| {
            let found = document.select(sel);
            found
                .attr("href")
                .or_else(|| found.attr("content"))
                .map(|u| u.trim().to_owned())
        })
        .filter(|u| u.starts_with("http"));
    document.select(NOT_THE_ARTICLE).remove();
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let no_article = || ImportError::NoArticle {
        path: path.to_owned(),
    };
    let mut reader =
        Readability::with_document(document, None, Some(config)).map_err(|_| no_article())?;
    let article = reader.parse().map_err(|_| no_article())?;
    let paragraphs = paragraphs(&article.text_content);
    if paragraphs.is_empty() {
        return Err(no_article());
    }
    let title = one_line(&article.title);
    let mut source = Source::new(
        if title.is_empty() {
            fallback_title.to_owned()
        } else {
            title
        },
        paragraphs.join("\n\n"),
    );
    source.author = article.byline.as_deref().map(byline).unwrap_or_default();
    source.outlet = article
        .site_name
        .as_deref()
        .map(one_line)
        .unwrap_or_default();
    source.date = article
        .published_time
        .as_deref()
        .map(date)
        .unwrap_or_default();
    source.url = url;
    let notes = vec![format!(
        "web page, {} paragraphs of article text (menus, ads and comments left out)",
        paragraphs.len()
    )];
    Ok(Imported {
        source,
        encoding: (encoding != UTF_8).then(|| encoding.name().to_owned()),
        notes,
    })
}

/// The page as text: a byte-order mark, else UTF-8, else the charset the page declares, else a
/// guess from its bytes.
fn decode_page(bytes: &[u8], path: &Path) -> Result<(String, &'static Encoding), ImportError> {
    let encoding = if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        encoding
    } else if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(ImportError::Binary {
            path: path.to_owned(),
            offset,
        });
    } else if std::str::from_utf8(bytes).is_ok() {
        UTF_8
    } else if let Some(declared) = declared_charset(bytes) {
        declared
    } else {
        let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        detector.guess(None, Utf8Detection::Allow)
    };
    // A page's stray bad byte becomes U+FFFD rather than refusing the whole page.
    let (text, used, _) = encoding.decode(bytes);
    Ok((text.into_owned(), used))
}

/// The encoding named by `<meta charset=…>` or `content="text/html; charset=…"` near the start.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    Encoding::for_label(label.as_bytes())
}

/// The article's text as paragraphs: one per block of the page, spaces inside each collapsed as a
/// browser shows them.
fn paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(one_line)
        .filter(|l| !l.is_empty())
        .collect()
}

/// Runs of white space (line breaks, tabs, no-break spaces from the markup) as one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "By Mira Okonkwo" → "Mira Okonkwo"; a byline that is really a paragraph is dropped.
fn byline(text: &str) -> String {
    let text = one_line(text);
    let name = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("by "))
        .unwrap_or(&text)
        .to_owned();
    if name.chars().count() > 100 {
        String::new()
    } else {
        name
    }
}

/// "2024-03-14T08:30:00Z" → "2024-03-14"; other forms are kept as printed.
fn date(text: &str) -> String {
    let text = one_line(text);
    let day = text.get(..10).unwrap_or("");
    let is_iso = day.len() == 10
        && day.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    if is_iso { day.to_owned() } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import(page: &str) -> Result<Imported, ImportError> {
        import_html(page.as_bytes(), "file", Path::new("page.html"))
    }

    #[test]
    fn metadata_dates_and_bylines_are_tidied() {
        assert_eq!(date("2024-03-14T08:30:00Z"), "2024-03-14");
        assert_eq!(date("March 2024"), "March 2024");
        assert_eq!(byline("By  Mira\nOkonkwo"), "Mira Okonkwo");
    }

    #[test]
    fn declared_legacy_charset_is_used() {
        let mut page = b"<html><head><meta charset=\"windows-1252\"><title>Caf\xe9 society</title></head><body><article>".to_vec();
        for _ in 0..6 {
            page.extend(b"<p>The caf\xe9 on the corner serves coffee to everyone who lives on the street and to those who visit it.</p>");
        }
        page.extend(b"</article></body></html>");
        let imported = import_html(&page, "file", Path::new("p.html")).unwrap();
        assert_eq!(imported.source.title, "Café society");
        assert!(imported.source.text.starts_with("The café on the corner"));
        assert_eq!(imported.encoding.as_deref(), Some("windows-1252"));
    }

    #[test]
    fn a_page_without_text_is_refused() {
        let e = import("<html><body><nav><a href=/>Home</a></nav></body></html>").unwrap_err();
        assert!(matches!(e, ImportError::NoArticle { .. }), "{e}");
    }
}
