//! A PDF article's date: printed near the top of its first page ("14 March 2024", "March 14,
//! 2024", "2024-03-14"), else the day the PDF was made, from its information (`D:20240314…`).

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A PDF date string (`D:YYYYMMDDHHmmSS…`, the `D:` optional) as "YYYY-MM-DD", or "YYYY-MM" /
/// "YYYY" when it stops early; `None` when it is not a plausible date.
pub(super) fn pdf_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let digits = raw.strip_prefix("D:").unwrap_or(raw);
    let digits: String = digits.chars().take_while(char::is_ascii_digit).collect();
    let part = |range: std::ops::Range<usize>| digits.get(range)?.parse::<u32>().ok();
    let year = part(0..4).filter(|y| (1900..=2200).contains(y))?;
    let Some(month) = part(4..6) else {
        return Some(year.to_string());
    };
    if !(1..=12).contains(&month) {
        return Some(year.to_string());
    }
    match part(6..8) {
        Some(day) if (1..=31).contains(&day) => Some(format!("{year}-{month:02}-{day:02}")),
        _ => Some(format!("{year}-{month:02}")),
    }
}

/// The first date written out in `lines` (the top of a first page), as printed.
pub(super) fn printed_date<'a>(lines: impl IntoIterator<Item = &'a str>) -> Option<String> {
    lines.into_iter().find_map(date_in_line)
}

/// A word of a line, and the word as compared: lower case, without the commas and full stops
/// around it.
struct Word<'a> {
    printed: &'a str,
    bare: String,
}

fn date_in_line(line: &str) -> Option<String> {
    let words: Vec<Word<'_>> = line
        .split_whitespace()
        .map(|printed| Word {
            printed,
            bare: printed
                .trim_matches(|c: char| matches!(c, ',' | '.' | '(' | ')' | '|' | '·'))
                .to_lowercase(),
        })
        .collect();
    for i in 0..words.len() {
        let at = |k: usize| words.get(i + k).map(|w| w.bare.as_str());
        let found = if iso(&words[i].bare) {
            Some(1)
        } else if year(at(2)) && ((day(at(0)) && month(at(1))) || (month(at(0)) && day(at(1)))) {
            Some(3)
        } else if month(at(0)) && year(at(1)) && capitalised(words[i].printed) {
            Some(2)
        } else {
            None
        };
        if let Some(n) = found {
            let printed: Vec<&str> = words[i..i + n].iter().map(|w| w.printed).collect();
            let text = printed.join(" ");
            return Some(text.trim_end_matches([',', ';', '|', ')']).to_owned());
        }
    }
    None
}

/// "2024-03-14".
fn iso(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    parts.len() == 3
        && year(Some(parts[0]))
        && parts[1].len() == 2
        && parts[1].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        && parts[2].len() == 2
        && day(Some(parts[2]))
}

fn day(word: Option<&str>) -> bool {
    let Some(word) = word else { return false };
    let digits = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word);
    digits.len() <= 2 && digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

/// A month's name, or its first three letters ("Sept" too).
fn month(word: Option<&str>) -> bool {
    let Some(word) = word else { return false };
    word.len() >= 3
        && word.chars().all(char::is_alphabetic)
        && MONTHS.iter().any(|m| m.starts_with(word))
}

fn year(word: Option<&str>) -> bool {
    word.is_some_and(|w| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..=2200).contains(&y)))
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_keep_as_much_as_they_say() {
        assert_eq!(
            pdf_date("D:20240314093000+01'00'").as_deref(),
            Some("2024-03-14")
        );
        assert_eq!(pdf_date("20240314").as_deref(), Some("2024-03-14"));
        assert_eq!(pdf_date("D:202403").as_deref(), Some("2024-03"));
        assert_eq!(pdf_date("D:2024").as_deref(), Some("2024"));
        assert_eq!(pdf_date("D:20241399").as_deref(), Some("2024"));
        assert_eq!(pdf_date("yesterday"), None);
        assert_eq!(pdf_date("D:0000"), None);
    }

    #[test]
    fn printed_dates_are_found_in_the_forms_articles_use() {
        let find = |line: &str| printed_date([line]);
        assert_eq!(
            find("Published Thursday, 14 March 2024, 08:30").as_deref(),
            Some("14 March 2024")
        );
        assert_eq!(
            find("By Ada Lindqvist | March 14, 2024").as_deref(),
            Some("March 14, 2024")
        );
        assert_eq!(
            find("Mar. 3rd 2024 update").as_deref(),
            Some("Mar. 3rd 2024")
        );
        assert_eq!(find("Updated 2024-03-14").as_deref(), Some("2024-03-14"));
        assert_eq!(
            find("Spring issue, April 2019").as_deref(),
            Some("April 2019")
        );
        // Words that are not dates.
        assert_eq!(find("They may 2000 times refuse"), None);
        assert_eq!(find("Room 14 of 2024 rooms"), None);
        assert_eq!(find("In 1996 the towns agreed"), None);
        assert_eq!(
            printed_date(["The Crossing Question", "Ada Lindqvist", "5 June 2023"]).as_deref(),
            Some("5 June 2023")
        );
    }
}
