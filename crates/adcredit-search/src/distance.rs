//! Bounded edit distance for typo tolerance.

/// Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of two
/// neighbouring letters each cost 1) between `a` and `b`, or `None` when it exceeds `max`.
pub(crate) fn bounded_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    // Dictionary terms are folded to ASCII, so the common case compares bytes without
    // allocating; other text goes through chars.
    if a.is_ascii() && b.is_ascii() {
        // Each edit changes at most two letters of the set of letters used, so words whose
        // letter sets differ by more than 2 * max cannot be close: skip the table for them.
        let (ma, mb) = (letter_set(a.as_bytes()), letter_set(b.as_bytes()));
        if (ma ^ mb).count_ones() as usize > 2 * max {
            return None;
        }
        osa(a.as_bytes(), b.as_bytes(), max)
    } else {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        osa(&a, &b, max)
    }
}

/// The set of letters (and digits) a word uses, one bit each.
fn letter_set(word: &[u8]) -> u64 {
    word.iter()
        .fold(0, |set, &c| set | 1u64 << (c.to_ascii_lowercase() % 64))
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
