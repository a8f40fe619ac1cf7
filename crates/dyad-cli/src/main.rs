//! The `dyad` command: raw news text in, CAMEO/PLOVER event records out.
//!
//! Exit codes: 0 success; 1 error (unreadable lexicon, output failure);
//! 2 usage error; 3 `--strict` and at least one document was skipped
//! (or `dyad eval --min-f1` / `dyad lexicon check` found a failure).

/// `writeln!` into a `String` (infallible), for commands that print reports.
macro_rules! outln {
    ($o:expr) => {
        $o.push('\n')
    };
    ($o:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($o, $($arg)*);
    }};
}

/// `write!` into a `String`.
macro_rules! outp {
    ($o:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = write!($o, $($arg)*);
    }};
}

mod code_cmd;
mod eval_cmd;
mod input;
mod lexicon_cmd;
mod output;
mod petrarch_cmd;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use dyad_core::{Coder, Options};
use input::{InputFormat, SkipReason};
use output::OutputFormat;
use std::path::PathBuf;
use std::process::ExitCode;

#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "dyad",
    version = concat!(env!("CARGO_PKG_VERSION"), " (EventRecord schema ", "1.0", ")"),
    about = "Turns news text into CAMEO/PLOVER political event data: who did what to whom, when.",
    after_help = "Exit codes: 0 success, 1 error, 2 usage, 3 --strict with skipped documents or a failed check."
)]
struct Cli {
    /// Use the dyad-format lexicon in this directory (laid out like the
    /// repository's lexicon/) instead of the built-in one: edit or extend it
    /// without rebuilding.
    #[arg(long, global = true, value_name = "DIR")]
    lexicon: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

/// The coder over the built-in lexicon, or over `--lexicon DIR`.
fn dyad_coder(lexicon: Option<&std::path::Path>, options: Options) -> Result<Coder> {
    match lexicon {
        None => Coder::builtin(options).context("cannot load the built-in lexicon"),
        Some(dir) => Coder::from_dir(dir, options)
            .with_context(|| format!("cannot load the lexicon in {}", dir.display())),
    }
}

#[derive(Subcommand)]
enum Command {
    /// Code documents into event records (JSON Lines or TSV).
    Code(CodeArgs),
    /// Score dyad against a gold file (dyad JSONL, PLOVER JSON or PETRARCH XML): P/R/F1 per type and root.
    Eval(EvalArgs),
    /// Run PETRARCH-style validation records (XML) with the dictionaries they name.
    Validate(petrarch_cmd::ValidateArgs),
    /// Inspect the lexicon (built-in, or --lexicon DIR).
    Lexicon {
        #[command(subcommand)]
        command: LexiconCommand,
    },
}

#[derive(clap::Args)]
struct CodeArgs {
    /// Input files or directories (recursive); `-` reads stdin. JSON Lines
    /// ({"id","date","text"} with optional "title","source","url") for .jsonl/.ndjson/.json,
    /// otherwise one plain-text document per file.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Write records here instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: OutputFormat,
    /// How to read inputs.
    #[arg(long, value_enum, default_value = "auto")]
    input_format: InputFormat,
    /// Story date for documents without one (plain text, or JSON without "date"): YYYY-MM-DD.
    #[arg(long)]
    date: Option<String>,
    /// Worker threads (default: all cores). Output is identical for any value.
    #[arg(long, default_value_t = 0)]
    threads: usize,
    /// Exit with status 3 if any document was skipped for bad input.
    #[arg(long)]
    strict: bool,
    /// Emit negated, modal and hypothetical events with "negated": true instead of dropping them.
    #[arg(long)]
    keep_negated: bool,
    /// Allow actors known only by an agent noun ("officials" → ---GOV).
    #[arg(long)]
    allow_agent_only: bool,
    /// Emit events that have a source but no target.
    #[arg(long)]
    allow_no_target: bool,
    #[command(flatten)]
    dict: petrarch_cmd::DictArgs,
}

#[derive(clap::Args)]
struct EvalArgs {
    /// Gold file: dyad JSON Lines (eval/GOLD-FORMAT.md), a PLOVER gold JSON list,
    /// or PETRARCH validation records (XML; code them with --dict petrarch …).
    #[arg(long)]
    gold: PathBuf,
    /// Documents (JSON Lines) supplying texts for gold lines that have none.
    #[arg(long)]
    input: Option<PathBuf>,
    /// Default story date for gold records without one.
    #[arg(long)]
    date: Option<String>,
    /// Exit with status 3 if the event-type (PLOVER) F1 is below this.
    #[arg(long)]
    min_f1: Option<f64>,
    /// Exit with status 3 if the (source country, type, target country) F1 is below this.
    #[arg(long)]
    min_triple_f1: Option<f64>,
    /// Exit with status 3 if more than this many events per must-not-code document are coded.
    #[arg(long)]
    max_negative_rate: Option<f64>,
    /// Print every miss and false alarm.
    #[arg(long)]
    details: bool,
    #[command(flatten)]
    dict: petrarch_cmd::DictArgs,
}

#[derive(Subcommand)]
enum LexiconCommand {
    /// Lint the lexicon: parse errors, duplicates, conflicts, overlapping dates, unknown codes.
    Check,
    /// Print entry counts and load time.
    Stats,
    /// Show tokens, tags, matches, roles and events for a sentence.
    Explain {
        /// The sentence (or a short text).
        sentence: String,
        /// Story date, YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
    },
}

fn parse_date_arg(s: Option<&str>) -> Result<Option<chrono::NaiveDate>> {
    match s {
        None => Ok(None),
        Some(s) => match input::parse_date(s) {
            Some(d) => Ok(Some(d)),
            None => bail!("cannot read date {s:?}: use YYYY-MM-DD, YYYYMMDD or RFC 3339"),
        },
    }
}

fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Code(args) => {
            let options = Options {
                keep_negated: args.keep_negated,
                allow_agent_only: args.allow_agent_only,
                require_target: !args.allow_no_target,
                ..Options::default()
            };
            let coder = petrarch_cmd::coder(&args.dict, options, cli.lexicon.as_deref())?;
            let run = code_cmd::CodeRun {
                inputs: args.inputs,
                output: args.output,
                format: args.format,
                input_format: args.input_format,
                date: parse_date_arg(args.date.as_deref())?,
                threads: args.threads,
                strict: args.strict,
                batch: 256,
            };
            let summary = code_cmd::run(&coder, &run)?;
            let bad = summary
                .skipped
                .iter()
                .filter(|(r, _)| **r != SkipReason::Discarded)
                .map(|(_, n)| n)
                .sum::<usize>();
            if run.strict && bad > 0 {
                eprintln!("dyad: --strict: {bad} document(s) skipped");
                return Ok(ExitCode::from(3));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(args) => {
            // PETRARCH dictionaries are scored with PETRARCH's own coding
            // options, as `dyad validate` runs them
            let options = match args.dict.dict {
                petrarch_cmd::DictKind::Petrarch => dyad_petrarch::petrarch_options(),
                petrarch_cmd::DictKind::Builtin => Options::default(),
            };
            let coder = petrarch_cmd::coder(&args.dict, options, cli.lexicon.as_deref())?;
            let date = parse_date_arg(args.date.as_deref())?;
            let mut inputs = std::collections::HashMap::new();
            if let Some(p) = &args.input {
                for item in input::Reader::new(std::slice::from_ref(p), InputFormat::Jsonl, date) {
                    match item {
                        Ok(d) => {
                            inputs.insert(d.id.clone(), d);
                        }
                        Err(s) => eprintln!(
                            "dyad: skipped {}: {}: {}",
                            s.location,
                            s.reason.name(),
                            s.detail
                        ),
                    }
                }
            }
            let docs = eval_cmd::read_gold(&args.gold, &inputs, date)?;
            let rep = eval_cmd::evaluate(&coder, &docs);
            let mut o = String::new();
            eval_cmd::print(&mut o, &rep, args.details);
            emit(&o)?;
            let mut failed = Vec::new();
            if args.min_f1.is_some_and(|m| rep.types.f1() < m) {
                failed.push(format!(
                    "event-type F1 {:.3} < {:.3}",
                    rep.types.f1(),
                    args.min_f1.unwrap_or(0.0)
                ));
            }
            if args.min_triple_f1.is_some_and(|m| rep.triples.f1() < m) {
                failed.push(format!(
                    "triple F1 {:.3} < {:.3}",
                    rep.triples.f1(),
                    args.min_triple_f1.unwrap_or(0.0)
                ));
            }
            let neg_rate = if rep.negatives == 0 {
                0.0
            } else {
                rep.negative_events as f64 / rep.negatives as f64
            };
            if args.max_negative_rate.is_some_and(|m| neg_rate > m) {
                failed.push(format!(
                    "{neg_rate:.3} events per must-not-code document > {:.3}",
                    args.max_negative_rate.unwrap_or(0.0)
                ));
            }
            if failed.is_empty() {
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!("dyad eval: below the floor: {}", failed.join("; "));
                Ok(ExitCode::from(3))
            }
        }
        Command::Validate(args) => petrarch_cmd::validate(&args),
        Command::Lexicon { command } => match command {
            LexiconCommand::Check => {
                let (lex, mut diags, _) = lexicon_cmd::load_timed(cli.lexicon.as_deref())?;
                let ontology = dyad_coder(cli.lexicon.as_deref(), Options::default())?.ontology;
                diags.extend(lexicon_cmd::lint(&lex.lex, &ontology));
                let mut o = String::new();
                for d in &diags {
                    outln!(o, "{d}");
                }
                outln!(o, "{} problem(s)", diags.len());
                emit(&o)?;
                Ok(if diags.is_empty() {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(3)
                })
            }
            LexiconCommand::Stats => {
                let (lex, _, ms) = lexicon_cmd::load_timed(cli.lexicon.as_deref())?;
                let mut o = String::new();
                lexicon_cmd::stats(&mut o, &lex, ms);
                emit(&o)?;
                Ok(ExitCode::SUCCESS)
            }
            LexiconCommand::Explain { sentence, date } => {
                let date = parse_date_arg(date.as_deref())?
                    .unwrap_or_else(|| chrono::Local::now().date_naive());
                let coder = dyad_coder(cli.lexicon.as_deref(), Options::default())?;
                let mut o = String::new();
                lexicon_cmd::explain(&mut o, &coder, &sentence, date)?;
                emit(&o)?;
                Ok(ExitCode::SUCCESS)
            }
        },
    }
}

/// Writes a report to stdout; a closed pipe (`dyad … | head`) is not an error.
fn emit(s: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("cannot write output")
        }
        _ => Ok(()),
    }
}

fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dyad: error: {e:#}");
            ExitCode::from(1)
        }
    }
}
