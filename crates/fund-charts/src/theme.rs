//! Light and dark themes with a colour-blind-safe palette.
//!
//! The series colours are the Okabe–Ito hues (blue, vermillion, bluish green,
//! orange, reddish purple, sky blue, yellow, grey). In the light theme they are
//! darkened so that every one has at least 3.5:1 contrast with the white
//! background; in the dark theme they are lightened so every one has at least
//! 6:1 contrast with the near-black background. Text colours pass 4.5:1.

use plotters::style::RGBColor;

/// Which colour scheme a chart is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Theme {
    /// Dark text on a white background.
    #[default]
    Light,
    /// Light text on a near-black background.
    Dark,
}

/// The colours one theme uses, as `#rrggbb` strings via [`Colours::hex`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colours {
    /// Chart background.
    pub background: RGBColor,
    /// Main text (labels, values).
    pub text: RGBColor,
    /// Secondary text (axis ticks, notes).
    pub muted: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Axis lines and zero lines.
    pub axis: RGBColor,
    /// Series colours, indexed by a figure's `colour` (modulo the length).
    pub series: [RGBColor; 8],
}

const LIGHT: Colours = Colours {
    background: RGBColor(0xFF, 0xFF, 0xFF),
    text: RGBColor(0x1A, 0x1A, 0x1A),
    muted: RGBColor(0x59, 0x59, 0x59),
    grid: RGBColor(0xDD, 0xDD, 0xDD),
    axis: RGBColor(0x76, 0x76, 0x76),
    series: [
        RGBColor(0x00, 0x72, 0xB2), // blue            5.2:1 on white
        RGBColor(0xD5, 0x5E, 0x00), // vermillion      3.9:1
        RGBColor(0x00, 0x8F, 0x68), // bluish green    4.1:1
        RGBColor(0xB0, 0x7A, 0x00), // orange (dark)   3.7:1
        RGBColor(0xB8, 0x50, 0x8F), // reddish purple  4.6:1
        RGBColor(0x2F, 0x8F, 0xCB), // sky blue (dark) 3.6:1
        RGBColor(0x8C, 0x82, 0x00), // yellow (olive)  4.0:1
        RGBColor(0x75, 0x75, 0x75), // grey            4.6:1
    ],
};

const DARK: Colours = Colours {
    background: RGBColor(0x12, 0x14, 0x17),
    text: RGBColor(0xED, 0xED, 0xED),
    muted: RGBColor(0xA8, 0xA8, 0xA8),
    grid: RGBColor(0x3A, 0x3D, 0x42),
    axis: RGBColor(0x8A, 0x8D, 0x92),
    series: [
        RGBColor(0x56, 0xA8, 0xE8), // blue            7:1 on #121417
        RGBColor(0xF0, 0x7A, 0x3A), // vermillion      6.6:1
        RGBColor(0x2B, 0xC2, 0x9A), // bluish green    8.2:1
        RGBColor(0xE6, 0x9F, 0x00), // orange          8.2:1
        RGBColor(0xD9, 0x8B, 0xC0), // reddish purple  7.3:1
        RGBColor(0x9A, 0xD0, 0xF5), // sky blue       11.2:1
        RGBColor(0xF0, 0xE4, 0x42), // yellow         14:1
        RGBColor(0xBB, 0xBB, 0xBB), // grey            9.6:1
    ],
};

impl Theme {
    /// This theme's colours.
    pub fn colours(self) -> &'static Colours {
        match self {
            Theme::Light => &LIGHT,
            Theme::Dark => &DARK,
        }
    }

    /// A short name used in CSS class names: `"light"` or `"dark"`.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
}

impl Colours {
    /// The series colour for a figure's colour index (wraps around).
    pub fn series(&self, index: usize) -> RGBColor {
        self.series[index % self.series.len()]
    }

    /// `#rrggbb` for a colour.
    pub fn hex(c: RGBColor) -> String {
        format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn luminance(c: RGBColor) -> f64 {
        let ch = |v: u8| {
            let x = f64::from(v) / 255.0;
            if x <= 0.03928 {
                x / 12.92
            } else {
                ((x + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(c.0) + 0.7152 * ch(c.1) + 0.0722 * ch(c.2)
    }

    fn contrast(a: RGBColor, b: RGBColor) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    #[test]
    fn palette_contrast_on_both_backgrounds() {
        for theme in [Theme::Light, Theme::Dark] {
            let c = theme.colours();
            for s in c.series {
                assert!(contrast(s, c.background) >= 3.5, "{theme:?} {s:?}");
            }
            assert!(contrast(c.text, c.background) >= 7.0);
            assert!(contrast(c.muted, c.background) >= 4.5);
            assert!(contrast(c.axis, c.background) >= 3.0);
        }
    }
}
