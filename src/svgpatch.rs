//! Updating a drawn chart in place. The charts crate writes a chart's marks as a flat run of SVG
//! elements (`<rect …/>`, `<text …>label</text>`, …). When the reader's numbers change, the
//! browser compares the new run with the one on screen, element by element, and sets only the
//! attributes and texts that differ; it replaces the whole run only when the elements themselves
//! differ (another count, another kind). Plain functions, tested natively.

/// One SVG element of a marks layer: its name, its attributes (values unescaped, in order) and
/// its text (unescaped), if it has any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Element name, e.g. `rect`.
    pub tag: String,
    /// Attributes in document order, values unescaped.
    pub attrs: Vec<(String, String)>,
    /// The text inside, unescaped (as the browser's text node holds it), if any.
    pub text: Option<String>,
}

/// One change to make to the elements on screen (by position among the layer's elements).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Set attribute `name` of element `index` to `value`.
    SetAttr {
        /// Position of the element.
        index: usize,
        /// Attribute name.
        name: String,
        /// New value.
        value: String,
    },
    /// Remove attribute `name` of element `index`.
    RemoveAttr {
        /// Position of the element.
        index: usize,
        /// Attribute name.
        name: String,
    },
    /// Set the text of element `index`.
    SetText {
        /// Position of the element.
        index: usize,
        /// New text.
        text: String,
    },
}

/// Replaces the five XML entities and numeric character references with their characters.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let end = after.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse::<u32>().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')
}

/// Reads a flat run of elements as the charts crate writes them; `None` if the fragment has any
/// other shape (nesting, comments, a stray `<`), in which case the caller redraws it whole.
pub fn parse(fragment: &str) -> Option<Vec<Mark>> {
    let mut out = Vec::new();
    let mut rest = fragment.trim_start();
    while !rest.is_empty() {
        rest = rest.strip_prefix('<')?;
        let name_end = rest.find(|c: char| !is_name_char(c))?;
        let tag = &rest[..name_end];
        if tag.is_empty() {
            return None;
        }
        rest = &rest[name_end..];
        let mut attrs = Vec::new();
        let self_closing;
        loop {
            rest = rest.trim_start();
            if let Some(r) = rest.strip_prefix("/>") {
                rest = r;
                self_closing = true;
                break;
            }
            if let Some(r) = rest.strip_prefix('>') {
                rest = r;
                self_closing = false;
                break;
            }
            let eq = rest.find('=')?;
            let name = rest[..eq].trim();
            if name.is_empty() || !name.chars().all(is_name_char) {
                return None;
            }
            let after = rest[eq + 1..].trim_start().strip_prefix('"')?;
            let close = after.find('"')?;
            attrs.push((name.to_string(), unescape(&after[..close])));
            rest = &after[close + 1..];
        }
        let text = if self_closing {
            None
        } else {
            let closing = format!("</{tag}>");
            let end = rest.find(&closing)?;
            let inner = &rest[..end];
            if inner.contains('<') {
                return None;
            }
            rest = &rest[end + closing.len()..];
            Some(unescape(inner))
        };
        out.push(Mark {
            tag: tag.to_string(),
            attrs,
            text,
        });
        rest = rest.trim_start();
    }
    Some(out)
}

