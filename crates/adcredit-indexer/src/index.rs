//! The tantivy index: schema, the adcredit tokenizer, writing, exporting its statistics into a
//! bundle, and the reference search used by the parity tests.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use adcredit_search::{
    Analyzer, BundleData, DocRecord, FieldStats, Glossary, Posting, TermPostings,
};
use tantivy::collector::TopDocs;
use tantivy::indexer::NoMergePolicy;
use tantivy::postings::Postings;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING,
};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::{DocAddress, DocSet, Index, IndexReader, IndexWriter, TantivyDocument, Term};

use crate::{Corpus, Error};

/// Name the adcredit analyzer is registered under in tantivy.
pub const TOKENIZER: &str = "adcredit";
/// Boost of the `title` field (the FAQ question or the section heading): a word of the
/// question weighs 2.5 times a word of the answer.
pub const TITLE_BOOST: f32 = 2.5;
/// Boost of the `body` field.
pub const BODY_BOOST: f32 = 1.0;
/// Boost of the `tags` field: curated keywords, between title and body.
pub const TAGS_BOOST: f32 = 1.5;
/// Boost of the `questions` field: the other ways people ask an FAQ entry (front matter).
pub const QUESTIONS_BOOST: f32 = 3.0;
/// Indexing memory budget: large enough that every corpus we build fits in one segment.
const WRITER_MEMORY: usize = 1 << 30;

/// The adcredit analyzer as a tantivy tokenizer, so the index and the browser share it.
#[derive(Clone)]
pub struct AdcreditTokenizer {
    analyzer: Arc<Analyzer>,
}

impl AdcreditTokenizer {
    /// A tokenizer running `analyzer`.
    pub fn new(analyzer: Arc<Analyzer>) -> AdcreditTokenizer {
        AdcreditTokenizer { analyzer }
    }
}

/// The tokens of one text, already analysed.
pub struct AdcreditTokenStream {
    tokens: Vec<Token>,
    next: usize,
    current: Token,
}

impl Tokenizer for AdcreditTokenizer {
    type TokenStream<'a> = AdcreditTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> AdcreditTokenStream {
        let tokens = self
            .analyzer
            .analyze(text)
            .into_iter()
            .map(|t| Token {
                offset_from: t.start,
                offset_to: t.end,
                position: t.position,
                text: t.term,
                position_length: 1,
            })
            .collect();
        AdcreditTokenStream {
            tokens,
            next: 0,
            current: Token::default(),
        }
    }
}

impl TokenStream for AdcreditTokenStream {
    fn advance(&mut self) -> bool {
        match self.tokens.get_mut(self.next) {
            Some(token) => {
                self.current = std::mem::take(token);
                self.next += 1;
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

/// The schema's fields.
#[derive(Debug, Clone, Copy)]
struct Fields {
    id: Field,
    kind: Field,
    title: Field,
    body: Field,
    tags: Field,
    questions: Field,
}

impl Fields {
    /// The text fields in bundle order with their boosts.
    fn text(&self) -> [(Field, &'static str, f32); 4] {
        [
            (self.title, "title", TITLE_BOOST),
            (self.body, "body", BODY_BOOST),
            (self.tags, "tags", TAGS_BOOST),
            (self.questions, "questions", QUESTIONS_BOOST),
        ]
    }
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqs)
            .set_fieldnorms(true),
    );
    let fields = Fields {
        id: builder.add_text_field("id", STRING | STORED),
        kind: builder.add_text_field("kind", STRING | STORED),
        title: builder.add_text_field("title", text.clone()),
        body: builder.add_text_field("body", text.clone()),
        tags: builder.add_text_field("tags", text.clone()),
        questions: builder.add_text_field("questions", text),
    };
    (builder.build(), fields)
}

/// A tantivy index of a corpus, with what is needed to query and export it.
pub struct TantivyIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    analyzer: Arc<Analyzer>,
    records: BTreeMap<String, DocRecord>,
}

impl std::fmt::Debug for TantivyIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TantivyIndex")
            .field("docs", &self.records.len())
            .finish_non_exhaustive()
    }
}

impl TantivyIndex {
    /// Indexes `corpus` in memory.
    pub fn in_memory(corpus: &Corpus) -> Result<TantivyIndex, Error> {
        let (schema, _) = schema();
        TantivyIndex::write(Index::create_in_ram(schema), corpus)
    }

    /// Indexes `corpus` into `dir` (created; an index already there is replaced).
    pub fn create_in_dir(corpus: &Corpus, dir: &Path) -> Result<TantivyIndex, Error> {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let (schema, _) = schema();
        TantivyIndex::write(Index::create_in_dir(dir, schema)?, corpus)
    }

    fn write(index: Index, corpus: &Corpus) -> Result<TantivyIndex, Error> {
        let analyzer = Arc::new(Analyzer::new(&corpus.glossary));
        index
            .tokenizers()
            .register(TOKENIZER, AdcreditTokenizer::new(analyzer.clone()));
        let (_, fields) = schema();
        let mut writer: IndexWriter = index.writer_with_num_threads(1, WRITER_MEMORY)?;
        writer.set_merge_policy(Box::new(NoMergePolicy));
        let mut records = BTreeMap::new();
        for doc in corpus.docs() {
            let mut d = TantivyDocument::default();
            d.add_text(fields.id, &doc.id);
            d.add_text(fields.kind, doc.kind.as_str());
            d.add_text(fields.title, &doc.index_title);
            d.add_text(fields.body, &doc.body);
            for tag in &doc.tags {
                d.add_text(fields.tags, tag);
            }
            for question in &doc.questions {
                d.add_text(fields.questions, question);
            }
            writer.add_document(d)?;
            records.insert(
                doc.id.clone(),
                DocRecord {
                    id: doc.id,
                    kind: doc.kind,
                    title: doc.title,
                    summary: doc.summary,
                    text: doc.body,
                },
            );
        }
        writer.commit()?;
        let segments = index.searchable_segment_ids()?;
        if segments.len() > 1 {
            writer.merge(&segments).wait()?;
        }
        writer.wait_merging_threads()?;
        let reader = index.reader()?;
        reader.reload()?;
        Ok(TantivyIndex {
            index,
            reader,
            fields,
            analyzer,
            records,
        })
    }

