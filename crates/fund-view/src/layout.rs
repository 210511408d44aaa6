//! The two widths charts are laid out for, and which one a viewport gets.

/// Chart layout width on narrow screens, in CSS px.
pub const NARROW_LAYOUT: u32 = 360;
/// Chart layout width on wide screens, in CSS px.
pub const WIDE_LAYOUT: u32 = 640;
/// Viewports narrower than this (CSS px) get the narrow layout; the stylesheet's phone rules
/// use the same breakpoint.
pub const NARROW_BELOW: f64 = 600.0;

/// Embed pages (an iframe as wide as the host's column) get the wide layout from this width on:
/// a column of 480–600 px shows the wide drawing slightly reduced rather than the phone drawing
/// enlarged by up to two thirds (taller than a host's article wants). The prerender's stylesheet
/// uses the same breakpoint for embed pages.
pub const EMBED_NARROW_BELOW: f64 = 480.0;

/// The chart layout width for a viewport width, on the full page or (`embed`) an embed page.
pub fn layout_for(viewport: f64, embed: bool) -> u32 {
    let narrow_below = if embed {
        EMBED_NARROW_BELOW
    } else {
        NARROW_BELOW
    };
    if viewport < narrow_below {
        NARROW_LAYOUT
    } else {
        WIDE_LAYOUT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_get_the_narrow_layout() {
        assert_eq!(layout_for(390.0, false), NARROW_LAYOUT);
        assert_eq!(layout_for(599.9, false), NARROW_LAYOUT);
        assert_eq!(layout_for(600.0, false), WIDE_LAYOUT);
        assert_eq!(layout_for(1280.0, false), WIDE_LAYOUT);
        // An embed in a 520 px column: the wide drawing, a little reduced.
        assert_eq!(layout_for(520.0, true), WIDE_LAYOUT);
        assert_eq!(layout_for(479.9, true), NARROW_LAYOUT);
        assert_eq!(layout_for(360.0, true), NARROW_LAYOUT);
    }
}
