//! What the PNG tests share.

use resvg::tiny_skia::Pixmap;

/// How many pixels differ between two images of the same size.
pub fn differing(a: &Pixmap, b: &Pixmap) -> usize {
    assert_eq!((a.width(), a.height()), (b.width(), b.height()));
    a.pixels()
        .iter()
        .zip(b.pixels())
        .filter(|(x, y)| x != y)
        .count()
}
