//! The model's own point and colour types (the UI converts them at its boundary).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A position on the canvas, in canvas units (1 unit = 1 logical pixel at 100 % zoom).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub x: f32,
    pub y: f32,
}

impl Point {
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }

    /// No position yet: a card read from a file without `pos`, laid out on load. (JSON has no
    /// NaN, so a file can never hold this.)
    pub const fn unplaced() -> Self {
        Self {
            x: f32::NAN,
            y: f32::NAN,
        }
    }

    /// Whether this is a real position (finite), not [`Point::unplaced`].
    pub fn is_placed(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }
}

/// An sRGB colour, stored in files as `"#rrggbb"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Color(pub [u8; 3]);

impl Color {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self([r, g, b])
    }

    /// `#rrggbb`.
    pub fn to_hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// Parses `#rrggbb` (the `#` is optional).
    pub fn from_hex(s: &str) -> Option<Self> {
        let s = s.strip_prefix('#').unwrap_or(s);
        if s.len() != 6 || !s.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&s[i..i + 2], 16).ok();
        Some(Self([byte(0)?, byte(2)?, byte(4)?]))
    }

    /// A pleasant, distinct colour for the `n`th actor or tag.
    pub fn palette(n: usize) -> Self {
        const PALETTE: [Color; 8] = [
            Color::rgb(0x1f, 0x77, 0xb4),
            Color::rgb(0xd6, 0x27, 0x28),
            Color::rgb(0x2c, 0xa0, 0x2c),
            Color::rgb(0x94, 0x67, 0xbd),
            Color::rgb(0xff, 0x7f, 0x0e),
            Color::rgb(0x8c, 0x56, 0x4b),
            Color::rgb(0xe3, 0x77, 0xc2),
            Color::rgb(0x17, 0xbe, 0xcf),
        ];
        PALETTE[n % PALETTE.len()]
    }
}

impl Serialize for Color {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_hex())
    }
}

impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Color::from_hex(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("invalid colour {s:?}: expected \"#rrggbb\""))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_hex_round_trips_and_rejects_garbage() {
        let c = Color::rgb(0x12, 0xab, 0xff);
        assert_eq!(Color::from_hex(&c.to_hex()), Some(c));
        assert_eq!(Color::from_hex("#12abzz"), None);
        assert_eq!(Color::from_hex("#ééé"), None);
    }
}
