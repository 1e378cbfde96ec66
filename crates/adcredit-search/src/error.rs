use thiserror::Error;

/// Everything that can go wrong in this crate: reading or writing a bundle, or searching a
/// sharded bundle whose shards have not all been added yet.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Error {
    /// The bytes do not start with the bundle magic `ADCB`: not a bundle at all.
    #[error("not an adcredit search bundle (bad magic)")]
    BadMagic,
    /// The bundle was written with another [`SCHEMA_VERSION`](crate::SCHEMA_VERSION); rebuild it.
    #[error("bundle schema version {found} is not supported (expected {expected})")]
    UnsupportedVersion {
        /// The version the bytes declare.
        found: u32,
        /// The version this build reads.
        expected: u32,
    },
    /// The bytes end before the declared data does: a partial download or a cut file.
    #[error("bundle is truncated: {0}")]
    Truncated(&'static str),
    /// The payload does not match its checksum: the bytes were altered.
    #[error("bundle checksum mismatch: the bytes are corrupted")]
    ChecksumMismatch,
    /// The part is of another kind than expected (a shard where a bundle was expected, …).
    #[error("wrong bundle part: expected {expected}, found {found}")]
    WrongKind {
        /// The kind of part the caller asked to read.
        expected: &'static str,
        /// The kind of part the bytes declare.
        found: &'static str,
    },
    /// The bytes pass the checksum but break a rule of the format.
    #[error("malformed bundle: {0}")]
    Malformed(&'static str),
    /// A shard belongs to another build, or is not the shard it was added as.
    #[error("shard mismatch: {0}")]
    ShardMismatch(&'static str),
    /// The data handed to the encoder is inconsistent, so no bundle was written.
    #[error("cannot encode bundle: {0}")]
    InvalidData(String),
    /// A sharded searcher needs more shards for this query; see
    /// [`Searcher::missing_shards`](crate::Searcher::missing_shards).
    #[error("{0} shard(s) must be added before this query can be answered")]
    MissingShards(usize),
    /// A result count outside 1 to [`MAX_LIMIT`](crate::MAX_LIMIT), or not an integer; see
    /// [`check_limit`](crate::check_limit).
    #[error("limit: must be an integer from 1 to {}", crate::MAX_LIMIT)]
    Limit,
}
