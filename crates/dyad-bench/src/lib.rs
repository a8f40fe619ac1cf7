//! A deterministic bench corpus for dyad: wire-style JSON Lines documents
//! built from the team's example stories (`examples/stories.jsonl`) and dev
//! set (`eval/dev.jsonl`), with country names swapped for others from
//! `lexicon/actors/countries.txt`, datelines from `lexicon/actors/capitals.txt`,
//! and varied dates and lengths.
//!
//! The same sources, seed and size always give the same bytes. The corpus is
//! generated on demand (`dyad-gen --size 1G`), never committed.

use std::io::{self, Write};
use std::path::Path;

/// SplitMix64: small, fast, and the same on every platform.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `pct`/100.
    pub fn chance(&mut self, pct: usize) -> bool {
        self.below(100) < pct
    }
}

/// A country name slot in a text unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    /// The country's display name ("Turkey").
    Name(usize),
    /// Its adjective ("Turkish").
    Adj(usize),
}

/// A piece of text with country slots: literal text and slots, alternating.
#[derive(Clone, Debug, Default)]
struct Unit {
    lits: Vec<String>,
    slots: Vec<Slot>,
}

/// A country: display name and adjective.
#[derive(Clone, Debug)]
struct Country {
    name: String,
    adj: String,
}

/// Everything the generator draws from.
#[derive(Clone, Debug)]
pub struct Sources {
    bodies: Vec<Unit>,
    briefs: Vec<Unit>,
    titles: Vec<Unit>,
    countries: Vec<Country>,
    cities: Vec<String>,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec",
];

fn strip_comment(line: &str) -> &str {
    match line.find(" #") {
        Some(i) => &line[..i],
        None if line.starts_with('#') => "",
        None => line,
    }
}

/// Cuts a wire dateline ("ROME, March 4 (dyad wire) - ") off a text.
fn strip_dateline(text: &str) -> &str {
    let head = &text[..text.len().min(120)];
    for sep in [") - ", ") -- ", ") — "] {
        if let Some(p) = head.find(sep) {
            let first = text.split([',', ' ']).next().unwrap_or("");
            if first.len() >= 2 && first.chars().all(|c| !c.is_lowercase()) {
                return &text[p + sep.len()..];
            }
        }
    }
    text
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Splits `text` into a unit, turning every whole-word occurrence of a
/// country name or adjective into a slot (longest name first).
fn unit(text: &str, names: &[(String, Slot)]) -> Unit {
    let bytes = text.as_bytes();
    let mut u = Unit::default();
    let mut lit_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let at_word_start = i == 0 || !is_word_byte(bytes[i - 1]);
        if at_word_start && bytes[i].is_ascii_uppercase() {
            let hit = names.iter().find(|(n, _)| {
                text[i..].starts_with(n.as_str())
                    && bytes.get(i + n.len()).is_none_or(|&b| !is_word_byte(b))
            });
            if let Some((n, slot)) = hit {
                u.lits.push(text[lit_start..i].to_string());
                u.slots.push(*slot);
                i += n.len();
                lit_start = i;
                continue;
            }
        }
        i += 1;
    }
    u.lits.push(text[lit_start..].to_string());
    u
}

impl Sources {
    /// Reads the sources from a dyad checkout.
    pub fn from_repo(root: &Path) -> io::Result<Sources> {
        let read = |p: &str| std::fs::read_to_string(root.join(p));
        Ok(Sources::from_texts(
            &read("examples/stories.jsonl")?,
            &read("eval/dev.jsonl")?,
            &read("lexicon/actors/countries.txt")?,
            &read("lexicon/actors/capitals.txt")?,
        ))
    }

