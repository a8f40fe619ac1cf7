//! Writes TABARI/PETRARCH dictionaries of production size (CAMEO.2.0-like
//! verbs with ~15,000 patterns, Phoenix-like actors with ~50,000 lines,
//! agents and discards) from invented words, following the formats.
//! Shared by `examples/gen_production.rs` and the `production_size` test.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Sizes of a generated set.
#[derive(Clone, Copy, Debug)]
pub struct Sizes {
    /// Verb blocks.
    pub blocks: usize,
    /// Verbs per block.
    pub verbs_per_block: usize,
    /// Patterns per block.
    pub patterns_per_block: usize,
    /// Synsets.
    pub synsets: usize,
    /// Actor entries (each about 5 lines).
    pub actors: usize,
    /// Agent lines.
    pub agents: usize,
    /// Discard lines.
    pub discards: usize,
}

/// CAMEO.2.0 / Phoenix sizes: 15,000 patterns, ~50,000 actor lines.
pub const PRODUCTION: Sizes = Sizes {
    blocks: 300,
    verbs_per_block: 4,
    patterns_per_block: 50,
    synsets: 120,
    actors: 10_700,
    agents: 1_500,
    discards: 400,
};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SYL: &[&str] = &[
    "ka", "lo", "mir", "ten", "va", "dor", "shi", "ru", "pel", "an", "zo", "gri", "bel", "tor",
    "nu", "qua", "sel", "ven", "ox", "lim",
];

fn word(r: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| SYL[r.below(SYL.len())])
        .collect::<String>()
        .to_uppercase()
}

/// Writes verbs.txt, actors.txt, agents.txt, discards.txt into `dir`;
/// returns their paths (verbs, actors, agents, discards).
pub fn write_set(dir: &Path, sizes: Sizes) -> std::io::Result<[PathBuf; 4]> {
    std::fs::create_dir_all(dir)?;
    let mut r = Rng(0x5eed);
    // ---- verbs
    let mut v = String::from("<!-- generated verb dictionary -->\n<!-- SYNSETS -->\n");
    for s in 0..sizes.synsets {
        let _ = writeln!(v, "&SYN{s}{}", if s % 7 == 0 { "_" } else { "" });
        if s > 0 && s % 5 == 0 {
            let _ = writeln!(v, "+&SYN{}", s - 1);
        }
        for _ in 0..(4 + r.below(12)) {
            let n = 2 + r.below(2);
            let w = word(&mut r, n);
            if r.below(4) == 0 {
                let _ = writeln!(v, "+{w}_{}", word(&mut r, 2));
            } else {
                let _ = writeln!(v, "+{w}");
            }
        }
        v.push('\n');
    }
    let mut patterns = 0;
    for b in 0..sizes.blocks {
        let code = format!("{:02}{}", 1 + b % 20, b % 10);
        let _ = writeln!(v, "--- {} [{code}] ---", word(&mut r, 3));
        for k in 0..sizes.verbs_per_block {
            let n = 2 + r.below(2);
            let w = word(&mut r, n);
            match k % 4 {
                0 => {
                    let _ = writeln!(v, "{w}  # pas {b}");
                }
                1 => {
                    let _ = writeln!(v, "{w} {{{w}T {w}TEN}}");
                }
                2 => {
                    let _ = writeln!(v, "+{w}_OFF {{+{w}S_OFF +{w}ING_OFF}} [{code}1]");
                }
                _ => {
                    let _ = writeln!(v, "{}_+{w} [---]", word(&mut r, 2));
                }
            }
        }
        for p in 0..sizes.patterns_per_block {
            let w1 = word(&mut r, 2);
            let w2 = word(&mut r, 3);
            let syn = r.below(sizes.synsets.max(1));
            let c = match p % 9 {
                0 => "---".to_string(),
                1 => format!("{code}:{code}"),
                _ => format!("{code}{}", p % 10),
            };
            let body = match p % 8 {
                0 => format!("* {w1} [{c}]"),
                1 => format!("$ * + {w1}_{w2} [{c}]"),
                2 => format!("{w1} * &SYN{syn} [{c}]"),
                3 => format!("* ^ {w1} + [{c}]"),
                4 => format!("% * {w1} [{c}]"),
                5 => format!("{w1}_* {w2}_ [{c}]"),
                6 => format!("* {{{w1} {w2}}} (WITH +) [{c}]"),
                _ => format!("+ {w1} * {w2} $ [{c}]"),
            };
            let _ = writeln!(v, "- {body}  # {p}");
            patterns += 1;
        }
        v.push('\n');
    }
    let _ = writeln!(v, "<!-- {patterns} patterns -->");
    // ---- actors (Phoenix-like: countries, people with dated roles)
    let mut a = String::from("<!-- generated actor dictionary -->\n");
    for i in 0..sizes.actors {
        let name = format!("{}_{}", word(&mut r, 2), word(&mut r, 3));
        let cc = word(&mut r, 2);
        let cc = &cc[..3.min(cc.len())];
        match i % 3 {
            0 => {
                let _ = writeln!(a, "{name}_ [{cc}]  ; country {i}");
                for _ in 0..4 {
                    let _ = writeln!(a, "+{}_", word(&mut r, 3));
                }
            }
            1 => {
                let _ = writeln!(a, "{name}_  # person {i}");
                let _ = writeln!(a, "+{}_", word(&mut r, 3));
                let _ = writeln!(
                    a,
                    "\t[{cc}GOV 19{:02}0101-20{:02}1231]",
                    60 + i % 30,
                    i % 20
                );
                let _ = writeln!(a, "\t[{cc}ELI >{:02}0101]", i % 20);
                let _ = writeln!(a, "\t[{cc}REB <{:02}1231]", 60 + i % 30);
            }
            _ => {
                let _ = writeln!(a, "{name}");
                let _ = writeln!(a, "+{}", word(&mut r, 2));
                let _ = writeln!(a, "+{}_{}", word(&mut r, 2), word(&mut r, 2));
                let _ = writeln!(a, "\t[{cc}]");
            }
        }
    }
    // ---- agents
    let mut g = String::from("!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n");
    for i in 0..sizes.agents {
        let w = word(&mut r, 3);
        let _ = match i % 5 {
            0 => writeln!(g, "{w} [~GOV] # {i}"),
            1 => writeln!(g, "{w}_{} {{}} [~MIL]", word(&mut r, 2)),
            2 => writeln!(g, "{w} {{{w}ES}} [~COP]"),
            3 => writeln!(g, "{w}!PERSON! [~LEG]"),
            _ => writeln!(g, "{w} [NGO~]"),
        };
    }
    // ---- discards
    let mut d = String::from("# generated discards\n");
    for i in 0..sizes.discards {
        let w = word(&mut r, 3);
        let _ = match i % 3 {
            0 => writeln!(d, "+{w}"),
            1 => writeln!(d, "{w} {}_", word(&mut r, 2)),
            _ => writeln!(d, "{w}"),
        };
    }
    let paths = [
        dir.join("verbs.txt"),
        dir.join("actors.txt"),
        dir.join("agents.txt"),
        dir.join("discards.txt"),
    ];
    for (p, text) in paths.iter().zip([v, a, g, d]) {
        std::fs::write(p, text)?;
    }
    Ok(paths)
}
