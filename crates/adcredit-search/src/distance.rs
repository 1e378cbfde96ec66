//! Bounded edit distance for typo tolerance.

/// Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of two
/// neighbouring letters each cost 1) between `a` and `b`, or `None` when it exceeds `max`.
pub(crate) fn bounded_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    // Three rows: two back (for swaps), one back, current.
    let mut two_back = vec![0usize; width];
    let mut one_back: Vec<usize> = (0..width).collect();
    let mut current = vec![0usize; width];
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = current[0];
        for j in 1..width {
            let ai = a[i - 1];
            let bj = b[j - 1];
            let cost = usize::from(ai != bj);
            let mut d = (one_back[j] + 1)
                .min(current[j - 1] + 1)
                .min(one_back[j - 1] + cost);
            if i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == bj {
                d = d.min(two_back[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut two_back, &mut one_back);
        std::mem::swap(&mut one_back, &mut current);
    }
    let d = one_back[b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::bounded_distance;

    #[test]
    fn distances() {
        let cases = [
            ("credit", "credit", 2, Some(0)),
            ("cedit", "credit", 2, Some(1)),
            ("crdeit", "credit", 1, Some(1)),
            ("paymnet", "payment", 1, Some(1)),
            ("alloc", "alocat", 2, None),
            ("alloc", "aloca", 2, Some(2)),
            ("alloc", "xyz", 2, None),
            ("", "ab", 2, Some(2)),
            ("", "abc", 2, None),
        ];
        for (a, b, max, expected) in cases {
            assert_eq!(bounded_distance(a, b, max), expected, "{a} {b}");
        }
    }
}
