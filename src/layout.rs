//! The two widths charts are laid out for, and which one a viewport gets.

/// Chart layout width on narrow screens, in CSS px.
pub const NARROW_LAYOUT: u32 = 360;
/// Chart layout width on wide screens, in CSS px.
pub const WIDE_LAYOUT: u32 = 640;
/// Viewports narrower than this (CSS px) get the narrow layout; the stylesheet's phone rules
/// use the same breakpoint.
pub const NARROW_BELOW: f64 = 600.0;

/// The chart layout width for a viewport width.
pub fn layout_for(viewport: f64) -> u32 {
    if viewport < NARROW_BELOW {
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
        assert_eq!(layout_for(390.0), NARROW_LAYOUT);
        assert_eq!(layout_for(599.9), NARROW_LAYOUT);
        assert_eq!(layout_for(600.0), WIDE_LAYOUT);
        assert_eq!(layout_for(1280.0), WIDE_LAYOUT);
    }
}
