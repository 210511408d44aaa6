//! The theme the reader (or the URL) asked for, resolved against the system's preference.
//! The choice itself is the core's [`ThemeParam`](fund_core::params::ThemeParam) (it travels in the URL).

use fund_charts::Theme;
pub use fund_core::params::ThemeParam as ThemeChoice;

/// The label on the theme switch, in `lang`.
pub fn label(choice: ThemeChoice, lang: fund_core::Lang) -> &'static str {
    use fund_core::msg::page;
    match choice {
        ThemeChoice::Auto => page::theme_auto(lang),
        ThemeChoice::Light => page::theme_light(lang),
        ThemeChoice::Dark => page::theme_dark(lang),
    }
}

/// The chart theme for a choice, given whether the system prefers dark.
pub fn resolve(choice: ThemeChoice, system_prefers_dark: bool) -> Theme {
    match choice {
        ThemeChoice::Light => Theme::Light,
        ThemeChoice::Dark => Theme::Dark,
        ThemeChoice::Auto if system_prefers_dark => Theme::Dark,
        ThemeChoice::Auto => Theme::Light,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_against_the_system() {
        assert_eq!(resolve(ThemeChoice::Auto, true), Theme::Dark);
        assert_eq!(resolve(ThemeChoice::Auto, false), Theme::Light);
        assert_eq!(resolve(ThemeChoice::Light, true), Theme::Light);
        assert_eq!(resolve(ThemeChoice::Dark, false), Theme::Dark);
        assert_eq!(label(ThemeChoice::Dark, fund_core::Lang::En), "Dark");
        assert_eq!(label(ThemeChoice::Dark, fund_core::Lang::Ja), "ダーク");
    }
}
