//! The explainer's languages, and text that exists in each of them.

use serde::{Deserialize, Serialize};

/// A language the explainer is written in. English is the reference: every string exists in
/// English first, and every other language must have the same keys and placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The BCP 47 tag used in URLs, `<html lang>` and `hreflang`: `"en"`, `"ja"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// Reads a language tag (`"en"`, `"ja"`, case-insensitive, with or without a region such
    /// as `"ja-JP"`); `None` for anything else.
    pub fn parse(s: &str) -> Option<Lang> {
        let primary = s.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else if primary.eq_ignore_ascii_case("ja") {
            Some(Lang::Ja)
        } else {
            None
        }
    }

    /// The folder of this language's pages below the site's root: `""` for English (the
    /// default), `"ja/"` for Japanese.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "",
            Lang::Ja => "ja/",
        }
    }

    /// The language this build answers `self` in: `self` when the build holds every language
    /// (the default features); otherwise the one language it holds (the features `lang-en`,
    /// `lang-ja`). Each page's WebAssembly holds its own page's language only, and the code
    /// matching on a language goes through this, so the other language's branches and text fold
    /// away.
    #[inline(always)]
    pub const fn built(self) -> Lang {
        if cfg!(all(feature = "lang-en", feature = "lang-ja")) {
            self
        } else if cfg!(feature = "lang-ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    /// The other language (there are two).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ja,
            Lang::Ja => Lang::En,
        }
    }
}

/// A text given in every language, as data files write it: `{"en": "…", "ja": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    // Boxed strings (not `String`): texts ride in errors, and a smaller error keeps every
    // `Result` small.
    en: Box<str>,
    ja: Box<str>,
}

impl Text {
    /// A text from its English and Japanese versions. A one-language build keeps the language
    /// it holds only (the other stays empty, and [`Text::get`] never answers with it).
    pub fn new(en: impl Into<String>, ja: impl Into<String>) -> Text {
        let keep = |on: bool, s: String| {
            if on {
                s.into_boxed_str()
            } else {
                Box::default()
            }
        };
        Text {
            en: keep(cfg!(feature = "lang-en"), en.into()),
            ja: keep(cfg!(feature = "lang-ja"), ja.into()),
        }
    }

    /// The text in `lang` (in a one-language build, in the language it holds: see
    /// [`Lang::built`]).
    pub fn get(&self, lang: Lang) -> &str {
        match lang.built() {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        }
    }

    /// The English text (the reference; empty in a Japanese-only build).
    pub fn en(&self) -> &str {
        &self.en
    }

    /// The language of the first version that is empty (after trimming), if any.
    pub fn first_empty(&self) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| self.get(*l).trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_read_and_write() {
        assert_eq!(Lang::parse("ja"), Some(Lang::Ja));
        assert_eq!(Lang::parse("JA-jp"), Some(Lang::Ja));
        assert_eq!(Lang::parse("en_GB"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(Lang::parse("<script>"), None);
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.as_str()), Some(l));
        }
        assert_eq!(Lang::Ja.dir(), "ja/");
        assert_eq!(Lang::En.other(), Lang::Ja);
    }

    #[test]
    fn texts_pick_their_language() {
        let t = Text::new("Show data", "データを表示");
        assert_eq!(t.get(Lang::Ja), "データを表示");
        assert_eq!(t.get(Lang::En), "Show data");
        assert_eq!(t.first_empty(), None);
        assert_eq!(Text::new("x", " ").first_empty(), Some(Lang::Ja));
    }
}
