//! Approximate search: the passage of a text closest to a quote, allowing a few edits.
//!
//! Semi-global edit distance (Sellers): the quote must be matched whole, but the passage may
//! start and end anywhere in the text. The table is filled column by column over the text with
//! Ukkonen's cut-off — rows whose distance already exceeds the limit are skipped — so a search
//! costs about O(k·n) on prose instead of O(m·n), and memory is O(m). It works on `char`s, so a
//! curly quote or a Cyrillic letter is one edit, and it has no limit on the quote's length
//! (unlike Bitap, whose bit vectors cap patterns at 32 or 64 chars).
//!
//! The cut-off does not help on every text (a long quote of a repetitive article fills most of
//! the table), and a map is untrusted input: [`search_within`] stops when a [`Budget`] of cells
//! is spent, so the caller can give a cheaper, honest answer instead of running for minutes.

/// A passage found by [`search`]: chars `start..end` of the searched text, `distance` edits
/// (insertions, deletions, substitutions of one char) away from the needle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub distance: usize,
}

/// How many cells of the table approximate searches may still fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    cells: u64,
}

impl Budget {
    /// A budget of `cells` table cells (a cell costs about a nanosecond).
    pub fn new(cells: u64) -> Self {
        Self { cells }
    }

    /// The cells left.
    pub fn left(&self) -> u64 {
        self.cells
    }

    /// Takes `n` cells; false (and nothing taken) if fewer are left.
    pub fn take(&mut self, n: u64) -> bool {
        match self.cells.checked_sub(n) {
            Some(left) => {
                self.cells = left;
                true
            }
            None => false,
        }
    }

    /// A budget of at most `cells`, taken out of this one: what it does not spend is given back
    /// by [`Budget::give_back`].
    #[must_use = "give the part back"]
    pub fn split(&mut self, cells: u64) -> Budget {
        let part = cells.min(self.cells);
        self.cells -= part;
        Budget { cells: part }
    }

    /// Returns what is left of a part made by [`Budget::split`].
    pub fn give_back(&mut self, part: Budget) {
        self.cells += part.cells;
    }
}

/// A search stopped because its [`Budget`] was spent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutOfBudget;

/// A cost that no real alignment reaches; halved so that adding 1 cannot overflow.
const FAR: u32 = u32::MAX / 2;

/// The most edits a quote of `len` chars may differ by and still count as the same passage:
/// 15 %. Below 7 chars, none: a short phrase with an edit is too likely some other phrase.
pub fn max_edits(len: usize) -> usize {
    len * 3 / 20
}

impl Hit {
    /// Whether `self` is a better answer than `other` for a needle of `m` chars expected to start
    /// near `near`: fewer edits; then a start closer to `near`; then a length closer to `m`.
    fn beats(&self, other: &Hit, m: usize, near: usize) -> bool {
        let key = |h: &Hit| {
            (
                h.distance,
                h.start.abs_diff(near),
                (h.end - h.start).abs_diff(m),
            )
        };
        key(self) < key(other)
    }
}

/// The passage of `hay` closest to `needle`, at most `max` edits away; ties go to the passage
/// starting nearest `near`. `None` when nothing is that close, or when `max` would let the needle
/// match almost anything (`max >= needle.len()`).
///
/// Unbounded: for text from a map, use [`search_within`].
pub fn search(hay: &[char], needle: &[char], max: usize, near: usize) -> Option<Hit> {
    search_within(hay, needle, max, near, &mut Budget::new(u64::MAX)).unwrap_or(None)
}

