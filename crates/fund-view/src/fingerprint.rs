//! Fingerprints of drawn layers and words. The prerendered page stamps each chart's layers with
//! one, so the browser's first draw can tell, without reading the drawing back out of the DOM,
//! that what it would draw is already there. Updating a drawn chart is the charts crate's typed
//! diff ([`fund_charts::scene::diff`]); the tests below hold it to the real charts.

use fund_charts::{PaintMode, Scene};

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

/// The fingerprint of a layer as the page holds it (palette classes).
pub fn layer_fingerprint(layer: &Scene) -> String {
    fingerprint(&[&layer.to_svg(PaintMode::Classes)])
}

// Native: these draw the tracker too, which only the build-time renderer has.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::charts::{render_parts, ChartId};
    use fund_charts::scene::{apply_to_plain, diff, Edit, PlainElement};
    use fund_charts::{Mark, Theme};
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
                        let live = parts_of(id, &chart, width, lang);
                        let layer = static_of(id, &chart, width);
                        assert_eq!(
                            layer_fingerprint(&pre.svg.marks),
                            layer_fingerprint(&live.marks)
                        );
                        assert_eq!(
                            layer_fingerprint(&pre.svg.static_layer),
                            layer_fingerprint(&layer)
                        );
                        assert_eq!(
                            words_fingerprint(&wide.text, &wide.table),
                            words_fingerprint(&live.text, &chart.table()),
                            "{id:?} at {width}"
                        );
                    }
                    // A dark reader's page holds the same drawing: the theme is the stylesheet's.
                    let dark = render_model(id, &chart, WIDE_LAYOUT, Theme::Dark, lang);
                    assert_eq!(dark.svg.page_svg(), wide.svg.page_svg());
                    assert_ne!(dark.svg.full_svg(), wide.svg.full_svg());
                }
            }
        }
        // Other numbers, other fingerprints.
        let mut m = Model::default();
        m.set_treasuries(Decimal::from(70)).unwrap();
        let [(a, ta), (b, tb)] = [Model::default(), m].map(|model| {
            let chart = build(ChartId::Allocation, &model.derive(), Lang::En);
            let parts = parts_of(ChartId::Allocation, &chart, 640, Lang::En);
            (parts, chart.table())
        });
        assert_ne!(layer_fingerprint(&a.marks), layer_fingerprint(&b.marks));
        assert_ne!(
            words_fingerprint(&a.text, &ta),
            words_fingerprint(&b.text, &tb)
        );
    }

    #[test]
    fn moving_a_slider_changes_a_few_attributes_only() {
        let mut m = Model::default();
        let before = render_parts(ChartId::Waffle, &m.derive(), 360, Lang::En);
        m.set_treasuries(Decimal::from(70)).unwrap();
        let after = render_parts(ChartId::Waffle, &m.derive(), 360, Lang::En);
        let (a, b) = (before.marks.marks(), after.marks.marks());
        let edits = diff(a, b).expect("same elements");
        assert!(!edits.is_empty());
        // Five squares change colour and two legend values change, not 100 squares.
        assert!(edits.len() < 20, "{edits:?}");
        // Applying the edits to the old elements gives the new drawing.
        assert_eq!(patched(a, b), fresh(b));
    }

    /// The elements the page holds for `marks` after drawing them fresh, attributes sorted.
    fn fresh(marks: &[Mark]) -> Vec<PlainElement> {
        marks
            .iter()
            .map(|m| PlainElement::of(m).normalised())
            .collect()
    }

    fn patched(before: &[Mark], after: &[Mark]) -> Vec<PlainElement> {
        let mut shown: Vec<PlainElement> = before.iter().map(PlainElement::of).collect();
        apply_to_plain(&mut shown, &diff(before, after).expect("lined up"));
        shown.into_iter().map(PlainElement::normalised).collect()
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
                    let mut prev: Option<Scene> = None;
                    for (direct, treasuries, split) in &states {
                        let mut m = Model::default();
                        m.set_treasuries(Decimal::ZERO).unwrap();
                        m.set_direct(Decimal::from(*direct)).unwrap();
                        m.set_treasuries(Decimal::from(*treasuries)).unwrap();
                        m.set_remainder_split(Decimal::from(*split)).unwrap();
                        let now = render_parts(id, &m.derive(), layout, lang).marks;
                        if let Some(before) = prev.take() {
                            assert_eq!(
                                patched(before.marks(), now.marks()),
                                fresh(now.marks()),
                                "{id:?} {layout} {lang:?}"
                            );
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
        let allocation_marks =
            |m: &Model| render_parts(ChartId::Allocation, &m.derive(), 640, Lang::En).marks;
        let a = allocation_marks(&m);
        m.set_treasuries(Decimal::from(60)).unwrap();
        let b = allocation_marks(&m);
        assert_ne!(a.marks().len(), b.marks().len(), "a segment appears");
        let (a, b) = (a.marks(), b.marks());
        let edits = diff(a, b).unwrap();
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

    #[test]
    fn the_profit_split_patches_its_dashed_lines_as_single_elements() {
        // plotters' dashed element made one polyline per dash (about 75 at 640 px), each aligned
        // and patched on every profit input; the recorder makes one dashed element per line.
        let mut m = Model::default();
        let before = render_parts(ChartId::ProfitSplit, &m.derive(), 640, Lang::En).marks;
        let dashed = before
            .marks()
            .iter()
            .filter(|k| matches!(k, Mark::Line { dash: Some(_), .. }))
            .count();
        assert!((1..=3).contains(&dashed), "{dashed} dashed lines");
        let lines = before
            .marks()
            .iter()
            .filter(|k| matches!(k, Mark::Line { .. }))
            .count();
        assert!(lines < 20, "{lines} lines (one per dash made about 75)");
        m.set_profit_cash_yield(Decimal::from(9)).unwrap();
        let after = render_parts(ChartId::ProfitSplit, &m.derive(), 640, Lang::En).marks;
        let edits = diff(before.marks(), after.marks()).unwrap();
        assert!(!edits.is_empty());
        assert_eq!(patched(before.marks(), after.marks()), fresh(after.marks()));
    }
}
