//! One chart on the page, kept in step with the reader's numbers: its SVG (the static layer
//! redrawn when the layout or framing changes; the marks patched in place with typed edits), its
//! caption, description, data table and source lines. Paints are palette classes, so the theme is
//! the stylesheet's: switching it touches no mark.

use super::dom::{find, find_all, set_attr, set_flag, set_text, Slot};
use fund_charts::scene::{diff, Edit};
use fund_charts::{DataTable, Mark, PaintMode, Scene};
use fund_core::framing::FramingId;
use fund_core::Lang;
use fund_view::charts::{parts_of, static_of, ChartId, ChartModel};
use fund_view::fingerprint::{layer_fingerprint, words_fingerprint};
use fund_view::hooks::{self, attr, class};
use std::cell::RefCell;
use web_sys::Element;

/// What is on screen now.
#[derive(Default)]
struct OnScreen {
    static_key: Option<(u32, Option<FramingId>)>,
    marks: Option<Scene>,
    view_box: String,
    offset: Option<u32>,
    table: Option<DataTable>,
    framing: Option<FramingId>,
}

/// A chart's elements on the page.
pub struct ChartDom {
    /// Which chart.
    pub id: ChartId,
    /// The `<figure>`.
    pub figure: Element,
    wrapper: Element,
    svg: Element,
    title: Option<Slot>,
    static_g: Option<Element>,
    marks_g: Option<Element>,
    caption: Option<Slot>,
    description: Option<Slot>,
    thead_row: Option<Element>,
    tbody: Option<Element>,
    sources: Vec<(Option<FramingId>, Element)>,
    shown: RefCell<OnScreen>,
    /// The prerendered drawing's fingerprints (static layer, marks, words), until the first draw.
    prerendered: RefCell<Option<[Option<String>; 3]>>,
    /// The "Show data" disclosure; while it is shut its table is brought up to date only when it
    /// opens (a drag does not rewrite cells nobody can see).
    data: Option<Element>,
    data_open: std::cell::Cell<bool>,
    table_behind: std::cell::Cell<bool>,
}

impl ChartDom {
    /// Takes chart `id`'s figure over: keeps the drawing for `layout` and removes the other
    /// (the prerendered page has both). `None` if the page has no such figure.
    pub fn attach(root: &Element, id: ChartId, layout: u32) -> Option<ChartDom> {
        let figure = find(root, &hooks::attr_is(attr::CHART, id.slug()))?;
        let wrappers = find_all(&figure, &hooks::dot(class::CHART_SVG));
        let want = class::layout(layout);
        let wrapper = wrappers
            .iter()
            .find(|w| w.class_list().contains(want))
            .or(wrappers.first())?
            .clone();
        for w in &wrappers {
            if w != &wrapper {
                w.remove();
            }
        }
        let svg = find(&wrapper, "svg")?;
        let sources = find_all(&figure, &format!(":scope > .{}", class::SOURCE_LINE))
            .into_iter()
            .map(|e| {
                let f = e
                    .get_attribute(attr::FRAMING)
                    .and_then(|f| f.parse::<FramingId>().ok());
                (f, e)
            })
            .collect();
        let data = find(&figure, &format!("details.{}", class::DATA));
        let data_open = data.as_ref().is_some_and(|e| e.has_attribute("open"));
        let prerendered = [
            wrapper.get_attribute(attr::STATIC_PRINT),
            wrapper.get_attribute(attr::MARKS_PRINT),
            figure.get_attribute(attr::WORDS_PRINT),
        ];
        Some(ChartDom {
            id,
            title: find(&svg, "title").map(Slot::text),
            static_g: find(&svg, &format!("g.{}", class::STATIC_LAYER)),
            marks_g: find(&svg, &format!("g.{}", class::MARKS_LAYER)),
            caption: find(&figure, &hooks::dot(class::CAPTION)).map(Slot::text),
            description: find(&figure, &hooks::dot(class::DESCRIPTION)).map(Slot::text),
            thead_row: find(&figure, "table thead tr"),
            tbody: find(&figure, "table tbody"),
            figure,
            wrapper,
            svg,
            sources,
            shown: RefCell::new(OnScreen::default()),
            prerendered: RefCell::new(Some(prerendered)),
            data,
            data_open: std::cell::Cell::new(data_open),
            table_behind: std::cell::Cell::new(false),
        })
    }

