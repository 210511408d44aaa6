//! Messages between an embed and its host. The embed only ever sends its height (from
//! `assets/embed.js`); here the explainer's own dialog reads the height its preview reports.
//! Anything from another window is untrusted: only the exact shape below is accepted.

use wasm_bindgen::JsValue;

/// The `type` of this project's height message.
pub const HEIGHT_TYPE: &str = "japan-fund-explainer:height";

/// The height in this project's own message (`{type: "japan-fund-explainer:height", height}`),
/// if `data` is exactly that: an object with that type and a whole number of pixels, 1–20000.
pub fn own_height(data: &JsValue) -> Option<u32> {
    if !data.is_object() {
        return None;
    }
    let get = |k: &str| js_sys::Reflect::get(data, &JsValue::from_str(k)).ok();
    if get("type")?.as_string()? != HEIGHT_TYPE {
        return None;
    }
    let h = get("height")?.as_f64()?;
    (h.is_finite() && (1.0..=20_000.0).contains(&h) && h.fract() == 0.0).then_some(h as u32)
}
