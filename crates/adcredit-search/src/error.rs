/// Everything that can go wrong in this crate: reading or writing a bundle, or searching a
/// sharded bundle whose shards have not all been added yet.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The bytes do not start with the bundle magic `ADCB`: not a bundle at all.
    BadMagic,
    /// The bundle was written with another [`SCHEMA_VERSION`](crate::SCHEMA_VERSION); rebuild it.
    UnsupportedVersion {
        /// The version the bytes declare.
        found: u32,
        /// The version this build reads.
        expected: u32,
    },
    /// The bytes end before the declared data does: a partial download or a cut file.
    Truncated(&'static str),
    /// The payload does not match its checksum: the bytes were altered.
    ChecksumMismatch,
    /// The part is of another kind than expected (a shard where a bundle was expected, …).
    WrongKind {
        /// The kind of part the caller asked to read.
        expected: &'static str,
        /// The kind of part the bytes declare.
        found: &'static str,
    },
    /// The bytes pass the checksum but break a rule of the format.
    Malformed(&'static str),
    /// A shard belongs to another build, or is not the shard it was added as.
    ShardMismatch(&'static str),
    /// The data handed to the encoder is inconsistent, so no bundle was written.
    InvalidData(String),
    /// A sharded searcher needs more shards for this query; see
    /// [`Searcher::missing_shards`](crate::Searcher::missing_shards).
    MissingShards(usize),
    /// A result count outside 1 to [`MAX_LIMIT`](crate::MAX_LIMIT), or not an integer; see
    /// [`check_limit`](crate::check_limit).
    Limit,
}

impl Error {
    /// The message, as `Display` writes it. Built without `core::fmt`, whose machinery would
    /// be most of what formatting costs the search wasm module.
    pub fn message(&self) -> String {
        let number = |n: u64| {
            let mut digits = Vec::new();
            let mut n = n;
            loop {
                digits.push(b'0' + (n % 10) as u8);
                n /= 10;
                if n == 0 {
                    break;
                }
            }
            digits.reverse();
            String::from_utf8(digits).unwrap_or_default()
        };
        match self {
            Error::BadMagic => "not an adcredit search bundle (bad magic)".to_owned(),
            Error::UnsupportedVersion { found, expected } => [
                "bundle schema version ",
                &number(u64::from(*found)),
                " is not supported (expected ",
                &number(u64::from(*expected)),
                ")",
            ]
            .concat(),
            Error::Truncated(what) => ["bundle is truncated: ", what].concat(),
            Error::ChecksumMismatch => {
                "bundle checksum mismatch: the bytes are corrupted".to_owned()
            }
            Error::WrongKind { expected, found } => {
                ["wrong bundle part: expected ", expected, ", found ", found].concat()
            }
            Error::Malformed(what) => ["malformed bundle: ", what].concat(),
            Error::ShardMismatch(what) => ["shard mismatch: ", what].concat(),
            Error::InvalidData(what) => ["cannot encode bundle: ", what].concat(),
            Error::MissingShards(n) => [
                &number(*n as u64),
                " shard(s) must be added before this query can be answered",
            ]
            .concat(),
            Error::Limit => [
                "limit: must be an integer from 1 to ",
                &number(crate::MAX_LIMIT as u64),
            ]
            .concat(),
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Error {}
