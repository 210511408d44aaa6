//! The text a reader meets on the main path of a prerendered page, for the reading budget.
//!
//! The main path is what shows with every disclosure shut, leaving out charts (figures),
//! tables, navigation and what is hidden or only for screen readers. One kind of disclosure is
//! counted open: the fact-check boxes beside each step, which are open by default on wide
//! screens, so the claims and verdicts are always part of the budget.
//!
//! The pages are written by our own components (well-formed markup), so a small tag reader is
//! enough; it is not a general HTML parser.

/// Elements whose text is never on the reading path.
const SKIPPED_TAGS: [&str; 10] = [
    "script", "style", "svg", "figure", "table", "nav", "dialog", "template", "noscript", "head",
];
/// Classes whose elements are not reading text (navigation, actions, screen-reader-only text).
const SKIPPED_CLASSES: [&str; 6] = [
    "visually-hidden",
    "skip-link",
    "chart-tabs",
    "panel-nav",
    "chart-actions",
    "cite-panel",
];
/// `<details>` counted open (see the module docs).
const OPEN_DETAILS_CLASS: &str = "record-details";
/// Elements that never have a closing tag.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(i) = rest.find(name) {
        let before = rest[..i].chars().last();
        let after = &rest[i + name.len()..];
        if before.is_some_and(char::is_whitespace) {
            if let Some(v) = after.strip_prefix("=\"") {
                return v.find('"').map(|end| &v[..end]);
            }
            if after.starts_with([' ', '>', '/']) || after.is_empty() {
                return Some("");
            }
        }
        rest = &rest[i + name.len()..];
    }
    None
}

fn has_class(tag: &str, class: &str) -> bool {
    attr(tag, "class").is_some_and(|c| c.split_whitespace().any(|x| x == class))
}

fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// One open element: whether its text is skipped, and whether it is a shut `<details>` (whose
/// text shows only in its `<summary>`).
struct Open {
    name: String,
    skip: bool,
    shut_details: bool,
    summary: bool,
}

/// The main path's text of a page's markup, one text node per line.
pub fn main_path_text(html: &str) -> String {
    let mut out = String::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(&mut out, &stack, rest);
            break;
        };
        push_text(&mut out, &stack, &rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if tag.starts_with('!') || tag.starts_with('?') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim().to_ascii_lowercase();
            if let Some(i) = stack.iter().rposition(|o| o.name == name) {
                stack.truncate(i);
            }
            continue;
        }
        let name: String = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if VOID.contains(&name.as_str()) || tag.ends_with('/') {
            continue;
        }
        let skip = SKIPPED_TAGS.contains(&name.as_str())
            || attr(tag, "hidden").is_some()
            || attr(tag, "aria-hidden") == Some("true")
            || SKIPPED_CLASSES.iter().any(|c| has_class(tag, c));
        let shut_details = name == "details" && !has_class(tag, OPEN_DETAILS_CLASS);
        stack.push(Open {
            summary: name == "summary",
            name,
            skip,
            shut_details,
        });
        // Raw-text elements: skip to their end tag without reading their content as markup.
        if skip && ["script", "style"].contains(&stack.last().map_or("", |o| o.name.as_str())) {
            let close = format!("</{}", stack.last().map_or("", |o| o.name.as_str()));
            rest = rest.find(&close).map_or("", |i| &rest[i..]);
        }
    }
    out
}

fn push_text(out: &mut String, stack: &[Open], text: &str) {
    if stack.iter().any(|o| o.skip) {
        return;
    }
    // Inside a shut <details>, only its <summary> shows.
    if let Some(d) = stack.iter().rposition(|o| o.shut_details) {
        if !stack[d + 1..].iter().any(|o| o.summary) {
            return;
        }
    }
    let t = decode(text);
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if !t.is_empty() {
        out.push_str(&t);
        out.push('\n');
    }
}

/// Words in English text: whitespace-separated runs holding at least one letter or digit.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Characters in Japanese text, as Japanese editors count them: every character but spaces.
pub fn char_count(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shut_disclosures_show_their_summary_only() {
        let html = "<main><p>One two</p><details><summary>Sources (3)</summary><p>hidden words</p></details>\
                    <details class=\"record-details\" open><summary>Fact check</summary><p>claim text</p></details></main>";
        assert_eq!(
            main_path_text(html),
            "One two\nSources (3)\nFact check\nclaim text\n"
        );
    }

    #[test]
    fn charts_tables_navigation_and_hidden_text_are_left_out() {
        let html = "<p>Kept &amp; read</p><figure><figcaption>Caption</figcaption><svg><text>75%</text></svg></figure>\
                    <table><tr><td>cell</td></tr></table><nav>Back Next</nav><p hidden>gone</p>\
                    <span class=\"visually-hidden\">gone</span><script>let x = '<p>';</script><br/><p>End</p>";
        assert_eq!(main_path_text(html), "Kept & read\nEnd\n");
    }

    #[test]
    fn counts() {
        assert_eq!(word_count("The $550 billion – is 1–2% of it."), 7);
        assert_eq!(char_count("日本の 5500億ドル。"), 11);
    }
}
