//! The few facts the app reads from the browser at start, with the values the build-time
//! prerender (which has no browser) uses instead: no query, a wide viewport, a light scheme.
//!
//! Everything else that touches the DOM runs in effects and event handlers, which never run
//! when the page is rendered to HTML natively.

/// Whether the app is running in a browser (WebAssembly), as opposed to being prerendered.
pub fn is_live() -> bool {
    cfg!(target_arch = "wasm32")
}

/// The viewport's width in CSS px (1280 when prerendering).
pub fn viewport_width() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(w) = web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|v| v.as_f64())
        {
            return w;
        }
    }
    1280.0
}

/// The system colour-scheme query, in a browser.
pub fn dark_query() -> Option<web_sys::MediaQueryList> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// Whether the system prefers a dark scheme (false when prerendering).
pub fn prefers_dark() -> bool {
    dark_query().map(|q| q.matches()).unwrap_or(false)
}

/// The page's query string, with its `?` (empty when prerendering).
pub fn location_search() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(s) = web_sys::window().and_then(|w| w.location().search().ok()) {
            return s;
        }
    }
    String::new()
}
