//! Which credit goes to which account, in as few allocation lines as possible.
//!
//! By the time this runs, "soonest expiry first" has fixed how much is drawn from each credit;
//! what is left is a bin-assignment problem: cut the drawn amounts into pieces that fill the
//! accounts' needs, with the fewest pieces. Finding the minimum is NP-hard (it contains subset
//! sum), so this is a greedy: for each credit, soonest expiry first, give the rest of it to an
//! account whose need it fills *exactly*, else to the account with the largest need (or, in a
//! second pass, the smallest need it fits into whole); of the two passes the one with fewer
//! lines wins. Every step empties a credit or fills a need, so there are at most
//! credits + accounts − 1 lines; `tests/plan.rs` measures the ratio to the true minimum.

use crate::{Error, Money};

/// One allocation line: (index into the drawn credits, index into the needs, amount).
pub(crate) type Line = (usize, usize, Money);

/// Open needs as (need, index), sorted: the largest need last, equal needs by index. (A sorted
/// `Vec` rather than a `BTreeSet`: as fast at these sizes, and 20 KB less wasm.)
type Open = Vec<(Money, usize)>;

/// How to choose the account when no need equals what is left of the credit.
#[derive(Clone, Copy)]
enum Pick {
    /// The largest need.
    Largest,
    /// The smallest need that takes the rest of the credit whole, else the largest.
    BestFit,
}

/// Lines that draw exactly `drawn[j]` from each credit `j` (in order) and give each account at
/// most `needs[i]`. Expects `Σ drawn ≤ Σ needs`; what no need can take stays undrawn.
pub(crate) fn assign(drawn: &[Money], needs: &[Money]) -> Result<Vec<Line>, Error> {
    let mut open: Open = needs
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, n)| n.is_positive())
        .map(|(i, n)| (n, i))
        .collect();
    open.sort_unstable();
    let largest = greedy(drawn, open.clone(), Pick::Largest)?;
    let best_fit = greedy(drawn, open, Pick::BestFit)?;
    Ok(if best_fit.len() < largest.len() {
        best_fit
    } else {
        largest
    })
}

fn greedy(drawn: &[Money], mut open: Open, pick: Pick) -> Result<Vec<Line>, Error> {
    let mut lines = Vec::new();
    for (j, &d) in drawn.iter().enumerate() {
        let mut x = d;
        while x.is_positive() {
            let Some(&(largest, _)) = open.last() else {
                break;
            };
            // The first need ≥ x: an exact fit when equal, the best fit otherwise.
            let at = open.partition_point(|&(n, _)| n < x);
            let pos = match open.get(at) {
                Some(&(n, _)) if n == x => at,
                Some(_) if matches!(pick, Pick::BestFit) => at,
                _ => open.partition_point(|&(n, _)| n < largest),
            };
            let (need, i) = open.remove(pos);
            let amount = x.min(need);
            lines.push((j, i, amount));
            x = x.checked_sub(amount)?;
            let rest = need.checked_sub(amount)?;
            if rest.is_positive() {
                let at = open.partition_point(|e| *e < (rest, i));
                open.insert(at, (rest, i));
            }
        }
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(v: &[&str]) -> Vec<Money> {
        v.iter().map(|s| Money::parse(s).unwrap()).collect()
    }

    fn show(lines: &[Line]) -> String {
        lines
            .iter()
            .map(|(j, i, a)| format!("c{j}→a{i} {a}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// `drawn | needs | expected lines`.
    const CASES: &[(&[&str], &[&str], &str)] = &[
        // Exact fits go first, whatever their size.
        (
            &["5", "5"],
            &["3", "2", "4", "1"],
            "c0→a2 4.00, c0→a3 1.00, c1→a0 3.00, c1→a1 2.00",
        ),
        (&["300"], &["100", "300"], "c0→a1 300.00"),
        // Short of credit: each credit goes whole to the largest need.
        (&["100", "50"], &["400", "300"], "c0→a0 100.00, c1→a0 50.00"),
        // Equal needs: the lowest index first.
        (&["10"], &["10", "10"], "c0→a0 10.00"),
        // One exact fit per credit, though a larger need is open.
        (&["6", "4"], &["7", "6", "4"], "c0→a1 6.00, c1→a2 4.00"),
        (&[], &["1"], ""),
        (&["1"], &[], ""),
    ];

    #[test]
    fn assignments() {
        for (drawn, needs, want) in CASES {
            let got = assign(&m(drawn), &m(needs)).unwrap();
            assert_eq!(show(&got), *want, "{drawn:?} into {needs:?}");
        }
    }
}
