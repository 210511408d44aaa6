//! Ordering the few rows a chart or a rounding works with (a handful of buckets, at most a few
//! dozen years). A stable insertion sort: for such short runs it is as fast as the standard
//! library's sorts, and it is a few hundred bytes of WebAssembly where each use of `sort_by`
//! brings in its own copy of a general sort of several kilobytes.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping the order of equal elements (stable). Quadratic: meant for short
/// slices.
pub fn sort_small_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// [`sort_small_by`] on a key.
pub fn sort_small_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_small_by(v, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..40)) {
            // Sorting on the first field only: equal keys must keep their order, as in std.
            let mut ours = v.clone();
            sort_small_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std_sorted = v.clone();
            std_sorted.sort_by_key(|p| p.0);
            prop_assert_eq!(&ours, &std_sorted);
            let mut by_key = v;
            sort_small_by_key(&mut by_key, |p| std::cmp::Reverse(p.0));
            prop_assert!(by_key.windows(2).all(|w| w[0].0 >= w[1].0));
        }
    }
}
