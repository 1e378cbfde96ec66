//! Bounded edit distance for typo tolerance.

/// Optimal-string-alignment distance (insertions, deletions, substitutions and swaps of two
/// neighbouring letters each cost 1) between `a` and `b`, or `None` when it exceeds `max`.
pub(crate) fn bounded_distance(a: &str, b: &str, max: usize) -> Option<usize> {
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

/// Rows on the stack for words up to this many letters; longer ones use the heap.
const STACK_WIDTH: usize = 48;

fn osa<T: PartialEq + Copy>(a: &[T], b: &[T], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    if width <= STACK_WIDTH {
        let mut rows = [[0usize; STACK_WIDTH]; 3];
        osa_rows(a, b, max, &mut rows)
    } else {
        let mut rows = vec![vec![0usize; width]; 3];
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
    rows: &mut [[usize; STACK_WIDTH]; 3],
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
    mut two_back: &'r mut [usize],
    mut one_back: &'r mut [usize],
    mut current: &'r mut [usize],
) -> Option<usize> {
    let width = b.len() + 1;
    for (j, cell) in one_back.iter_mut().enumerate() {
        *cell = j;
    }
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