/// [`search`], filling at most `budget`'s cells of the table (and taking them from it); `Err`
/// when that was not enough to finish.
pub fn search_within(
    hay: &[char],
    needle: &[char],
    max: usize,
    near: usize,
    budget: &mut Budget,
) -> Result<Option<Hit>, OutOfBudget> {
    let m = needle.len();
    if m == 0 || max >= m {
        return Ok(None);
    }
    let max = max as u32;
    // cost[i]: edits to match needle[..i] ending at the current text position;
    // from[i]: where in the text that alignment starts.
    let mut cost: Vec<u32> = (0..=m as u32).collect();
    let mut from: Vec<usize> = vec![0; m + 1];
    // The last row whose cost is within `max`; rows below it are all beyond.
    let mut active = max as usize;
    let mut best: Option<Hit> = None;
    for (j, &t) in hay.iter().enumerate() {
        let top = m.min(active + 1);
        if !budget.take(top as u64 + 1) {
            return Err(OutOfBudget);
        }
        // The cell up-left of row i, from the previous column.
        let (mut diag_cost, mut diag_from) = (cost[0], from[0]);
        cost[0] = 0; // a passage may start anywhere: the empty prefix costs nothing
        from[0] = j + 1;
        for i in 1..=top {
            let (left_cost, left_from) = (cost[i], from[i]);
            let mut c = diag_cost + u32::from(needle[i - 1] != t);
            let mut f = diag_from;
            // Prefer the diagonal on ties, then skipping a text char, then a needle char: this
            // keeps passages as long as the needle where the edits allow either.
            if left_cost + 1 < c {
                c = left_cost + 1;
                f = left_from;
            }
            if cost[i - 1] + 1 < c {
                c = cost[i - 1] + 1;
                f = from[i - 1];
            }
            diag_cost = left_cost;
            diag_from = left_from;
            cost[i] = c;
            from[i] = f;
        }
        if top < m {
            // The next column may read this row; it was not computed, so it is out of reach.
            cost[top + 1] = FAR;
        }
        active = top;
        while active > 0 && cost[active] > max {
            active -= 1;
        }
        if active == m {
            let hit = Hit {
                start: from[m],
                end: j + 1,
                distance: cost[m] as usize,
            };
            if best.is_none_or(|b| hit.beats(&b, m, near)) {
                best = Some(hit);
            }
        }
    }
    Ok(best)
}

/// A text with each run of whitespace collapsed to one space, as chars, remembering where each
/// char came from: quotes and articles differ in line breaks far more often than in words.
pub struct Flat {
    pub chars: Vec<char>,
    /// For each char of `chars`, its char offset in the original text.
    pub origin: Vec<usize>,
}

impl Flat {
    /// Flattens `text`.
    pub fn new(text: &str) -> Self {
        let mut chars = Vec::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut in_space = false;
        for (i, ch) in text.chars().enumerate() {
            let space = ch.is_whitespace();
            if !(space && in_space) {
                chars.push(if space { ' ' } else { ch });
                origin.push(i);
            }
            in_space = space;
        }
        Self { chars, origin }
    }

    /// The flat index of the first char at or after original char offset `offset`.
    pub fn index_of(&self, offset: usize) -> usize {
        self.origin.partition_point(|&o| o < offset)
    }

    /// The original char range of flat range `start..end`, without whitespace at either end;
    /// `None` if it holds only whitespace.
    pub fn original_range(&self, mut start: usize, mut end: usize) -> Option<(usize, usize)> {
        while start < end && self.chars[start] == ' ' {
            start += 1;
        }
        while end > start && self.chars[end - 1] == ' ' {
            end -= 1;
        }
        (start < end).then(|| (self.origin[start], self.origin[end - 1] + 1))
    }

    /// Where `needle` occurs in the flat text, if it occurs exactly once.
    pub fn find_unique(&self, needle: &[char]) -> Option<usize> {
        if needle.is_empty() || needle.len() > self.chars.len() {
            return None;
        }
        let mut found = self
            .chars
            .windows(needle.len())
            .enumerate()
            .filter(|(_, w)| *w == needle)
            .map(|(i, _)| i);
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }
}

