//! `adcredit`: ask, check, plan and can-move from a terminal (CONTRACT §6).
//!
//! This binary is the only place that prints. Exit status: 0 done (also for a plan with
//! warnings), 1 `check` (or the report of `plan`) found errors, 2 bad input or usage, with the message on stderr.

#![allow(clippy::print_stdout, clippy::print_stderr)]

mod export;
mod render;

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use adcredit_core::{Fund, Money, MoveQuestion, Scenario};
use anyhow::{anyhow, Context};
use clap::{Parser, Subcommand, ValueEnum};

/// Check TikTok ad-credit allocation plans and ask how ad credit can be shared, before you click.
#[derive(Parser)]
#[command(name = "adcredit", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the search index and the browser bundle from the knowledge base, any Markdown
    /// tree, or a built HTML site.
    Index {
        /// A Markdown tree (YAML, TOML or no front matter). Our own knowledge base (its
        /// adcredit.toml says `strict = true`) gets every check.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// A built HTML site (what a site generator wrote) instead of Markdown.
        #[arg(long, conflicts_with = "content")]
        html: Option<PathBuf>,
        /// Where to write tantivy/ and adcredit.bundle (or shards/).
        #[arg(long, default_value = DEFAULT_INDEX)]
        out: PathBuf,
        /// One bundle file, or shards fetched on demand; `auto` shards above 200 KB gzip.
        #[arg(long, value_enum, default_value_t = BundleArg::Auto)]
        bundle: BundleArg,
    },
    /// Answer a question from the knowledge base (and, with a scenario, judge a move in it).
    Ask {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// How many results to show: an integer from 1 to 50.
        #[arg(long, default_value = "5", allow_hyphen_values = true)]
        limit: String,
        /// A scenario file (or - for stdin): a question about moving money between its
        /// accounts also gets a verdict.
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// The folder `adcredit index` wrote.
        #[arg(long, default_value = DEFAULT_INDEX)]
        index: PathBuf,
        /// The question, in your own words.
        #[arg(required = true, num_args = 1..)]
        question: Vec<String>,
    },
    /// Write a corpus in every form the benchmarks compare: tantivy index + bundle, sharded
    /// bundle, one HTML page per document (for Pagefind) and docs.json (for MiniSearch).
    #[command(hide = true)]
    Export {
        /// Folder with faq/, articles/ and glossary.toml.
        #[arg(long, default_value = "content", conflicts_with = "synthetic")]
        content: PathBuf,
        /// Use the synthetic corpus of this many articles instead of the content.
        #[arg(long)]
        synthetic: Option<usize>,
        /// Seed of the synthetic corpus.
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Output folder.
        #[arg(long)]
        out: PathBuf,
    },
    /// Validate and simulate an allocation plan (a scenario file, or - for stdin).
    Check {
        /// Print the JSON report instead of text.
        #[arg(long)]
        json: bool,
        /// The scenario file, or - for stdin.
        file: PathBuf,
    },
    /// Suggest the allocation lines for a scenario (its own lines are ignored): nothing locked,
    /// as much credit used as that allows, soonest expiry first, few lines.
    Plan {
        /// Print the JSON plan (CONTRACT §8) instead of text.
        #[arg(long)]
        json: bool,
        /// The scenario file, or - for stdin.
        file: PathBuf,
    },
    /// Can this money move from one place to another?
    CanMove {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Which funds.
        #[arg(long, value_enum)]
        fund: FundArg,
        /// `bc` or an account id.
        #[arg(long)]
        from: String,
        /// `bc` or an account id.
        #[arg(long)]
        to: String,
        /// How much, as a decimal ("50.00").
        #[arg(long)]
        amount: Option<String>,
        /// Judge against this scenario file (or - for stdin).
        #[arg(long)]
        scenario: Option<PathBuf>,
    },
}

/// Where `index` writes and `ask` reads by default, relative to the working directory.
const DEFAULT_INDEX: &str = "index";

#[derive(Clone, Copy, ValueEnum)]
enum BundleArg {
    Auto,
    Monolithic,
    Sharded,
}

