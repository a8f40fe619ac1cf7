//! `dyad code --dict petrarch …` and `dyad validate`: coding with the
//! community's TABARI/PETRARCH dictionaries and running PETRARCH-style
//! validation records.

use anyhow::{bail, Context, Result};
use dyad_core::{Coder, Options};
use dyad_petrarch::records::parse_suite;
use dyad_petrarch::validate::{run_suite, Status};
use dyad_petrarch::{load_paths, DictFiles};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Which dictionaries `dyad code` uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum DictKind {
    /// dyad's built-in lexicon.
    #[default]
    Builtin,
    /// TABARI/PETRARCH dictionary files (--verbs, --actors, --agents, --discards, --issues).
    Petrarch,
}

/// Dictionary options of `dyad code`.
#[derive(clap::Args, Debug, Default)]
pub struct DictArgs {
    /// Dictionaries to code with: dyad's built-in lexicon, or TABARI/PETRARCH files.
    #[arg(long, value_enum, default_value = "builtin")]
    pub dict: DictKind,
    /// PETRARCH verb dictionary file(s) (repeat or comma-separate).
    #[arg(long, value_delimiter = ',')]
    pub verbs: Vec<PathBuf>,
    /// PETRARCH actor dictionary file(s).
    #[arg(long, value_delimiter = ',')]
    pub actors: Vec<PathBuf>,
    /// PETRARCH agent dictionary file(s).
    #[arg(long, value_delimiter = ',')]
    pub agents: Vec<PathBuf>,
    /// PETRARCH discard list(s).
    #[arg(long, value_delimiter = ',')]
    pub discards: Vec<PathBuf>,
    /// PETRARCH issue list(s) (read and checked; records have no issue field yet).
    #[arg(long, value_delimiter = ',')]
    pub issues: Vec<PathBuf>,
    /// PETRARCH `require_dyad`: with `false`, events without a target are coded (same as --allow-no-target).
    #[arg(long, value_name = "BOOL")]
    pub require_dyad: Option<bool>,
    /// Print every dictionary line that could not be read (default: a count and the first 20).
    #[arg(long)]
    pub all_warnings: bool,
}

impl DictArgs {
    fn files(&self) -> DictFiles {
        DictFiles {
            verbs: self.verbs.clone(),
            actors: self.actors.clone(),
            agents: self.agents.clone(),
            discards: self.discards.clone(),
            issues: self.issues.clone(),
        }
    }
    fn any_file(&self) -> bool {
        !(self.verbs.is_empty()
            && self.actors.is_empty()
            && self.agents.is_empty()
            && self.discards.is_empty()
            && self.issues.is_empty())
    }
}

fn report_diagnostics(diags: &[dyad_core::lexicon::Diagnostic], all: bool) {
    let shown = if all {
        diags.len()
    } else {
        diags.len().min(20)
    };
    for d in &diags[..shown] {
        eprintln!("dyad: warning: {d}");
    }
    if shown < diags.len() {
        eprintln!(
            "dyad: … and {} more dictionary warning(s) (--all-warnings shows them)",
            diags.len() - shown
        );
    }
}

/// Loads PETRARCH dictionaries into a coder; prints warnings and load time.
pub fn load_coder(files: &DictFiles, options: Options, all_warnings: bool) -> Result<Coder> {
    let started = Instant::now();
    let loaded = load_paths(files)?;
    let issues = loaded.issues.len();
    let transformations = loaded.transformations.len();
    let (lex, diags) = loaded.compile();
    report_diagnostics(&diags, all_warnings);
    eprintln!(
        "dyad: PETRARCH dictionaries: {} patterns, {} synsets, {} actors, {} agents, {} discards{}{} in {:.0} ms ({} warning(s))",
        lex.lex.patterns.len(),
        lex.lex.synsets.len(),
        lex.lex.actors.len(),
        lex.lex.agents.len(),
        lex.lex.discards.len(),
        if issues > 0 { format!(", {issues} issues") } else { String::new() },
        if transformations > 0 {
            format!(", {transformations} transformations (not applied)")
        } else {
            String::new()
        },
        started.elapsed().as_secs_f64() * 1000.0,
        diags.len()
    );
    let ontology = dyad_core::ontology::Ontology::builtin()?;
    Ok(Coder::new(lex, ontology, options))
}