    /// Builds the sources from the four files' contents.
    pub fn from_texts(stories: &str, dev: &str, countries: &str, capitals: &str) -> Sources {
        let mut cs = Vec::new();
        for line in countries.lines().map(strip_comment) {
            let Some((code, rest)) = line.split_once(char::is_whitespace) else {
                continue;
            };
            if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
                continue;
            }
            let phrases: Vec<&str> = rest.split('|').map(str::trim).collect();
            let name = phrases[0];
            // the adjective: a one-word phrase whose plural is also listed,
            // else one with a demonym ending ("Japanese", "French")
            let one_word = |p: &&&str| !p.contains(' ') && !p.starts_with('=') && **p != name;
            let adj = phrases[1..]
                .iter()
                .find(|p| one_word(p) && phrases.iter().any(|q| q.strip_suffix('s') == Some(**p)))
                .or_else(|| {
                    phrases[1..].iter().find(|p| {
                        one_word(p)
                            && ["ese", "ish", "ch", "an", "i"]
                                .iter()
                                .any(|s| p.ends_with(s))
                    })
                });
            if let Some(adj) = adj {
                if !name.is_empty() && !name.starts_with('=') && name.is_ascii() {
                    cs.push(Country {
                        name: name.to_string(),
                        adj: adj.to_string(),
                    });
                }
            }
        }
        let mut names: Vec<(String, Slot)> = Vec::new();
        for (i, c) in cs.iter().enumerate() {
            names.push((c.name.clone(), Slot::Name(i)));
            names.push((c.adj.clone(), Slot::Adj(i)));
        }
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        names.dedup_by(|a, b| a.0 == b.0);
        let field = |v: &serde_json::Value, k: &str| -> Option<String> {
            v.get(k).and_then(|x| x.as_str()).map(str::to_string)
        };
        let mut bodies = Vec::new();
        let mut titles = Vec::new();
        for line in stories.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if let Some(t) = field(&v, "text") {
                bodies.push(unit(strip_dateline(&t), &names));
            }
            if let Some(t) = field(&v, "title") {
                titles.push(unit(&t, &names));
            }
        }
        let mut briefs = Vec::new();
        for line in dev.lines() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if let Some(t) = field(&v, "text") {
                briefs.push(unit(strip_dateline(&t), &names));
            }
        }
        let cities = capitals
            .lines()
            .map(strip_comment)
            .filter_map(|l| {
                let (code, name) = l.split_once(char::is_whitespace)?;
                let name = name.split('|').next()?.trim();
                (code.ends_with("GOV") && !name.is_empty() && name.is_ascii())
                    .then(|| name.trim_start_matches('=').to_uppercase())
            })
            .collect();
        Sources {
            bodies,
            briefs,
            titles,
            countries: cs,
            cities,
        }
    }

    /// Number of (bodies, briefs, titles, countries, cities) read.
    pub fn counts(&self) -> (usize, usize, usize, usize, usize) {
        (
            self.bodies.len(),
            self.briefs.len(),
            self.titles.len(),
            self.countries.len(),
            self.cities.len(),
        )
    }
}

/// Generates documents, one JSON line each.
pub struct Generator<'a> {
    src: &'a Sources,
    rng: Rng,
    seed: u64,
    n: u64,
    map: Vec<Option<usize>>,
    line: Vec<u8>,
    text: String,
}

impl<'a> Generator<'a> {
    /// A generator over `src` with `seed`.
    pub fn new(src: &'a Sources, seed: u64) -> Self {
        Generator {
            src,
            rng: Rng::new(seed),
            seed,
            n: 0,
            map: vec![None; src.countries.len()],
            line: Vec::new(),
            text: String::new(),
        }
    }

    fn render(&mut self, u: &Unit, out: &mut String) {
        for (k, lit) in u.lits.iter().enumerate() {
            out.push_str(lit);
            if let Some(&slot) = u.slots.get(k) {
                let orig = match slot {
                    Slot::Name(i) | Slot::Adj(i) => i,
                };
                let new = match self.map[orig] {
                    Some(n) => n,
                    None => {
                        let n = self.rng.below(self.src.countries.len());
                        self.map[orig] = Some(n);
                        n
                    }
                };
                let c = &self.src.countries[new];
                out.push_str(match slot {
                    Slot::Name(_) => &c.name,
                    Slot::Adj(_) => &c.adj,
                });
            }
        }
    }

    /// The next document as one JSON line (with its newline).
    pub fn next_line(&mut self) -> &[u8] {
        self.n += 1;
        self.map.iter_mut().for_each(|m| *m = None);
        let rng = &mut self.rng;
        let (year, month, day) = (rng.range(1990, 2025), rng.range(1, 12), rng.range(1, 28));
        // document length: mostly wire briefs, some full stories, a few long features
        let units = match rng.below(100) {
            0..=54 => rng.range(1, 3),
            55..=89 => rng.range(4, 10),
            _ => rng.range(11, 40),
        };
        let mut text = std::mem::take(&mut self.text);
        text.clear();
        if !self.src.cities.is_empty() && self.rng.chance(80) {
            let city = &self.src.cities[self.rng.below(self.src.cities.len())];
            text.push_str(city);
            text.push_str(", ");
            text.push_str(MONTHS[month - 1]);
            text.push(' ');
            text.push_str(&day.to_string());
            text.push_str(" (dyad wire) - ");
        }
        for k in 0..units {
            if k > 0 {
                text.push_str(if self.rng.chance(30) { "\n\n" } else { " " });
            }
            let pool = if self.src.bodies.is_empty()
                || (!self.src.briefs.is_empty() && self.rng.chance(80))
            {
                &self.src.briefs
            } else {
                &self.src.bodies
            };
            if pool.is_empty() {
                break;
            }
            let u = &pool[self.rng.below(pool.len())];
            self.render(u, &mut text);
        }
        let title = if !self.src.titles.is_empty() && self.rng.chance(25) {
            let mut t = String::new();
            let u = &self.src.titles[self.rng.below(self.src.titles.len())];
            self.render(u, &mut t);
            Some(t)
        } else {
            None
        };
        let line = &mut self.line;
        line.clear();
        let _ = write!(
            line,
            "{{\"id\":\"gen-{}-{:09}\",\"date\":\"{year:04}-{month:02}-{day:02}\",",
            self.seed, self.n
        );
        if let Some(t) = &title {
            line.extend_from_slice(b"\"title\":");
            let _ = serde_json::to_writer(&mut *line, t);
            line.push(b',');
        }
        line.extend_from_slice(b"\"source\":\"dyad-gen\",\"text\":");
        let _ = serde_json::to_writer(&mut *line, &text);
        line.extend_from_slice(b"}\n");
        self.text = text;
        &self.line
    }

