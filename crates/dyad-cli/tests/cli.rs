//! End-to-end tests: run the `dyad` binary on files and check its output,
//! its error reports and its exit codes.

use dyad_core::EventRecord;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let p = tmp(name);
    std::fs::write(&p, bytes).expect("write temp file");
    p
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

fn run(args: &[&str]) -> Output {
    dyad().args(args).output().expect("run dyad")
}

fn records(out: &Output) -> Vec<EventRecord> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<EventRecord>(l)
                .unwrap_or_else(|e| panic!("record does not match the contract: {e}\n{l}"))
        })
        .collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

const GOOD: &str = r#"{"id": "a", "date": "2024-03-14", "text": "Israeli forces attacked Hamas fighters in Gaza on Monday."}"#;
const GOOD2: &str = r#"{"id": "b", "date": "20240314", "text": "Iranian Foreign Minister Hossein Amir-Abdollahian met Omani officials in Muscat."}"#;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn every_record_parses_as_the_contract_struct() {
    let out = run(&["code", s(&workspace().join("examples/stories.jsonl"))]);
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert!(
        recs.len() >= 10,
        "too few events on the examples: {}",
        recs.len()
    );
    for r in &recs {
        let n = r.id.rsplit(':').next().unwrap_or("");
        assert_eq!(r.id, format!("{}:{}:{}", r.doc_id, r.sentence_index, n));
        assert_eq!(r.cameo_root, r.cameo[..2]);
        assert!(r.coder.starts_with("dyad "));
        let chars: Vec<char> = r.sentence.chars().collect();
        let src: String = chars[r.source.start..r.source.end].iter().collect();
        assert_eq!(src, r.source.text);
        assert!(r.target.is_some());
    }
    // the contract rejects unknown or missing fields
    let mut v: serde_json::Value = serde_json::to_value(&recs[0]).expect("serialise");
    v["surprise"] = serde_json::json!(1);
    assert!(serde_json::from_value::<EventRecord>(v).is_err());
    let mut w: serde_json::Value = serde_json::to_value(&recs[0]).expect("serialise");
    if let Some(o) = w.as_object_mut() {
        o.remove("cameo");
    }
    assert!(serde_json::from_value::<EventRecord>(w).is_err());
}

#[test]
fn malformed_json_line_is_reported_and_others_are_coded() {
    let p = write(
        "malformed.jsonl",
        format!("{GOOD}\n{{\"id\": \"x\", \"date\": \n{GOOD2}\n").as_bytes(),
    );
    let out = run(&["code", s(&p)]);
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("malformed.jsonl:2") && err.contains("malformed JSON"),
        "{err}"
    );
    let docs: Vec<String> = records(&out).into_iter().map(|r| r.doc_id).collect();
    assert!(
        docs.contains(&"a".to_string()) && docs.contains(&"b".to_string()),
        "{docs:?}"
    );
    assert!(err.contains("3 documents (2 coded, 1 skipped"), "{err}");
}