    /// Draws `model` at `layout`: the static layer if its inputs changed, the marks patched in
    /// place, and the words, table and sources.
    pub fn show(&self, model: &ChartModel, layout: u32, lang: Lang, framing: FramingId) {
        let parts = parts_of(self.id, model, layout, lang);
        let mut shown = self.shown.borrow_mut();
        // The first draw over the prerendered drawing: a layer whose fingerprint matches is left
        // as it is (no markup set, nothing read back out of the DOM).
        let [pre_static, pre_marks, pre_words] =
            self.prerendered.borrow_mut().take().unwrap_or_default();
        let as_prerendered = |pre: &Option<String>, layer: &Scene| {
            pre.as_deref()
                .is_some_and(|p| p == layer_fingerprint(layer))
        };
        let framing_key = self.id.follows_framing().then_some(framing);
        let key = (layout, framing_key);
        if shown.static_key != Some(key) {
            self.wrapper
                .class_list()
                .remove_2(class::LAYOUT_WIDE, class::LAYOUT_NARROW)
                .ok();
            let _ = self.wrapper.class_list().add_1(class::layout(layout));
            if let Some(g) = &self.static_g {
                let layer = static_of(self.id, model, layout);
                if !as_prerendered(&pre_static, &layer) {
                    // Our own scene printed as SVG (escaped text), once per layout and framing.
                    g.set_inner_html(&layer.to_svg(PaintMode::Classes));
                }
            }
            set_attr(
                &self.svg,
                "class",
                &fund_charts::svg::root_class(model.chart().kind(), PaintMode::Classes),
            );
            shown.static_key = Some(key);
        }
        let view_box = format!("0 0 {} {}", parts.width, parts.height);
        if shown.view_box != view_box {
            set_attr(&self.svg, "viewBox", &view_box);
            shown.view_box = view_box;
        }
        if shown.offset != Some(parts.offset) {
            // The marks sit below the banner, whose height follows the layout and the framing.
            if let Some(g) = &self.marks_g {
                if parts.offset == 0 {
                    let _ = g.remove_attribute("transform");
                } else {
                    set_attr(
                        g,
                        "transform",
                        &fund_charts::svg::marks_transform(parts.offset),
                    );
                }
            }
            shown.offset = Some(parts.offset);
        }
        if let Some(g) = &self.marks_g {
            let new = parts.marks;
            if shown.marks.is_none() && as_prerendered(&pre_marks, &new) {
                // The prerendered marks are these: nothing to write.
                shown.marks = Some(new.clone());
            }
            match shown
                .marks
                .as_ref()
                .and_then(|old| diff(old.marks(), new.marks()))
            {
                Some(edits) => apply(g, &edits),
                // First draw over a prerendered drawing of other numbers: the layer is drawn
                // whole, once (the elements on screen are never read back).
                None => g.set_inner_html(&new.to_svg(PaintMode::Classes)),
            }
            shown.marks = Some(new);
        }
        if let Some(pre) = pre_words {
            let table = model.table();
            if pre == words_fingerprint(&parts.text, &table) {
                // The prerendered words and table are these.
                for s in [&self.title, &self.description].into_iter().flatten() {
                    s.assume(&parts.text.description);
                }
                if let Some(c) = &self.caption {
                    c.assume(&parts.text.caption);
                }
                shown.table = Some(table);
            }
        }
        if let Some(t) = &self.title {
            t.set(&parts.text.description);
        }
        if let Some(c) = &self.caption {
            c.set(&parts.text.caption);
        }
        if let Some(d) = &self.description {
            d.set(&parts.text.description);
        }
        // The table is built only when it can be seen; a shut one is marked behind and built
        // when it opens.
        if self.data.is_some() && !self.data_open.get() {
            self.table_behind.set(true);
        } else {
            let table = model.table();
            if shown.table.as_ref() != Some(&table) {
                self.show_table(shown.table.as_ref(), &table);
                shown.table = Some(table);
            }
        }
        if shown.framing != Some(framing) {
            for (f, line) in &self.sources {
                set_flag(line, "hidden", f.is_some_and(|f| f != framing));
            }
            shown.framing = Some(framing);
        }
    }

    fn show_table(&self, before: Option<&DataTable>, table: &DataTable) {
        // The usual change (new figures, same rows and columns): only the cells that differ are
        // written, compared with what this chart last wrote, without reading the DOM.
        if let (Some(old), Some(body)) = (before, &self.tbody) {
            let same_shape = old.columns == table.columns
                && old.rows.len() == table.rows.len()
                && old
                    .rows
                    .iter()
                    .zip(&table.rows)
                    .all(|(a, b)| a.len() == b.len());
            let rows = body.children();
            if same_shape && rows.length() as usize == table.rows.len() {
                for (r, (a, b)) in old.rows.iter().zip(&table.rows).enumerate() {
                    if a == b {
                        continue;
                    }
                    let Some(tr) = rows.item(r as u32) else {
                        continue;
                    };
                    let cells = tr.children();
                    for (c, (x, y)) in a.iter().zip(b).enumerate() {
                        if x != y {
                            if let Some(cell) = cells.item(c as u32) {
                                cell.set_text_content(Some(y));
                            }
                        }
                    }
                }
                return;
            }
        }
        if let Some(row) = &self.thead_row {
            fill_row(row, &table.columns, "th");
        }
        if let Some(body) = &self.tbody {
            fill_rows(body, &table.rows);
        }
    }

