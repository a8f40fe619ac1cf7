//! Output writers: JSON Lines (the EventRecord contract) and TSV.

use dyad_core::EventRecord;
use std::io::Write;

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// One EventRecord JSON object per line.
    Jsonl,
    /// Tab-separated, Phoenix-style column order, with a header row.
    Tsv,
}

/// TSV columns, in order.
pub const TSV_COLUMNS: &[&str] = &[
    "date",
    "source_code",
    "target_code",
    "cameo",
    "cameo_root",
    "quad_class",
    "goldstein",
    "plover",
    "doc_id",
    "sentence_index",
    "id",
    "date_precision",
    "source_country",
    "source_sector",
    "source_name",
    "source_text",
    "target_country",
    "target_sector",
    "target_name",
    "target_text",
    "negated",
    "trigger",
    "rule",
    "sentence",
    "coder",
];

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// Writes records in the chosen format.
pub struct Writer<W: Write> {
    out: W,
    format: OutputFormat,
    header_done: bool,
    /// One record, serialised before a single write to `out`.
    buf: Vec<u8>,
}

impl<W: Write> Writer<W> {
    /// A writer to `out`.
    pub fn new(out: W, format: OutputFormat) -> Self {
        Writer {
            out,
            format,
            header_done: false,
            buf: Vec::with_capacity(4096),
        }
    }

    /// Writes the TSV header if it has not been written yet.
    pub fn header(&mut self) -> std::io::Result<()> {
        if self.format == OutputFormat::Tsv && !self.header_done {
            writeln!(self.out, "{}", TSV_COLUMNS.join("\t"))?;
        }
        self.header_done = true;
        Ok(())
    }

    /// Writes one record.
    pub fn write(&mut self, r: &EventRecord) -> std::io::Result<()> {
        self.header()?;
        match self.format {
            OutputFormat::Jsonl => {
                self.buf.clear();
                serde_json::to_writer(&mut self.buf, r)?;
                self.buf.push(b'\n');
                self.out.write_all(&self.buf)
            }
            OutputFormat::Tsv => {
                let opt = |s: &Option<String>| s.as_deref().map(clean).unwrap_or_default();
                let t = r.target.as_ref();
                let cols = [
                    r.date.clone(),
                    r.source.code.clone(),
                    t.map(|t| t.code.clone()).unwrap_or_default(),
                    r.cameo.clone(),
                    r.cameo_root.clone(),
                    r.quad_class.to_string(),
                    format!("{:.1}", r.goldstein),
                    opt(&r.plover),
                    clean(&r.doc_id),
                    r.sentence_index.to_string(),
                    clean(&r.id),
                    serde_json::to_value(r.date_precision)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    opt(&r.source.country),
                    opt(&r.source.sector),
                    opt(&r.source.name),
                    clean(&r.source.text),
                    t.map(|t| opt(&t.country)).unwrap_or_default(),
                    t.map(|t| opt(&t.sector)).unwrap_or_default(),
                    t.map(|t| opt(&t.name)).unwrap_or_default(),
                    t.map(|t| clean(&t.text)).unwrap_or_default(),
                    r.negated.to_string(),
                    clean(&r.evidence.trigger.text),
                    clean(&r.evidence.rule),
                    clean(&r.sentence),
                    clean(&r.coder),
                ];
                writeln!(self.out, "{}", cols.join("\t"))
            }
        }
    }

    /// Flushes.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}
