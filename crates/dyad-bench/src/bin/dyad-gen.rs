//! `dyad-gen`: writes a deterministic wire-style bench corpus (JSON Lines).
//!
//! ```sh
//! dyad-gen --size 1G -o bench-data/corpus-1G.jsonl
//! ```

use anyhow::{bail, Context, Result};
use clap::Parser;
use dyad_bench::{parse_size, workspace_root, Generator, Sources};
use std::io::Write;
use std::path::PathBuf;

/// Writes a deterministic bench corpus: wire-style JSON Lines documents built
/// from examples/stories.jsonl and eval/dev.jsonl, with country names,
/// datelines, dates and lengths varied. Same seed and size, same bytes.
#[derive(Parser)]
#[command(name = "dyad-gen")]
struct Args {
    /// Corpus size: bytes, or with K, M or G (binary multiples), e.g. 1G.
    #[arg(long, default_value = "100M")]
    size: String,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output file (stdout if not given).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// The dyad checkout to read examples, dev set and lexicon from.
    #[arg(long)]
    repo: Option<PathBuf>,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let Some(size) = parse_size(&args.size) else {
        bail!(
            "cannot read size {:?} (want e.g. 1G, 100M, 512K)",
            args.size
        );
    };
    let repo = args.repo.unwrap_or_else(workspace_root);
    let src = Sources::from_repo(&repo)
        .with_context(|| format!("cannot read the sources under {}", repo.display()))?;
    let (bodies, briefs, titles, countries, cities) = src.counts();
    if bodies + briefs == 0 || countries == 0 {
        bail!("no stories or countries found under {}", repo.display());
    }
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => {
            if let Some(dir) = p.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
            }
            Box::new(std::io::BufWriter::with_capacity(
                1 << 20,
                std::fs::File::create(p)
                    .with_context(|| format!("cannot create {}", p.display()))?,
            ))
        }
        None => Box::new(std::io::BufWriter::with_capacity(
            1 << 20,
            std::io::stdout().lock(),
        )),
    };
    let (docs, bytes) = Generator::new(&src, args.seed)
        .write_to(size, &mut out)
        .context("cannot write the corpus")?;
    out.flush().context("cannot write the corpus")?;
    eprintln!(
        "dyad-gen: {docs} documents, {bytes} bytes (seed {}; from {bodies} stories, {briefs} briefs, {titles} titles, {countries} countries, {cities} capitals)",
        args.seed
    );
    Ok(())
}
