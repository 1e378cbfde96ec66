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
    (1.0 + x).ln()
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
}
