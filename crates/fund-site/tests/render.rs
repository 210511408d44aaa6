//! The prerendered pages hold the whole explainer before any script runs.

use fund_site::render_body;
use japan_fund_explainer::charts::ChartId;

#[test]
fn page_renders() {
    let html = render_body(None);
    std::fs::write("/tmp/page.html", &html).unwrap();
    assert!(html.contains("data-testid=\"chart-waffle\""));
}