    /// Opens an index written by [`TantivyIndex::create_in_dir`] for reference searches
    /// (exporting needs the corpus: use [`TantivyIndex::create_in_dir`] or
    /// [`TantivyIndex::in_memory`]).
    pub fn open(dir: &Path, glossary: &Glossary) -> Result<TantivyIndex, Error> {
        let index = Index::open_in_dir(dir)?;
        let analyzer = Arc::new(Analyzer::new(glossary));
        index
            .tokenizers()
            .register(TOKENIZER, AdcreditTokenizer::new(analyzer.clone()));
        let (_, fields) = schema();
        let reader = index.reader()?;
        Ok(TantivyIndex {
            index,
            reader,
            fields,
            analyzer,
            records: BTreeMap::new(),
        })
    }

    /// The underlying tantivy index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The analyzer the index was built with.
    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    fn stored_id(&self, searcher: &tantivy::Searcher, addr: DocAddress) -> Result<String, Error> {
        let doc: TantivyDocument = searcher.doc(addr)?;
        doc.get_first(self.fields.id)
            .and_then(|v| v.as_str())
            .map(str::to_owned)
            .ok_or_else(|| Error::Index(format!("document {addr:?} has no id")))
    }

    /// The reference ranking: a BooleanQuery of SHOULD clauses, one boosted TermQuery per
    /// distinct analysed query term and text field; ids and scores of the best `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<(String, f32)>, Error> {
        let terms = self.analyzer.query_terms(query);
        if terms.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for term in &terms {
            for (field, _, boost) in self.fields.text() {
                let q = TermQuery::new(
                    Term::from_field_text(field, term),
                    IndexRecordOption::WithFreqs,
                );
                clauses.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), boost))));
            }
        }
        let searcher = self.reader.searcher();
        let top = searcher.search(
            &BooleanQuery::new(clauses),
            &TopDocs::with_limit(limit).order_by_score(),
        )?;
        top.into_iter()
            .map(|(score, addr)| Ok((self.stored_id(&searcher, addr)?, score)))
            .collect()
    }

    /// Exports the index into bundle data: tantivy's own term dictionary, postings with term
    /// frequencies, field norms and token totals, so the bundle ranks exactly as tantivy.
    pub fn export(&self, glossary: &Glossary) -> Result<BundleData, Error> {
        let searcher = self.reader.searcher();
        let [segment] = searcher.segment_readers() else {
            return Err(Error::Index(format!(
                "expected one segment, found {}",
                searcher.segment_readers().len()
            )));
        };
        if segment.num_docs() != segment.max_doc() {
            return Err(Error::Index("the index has deleted documents".into()));
        }
        let num_docs = segment.max_doc();
        let text_fields = self.fields.text();
        let mut fields = Vec::with_capacity(text_fields.len());
        let mut terms: BTreeMap<Vec<u8>, Vec<Vec<Posting>>> = BTreeMap::new();
        for (ordinal, (field, name, boost)) in text_fields.iter().enumerate() {
            let inverted = segment.inverted_index(*field)?;
            let norms = segment.get_fieldnorms_reader(*field)?;
            fields.push(FieldStats {
                name: (*name).to_owned(),
                boost: *boost,
                total_tokens: inverted.total_num_tokens(),
            });
            let mut stream = inverted
                .terms()
                .stream()
                .map_err(|e| Error::Index(format!("term dictionary: {e}")))?;
            while stream.advance() {
                let mut postings = inverted
                    .read_postings_from_terminfo(stream.value(), IndexRecordOption::WithFreqs)
                    .map_err(|e| Error::Index(format!("postings: {e}")))?;
                let mut list = Vec::new();
                let mut doc = postings.doc();
                while doc != tantivy::TERMINATED {
                    list.push(Posting {
                        doc,
                        term_freq: postings.term_freq(),
                        fieldnorm_id: norms.fieldnorm_id(doc),
                    });
                    doc = postings.advance();
                }
                let entry = terms
                    .entry(stream.key().to_vec())
                    .or_insert_with(|| vec![Vec::new(); text_fields.len()]);
                if let Some(slot) = entry.get_mut(ordinal) {
                    *slot = list;
                }
            }
        }
        let terms = terms
            .into_iter()
            .map(|(key, fields)| {
                String::from_utf8(key)
                    .map(|term| TermPostings { term, fields })
                    .map_err(|_| Error::Index("a term is not UTF-8".into()))
            })
            .collect::<Result<Vec<_>, Error>>()?;
        let mut docs = Vec::with_capacity(num_docs as usize);
        for doc in 0..num_docs {
            let id = self.stored_id(&searcher, DocAddress::new(0, doc))?;
            let record = self
                .records
                .get(&id)
                .cloned()
                .ok_or_else(|| Error::Index(format!("unknown document {id}")))?;
            docs.push(record);
        }
        Ok(BundleData {
            glossary: glossary.clone(),
            fields,
            num_docs,
            terms,
            docs,
        })
    }
}

/// Reference search on a tantivy index (see [`TantivyIndex::search`]).
pub fn tantivy_search(
    index: &TantivyIndex,
    query: &str,
    limit: usize,
) -> Result<Vec<(String, f32)>, Error> {
    index.search(query, limit)
}