    /// Writes documents to `out` until the next one would take the total
    /// past `size` bytes; returns (documents, bytes).
    pub fn write_to(&mut self, size: u64, out: &mut impl Write) -> io::Result<(u64, u64)> {
        let (mut docs, mut bytes) = (0u64, 0u64);
        loop {
            let line = self.next_line();
            if bytes + line.len() as u64 > size {
                return Ok((docs, bytes));
            }
            out.write_all(line)?;
            docs += 1;
            bytes += line.len() as u64;
        }
    }
}

/// Generates a corpus of at most `size` bytes in memory.
pub fn generate(src: &Sources, seed: u64, size: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(size as usize);
    let _ = Generator::new(src, seed).write_to(size, &mut out);
    out
}

/// Parses a size: `1G`, `100M`, `512K`, `1000` (bytes; binary multiples).
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let (num, mul) = match s.char_indices().last()?.1.to_ascii_uppercase() {
        'K' => (&s[..s.len() - 1], 1u64 << 10),
        'M' => (&s[..s.len() - 1], 1 << 20),
        'G' => (&s[..s.len() - 1], 1 << 30),
        'B' => (&s[..s.len() - 1], 1),
        _ => (s, 1),
    };
    let n: f64 = num.trim().parse().ok()?;
    (n >= 0.0).then_some((n * mul as f64) as u64)
}

/// The workspace root (for the default sources).
pub fn workspace_root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[cfg(test)]
mod tests {
    use super::*;

    const COUNTRIES: &str =
        "# c\nTUR    Turkey | Türkiye | Turkish | Turks\nEGY    Egypt | Egyptian | Egyptians\nFRA    France | French\n";
    const CAPITALS: &str = "TURGOV  Ankara\nEGYGOV  Cairo\n";
    const STORIES: &str = r#"{"id":"a","date":"2023-11-08","title":"Turkish, Egyptian ministers meet","text":"ANKARA, Nov 8 (dyad wire) - Turkish Foreign Minister Hakan Fidan held talks with Egypt in Ankara.\n\nTurkey said so."}"#;
    const DEV: &str =
        r#"{"id":"d","date":"2016-03-22","text":"Egypt accused Turkey of meddling."}"#;

    fn src() -> Sources {
        Sources::from_texts(STORIES, DEV, COUNTRIES, CAPITALS)
    }

    #[test]
    fn reads_sources() {
        let s = src();
        assert_eq!(s.counts(), (1, 1, 1, 3, 2));
        assert_eq!(s.briefs[0].slots, vec![Slot::Name(1), Slot::Name(0)]);
        assert_eq!(s.briefs[0].lits, vec!["", " accused ", " of meddling."]);
        assert!(s.bodies[0].lits[0].is_empty(), "dateline stripped");
    }

    #[test]
    fn same_seed_same_bytes() {
        let s = src();
        let a = generate(&s, 7, 50_000);
        assert_eq!(a, generate(&s, 7, 50_000));
        assert_ne!(a, generate(&s, 8, 50_000));
        assert!(a.len() <= 50_000 && a.len() > 40_000);
        for line in a.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let v: serde_json::Value = serde_json::from_slice(line).expect("valid JSON");
            assert!(v["text"].as_str().is_some_and(|t| !t.is_empty()));
            assert_eq!(v["date"].as_str().map(str::len), Some(10));
        }
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1G"), Some(1 << 30));
        assert_eq!(parse_size("100M"), Some(100 << 20));
        assert_eq!(parse_size("1.5k"), Some(1536));
        assert_eq!(parse_size("42"), Some(42));
        assert_eq!(parse_size("x"), None);
    }

    #[test]
    fn repo_sources_load() {
        let s = Sources::from_repo(&workspace_root()).expect("repo sources");
        let (bodies, briefs, titles, countries, cities) = s.counts();
        assert!(bodies > 0 && briefs > 0 && titles > 0 && countries > 100 && cities > 50);
    }
}
