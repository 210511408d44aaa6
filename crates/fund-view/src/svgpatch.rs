//! Updating a drawn chart in place. The charts crate writes a chart's marks as a flat run of SVG
//! elements (`<rect …/>`, `<text …>label</text>`, …). When the reader's numbers change, the
//! browser lines the new run up with the one on screen (the longest common run of element kinds),
//! sets only the attributes and texts that differ on the elements it keeps, and inserts or removes
//! only the elements that appeared or went (a bar's label moving outside it, a segment reaching
//! zero). Plain functions, tested natively; [`apply_to`] is the browser's patching, on plain data.

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
    /// Remove element `index` (the later ones move up).
    Remove {
        /// Position of the element.
        index: usize,
    },
    /// Insert `mark` as a new element at `index` (the later ones move down).
    Insert {
        /// Position it will have.
        index: usize,
        /// The element to make.
        mark: Mark,
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

/// A short fingerprint of drawn text (FNV-1a, 64 bits, as 16 hex digits). The prerendered page
/// stamps each chart's layers with one, so the browser's first draw can tell, without reading
/// the drawing back out of the DOM, that what it would draw is already there.
pub fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        // A separator that cannot occur in text, so ["ab", "c"] and ["a", "bc"] differ.
        for b in part.bytes().chain([0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// The fingerprint of a chart's words and "Show data" table: caption, description, then the
/// table's header and rows.
pub fn words_fingerprint(text: &fund_charts::ChartText, table: &fund_charts::DataTable) -> String {
    let mut parts: Vec<&str> = vec![&text.caption, &text.description];
    parts.extend(table.columns.iter().map(String::as_str));
    for row in &table.rows {
        parts.push("\u{1}");
        parts.extend(row.iter().map(String::as_str));
    }
    fingerprint(&parts)
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

/// Runs longer than this are redrawn whole rather than lined up (the alignment is quadratic; no
/// live chart comes near it).
const MAX_ALIGN: usize = 2000;

fn same_kind(a: &Mark, b: &Mark) -> bool {
    a.tag == b.tag && a.attr("class") == b.attr("class")
}

impl Mark {
    /// The value of attribute `name`, if the element has it.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

fn edit_kept(index: usize, a: &Mark, b: &Mark, edits: &mut Vec<Edit>) {
    for (name, value) in &b.attrs {
        if a.attr(name) != Some(value.as_str()) {
            edits.push(Edit::SetAttr {
                index,
                name: name.clone(),
                value: value.clone(),
            });
        }
    }
    for (name, _) in &a.attrs {
        if b.attr(name).is_none() {
            edits.push(Edit::RemoveAttr {
                index,
                name: name.clone(),
            });
        }
    }
    // An element with no text and one with empty text look the same on screen.
    let (t, u) = (
        a.text.as_deref().unwrap_or(""),
        b.text.as_deref().unwrap_or(""),
    );
    if t != u {
        edits.push(Edit::SetText {
            index,
            text: u.to_string(),
        });
    }
}

/// The edits that turn `old` into `new`, in the order they are to be applied (positions count
/// the elements as they are at that moment). Elements of the same kind (name and class) that line
/// up are kept and edited; the others are removed or inserted. `None` only for runs too long to
/// line up cheaply (then the layer is redrawn whole).
pub fn diff(old: &[Mark], new: &[Mark]) -> Option<Vec<Edit>> {
    let (n, m) = (old.len(), new.len());
    if n.max(m) > MAX_ALIGN {
        return None;
    }
    // Same prefix and suffix first: the usual case (same elements, new values) never reaches the
    // table below.
    let mut head = 0;
    while head < n && head < m && same_kind(&old[head], &new[head]) {
        head += 1;
    }
    let mut tail = 0;
    while tail < n - head && tail < m - head && same_kind(&old[n - 1 - tail], &new[m - 1 - tail]) {
        tail += 1;
    }
    let (a, b) = (&old[head..n - tail], &new[head..m - tail]);
    // Longest common run of kinds between the middles (lengths from the end).
    let (p, q) = (a.len(), b.len());
    let mut lcs = vec![0u32; (p + 1) * (q + 1)];
    let at = |i: usize, j: usize| i * (q + 1) + j;
    for i in (0..p).rev() {
        for j in (0..q).rev() {
            lcs[at(i, j)] = if same_kind(&a[i], &b[j]) {
                lcs[at(i + 1, j + 1)] + 1
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    let mut edits = Vec::new();
    for k in 0..head {
        edit_kept(k, &old[k], &new[k], &mut edits);
    }
    let (mut i, mut j, mut pos) = (0, 0, head);
    while i < p || j < q {
        if i < p && j < q && same_kind(&a[i], &b[j]) {
            edit_kept(pos, &a[i], &b[j], &mut edits);
            i += 1;
            j += 1;
            pos += 1;
        } else if j < q && (i == p || lcs[at(i, j + 1)] >= lcs[at(i + 1, j)]) {
            edits.push(Edit::Insert {
                index: pos,
                mark: b[j].clone(),
            });
            j += 1;
            pos += 1;
        } else {
            edits.push(Edit::Remove { index: pos });
            i += 1;
        }
    }
    for k in 0..tail {
        edit_kept(pos + k, &old[n - tail + k], &new[m - tail + k], &mut edits);
    }
    Some(edits)
}

/// Applies `edits` to a run of marks, as the browser applies them to the elements on screen.
pub fn apply_to(marks: &mut Vec<Mark>, edits: &[Edit]) {
    for e in edits {
        match e {
            Edit::SetAttr { index, name, value } => {
                if let Some(m) = marks.get_mut(*index) {
                    match m.attrs.iter_mut().find(|(n, _)| n == name) {
                        Some(slot) => slot.1 = value.clone(),
                        None => m.attrs.push((name.clone(), value.clone())),
                    }
                }
            }
            Edit::RemoveAttr { index, name } => {
                if let Some(m) = marks.get_mut(*index) {
                    m.attrs.retain(|(n, _)| n != name);
                }
            }
            Edit::SetText { index, text } => {
                if let Some(m) = marks.get_mut(*index) {
                    m.text = Some(text.clone());
                }
            }
            Edit::Remove { index } => {
                if *index < marks.len() {
                    marks.remove(*index);
                }
            }
            Edit::Insert { index, mark } => {
                let at = (*index).min(marks.len());
                marks.insert(at, mark.clone());
            }
        }
    }
}

// Native: these draw the tracker too, which only the build-time renderer has.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::charts::{render_parts, ChartId};
    use fund_charts::Theme;
    use fund_core::model::Model;
    use fund_core::Lang;
    use rust_decimal::Decimal;

    #[test]
    fn fingerprints_tell_drawings_apart() {
        let a = fingerprint(&["<rect x=\"1\"/>", "2"]);
        assert_eq!(a.len(), 16);
        assert_eq!(a, fingerprint(&["<rect x=\"1\"/>", "2"]));
        assert_ne!(a, fingerprint(&["<rect x=\"2\"/>", "2"]));
        // Where one part ends matters.
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
        assert_ne!(fingerprint(&[]), fingerprint(&[""]));
    }

    #[test]
    fn the_first_draw_recognises_the_prerendered_drawing() {
        // The page stamps each layer with the fingerprint of what the build-time renderer drew
        // (components/chart.rs); the browser's first draw compares the fingerprint of what it
        // draws (client/chartview.rs). For the same numbers they must agree in every chart,
        // layout and language, or every takeover would redraw everything.
        use crate::charts::{build, parts_of, render_model, static_of};
        use crate::layout::{NARROW_LAYOUT, WIDE_LAYOUT};
        let mut m = Model::default();
        m.set_treasuries(Decimal::from(70)).unwrap();
        for model in [Model::default(), m] {
            let d = model.derive();
            for lang in Lang::ALL {
                for id in ChartId::ALL.into_iter().filter(|c| c.is_live()) {
                    let chart = build(id, &d, lang);
                    let wide = render_model(id, &chart, WIDE_LAYOUT, Theme::Light, lang);
                    for width in [WIDE_LAYOUT, NARROW_LAYOUT] {
                        let pre = render_model(id, &chart, width, Theme::Light, lang);
                        let live = parts_of(id, &chart, width, Theme::Light, lang);
                        let layer = static_of(id, &chart, width, Theme::Light);
                        assert_eq!(fingerprint(&[&pre.svg.marks]), fingerprint(&[&live.marks]));
                        assert_eq!(
                            fingerprint(&[&pre.svg.static_layer]),
                            fingerprint(&[&layer])
                        );
                        assert_eq!(
                            words_fingerprint(&wide.text, &wide.table),
                            words_fingerprint(&live.text, &chart.table()),
                            "{id:?} at {width}"
                        );
                    }
                    // A dark reader's static layer is not the prerendered (light) one.
                    let dark = static_of(id, &chart, WIDE_LAYOUT, Theme::Dark);
                    assert_ne!(
                        fingerprint(&[&dark]),
                        fingerprint(&[&wide.svg.static_layer])
                    );
                }
            }
        }
        // Other numbers, other fingerprints.
        let mut m = Model::default();
        m.set_treasuries(Decimal::from(70)).unwrap();
        let [(a, ta), (b, tb)] = [Model::default(), m].map(|model| {
            let chart = build(ChartId::Allocation, &model.derive(), Lang::En);
            let parts = parts_of(ChartId::Allocation, &chart, 640, Theme::Light, Lang::En);
            (parts, chart.table())
        });
        assert_ne!(fingerprint(&[&a.marks]), fingerprint(&[&b.marks]));
        assert_ne!(
            words_fingerprint(&a.text, &ta),
            words_fingerprint(&b.text, &tb)
        );
    }

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
        apply_to(&mut patched, &edits);
        assert_eq!(patched, b);
    }

    /// Equal up to "no text" versus "empty text", which look the same on screen.
    fn same_on_screen(a: &[Mark], b: &[Mark]) -> bool {
        a.len() == b.len()
            && a.iter().zip(b).all(|(x, y)| {
                let mut xa = x.attrs.clone();
                let mut ya = y.attrs.clone();
                xa.sort();
                ya.sort();
                x.tag == y.tag
                    && xa == ya
                    && x.text.as_deref().unwrap_or("") == y.text.as_deref().unwrap_or("")
            })
    }

    #[test]
    fn elements_that_appear_or_go_are_inserted_or_removed_the_rest_kept() {
        let a = parse("<rect x=\"1\"/><text x=\"2\">a</text>").unwrap();
        let b = parse("<rect x=\"1\"/>").unwrap();
        assert_eq!(diff(&a, &b).unwrap(), vec![Edit::Remove { index: 1 }]);
        let c = parse("<rect x=\"1\"/><polygon points=\"0,0\"/><text x=\"2\">a</text>").unwrap();
        assert_eq!(
            diff(&a, &c).unwrap(),
            vec![Edit::Insert {
                index: 1,
                mark: c[1].clone()
            }]
        );
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

    #[test]
    fn every_live_chart_patches_to_exactly_the_new_drawing_across_many_states() {
        // Sweeps the sliders across their ranges (segments appearing, labels moving in and out
        // of bars) for every chart, both layouts and both languages: patching the old drawing
        // always gives the new one, and keeps the elements that line up.
        let states: Vec<(i64, i64, i64)> = vec![
            (2, 75, 50),
            (2, 60, 50),
            (0, 0, 0),
            (100, 0, 50),
            (0, 100, 100),
            (15, 40, 100),
            (2, 75, 50),
            (50, 50, 30),
            (1, 99, 0),
        ];
        for lang in Lang::ALL {
            for layout in [640, 360] {
                for id in ChartId::ALL {
                    let mut prev: Option<Vec<Mark>> = None;
                    for (direct, treasuries, split) in &states {
                        let mut m = Model::default();
                        m.set_treasuries(Decimal::ZERO).unwrap();
                        m.set_direct(Decimal::from(*direct)).unwrap();
                        m.set_treasuries(Decimal::from(*treasuries)).unwrap();
                        m.set_remainder_split(Decimal::from(*split)).unwrap();
                        let parts = render_parts(id, &m.derive(), layout, Theme::Light, lang);
                        let now = parse(&parts.marks).unwrap();
                        if let Some(mut before) = prev.take() {
                            let edits = diff(&before, &now).expect("lined up");
                            apply_to(&mut before, &edits);
                            assert!(same_on_screen(&before, &now), "{id:?} {layout} {lang:?}");
                        }
                        prev = Some(now);
                    }
                }
            }
        }
    }

    #[test]
    fn a_new_segment_keeps_the_bars_before_it() {
        let mut m = Model::default();
        m.set_direct(Decimal::from(2)).unwrap();
        m.set_treasuries(Decimal::from(75)).unwrap();
        let allocation_marks = |m: &Model| {
            let parts = render_parts(
                ChartId::Allocation,
                &m.derive(),
                640,
                Theme::Light,
                Lang::En,
            );
            parse(&parts.marks).unwrap()
        };
        let a = allocation_marks(&m);
        m.set_treasuries(Decimal::from(60)).unwrap();
        let b = allocation_marks(&m);
        assert_ne!(a.len(), b.len(), "a segment appears");
        let edits = diff(&a, &b).unwrap();
        let structural = edits
            .iter()
            .filter(|e| matches!(e, Edit::Insert { .. } | Edit::Remove { .. }))
            .count();
        assert_eq!(structural, b.len().abs_diff(a.len()), "{edits:?}");
        assert!(!matches!(
            edits[0],
            Edit::Insert { index: 0, .. } | Edit::Remove { index: 0 }
        ));
    }
}
