//! The few facts the page reads from the browser.

/// The viewport's width in CSS px.
pub fn viewport_width() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(1280.0)
}

/// The system colour-scheme query.
pub fn dark_query() -> Option<web_sys::MediaQueryList> {
    web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
}

/// Whether the system prefers a dark scheme.
pub fn prefers_dark() -> bool {
    dark_query().map(|q| q.matches()).unwrap_or(false)
}

/// The page's query string, with its `?`.
pub fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}
