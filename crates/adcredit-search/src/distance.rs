//! Bounded edit distance for typo tolerance.

/// Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of two
/// neighbouring letters each cost 1) between `a` and `b`, or `None` when it exceeds `max`.
#[cfg(test)]
pub(crate) fn bounded_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    bounded_distance_sets(a, letter_set(a), b, letter_set(b), max)
}

/// Whether `a` and `b` are at most one edit apart (an insertion, a deletion, a substitution or
/// a swap of two neighbouring letters): a typo. The move reader uses it for place names.
pub fn one_edit_apart(a: &str, b: &str) -> bool {
    bounded_distance_sets(a, letter_set(a), b, letter_set(b), 1).is_some()
}

/// [`bounded_distance`] with the words' [`letter_set`]s computed beforehand (the searcher
/// keeps one per dictionary term, so a typo lookup scans the dictionary with a popcount).
pub(crate) fn bounded_distance_sets(
    a: &str,
    set_a: u64,
    b: &str,
    set_b: u64,
    max: usize,
) -> Option<usize> {
    // Each edit changes at most two letters of the set of letters used, so words whose
    // letter sets differ by more than 2 * max cannot be close: skip the table for them.
    // (Letters share bits modulo 64, which can only hide differences, never invent them.)
    if (set_a ^ set_b).count_ones() as usize > 2 * max {
        return None;
    }
    // Dictionary terms are folded to ASCII, so the common case compares bytes without
    // allocating; other text goes through chars.
    if a.is_ascii() && b.is_ascii() {
        osa(a.as_bytes(), b.as_bytes(), max)
    } else {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        osa(&a, &b, max)
    }
}

/// The set of characters a word uses, one bit each (modulo 64).
pub(crate) fn letter_set(word: &str) -> u64 {
    word.chars().fold(0, |set, c| {
        set | 1u64 << (u32::from(c.to_ascii_lowercase()) % 64)
    })
}

/// Rows on the stack for words up to this many letters; longer ones use the heap.
const STACK_WIDTH: usize = 48;

fn osa<T: PartialEq + Copy>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    if width <= STACK_WIDTH {
        let mut rows = [[0u8; STACK_WIDTH]; 3];
        osa_rows(a, b, max, &mut rows)
    } else {
        let mut rows = vec![vec![0u8; width]; 3];
        let [x, y, z] = &mut rows[..] else {
            return None;
        };
        osa_in(a, b, max, x, y, z)
    }
}

fn osa_rows<T: PartialEq + Copy>(
    a: &[T],
    b: &[T],
    max: usize,
    rows: &mut [[u8; STACK_WIDTH]; 3],
) -> Option<usize> {
    let [x, y, z] = rows;
    let width = b.len() + 1;
    osa_in(a, b, max, &mut x[..width], &mut y[..width], &mut z[..width])
}

/// The distance with three rows of `b.len() + 1` cells: two back (for swaps), one back, current.
fn osa_in<'r, T: PartialEq + Copy>(
    a: &[T],
    b: &[T],
    max: usize,
    mut two_back: &'r mut [u8],
    mut one_back: &'r mut [u8],
    mut current: &'r mut [u8],
) -> Option<usize> {
    // Cells saturate at 255: past `max` (at most 2) only "too far" matters.
    let cap = |n: usize| u8::try_from(n).unwrap_or(u8::MAX);
    let max8 = cap(max);
    let width = b.len() + 1;
    for (j, cell) in one_back.iter_mut().enumerate() {
        *cell = cap(j);
    }
    for i in 1..=a.len() {
        current[0] = cap(i);
        let mut row_min = current[0];
        for j in 1..width {
            let ai = a[i - 1];
            let bj = b[j - 1];
            let cost = u8::from(ai != bj);
            let mut d = one_back[j]
                .saturating_add(1)
                .min(current[j - 1].saturating_add(1))
                .min(one_back[j - 1].saturating_add(cost));
            if i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == bj {
                d = d.min(two_back[j - 2].saturating_add(1));
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max8 {
            return None;
        }
        std::mem::swap(&mut two_back, &mut one_back);
        std::mem::swap(&mut one_back, &mut current);
    }
    let d = one_back[b.len()];
    (d <= max8).then_some(usize::from(d))
}

#[cfg(test)]
mod tests {
    use super::bounded_distance;
    use proptest::prelude::*;

    /// The textbook optimal-string-alignment table, unbounded and unfiltered.
    #[allow(clippy::needless_range_loop)] // the textbook's indices, on purpose
    fn reference(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        d[a.len()][b.len()]
    }

    proptest! {
        #[test]
        fn bounded_agrees_with_the_full_table(
            a in "[a-eé\u{0430}-\u{0433}\u{4e00}]{0,9}",
            b in "[a-eé\u{0430}-\u{0433}\u{4e00}]{0,9}",
            max in 0usize..=2,
        ) {
            let full = reference(&a, &b);
            prop_assert_eq!(bounded_distance(&a, &b, max), (full <= max).then_some(full));
        }
    }

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