impl From<BundleArg> for adcredit_indexer::BundleMode {
    fn from(b: BundleArg) -> adcredit_indexer::BundleMode {
        match b {
            BundleArg::Auto => adcredit_indexer::BundleMode::Auto,
            BundleArg::Monolithic => adcredit_indexer::BundleMode::Monolithic,
            BundleArg::Sharded => adcredit_indexer::BundleMode::Sharded,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum FundArg {
    #[value(name = "ad_credit", alias = "ad-credit", alias = "credit")]
    AdCredit,
    #[value(name = "cash")]
    Cash,
    #[value(name = "credit_line", alias = "credit-line")]
    CreditLine,
}

impl From<FundArg> for Fund {
    fn from(f: FundArg) -> Fund {
        match f {
            FundArg::AdCredit => Fund::AdCredit,
            FundArg::Cash => Fund::Cash,
            FundArg::CreditLine => Fund::CreditLine,
        }
    }
}

/// A failure and the exit status it maps to.
enum Failure {
    /// Bad input or usage: exit 2.
    Input(anyhow::Error),
    /// Anything else (IO, a broken index): exit 2 as well, but worded as a failure.
    Other(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Failure {
        Failure::Other(e)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    // Messages quote the input (ids, keys, file names): shown with control characters escaped.
    match run(cli, color) {
        Ok(code) => code,
        Err(Failure::Input(e)) => {
            eprintln!("adcredit: {}", render::esc(&format!("{e:#}")));
            ExitCode::from(2)
        }
        Err(Failure::Other(e)) => {
            eprintln!("adcredit: error: {}", render::esc(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

/// Writes to stdout. A reader that went away (`adcredit ask … | head -3`) is not an error:
/// the rest of the output is dropped instead of a panic about a broken pipe.
fn write_out(text: &str) -> Result<(), Failure> {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::Other(
            anyhow::Error::new(e).context("writing to stdout"),
        )),
        _ => Ok(()),
    }
}

fn run(cli: Cli, color: bool) -> Result<ExitCode, Failure> {
    match cli.command {
        Command::Check { json, file } => {
            let scenario = read_scenario(&file)?;
            let report = adcredit_core::check(&scenario).map_err(|e| core_error("", &e))?;
            if json {
                write_out(&format!("{}\n", to_json(&report)?))?;
            } else {
                write_out(&render::report(&scenario, &report, color))?;
            }
            Ok(if report.valid {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::Plan { json, file } => {
            let scenario = read_scenario(&file)?;
            let plan = adcredit_core::plan(&scenario).map_err(|e| Failure::Input(e.into()))?;
            if json {
                write_out(&format!("{}\n", to_json(&plan)?))?;
            } else {
                write_out(&render::plan(&scenario, &plan, color))?;
            }
            Ok(if plan.report.valid {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::CanMove {
            json,
            fund,
            from,
            to,
            amount,
            scenario,
        } => {
            // As in JSON, an empty optional amount is not given.
            let amount = amount
                .filter(|a| !a.trim().is_empty())
                .map(|a| {
                    Money::parse(&a).map_err(|e| Failure::Input(anyhow!("--amount: {a:?} {e}")))
                })
                .transpose()?;
            let scenario = scenario.map(|p| read_scenario(&p)).transpose()?;
            let q = MoveQuestion {
                fund: fund.into(),
                from,
                to,
                amount,
                scenario,
            };
            let verdict = adcredit_core::can_move(&q).map_err(|e| core_error("", &e))?;
            if json {
                write_out(&format!("{}\n", to_json(&verdict)?))?;
            } else {
                write_out(&render::verdict(&verdict, color))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            content,
            synthetic,
            seed,
            out,
        } => {
            let corpus = match synthetic {
                Some(n) => adcredit_indexer::synthetic_corpus(n, seed),
                None => adcredit_indexer::check_content(&content, &required_ids())
                    .map_err(|e| Failure::Input(anyhow!("{e}")))?,
            };
            let summary = export::export(&corpus, &out)?;
            write_out(&format!("{summary}\n"))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Index {
            content,
            html,
            out,
            bundle,
        } => {
            let started = std::time::Instant::now();
            let site = match &html {
                Some(dir) => adcredit_indexer::load_html(dir),
                None => adcredit_indexer::load_content_dir(&content, &required_ids()),
            }
            .map_err(|e| Failure::Input(anyhow!("{e}")))?;
            let read = started.elapsed();
            let report = adcredit_indexer::write_index(&site.corpus, &out, bundle.into())
                .map_err(|e| Failure::Input(anyhow!("{e}")))?;
            write_out(&render::index_report(&site, read, &report, &out))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Ask {
            json,
            limit,
            scenario,
            index,
            question,
        } => {
            // The one limit check (also the browser's): "limit: must be an integer from 1 to 50".
            let limit = adcredit_search::check_limit(limit.trim().parse().unwrap_or(f64::NAN))
                .map_err(|e| Failure::Input(anyhow!("{e}")))?;
            let question = question.join(" ");
            let scenario = scenario.map(|p| read_scenario(&p)).transpose()?;
            let searcher = load_searcher(&index)?;
            let answer = adcredit_assistant::ask(&searcher, &question, scenario.as_ref(), limit)
                .map_err(|e| Failure::Input(anyhow!("{e}")))?;
            if json {
                write_out(&format!("{}\n", to_json(&answer)?))?;
            } else {
                let cited = adcredit_assistant::cited_entry(&searcher, &answer)
                    .map_err(|e| Failure::Input(anyhow!("{e}")))?;
                write_out(&render::answer(&answer, cited.as_ref(), color))?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Content ids the rules link to; the indexer refuses content that lacks one.
fn required_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = adcredit_core::RuleId::ALL
        .iter()
        .map(|r| r.source())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The bundle (or the sharded index) `index` wrote; without one, index `content/` in memory
/// (and say so).
fn load_searcher(index: &Path) -> Result<adcredit_search::Searcher, Failure> {
    let bundle_path = index.join(adcredit_indexer::BUNDLE_FILE);
    let bytes = match std::fs::read(&bundle_path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && Path::new("content").is_dir() => {
            eprintln!(
                "adcredit: no index at {}; indexing ./content in memory (run `adcredit index` to keep one)",
                bundle_path.display()
            );
            adcredit_indexer::bundle_from_dir(Path::new("content"), &required_ids())
                .map_err(|e| Failure::Input(anyhow!("{e}")))?
        }
        Err(e) => {
            return Err(Failure::Input(anyhow!(
                "cannot read {} ({e}); run `adcredit index` first",
                bundle_path.display()
            )))
        }
    };
    if adcredit_indexer::is_sharded_meta(&bytes) {
        return adcredit_indexer::open_searcher(index).map_err(|e| Failure::Other(anyhow!("{e}")));
    }
    adcredit_search::Searcher::from_bundle(&bytes)
        .map_err(|e| Failure::Other(anyhow!("{}: {e}", bundle_path.display())))
}

fn read_scenario(path: &Path) -> Result<Scenario, Failure> {
    let (name, text) = if path == Path::new("-") {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("cannot read stdin")?;
        ("stdin".to_owned(), s)
    } else {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))
            .map_err(Failure::Input)?;
        (path.display().to_string(), text)
    };
    adcredit_core::parse_scenario(&text).map_err(|e| core_error(&name, &e))
}

/// A core error as the CLI shows it, from its fields: `source: path: message` (the file or
/// stdin, then the JSON path, each left out when empty).
fn core_error(source: &str, e: &adcredit_core::Error) -> Failure {
    let message = e.message();
    let located = match e.path() {
        "" => message,
        path => format!("{path}: {message}"),
    };
    Failure::Input(match source {
        "" => anyhow!("{located}"),
        source => anyhow!("{source}: {located}"),
    })
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<String, Failure> {
    serde_json::to_string_pretty(v).map_err(|e| Failure::Other(e.into()))
}
