//! BM25 exactly as tantivy 0.27 computes it, in `f32` and in the same order of operations.

/// Term-frequency saturation (tantivy's `K1`).
pub const K1: f32 = 1.2;
/// Length normalisation (tantivy's `B`).
pub const B: f32 = 0.75;

/// Values below this are stored exactly as one-byte field norms (Lucene's `SmallFloat`
/// `NUM_FREE_VALUES`, which tantivy's table follows).
const NUM_FREE_VALUES: u32 = 24;

/// Decodes a one-byte field-norm code (how tantivy stores a field's token count per
/// document) into the approximate token count it stands for.
pub const fn id_to_fieldnorm(id: u8) -> u32 {
    let id = id as u32;
    if id < NUM_FREE_VALUES {
        return id;
    }
    let code = id - NUM_FREE_VALUES;
    let bits = code & 0x07;
    let shift = code >> 3;
    let value = if shift == 0 {
        bits
    } else {
        (bits | 0x08) << (shift - 1)
    };
    value + NUM_FREE_VALUES
}

/// Encodes a token count as the largest field-norm code that does not exceed it.
pub fn fieldnorm_to_id(fieldnorm: u32) -> u8 {
    // The table is increasing, so this is a binary search for the last code <= fieldnorm.
    let (mut lo, mut hi) = (0u32, 256u32);
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if id_to_fieldnorm(mid as u8) <= fieldnorm {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    lo as u8
}

/// `ln(1 + (N - n + 0.5) / (n + 0.5))`, as tantivy computes it.
pub fn idf(doc_freq: u64, doc_count: u64) -> f32 {
    let x = (doc_count.saturating_sub(doc_freq) as f32 + 0.5) / (doc_freq as f32 + 0.5);
    ln(1.0 + x)
}

/// Natural logarithm of a positive finite `x`, from IEEE additions, multiplications and
/// divisions only: `f32::ln` calls the platform's libm, whose last bit differs between native
/// code and wasm, and the CLI and the browser must rank with the same bits. Computed in `f64`
/// (error below 1e-15) and rounded once, so it agrees with a correctly rounded `ln` (tantivy's
/// `f32::ln`) to within one unit in the last place.
pub(crate) fn ln(x: f32) -> f32 {
    const LN_2: f64 = std::f64::consts::LN_2;
    let x = f64::from(x);
    if x.is_nan() || x <= 0.0 || x.is_infinite() {
        return f32::NAN;
    }
    // x = m * 2^e with m in [1, 2): the exponent and mantissa bits of a normal f64 (every
    // positive f32 is a normal f64).
    let bits = x.to_bits();
    let e = ((bits >> 52) & 0x7ff) as i32 - 1023;
    let m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    // ln m = 2 atanh(z) = 2 (z + z^3/3 + z^5/5 + …), z = (m - 1) / (m + 1) in [0, 1/3).
    let z = (m - 1.0) / (m + 1.0);
    let z2 = z * z;
    let (mut term, mut sum) = (z, 0.0);
    for k in 0..24u32 {
        sum += term / f64::from(2 * k + 1);
        term *= z2;
    }
    (2.0 * sum + f64::from(e) * LN_2) as f32
}

/// The per-field part of BM25 that does not depend on the term: for each field-norm code,
/// `K1 * (1 - B + B * dl / avgdl)`.
#[derive(Debug, Clone)]
pub(crate) struct NormCache {
    cache: Vec<f32>,
}

impl NormCache {
    pub(crate) fn new(total_num_tokens: u64, num_docs: u64) -> NormCache {
        let average_fieldnorm = total_num_tokens as f32 / num_docs as f32;
        let cache = (0..=255u8)
            .map(|id| {
                let fieldnorm = id_to_fieldnorm(id);
                K1 * (1.0 - B + B * fieldnorm as f32 / average_fieldnorm)
            })
            .collect();
        NormCache { cache }
    }

    fn norm(&self, fieldnorm_id: u8) -> f32 {
        self.cache
            .get(usize::from(fieldnorm_id))
            .copied()
            .unwrap_or(K1)
    }
}

/// The weight of one term in one field: `idf * (1 + K1) * boost`.
pub(crate) fn term_weight(doc_freq: u64, num_docs: u64, boost: f32) -> f32 {
    let weight = idf(doc_freq, num_docs) * (1.0 + K1);
    if boost == 1.0 {
        weight
    } else {
        weight * boost
    }
}

/// The BM25 score of one posting: `weight * tf / (tf + norm)`.
pub(crate) fn score(weight: f32, norms: &NormCache, fieldnorm_id: u8, term_freq: u32) -> f32 {
    let term_freq = term_freq as f32;
    let norm = norms.norm(fieldnorm_id);
    weight * (term_freq / (term_freq + norm))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fieldnorm_table_is_increasing_and_invertible() {
        let mut previous = None;
        for id in 0..=255u8 {
            let n = id_to_fieldnorm(id);
            if let Some(p) = previous {
                assert!(n > p);
            }
            previous = Some(n);
            assert_eq!(fieldnorm_to_id(n), id);
        }
        assert_eq!(id_to_fieldnorm(40), 40);
        assert_eq!(id_to_fieldnorm(41), 42);
        assert_eq!(id_to_fieldnorm(255), 2_013_265_944);
        assert_eq!(fieldnorm_to_id(41), 40);
        assert_eq!(fieldnorm_to_id(u32::MAX), 255);
    }

    #[test]
    fn idf_matches_the_formula() {
        assert!((idf(1, 2) - 2f32.ln()).abs() < 1e-6);
    }

    #[test]
    fn ln_is_within_one_ulp_of_libm() {
        let mut x = 1e-30f32;
        while x < 1e30 {
            for y in [x, x * 1.000_1, x * 1.37, x * 2.5] {
                let (a, b) = (ln(y), y.ln());
                let ulps = (a.to_bits() as i64 - b.to_bits() as i64).abs();
                assert!(ulps <= 1, "ln({y}) = {a}, libm {b}");
            }
            x *= 1.9;
        }
        for n in 0..=200u64 {
            let x = 1.0 + (200 - n) as f32 / (n as f32 + 0.5);
            let ulps = (ln(x).to_bits() as i64 - x.ln().to_bits() as i64).abs();
            assert!(ulps <= 1, "ln({x})");
        }
        assert!(ln(0.0).is_nan() && ln(-1.0).is_nan() && ln(f32::INFINITY).is_nan());
        assert_eq!(ln(1.0), 0.0);
    }
}
