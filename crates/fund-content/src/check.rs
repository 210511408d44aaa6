//! Small text, id and link checks used by validation.

use crate::ContentError;

/// Hosts that must never be linked: the aggregator (\[X\]) hosts named in the sourced
/// facts, and reprint sites that are not reputable news outlets (cite the original
/// publisher and date instead). A host matches itself and its subdomains.
pub const DENIED_HOSTS: &[&str] = &[
    // Aggregators and blogs marked [X] in the facts.
    "deepnewz.com",
    "exbulletin.com",
    "sentifin.ai",
    "mitrade.com",
    "absolutebase.com",
    "investocracy.com",
    "particle.news",
    "fx.co",
    "allibnews.com",
    "jp-reports.com",
    "macrotrends.net",
    "gurufocus.com",
    // Reprints of official or wire stories on sites that are not news outlets.
    "t-room.us",
    "americanfocus.online",
    "cupure.com",
    "aseanrubber.net",
    "thenews.sg",
    "pubt.io",
    "miragenews.com",
    "nwzus.com",
    "coron.tech",
    "thedollarhub.com",
    "climateerinvest.blogspot.com",
    "fliphtml5.com",
    "pdfslide.us",
];

/// Hosts that may be linked over plain `http` (the Federal Reserve's pages, as cited).
const HTTP_ALLOWED: &[&str] = &["federalreserve.gov"];

fn host_matches(host: &str, domain: &str) -> bool {
    host == domain
        || host
            .strip_suffix(domain)
            .is_some_and(|prefix| prefix.ends_with('.'))
}

/// Checks that `id` is a lowercase slug: `a-z`, `0-9` and inner single `-`.
pub(crate) fn slug(kind: &'static str, id: &str) -> Result<(), ContentError> {
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--");
    if ok {
        Ok(())
    } else {
        Err(ContentError::BadId {
            kind,
            id: id.to_owned(),
        })
    }
}

fn has_html_entity(text: &str) -> bool {
    text.match_indices('&').any(|(at, _)| {
        let rest = &text[at + 1..];
        let name_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .unwrap_or(rest.len());
        name_len > 0 && rest[name_len..].starts_with(';')
    })
}

/// Checks that a text is plain: no markup, no control characters, no stray
/// whitespace and no braces.
pub(crate) fn plain(field: impl Fn() -> String, text: &str) -> Result<(), ContentError> {
    let fail = |reason| {
        Err(ContentError::NotPlainText {
            field: field(),
            reason,
        })
    };
    if text.trim().is_empty() {
        return Err(ContentError::Empty { field: field() });
    }
    if text.trim() != text {
        return fail("leading or trailing whitespace");
    }
    if text.chars().any(char::is_control) {
        return fail("a line break, tab or other control character");
    }
    if text.contains("  ") {
        return fail("a double space");
    }
    if text.contains(['<', '>']) {
        return fail("an angle bracket (looks like HTML)");
    }
    if has_html_entity(text) {
        return fail("an HTML entity");
    }
    if text.contains(['*', '`', '_', '[', ']', '\\']) {
        return fail("a markdown character (* ` _ [ ] \\)");
    }
    if text.starts_with("- ") || text.starts_with('#') {
        return fail("a markdown list item or heading");
    }
    if text.contains(['{', '}']) {
        return fail("a brace (placeholders belong only in step paragraphs)");
    }
    Ok(())
}

/// Checks a text's length in characters.
pub(crate) fn max_len(
    field: impl Fn() -> String,
    text: &str,
    max: usize,
) -> Result<(), ContentError> {
    let len = text.chars().count();
    if len > max {
        Err(ContentError::TooLong {
            field: field(),
            len,
            max,
        })
    } else {
        Ok(())
    }
}

/// Checks a source link: `https` (or `http` for the Fed), a plain host name, and not a denied host.
pub(crate) fn url(id: &str, url: &str) -> Result<(), ContentError> {
    let fail = |reason| {
        Err(ContentError::BadUrl {
            id: id.to_owned(),
            url: url.to_owned(),
            reason,
        })
    };
    let (https, rest) = if let Some(rest) = url.strip_prefix("https://") {
        (true, rest)
    } else if let Some(rest) = url.strip_prefix("http://") {
        (false, rest)
    } else {
        return fail("must start with https://");
    };
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'))
    {
        return fail("contains a space, quote, angle bracket or backslash");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let valid_host = host.contains('.')
        && host.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        });
    if !valid_host {
        return fail("the host must be a plain lowercase domain name (no user, port or IP)");
    }
    if !https && !HTTP_ALLOWED.iter().any(|d| host_matches(host, d)) {
        return fail("must use https (plain http is allowed only for federalreserve.gov)");
    }
    if DENIED_HOSTS.iter().any(|d| host_matches(host, d)) {
        return fail("the host is an aggregator or an unreliable reprint site; cite the original without a link");
    }
    Ok(())
}

/// Checks a facts section: `N` or `N.N`.
pub(crate) fn facts_section(section: &str) -> bool {
    let mut parts = section.split('.');
    let number = |p: Option<&str>| {
        p.is_some_and(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let first = number(parts.next());
    match parts.next() {
        None => first,
        Some(second) => first && number(Some(second)) && parts.next().is_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_match_subdomains_only() {
        assert!(host_matches("preview.deepnewz.com", "deepnewz.com"));
        assert!(host_matches("deepnewz.com", "deepnewz.com"));
        assert!(!host_matches("notdeepnewz.com", "deepnewz.com"));
    }

    #[test]
    fn urls() {
        assert!(url("a", "https://www.stlouisfed.org/x").is_ok());
        assert!(url(
            "a",
            "http://www.federalreserve.gov/pubs/ifdp/2012/1041/default.htm"
        )
        .is_ok());
        assert!(url("a", "http://www.nysun.com/x").is_err());
        assert!(url("a", "https://preview.deepnewz.com/japan/x").is_err());
        assert!(url("a", "https://www.mitrade.com/insights/x").is_err());
        assert!(url("a", "ftp://example.com/x").is_err());
        assert!(url("a", "https://exa mple.com/x").is_err());
        assert!(url("a", "https://user@example.com/x").is_err());
        assert!(url("a", "https://example.com:8080/x").is_err());
        assert!(url("a", "https://localhost/x").is_err());
        assert!(url("a", "javascript:alert(1)").is_err());
    }

    #[test]
    fn plain_text() {
        let f = || "f".to_owned();
        assert!(plain(f, "S&P 500 dividend yield, 3 Jun 2025").is_ok());
        assert!(plain(f, "Japan’s “up to” $550 billion").is_ok());
        for bad in [
            "",
            " leading",
            "two  spaces",
            "line\nbreak",
            "<b>bold</b>",
            "a &amp; b",
            "**bold**",
            "[link](https://x.y)",
            "- item",
            "# heading",
            "a {total} b",
        ] {
            assert!(plain(f, bad).is_err(), "{bad:?} should fail");
        }
    }

    #[test]
    fn slugs_and_sections() {
        assert!(slug("x", "step-1").is_ok());
        for bad in ["", "Step-1", "step_1", "-a", "a-", "a--b", "a b"] {
            assert!(slug("x", bad).is_err(), "{bad:?}");
        }
        for good in ["0", "1.3", "1.10", "6"] {
            assert!(facts_section(good), "{good}");
        }
        for bad in ["", "1.", ".1", "1.2.3", "a", "§1.3"] {
            assert!(!facts_section(bad), "{bad}");
        }
    }
}