/// `s` with runs of whitespace collapsed to one space and none at either end, as chars.
pub fn flat_chars(s: &str) -> Vec<char> {
    let mut out = Vec::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// The plain O(m·n) semi-global distance: the least edits over all passages.
    fn least_distance(hay: &[char], needle: &[char]) -> usize {
        let m = needle.len();
        let mut col: Vec<usize> = (0..=m).collect();
        let mut best = col[m];
        for &t in hay {
            let mut diag = col[0];
            col[0] = 0;
            for i in 1..=m {
                let left = col[i];
                col[i] = (diag + usize::from(needle[i - 1] != t))
                    .min(left + 1)
                    .min(col[i - 1] + 1);
                diag = left;
            }
            best = best.min(col[m]);
        }
        best
    }

    fn plain_distance(a: &[char], b: &[char]) -> usize {
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, &x) in a.iter().enumerate() {
            let mut cur = vec![i + 1; b.len() + 1];
            for (j, &y) in b.iter().enumerate() {
                cur[j + 1] = (prev[j] + usize::from(x != y))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    #[test]
    fn finds_a_passage_with_edits_of_every_kind() {
        let hay = chars("Moscow sees NATO as a relic of the Cold War, and yet a threat.");
        // one substitution, one insertion, one deletion
        let needle = chars("a relik of thee Cold Wr");
        let hit = search(&hay, &needle, 4, 0).unwrap();
        assert_eq!(hit.distance, 3);
        let found: String = hay[hit.start..hit.end].iter().collect();
        assert_eq!(found, "a relic of the Cold War");
    }

    #[test]
    fn counts_chars_not_bytes() {
        let hay = chars("«НАТО — реликт холодной войны», сказал он.");
        let needle = chars("НАТО – реликт холодной войны");
        let hit = search(&hay, &needle, 2, 0).unwrap();
        assert_eq!(hit.distance, 1); // an en dash for an em dash: one edit, though 3 bytes each
        assert_eq!(hit.start, 1);
    }

    #[test]
    fn too_many_edits_is_no_match() {
        let hay = chars("NATO is a relic of the Cold War.");
        assert_eq!(
            search(&hay, &chars("a relic of the Warsaw Pact"), 3, 0),
            None
        );
    }

    #[test]
    fn ties_go_to_the_passage_nearest_the_expected_place() {
        let hay = chars("the bloc is strong; later, the bloc is strong again");
        let needle = chars("the blok is strong");
        let first = search(&hay, &needle, 2, 0).unwrap();
        assert_eq!(first.start, 0);
        let second = search(&hay, &needle, 2, 30).unwrap();
        assert_eq!(second.start, 27);
    }

    #[test]
    fn long_needles_have_no_length_limit() {
        // Distinct words (7919 is prime to 1009), so the passage occurs once.
        let word = |i: usize| format!("w{} ", i * 7919 % 1009);
        let text: String = (0..400).map(word).collect();
        let hay = chars(&text);
        let at = 1000;
        let mut needle: Vec<char> = hay[at..at + 700].to_vec();
        for i in [10, 300, 650] {
            needle[i] = '#';
        }
        let hit = search(&hay, &needle, max_edits(700), 0).unwrap();
        assert_eq!((hit.start, hit.end, hit.distance), (at, at + 700, 3));
    }

    #[test]
    fn a_search_stops_when_its_budget_is_spent() {
        // A repetitive text defeats the cut-off: nearly every row stays within the limit.
        let hay: Vec<char> = "ab".repeat(5_000).chars().collect();
        let needle: Vec<char> = "ab".repeat(500).chars().chain(['x']).collect();
        let max = max_edits(needle.len());
        let mut small = Budget::new(1_000_000);
        assert_eq!(
            search_within(&hay, &needle, max, 0, &mut small),
            Err(OutOfBudget)
        );
        assert!(small.left() < needle.len() as u64, "it spent what it had");
        // With enough cells, the same search finishes with the same answer as the unbounded one.
        let mut enough = Budget::new(u64::MAX);
        let hit = search_within(&hay, &needle, max, 0, &mut enough).unwrap();
        assert_eq!(hit, search(&hay, &needle, max, 0));
        assert_eq!(hit.map(|h| h.distance), Some(1));
        let mut parent = Budget::new(100);
        let mut part = parent.split(30);
        assert!(part.take(10));
        parent.give_back(part);
        assert_eq!(parent.left(), 90);
    }

    #[test]
    fn flat_text_maps_back_to_original_offsets() {
        let flat = Flat::new("a  b\n\n c ");
        assert_eq!(flat.chars, chars("a b c "));
        assert_eq!(flat.original_range(1, 6), Some((3, 8)));
        assert_eq!(flat.original_range(0, 3), Some((0, 4)));
        assert_eq!(flat.original_range(5, 6), None);
        assert_eq!(flat.index_of(4), 3);
        assert_eq!(flat_chars("  x \n y "), chars("x y"));
        assert_eq!(flat.find_unique(&chars("b c")), Some(2));
        assert_eq!(Flat::new("ab ab").find_unique(&chars("ab")), None);
    }

    proptest! {
        /// The cut-off never changes the answer: the distance found is the least over all
        /// passages whenever that is within the limit, and the passage found has that distance.
        #[test]
        fn cut_off_search_agrees_with_the_full_table(
            hay in "[abc ]{0,40}",
            needle in "[abc]{1,12}",
            max in 0usize..6,
        ) {
            let (hay, needle) = (chars(&hay), chars(&needle));
            let least = least_distance(&hay, &needle);
            match search(&hay, &needle, max, 0) {
                Some(hit) => {
                    prop_assert_eq!(hit.distance, least);
                    prop_assert_eq!(plain_distance(&hay[hit.start..hit.end], &needle), least);
                }
                None => prop_assert!(least > max || max >= needle.len()),
            }
        }
    }
}