/// The edits that turn `old` into `new`, or `None` if the elements differ in number or kind (then
/// the layer is redrawn whole).
pub fn diff(old: &[Mark], new: &[Mark]) -> Option<Vec<Edit>> {
    if old.len() != new.len() {
        return None;
    }
    let mut edits = Vec::new();
    for (index, (a, b)) in old.iter().zip(new).enumerate() {
        if a.tag != b.tag || a.text.is_some() != b.text.is_some() {
            return None;
        }
        for (name, value) in &b.attrs {
            let before = a.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v);
            if before != Some(value) {
                edits.push(Edit::SetAttr {
                    index,
                    name: name.clone(),
                    value: value.clone(),
                });
            }
        }
        for (name, _) in &a.attrs {
            if !b.attrs.iter().any(|(n, _)| n == name) {
                edits.push(Edit::RemoveAttr {
                    index,
                    name: name.clone(),
                });
            }
        }
        if let (Some(t), Some(u)) = (&a.text, &b.text) {
            if t != u {
                edits.push(Edit::SetText {
                    index,
                    text: u.clone(),
                });
            }
        }
    }
    Some(edits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::{render_parts, ChartId};
    use fund_charts::Theme;
    use fund_core::model::Model;
    use fund_core::Lang;
    use rust_decimal::Decimal;

    #[test]
    fn reads_the_charts_own_output_for_every_chart() {
        let d = Model::default().derive();
        for id in ChartId::ALL {
            for lang in Lang::ALL {
                let parts = render_parts(id, &d, 640, Theme::Dark, lang);
                let marks =
                    parse(&parts.marks).unwrap_or_else(|| panic!("{id:?}: {}", parts.marks));
                assert!(!marks.is_empty(), "{id:?}");
                // Reading is faithful: the number of elements is the number of tags opened.
                let opened = parts.marks.matches('<').count() - parts.marks.matches("</").count();
                assert_eq!(marks.len(), opened, "{id:?}");
            }
        }
    }

    #[test]
    fn unescapes_entities() {
        assert_eq!(
            unescape("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;"),
            "a & b <c> \"d\" 'e'"
        );
        assert_eq!(unescape("&#x2212;5 &#8211; x"), "−5 – x");
        assert_eq!(unescape("AT&T & co; &bogus;"), "AT&T & co; &bogus;");
        let m =
            parse("<text x=\"1\" fill=\"#fff\">\nThe article&apos;s &lt;b&gt;\n</text>").unwrap();
        assert_eq!(m[0].text.as_deref(), Some("\nThe article's <b>\n"));
        assert_eq!(
            m[0].attrs,
            vec![("x".into(), "1".into()), ("fill".into(), "#fff".into())]
        );
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        for bad in [
            "<g><rect/></g>",
            "<rect x=1/>",
            "<!-- c --><rect/>",
            "text",
            "<rect x=\"1\"",
            "<text>a <b>b</b></text>",
            "<>",
        ] {
            assert!(parse(bad).is_none(), "{bad}");
        }
        assert_eq!(parse("").unwrap(), vec![]);
    }

    #[test]
    fn moving_a_slider_changes_a_few_attributes_only() {
        let mut m = Model::default();
        let before = render_parts(ChartId::Waffle, &m.derive(), 360, Theme::Light, Lang::En);
        m.set_treasuries(Decimal::from(70)).unwrap();
        let after = render_parts(ChartId::Waffle, &m.derive(), 360, Theme::Light, Lang::En);
        let (a, b) = (parse(&before.marks).unwrap(), parse(&after.marks).unwrap());
        let edits = diff(&a, &b).expect("same elements");
        assert!(!edits.is_empty());
        // Five squares change colour and two legend values change, not 100 squares.
        assert!(edits.len() < 20, "{edits:?}");
        // Applying the edits to the old run gives the new run.
        let mut patched = a.clone();
        for e in edits {
            match e {
                Edit::SetAttr { index, name, value } => {
                    let attrs = &mut patched[index].attrs;
                    match attrs.iter_mut().find(|(n, _)| *n == name) {
                        Some(slot) => slot.1 = value,
                        None => attrs.push((name, value)),
                    }
                }
                Edit::RemoveAttr { index, name } => {
                    patched[index].attrs.retain(|(n, _)| *n != name)
                }
                Edit::SetText { index, text } => patched[index].text = Some(text),
            }
        }
        assert_eq!(patched, b);
    }

    #[test]
    fn a_different_shape_is_redrawn_whole() {
        let a = parse("<rect x=\"1\"/><text x=\"2\">a</text>").unwrap();
        let b = parse("<rect x=\"1\"/>").unwrap();
        assert!(diff(&a, &b).is_none());
        let c = parse("<rect x=\"1\"/><rect x=\"2\"/>").unwrap();
        assert!(diff(&a, &c).is_none());
        let d = parse("<rect y=\"3\"/><text x=\"2\">b</text>").unwrap();
        assert_eq!(
            diff(&a, &d).unwrap(),
            vec![
                Edit::SetAttr {
                    index: 0,
                    name: "y".into(),
                    value: "3".into()
                },
                Edit::RemoveAttr {
                    index: 0,
                    name: "x".into()
                },
                Edit::SetText {
                    index: 1,
                    text: "b".into()
                },
            ]
        );
    }
}