#[test]
fn invalid_utf8_line_is_reported_and_others_are_coded() {
    let mut bytes = format!("{GOOD}\n").into_bytes();
    bytes.extend_from_slice(
        b"{\"id\": \"bad\", \"date\": \"2024-03-14\", \"text\": \"caf\xff\xfe\"}\n",
    );
    bytes.extend_from_slice(format!("{GOOD2}\n").as_bytes());
    let p = write("utf8.jsonl", &bytes);
    let out = run(&["code", s(&p)]);
    let err = stderr(&out);
    assert!(
        err.contains("utf8.jsonl:2") && err.contains("invalid UTF-8"),
        "{err}"
    );
    let recs = records(&out);
    assert!(
        recs.iter().any(|r| r.doc_id == "a") && recs.iter().any(|r| r.doc_id == "b"),
        "{recs:?}"
    );
    // a plain-text file with invalid UTF-8 is skipped, not fatal
    let t = write("bad.txt", b"Iran attacked \xff Israel.");
    let out = run(&["code", s(&t), "--date", "2024-03-14"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("invalid UTF-8"));
}

#[test]
fn missing_and_invalid_dates() {
    let p = write(
        "dates.jsonl",
        format!(
            "{{\"id\": \"nodate\", \"text\": \"Israeli forces attacked Hamas fighters.\"}}\n\
             {{\"id\": \"baddate\", \"date\": \"14/03/2024\", \"text\": \"Israeli forces attacked Hamas fighters.\"}}\n{GOOD}\n"
        )
        .as_bytes(),
    );
    let out = run(&["code", s(&p)]);
    let err = stderr(&out);
    assert!(
        err.contains("missing date") && err.contains("nodate"),
        "{err}"
    );
    assert!(
        err.contains("invalid date") && err.contains("14/03/2024"),
        "{err}"
    );
    // --date supplies a default for the missing one only
    let out = run(&["code", s(&p), "--date", "2020-01-01"]);
    let recs = records(&out);
    assert!(
        recs.iter()
            .any(|r| r.doc_id == "nodate" && r.date == "2020-01-01"),
        "{recs:?}"
    );
    assert!(!recs.iter().any(|r| r.doc_id == "baddate"));
    // plain text needs --date
    let t = write("plain.txt", b"Israeli forces attacked Hamas fighters.");
    let out = run(&["code", s(&t)]);
    assert!(stderr(&out).contains("needs --date"));
}

#[test]
fn empty_text_is_skipped_with_a_reason() {
    let p = write(
        "empty.jsonl",
        format!("{{\"id\": \"e\", \"date\": \"2024-03-14\", \"text\": \"   \"}}\n{GOOD}\n")
            .as_bytes(),
    );
    let out = run(&["code", s(&p)]);
    assert!(stderr(&out).contains("empty text"));
    assert!(records(&out).iter().any(|r| r.doc_id == "a"));
    let e = write("empty.txt", b"");
    let out = run(&["code", s(&e), "--date", "2024-03-14"]);
    assert!(stderr(&out).contains("empty text"));
}

#[test]
fn strict_turns_skips_into_exit_status_3() {
    let p = write("strict.jsonl", format!("{GOOD}\nnot json\n").as_bytes());
    assert_eq!(run(&["code", s(&p)]).status.code(), Some(0));
    assert_eq!(run(&["code", "--strict", s(&p)]).status.code(), Some(3));
    let ok = write("strict-ok.jsonl", format!("{GOOD}\n").as_bytes());
    assert_eq!(run(&["code", "--strict", s(&ok)]).status.code(), Some(0));
}

#[test]
fn control_characters_and_html_entities() {
    let p = write(
        "entities.jsonl",
        b"{\"id\": \"c\", \"date\": \"2024-03-14\", \"text\": \"Israeli\\u0000 forces\\u0007 attacked Hamas fighters &amp; militants. \\u001bThe &quot;army&quot; said.\"}\n",
    );
    let out = run(&["code", s(&p)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    assert!(!recs.is_empty(), "nothing coded");
    for r in &recs {
        assert!(
            !r.sentence.chars().any(|c| c.is_control()),
            "{:?}",
            r.sentence
        );
        assert!(!r.sentence.contains("&amp;"));
    }
}

#[test]
fn ten_megabyte_document_is_coded() {
    let sentence = "Israeli forces attacked Hamas fighters in Gaza on Monday, the army said. ";
    let text: String = sentence.repeat(10 * 1024 * 1024 / sentence.len());
    let doc = serde_json::json!({"id": "big", "date": "2024-03-14", "text": text});
    let p = write("big.jsonl", format!("{doc}\n").as_bytes());
    let out = run(&["code", s(&p), "--format", "tsv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = String::from_utf8_lossy(&out.stdout).lines().count();
    assert!(lines > 100_000, "only {lines} lines");
    // no punctuation at all: cut into pieces, still coded
    let words = "Israeli forces attacked Hamas fighters in Gaza ".repeat(200_000);
    let doc = serde_json::json!({"id": "nopunct", "date": "2024-03-14", "text": words});
    let p = write("nopunct.jsonl", format!("{doc}\n").as_bytes());
    let out = run(&["code", s(&p)]);
    assert!(out.status.success());
}

#[test]
fn plain_text_directories_and_stdin() {
    let dir = tmp("tree");
    std::fs::create_dir_all(dir.join("sub")).expect("mkdir");
    std::fs::write(
        dir.join("one.txt"),
        "Israeli forces attacked Hamas fighters.",
    )
    .expect("write");
    std::fs::write(
        dir.join("sub/two.txt"),
        "Iranian officials met Omani officials in Muscat.",
    )
    .expect("write");
    let out = run(&["code", s(&dir), "--date", "2024-03-14"]);
    let docs: Vec<String> = records(&out).into_iter().map(|r| r.doc_id).collect();
    assert!(
        docs.contains(&"one.txt".to_string()) && docs.contains(&"two.txt".to_string()),
        "{docs:?}"
    );
    let mut child = dyad()
        .args(["code", "-", "--input-format", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(format!("{GOOD}\n").as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait");
    assert!(records(&out).iter().any(|r| r.doc_id == "a"));
}

#[test]
fn tsv_has_a_header_and_flat_columns() {
    let p = write("tsv.jsonl", format!("{GOOD}\n").as_bytes());
    let out = run(&["code", s(&p), "--format", "tsv"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    assert_eq!(
        &header[..4],
        &["date", "source_code", "target_code", "cameo"]
    );
    let mut n = 0;
    for l in lines {
        assert_eq!(l.split('\t').count(), header.len());
        n += 1;
    }
    assert!(n > 0, "no rows");
}

#[test]
fn output_file_and_summary() {
    let p = write("o.jsonl", format!("{GOOD}\n{GOOD2}\n").as_bytes());
    let o = tmp("out.jsonl");
    let out = run(&["code", s(&p), "-o", s(&o)]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("2 documents") && err.contains("sentences") && err.contains("events in"),
        "{err}"
    );
    assert!(!std::fs::read_to_string(&o).unwrap_or_default().is_empty());
}

#[test]
fn same_output_for_any_thread_count() {
    let input = workspace().join("examples/stories.jsonl");
    let one = run(&["code", s(&input), "--threads", "1"]);
    let four = run(&["code", s(&input), "--threads", "4"]);
    assert!(one.status.success() && four.status.success());
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, four.stdout);
}

/// More documents than one parallel batch (256), with skips and discards
/// mixed in: the output and the summary are the same for any thread count,
/// byte for byte, and in input order.
#[test]
fn same_output_for_any_thread_count_across_batches() {
    let dev = std::fs::read_to_string(workspace().join("eval/dev.jsonl")).expect("dev set");
    let stories =
        std::fs::read_to_string(workspace().join("examples/stories.jsonl")).expect("stories");
    let mut input = String::new();
    for (k, line) in dev.lines().chain(stories.lines()).enumerate() {
        input.push_str(line);
        input.push('\n');
        if k % 97 == 0 {
            input.push_str("{\"id\":\"bad\",\"date\":\"nope\",\"text\":\"x\"}\nnot json\n");
        }
    }
    let p = write("batches.jsonl", input.as_bytes());
    let outs: Vec<Output> = ["1", "2", "4"]
        .iter()
        .map(|t| run(&["code", s(&p), "--threads", t]))
        .collect();
    assert!(outs.iter().all(|o| o.status.success()));
    assert!(!outs[0].stdout.is_empty());
    let summary = |o: &Output| -> String {
        let e = stderr(o);
        let mut lines: Vec<String> = e.lines().map(|l| l.to_string()).collect();
        // the last line ends with the run time
        if let Some(last) = lines.last_mut() {
            *last = last
                .rsplit_once(" in ")
                .map(|(a, _)| a.to_string())
                .unwrap_or_default();
        }
        lines.join("\n")
    };
    for o in &outs[1..] {
        assert_eq!(outs[0].stdout, o.stdout);
        assert_eq!(summary(&outs[0]), summary(o));
    }
    let ids: Vec<String> = records(&outs[0]).into_iter().map(|r| r.doc_id).collect();
    let mut order: Vec<&str> = Vec::new();
    for id in &ids {
        if order.last() != Some(&id.as_str()) {
            order.push(id);
        }
    }
    let pos = |id: &str| {
        input
            .find(&format!("\"id\": \"{id}\""))
            .or_else(|| input.find(&format!("\"id\":\"{id}\"")))
    };
    let positions: Vec<usize> = order.iter().filter_map(|id| pos(id)).collect();
    assert_eq!(positions.len(), order.len(), "every doc_id is an input id");
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "records in input order"
    );
}

#[test]
fn examples_against_gold() {
    let ws = workspace();
    let out = run(&[
        "eval",
        "--gold",
        s(&ws.join("examples/gold.jsonl")),
        "--input",
        s(&ws.join("examples/stories.jsonl")),
        "--min-f1",
        "0.80",
        "--min-triple-f1",
        "0.77",
    ]);
    println!("{}", String::from_utf8_lossy(&out.stdout));
    assert!(
        out.status.success(),
        "examples below the floor:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        stderr(&out)
    );
}

/// The founding story, read from ../shared when present (never copied into the repo).
#[test]
fn founding_story() {
    let path = workspace().join("../shared/seed/article.txt");
    if !path.exists() {
        println!("skipped: {} is not present", path.display());
        return;
    }
    let out = run(&["code", s(&path), "--date", "2024-03-14"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let recs = records(&out);
    let has = |src: &str, tgt: &str, plover: &[&str], date: Option<&str>| {
        recs.iter().any(|r| {
            r.source.code.starts_with(src)
                && r.target.as_ref().is_some_and(|t| t.code.starts_with(tgt))
                && r.plover.as_deref().is_some_and(|p| plover.contains(&p))
                && date.is_none_or(|d| r.date.starts_with(d))
        })
    };
    let summary: Vec<String> = recs
        .iter()
        .map(|r| {
            format!(
                "{} {} {} {} {}",
                r.source.code,
                r.cameo,
                r.target.as_ref().map(|t| t.code.as_str()).unwrap_or("-"),
                r.date,
                r.evidence.trigger.text
            )
        })
        .collect();
    let all = summary.join("\n");
    assert!(
        has("USA", "IRN", &["CONSULT"], Some("2024-01")),
        "secret talks of January 2024:\n{all}"
    );
    assert!(
        has("IRN", "USA", &["CONSULT"], Some("2024-01")),
        "secret talks of January 2024:\n{all}"
    );
    assert!(
        recs.iter()
            .any(|r| r.source.code.starts_with("OMN") && r.cameo.starts_with("04")),
        "Oman mediating:\n{all}"
    );
    assert!(
        has("USA", "IRN", &["CONSULT"], Some("2023-05")),
        "proximity talks of May 2023:\n{all}"
    );
    assert!(
        has("IRN", "IRQ", &["CONSULT"], Some("2024-02")),
        "the visit to Baghdad:\n{all}"
    );
    assert!(
        has("YEM", "ISR", &["ASSAULT", "COERCE"], None),
        "Houthi attacks on Israel-linked ships:\n{all}"
    );
    assert!(
        has("USA", "YEM", &["ASSAULT"], None) && has("GBR", "YEM", &["ASSAULT"], None),
        "US and British strikes:\n{all}"
    );
    assert!(
        !has("USA", "IRN", &["ASSAULT"], None) && !has("IRN", "USA", &["ASSAULT"], None),
        "no US-Iran assault:\n{all}"
    );
    assert!(
        !recs.iter().any(|r| r.sentence.contains("cannot dictate")),
        "an event from a modal sentence:\n{all}"
    );
}

/// The dev set: floors a little below what dyad reaches (README, "Accuracy").
#[test]
fn dev_set_against_gold() {
    let ws = workspace();
    let out = run(&[
        "eval",
        "--gold",
        s(&ws.join("eval/dev.jsonl")),
        "--min-f1",
        "0.84",
        "--min-triple-f1",
        "0.80",
        "--max-negative-rate",
        "0.06",
    ]);
    println!("{}", String::from_utf8_lossy(&out.stdout));
    assert!(
        out.status.success(),
        "dev set below the floor:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        stderr(&out)
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for e in std::fs::read_dir(from).expect("read dir").flatten() {
        let p = e.path();
        let dest = to.join(e.file_name());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).expect("copy file");
        }
    }
}

/// `--lexicon DIR` codes with a lexicon read at run time: an unchanged copy
/// of lexicon/ gives the built-in output byte for byte, and a line added to
/// the copy takes effect without rebuilding.
#[test]
fn lexicon_directory_at_run_time() {
    let dir = tmp("lexicon-copy");
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&workspace().join("lexicon"), &dir);
    let input = workspace().join("examples/stories.jsonl");
    let builtin = run(&["code", s(&input)]);
    let copied = run(&["code", s(&input), "--lexicon", s(&dir)]);
    assert!(copied.status.success(), "{}", stderr(&copied));
    assert_eq!(builtin.stdout, copied.stdout);

    let doc = write(
        "zorble.jsonl",
        br#"{"id": "z", "date": "2024-03-14", "text": "Chile zorbled Peru on Monday."}"#,
    );
    assert!(records(&run(&["code", s(&doc)])).is_empty());
    std::fs::write(
        dir.join("verbs/99_local.txt"),
        "172  zorble   # a made-up verb\n",
    )
    .expect("write pattern");
    let out = run(&["code", s(&doc), "--lexicon", s(&dir)]);
    let recs = records(&out);
    assert_eq!(recs.len(), 1, "{}", stderr(&out));
    assert_eq!(recs[0].source.code, "CHL");
    assert_eq!(
        recs[0].target.as_ref().map(|t| t.code.as_str()),
        Some("PER")
    );
    assert_eq!(recs[0].cameo, "172");
    let explain = run(&[
        "lexicon",
        "explain",
        "Chile zorbled Peru.",
        "--lexicon",
        s(&dir),
    ]);
    assert!(String::from_utf8_lossy(&explain.stdout).contains("verbs/99_local.txt:1"));

    let missing = run(&["code", s(&doc), "--lexicon", s(&tmp("no-such-dir"))]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("cannot load the lexicon"),
        "{}",
        stderr(&missing)
    );
}

/// `dyad eval` scores PETRARCH validation records (XML) coded with PETRARCH
/// dictionaries: here the team's own invented test dictionaries.
#[test]
fn eval_reads_petrarch_validation_records() {
    let data = workspace().join("crates/dyad-petrarch/tests/data");
    let xml = write(
        "records.xml",
        br#"<Validation>
<Environment><Verbfile>verbs.txt</Verbfile><Actorfile>actors.txt</Actorfile></Environment>
<Sentences>
<Sentence date="19950101" id="T-1" category="DEMO">
<EventCoding sourcecode="VLD" targetcode="KST" eventcode="043"></EventCoding>
<Text>Valdoria greeted Kestrel Islands warmly.</Text>
</Sentence>
<Sentence date="19950101" id="T-2" category="DEMO">
<EventCoding noevents="True"></EventCoding>
<Text>The cup final was a draw.</Text>
</Sentence>
<Sentence date="19950101" id="T-3" category="DEMO">
<EventCoding error="storydiscard"></EventCoding>
<Text>Not scored.</Text>
</Sentence>
</Sentences>
</Validation>"#,
    );
    let dict = |f: &str| data.join(f).to_string_lossy().into_owned();
    let args = [
        "eval",
        "--gold",
        s(&xml),
        "--dict",
        "petrarch",
        "--verbs",
        &dict("verbs.txt"),
        "--actors",
        &dict("actors.txt"),
        "--agents",
        &dict("agents.txt"),
        "--min-f1",
        "0.99",
    ];
    let out = run(&args);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{report}\n{}", stderr(&out));
    assert!(report.contains("documents: 2"), "{report}");
    assert!(report.contains("(tp 1, coded 1, gold 1)"), "{report}");
    assert!(report.contains("must-not-code documents: 1, events coded on them: 0"));
}

/// The held-out set (written without sight of the dev set or the lexicon):
/// a floor against regressions on wording the lexicon was not written for.
#[test]
fn heldout_set_against_gold() {
    let out = run(&[
        "eval",
        "--gold",
        s(&workspace().join("eval/heldout.jsonl")),
        "--min-f1",
        "0.55",
        "--min-triple-f1",
        "0.49",
        "--max-negative-rate",
        "0.1",
    ]);
    println!("{}", String::from_utf8_lossy(&out.stdout));
    assert!(
        out.status.success(),
        "held-out set below the floor:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        stderr(&out)
    );
}
