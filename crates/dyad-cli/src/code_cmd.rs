//! `dyad code`: documents in, event records out, with an end-of-run summary.

use crate::input::{InputFormat, Item, Reader, Skip, SkipReason};
use crate::output::{OutputFormat, Writer};
use anyhow::{Context, Result};
use chrono::NaiveDate;
use dyad_core::{Coded, Coder};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

/// What `dyad code` needs to run.
pub struct CodeRun {
    /// Inputs (`-` is stdin).
    pub inputs: Vec<PathBuf>,
    /// Output file (stdout if None).
    pub output: Option<PathBuf>,
    /// Output format.
    pub format: OutputFormat,
    /// Input format.
    pub input_format: InputFormat,
    /// Default story date.
    pub date: Option<NaiveDate>,
    /// Worker threads (0: all cores).
    pub threads: usize,
    /// Non-zero exit if any document was skipped.
    pub strict: bool,
    /// Documents per parallel batch.
    pub batch: usize,
}

/// Counts for the end-of-run summary.
#[derive(Default, Debug)]
pub struct Summary {
    /// Documents read (coded + skipped).
    pub documents: usize,
    /// Documents coded.
    pub coded: usize,
    /// Sentences coded.
    pub sentences: usize,
    /// Events written.
    pub events: usize,
    /// Skips by reason.
    pub skipped: BTreeMap<SkipReason, usize>,
}

impl Summary {
    /// Total skipped documents.
    pub fn total_skipped(&self) -> usize {
        self.skipped.values().sum()
    }
}

fn report_skip(s: &Skip) {
    eprintln!(
        "dyad: skipped {}: {}: {}",
        s.location,
        s.reason.name(),
        s.detail
    );
}

/// Writes one batch of results, in order, and counts them.
fn write_batch<W: Write>(
    writer: &mut Writer<W>,
    summary: &mut Summary,
    results: Vec<Result<Coded, Skip>>,
) -> Result<()> {
    for r in results {
        summary.documents += 1;
        match r {
            Ok(c) => {
                if let Some(why) = c.discarded {
                    *summary.skipped.entry(SkipReason::Discarded).or_default() += 1;
                    eprintln!("dyad: discarded a story: {why}");
                    continue;
                }
                summary.coded += 1;
                summary.sentences += c.sentences;
                summary.events += c.events.len();
                for e in &c.events {
                    writer.write(e).context("cannot write output")?;
                }
            }
            Err(s) => {
                report_skip(&s);
                *summary.skipped.entry(s.reason).or_default() += 1;
            }
        }
    }
    Ok(())
}

/// Batches read ahead of the coder, and coded batches waiting for the writer:
/// with `batch` documents each, memory stays flat whatever the input size.
const QUEUE: usize = 2;

/// Runs `dyad code`; returns the summary.
///
/// Three stages run at once, streaming: a reader thread parses batches of
/// documents, the worker pool codes each batch in parallel (results keep
/// input order), and a writer thread writes the records of the batch before.
/// The output is byte-identical for any number of threads.
pub fn run(coder: &Coder, run: &CodeRun) -> Result<Summary> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(run.threads)
        .build()
        .context("cannot start worker threads")?;
    let file = match &run.output {
        Some(p) => Some(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        None => None,
    };
    let mut reader = Reader::new(&run.inputs, run.input_format, run.date);
    let batch = run.batch.max(1);
    let format = run.format;
    let summary = std::thread::scope(|scope| -> Result<Summary> {
        let (doc_tx, doc_rx) = std::sync::mpsc::sync_channel::<Vec<Item>>(QUEUE);
        scope.spawn(move || loop {
            let items: Vec<Item> = reader.by_ref().take(batch).collect();
            if items.is_empty() || doc_tx.send(items).is_err() {
                break;
            }
        });
        let (res_tx, res_rx) = std::sync::mpsc::sync_channel::<Vec<Result<Coded, Skip>>>(QUEUE);
        let writing = scope.spawn(move || -> Result<Summary> {
            let out: Box<dyn Write> = match file {
                Some(f) => Box::new(std::io::BufWriter::with_capacity(1 << 16, f)),
                None => Box::new(std::io::BufWriter::with_capacity(
                    1 << 16,
                    std::io::stdout().lock(),
                )),
            };
            let mut writer = Writer::new(out, format);
            writer.header().context("cannot write output")?;
            let mut summary = Summary::default();
            for results in res_rx {
                write_batch(&mut writer, &mut summary, results)?;
            }
            writer.flush().context("cannot write output")?;
            Ok(summary)
        });
        for items in doc_rx {
            let results: Vec<Result<Coded, Skip>> = pool.install(|| {
                items
                    .into_par_iter()
                    .map(|item| item.map(|doc| coder.code(&doc)))
                    .collect()
            });
            // the writer stopped (an output error): it reports why
            if res_tx.send(results).is_err() {
                break;
            }
        }
        drop(res_tx);
        writing
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("the output writer failed")))
    })?;
    let secs = started.elapsed().as_secs_f64();
    let skipped: Vec<String> = summary
        .skipped
        .iter()
        .map(|(r, n)| format!("{}: {n}", r.name()))
        .collect();
    eprintln!(
        "dyad: {} documents ({} coded, {} skipped{}), {} sentences, {} events in {:.2}s",
        summary.documents,
        summary.coded,
        summary.total_skipped(),
        if skipped.is_empty() {
            String::new()
        } else {
            format!(" — {}", skipped.join(", "))
        },
        summary.sentences,
        summary.events,
        secs
    );
    Ok(summary)
}
