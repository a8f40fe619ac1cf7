//! Per-stage benchmarks on 1 MB of the generated bench corpus (`dyad-gen`,
//! seed 1): normalisation, tokenisation, segmentation, analysis, mention
//! finding (lexicon lookup), whole-document coding, and lexicon loading.
//!
//! ```sh
//! cargo bench -p dyad-core --bench stages            # all stages
//! cargo bench -p dyad-core --bench stages -- mentions # one stage
//! ```
//!
//! Throughput is reported in sentences (or bytes) per second for one core.

use chrono::NaiveDate;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use dyad_core::analysis::{analyze, mentions, Analysis};
use dyad_core::text::{normalize, segment, tokenize, Token};
use dyad_core::{Coder, Document, Options};

/// Corpus size for the stage benches.
const SIZE: u64 = 1 << 20;

fn documents() -> Vec<Document> {
    let src = dyad_bench::Sources::from_repo(&dyad_bench::workspace_root())
        .expect("bench sources (examples/, eval/, lexicon/)");
    let bytes = dyad_bench::generate(&src, 1, SIZE);
    bytes
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_slice(l).expect("generated JSON");
            let s = |k: &str| v[k].as_str().map(str::to_string);
            Document {
                id: s("id").unwrap_or_default(),
                date: NaiveDate::parse_from_str(&s("date").unwrap_or_default(), "%Y-%m-%d")
                    .expect("generated date"),
                text: s("text").unwrap_or_default(),
                title: s("title"),
            }
        })
        .collect()
}

/// Sentences as the coder cuts them: (text, tokens relative to it, story date).
fn sentences(docs: &[Document]) -> Vec<(String, Vec<Token>, NaiveDate)> {
    let mut out = Vec::new();
    for d in docs {
        let text = normalize(&d.text);
        let toks = tokenize(&text);
        for r in segment(&text, &toks) {
            let (sent, rel) = dyad_core::text::sentence(&text, &toks, r);
            out.push((sent.to_string(), rel, d.date));
        }
    }
    out
}

fn stages(c: &mut Criterion) {
    let docs = documents();
    let bytes: u64 = docs.iter().map(|d| d.text.len() as u64).sum();
    let normalized: Vec<String> = docs.iter().map(|d| normalize(&d.text)).collect();
    let tokenized: Vec<Vec<Token>> = normalized.iter().map(|t| tokenize(t)).collect();
    let sents = sentences(&docs);
    let n = sents.len() as u64;
    let coder = Coder::builtin(Options::default()).expect("built-in lexicon");
    let analyses: Vec<Analysis> = sents
        .iter()
        .map(|(s, t, d)| analyze(s, t, &coder.lex, *d))
        .collect();

    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("normalize", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(normalize(black_box(&d.text)));
            }
        })
    });
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            for t in &normalized {
                black_box(tokenize(black_box(t)));
            }
        })
    });
    g.throughput(Throughput::Elements(n));
    g.bench_function("segment", |b| {
        b.iter(|| {
            for (t, toks) in normalized.iter().zip(&tokenized) {
                black_box(segment(black_box(t), toks));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("sentences");
    g.throughput(Throughput::Elements(n));
    g.bench_function("mentions", |b| {
        b.iter(|| {
            for ((s, _, _), a) in sents.iter().zip(&analyses) {
                black_box(mentions::find(&a.toks, s, &coder.lex));
            }
        })
    });
    g.bench_function("analyze", |b| {
        b.iter(|| {
            for (s, t, d) in &sents {
                black_box(analyze(s, t, &coder.lex, *d));
            }
        })
    });
    g.bench_function("code", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(coder.code(d));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("lexicon");
    g.sample_size(10);
    g.bench_function("load", |b| {
        b.iter(|| black_box(dyad_core::lexicon::builtin::load()))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
