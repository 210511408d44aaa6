//! The reader's theme choice (`light`, `dark`, or `auto` following the system), as a plain type.

use fund_charts::Theme;

/// What the reader (or the URL) asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ThemeChoice {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// All choices, in the order of the theme switch.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark];

    /// `"auto"`, `"light"` or `"dark"` (the URL value and the `data-theme` attribute).
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    /// Reads `"light"`, `"dark"` or `"auto"`; anything else is `None`.
    pub fn parse(s: &str) -> Option<ThemeChoice> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The label on the theme switch.
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "Auto",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    /// The chart theme, given whether the system prefers dark.
    pub fn resolve(self, system_prefers_dark: bool) -> Theme {
        match self {
            ThemeChoice::Light => Theme::Light,
            ThemeChoice::Dark => Theme::Dark,
            ThemeChoice::Auto if system_prefers_dark => Theme::Dark,
            ThemeChoice::Auto => Theme::Light,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_resolve() {
        for t in ThemeChoice::ALL {
            assert_eq!(ThemeChoice::parse(t.as_str()), Some(t));
        }
        assert_eq!(ThemeChoice::parse("DARK"), None);
        assert_eq!(ThemeChoice::parse("\"><script>"), None);
        assert_eq!(ThemeChoice::Auto.resolve(true), Theme::Dark);
        assert_eq!(ThemeChoice::Auto.resolve(false), Theme::Light);
        assert_eq!(ThemeChoice::Light.resolve(true), Theme::Light);
        assert_eq!(ThemeChoice::Dark.resolve(false), Theme::Dark);
    }
}