    /// The "Show data" disclosure opened or shut: an opened table that fell behind catches up at
    /// once, built by `table` from the current figures.
    pub fn data_toggled(&self, table: impl FnOnce() -> Option<DataTable>) {
        let open = self.data.as_ref().is_some_and(|e| e.has_attribute("open"));
        self.data_open.set(open);
        if !open || !self.table_behind.replace(false) {
            return;
        }
        if let Some(table) = table() {
            let mut shown = self.shown.borrow_mut();
            if shown.table.as_ref() != Some(&table) {
                self.show_table(shown.table.as_ref(), &table);
                shown.table = Some(table);
            }
        }
    }

    /// The "Show data" disclosure, if the chart has one.
    pub fn data_disclosure(&self) -> Option<&Element> {
        self.data.as_ref()
    }
}

/// Applies typed edits to the layer's elements: attributes and text set as such, new elements
/// made from their marks, nothing parsed.
fn apply(g: &Element, edits: &[Edit<'_>]) {
    let children = g.children();
    for e in edits {
        match e {
            Edit::SetAttr { index, name, value } => {
                if let Some(el) = children.item(*index as u32) {
                    let _ = el.set_attribute(name, value);
                }
            }
            Edit::RemoveAttr { index, name } => {
                if let Some(el) = children.item(*index as u32) {
                    let _ = el.remove_attribute(name);
                }
            }
            Edit::SetText { index, text } => {
                if let Some(el) = children.item(*index as u32) {
                    el.set_text_content(Some(text));
                }
            }
            Edit::Remove { index } => {
                if let Some(el) = children.item(*index as u32) {
                    el.remove();
                }
            }
            Edit::Insert { index, mark } => {
                if let Some(el) = make(mark) {
                    let before = children.item(*index as u32);
                    let _ = g.insert_before(&el, before.as_ref().map(|e| e.as_ref()));
                }
            }
        }
    }
}

/// Makes the SVG element for a mark, in the page's paint mode.
fn make(mark: &Mark) -> Option<Element> {
    let doc = super::dom::document()?;
    let el = doc
        .create_element_ns(Some("http://www.w3.org/2000/svg"), mark.tag())
        .ok()?;
    for (name, value) in mark.attrs(PaintMode::Classes) {
        let _ = el.set_attribute(name, &value);
    }
    if let Some(text) = mark.text() {
        el.set_text_content(Some(text));
    }
    Some(el)
}

/// Makes `row` hold one `tag` cell per text (as text), reusing the cells there.
pub fn fill_row(row: &Element, cells: &[String], tag: &str) {
    let Some(doc) = super::dom::document() else {
        return;
    };
    let existing = row.children();
    for (i, text) in cells.iter().enumerate() {
        match existing.item(i as u32) {
            Some(cell) => set_text(&cell, text),
            None => {
                if let Ok(cell) = doc.create_element(tag) {
                    if tag == "th" {
                        let _ = cell.set_attribute("scope", "col");
                    }
                    cell.set_text_content(Some(text));
                    let _ = row.append_child(&cell);
                }
            }
        }
    }
    while existing.length() as usize > cells.len() {
        if let Some(last) = row.last_element_child() {
            last.remove();
        } else {
            break;
        }
    }
}

/// Makes `body` hold one row per line of `rows`, reusing the rows there.
pub fn fill_rows(body: &Element, rows: &[Vec<String>]) {
    let Some(doc) = super::dom::document() else {
        return;
    };
    let existing = body.children();
    for (i, cells) in rows.iter().enumerate() {
        let row = match existing.item(i as u32) {
            Some(r) => r,
            None => match doc.create_element("tr") {
                Ok(r) => {
                    let _ = body.append_child(&r);
                    r
                }
                Err(_) => return,
            },
        };
        fill_row(&row, cells, "td");
    }
    while existing.length() as usize > rows.len() {
        if let Some(last) = body.last_element_child() {
            last.remove();
        } else {
            break;
        }
    }
}
