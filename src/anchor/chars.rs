//! Char offsets into text: quotes count `char`s, Rust slices count bytes.

/// Maps char offsets to byte offsets in one text in O(1) amortised: a checkpoint every
/// `STEP` chars, then a short walk.
pub struct CharIndex<'a> {
    text: &'a str,
    checkpoints: Vec<usize>,
    len_chars: usize,
}

const STEP: usize = 64;

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STEP + 1);
        let mut len_chars = 0;
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % STEP == 0 {
                checkpoints.push(byte);
            }
            len_chars = i + 1;
        }
        Self {
            text,
            checkpoints,
            len_chars,
        }
    }

    /// The number of chars in the text.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// The byte offset of char `n`, or `None` past the end (`n == len` gives the text's length).
    pub fn byte_of(&self, n: usize) -> Option<usize> {
        if n == self.len_chars {
            return Some(self.text.len());
        }
        let base = *self.checkpoints.get(n / STEP)?;
        self.text[base..]
            .char_indices()
            .nth(n % STEP)
            .map(|(b, _)| base + b)
    }

    /// The text of chars `start..end`, or `None` if the range is outside the text or reversed.
    pub fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        if start > end {
            return None;
        }
        Some(&self.text[self.byte_of(start)?..self.byte_of(end)?])
    }

    /// The char offset of byte `b` (which must be a char boundary).
    pub fn char_of_byte(&self, b: usize) -> usize {
        let cp = self
            .checkpoints
            .partition_point(|&c| c <= b)
            .saturating_sub(1);
        let base = self.checkpoints.get(cp).copied().unwrap_or(0);
        cp * STEP + self.text[base..b].chars().count()
    }
}

/// `start..end` made safe to index a text of `len` chars: both ends inside the text, and a
/// reversed range empty at its (clamped) start. A quote's offsets come from an untrusted file
/// and may be anything; every slice by them goes through here or [`CharIndex::slice`].
pub fn clamp_range(start: usize, end: usize, len: usize) -> std::ops::Range<usize> {
    let start = start.min(len);
    start..end.clamp(start, len)
}

/// The char range `start..end` of `text` (for one-off use; build a [`CharIndex`] for many).
pub fn char_slice(text: &str, start: usize, end: usize) -> Option<&str> {
    CharIndex::new(text).slice(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_count_chars_not_bytes() {
        let text = "«NATO» — “a relic”";
        let idx = CharIndex::new(text);
        assert_eq!(idx.len_chars(), text.chars().count());
        assert_eq!(idx.slice(1, 5), Some("NATO"));
        assert_eq!(idx.slice(9, 18), Some("“a relic”"));
        assert_eq!(idx.slice(9, 19), None);
        assert_eq!(idx.slice(5, 4), None);
    }

    #[test]
    fn clamped_ranges_can_always_be_sliced() {
        assert_eq!(clamp_range(2, 5, 10), 2..5);
        assert_eq!(clamp_range(5, 2, 10), 5..5, "reversed: empty, not a panic");
        assert_eq!(clamp_range(8, 50, 10), 8..10);
        assert_eq!(clamp_range(50, 8, 10), 10..10);
        assert_eq!(clamp_range(usize::MAX, usize::MAX, 0), 0..0);
    }

    #[test]
    fn char_of_byte_inverts_byte_of_over_long_text() {
        let text = "é—x".repeat(100);
        let idx = CharIndex::new(&text);
        for n in [0, 1, 63, 64, 65, 200, 299, 300] {
            let b = idx.byte_of(n).unwrap();
            assert_eq!(idx.char_of_byte(b), n);
        }
    }
}
