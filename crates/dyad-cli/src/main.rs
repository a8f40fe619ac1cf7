//! The `dyad` command: raw news text in, CAMEO/PLOVER event records out.
//!
//! Exit codes: 0 success; 1 error (unreadable lexicon, output failure);
//! 2 usage error; 3 `--strict` and at least one document was skipped
//! (or `dyad eval --min-f1` / `dyad lexicon check` found a failure).

mod code_cmd;
mod input;
mod lexicon_cmd;
mod output;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use dyad_core::{Coder, Options};
use input::{InputFormat, SkipReason};
use output::OutputFormat;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "dyad",
    version = concat!(env!("CARGO_PKG_VERSION"), " (EventRecord schema ", "1.0", ")"),
    about = "Turns news text into CAMEO/PLOVER political event data: who did what to whom, when.",
    after_help = "Exit codes: 0 success, 1 error, 2 usage, 3 --strict with skipped documents or a failed check."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code documents into event records (JSON Lines or TSV).
    Code(CodeArgs),
    /// Inspect the built-in lexicon.
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
}

#[derive(Subcommand)]
enum LexiconCommand {
    /// Lint the built-in lexicon: parse errors, duplicates, conflicts, overlapping dates, unknown codes.
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
            let coder = Coder::builtin(options).context("cannot load the built-in lexicon")?;
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
        Command::Lexicon { command } => match command {
            LexiconCommand::Check => {
                let (lex, mut diags, _) = lexicon_cmd::load_timed();
                let ontology = dyad_core::ontology::Ontology::builtin()?;
                diags.extend(lexicon_cmd::lint(&lex.lex, &ontology));
                for d in &diags {
                    println!("{d}");
                }
                println!("{} problem(s)", diags.len());
                Ok(if diags.is_empty() {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(3)
                })
            }
            LexiconCommand::Stats => {
                let (lex, _, ms) = lexicon_cmd::load_timed();
                lexicon_cmd::stats(&lex, ms);
                Ok(ExitCode::SUCCESS)
            }
            LexiconCommand::Explain { sentence, date } => {
                let date = parse_date_arg(date.as_deref())?
                    .unwrap_or_else(|| chrono::Local::now().date_naive());
                let coder = Coder::builtin(Options::default())?;
                lexicon_cmd::explain(&coder, &sentence, date)?;
                Ok(ExitCode::SUCCESS)
            }
        },
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dyad: error: {e:#}");
            ExitCode::from(1)
        }
    }
}