/// The coder for `dyad code`: built-in (or `--lexicon DIR`), or PETRARCH dictionaries.
pub fn coder(args: &DictArgs, mut options: Options, lexicon: Option<&Path>) -> Result<Coder> {
    match args.dict {
        DictKind::Builtin => {
            if args.any_file() {
                bail!("--verbs/--actors/--agents/--discards/--issues need --dict petrarch");
            }
            crate::dyad_coder(lexicon, options)
        }
        DictKind::Petrarch => {
            if lexicon.is_some() {
                bail!("--lexicon (a dyad lexicon) and --dict petrarch cannot be combined");
            }
            if args.verbs.is_empty() || args.actors.is_empty() {
                bail!("--dict petrarch needs at least --verbs FILE and --actors FILE");
            }
            if let Some(r) = args.require_dyad {
                options.require_target = r;
            }
            // the dictionaries were written for PETRARCH's roles: verbs trigger,
            // the target is the first actor after the verb
            options.petrarch_roles = true;
            load_coder(&args.files(), options, args.all_warnings)
        }
    }
}

/// Arguments of `dyad validate`.
#[derive(clap::Args, Debug)]
pub struct ValidateArgs {
    /// PETRARCH validation records (XML).
    pub records: PathBuf,
    /// Directory the dictionaries named in <Environment> are resolved against
    /// (default: the records file's directory).
    #[arg(long)]
    pub dicts_dir: Option<PathBuf>,
    /// Exit 0 even when records fail.
    #[arg(long)]
    pub report_only: bool,
    /// Print only failing records (and the summary).
    #[arg(long)]
    pub failures_only: bool,
}

fn resolve(dir: &Path, names: &[String]) -> Vec<PathBuf> {
    names.iter().map(|n| dir.join(n)).collect()
}

/// Runs `dyad validate`.
pub fn validate(args: &ValidateArgs) -> Result<ExitCode> {
    let xml = std::fs::read(&args.records)
        .with_context(|| format!("cannot read {}", args.records.display()))?;
    let xml = dyad_petrarch::decode(&xml);
    let suite =
        parse_suite(&xml).map_err(|e| anyhow::anyhow!("{}: {e}", args.records.display()))?;
    let dir = match &args.dicts_dir {
        Some(d) => d.clone(),
        None => args
            .records
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from(".")),
    };
    let env = &suite.environment;
    if env.verbs.is_empty() || env.actors.is_empty() {
        bail!("the <Environment> block names no <Verbfile> or <Actorfile>");
    }
    let files = DictFiles {
        verbs: resolve(&dir, &env.verbs),
        actors: resolve(&dir, &env.actors),
        agents: resolve(&dir, &env.agents),
        discards: resolve(&dir, &env.discards),
        issues: resolve(&dir, &env.issues),
    };
    let base = dyad_petrarch::petrarch_options();
    let mut coder = load_coder(&files, base.clone(), false)?;
    for w in &suite.warnings {
        eprintln!("dyad: warning: {w}");
    }
    let report = run_suite(&suite, &mut coder, &base);
    for w in &report.warnings {
        eprintln!("dyad: warning: {w}");
    }
    for o in &report.outcomes {
        let tag = match o.status {
            Status::Pass => "PASS",
            Status::Fail => "FAIL",
            Status::Skipped => "SKIP",
        };
        if args.failures_only && o.status != Status::Fail {
            continue;
        }
        println!(
            "{tag} {:<20} {:<10} expected: {}",
            o.id, o.category, o.expected
        );
        if o.status != Status::Skipped {
            println!("     {:<20} {:<10} actual:   {}", "", "", o.actual);
        }
    }
    println!();
    print!("{}", report.table());
    let (run, passed) = report.totals();
    let skipped = report.outcomes.len() - run;
    println!(
        "{passed} of {run} records passed ({:.1}%){}",
        if run == 0 {
            0.0
        } else {
            100.0 * passed as f64 / run as f64
        },
        if skipped > 0 {
            format!("; {skipped} not run (category not in <Include>)")
        } else {
            String::new()
        }
    );
    if passed < run && !args.report_only {
        return Ok(ExitCode::from(3));
    }
    Ok(ExitCode::SUCCESS)
}
