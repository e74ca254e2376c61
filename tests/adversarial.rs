//! Hostile input: each case gives a report that keeps every invariant, or a
//! clear error. Nothing here asserts a timing; the benchmark measures
//! linearity. The big cases run on a thread with the default 2 MiB stack,
//! so deep nesting that recursed would overflow here.

mod invariants;

use std::io::{self, Read};

use secondhand::input::{decode, jsonl::Records};
use secondhand::{analyze, Article, Error, InputFormat, Options, Report};

const FORMATS: [InputFormat; 3] = [InputFormat::Text, InputFormat::Html, InputFormat::Markdown];

/// The report on `text` read as `format`, on a thread with a 2 MiB stack;
/// panics when a report breaks an invariant or does not round-trip.
fn report(text: &str, format: InputFormat) -> Report {
    let text = text.to_string();
    let thread = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let article = Article {
                id: "hostile",
                text: &text,
                format,
                publisher: None,
                url: None,
            };
            analyze(&article, &Options::default())
        })
        .expect("thread starts");
    let report = thread
        .join()
        .expect("analysis does not panic")
        .unwrap_or_else(|e| panic!("{format:?}: {e}"));
    if let Err(broken) = invariants::check(&report) {
        panic!("{format:?}: {broken}");
    }
    if let Err(broken) = invariants::json_round_trips(&report) {
        panic!("{format:?}: {broken}");
    }
    report
}

/// The report on `text` in each format.
fn reports(text: &str) -> Vec<Report> {
    FORMATS.iter().map(|&f| report(text, f)).collect()
}

fn cues(report: &Report) -> Vec<&str> {
    report
        .attributions
        .iter()
        .map(|a| a.cue.text.as_str())
        .collect()
}

#[test]
fn empty_input_is_an_error_when_read_and_an_empty_report_when_analysed() {
    assert_eq!(
        decode(b"", "empty.txt"),
        Err(Error::Empty {
            input: "empty.txt".into()
        })
    );
    for r in reports("") {
        assert!(r.attributions.is_empty());
        assert_eq!(r.metrics.body_words, 0);
        assert_eq!(r.metrics.attributed_share, 0.0);
    }
}

#[test]
fn white_space_only_is_an_error_when_read_and_an_empty_report_when_analysed() {
    let space = " \t\n\r\n\u{a0}\u{2003}\u{3000}\n\n   ";
    assert!(matches!(
        decode(space.as_bytes(), "x"),
        Err(Error::Empty { .. })
    ));
    for r in reports(space) {
        assert!(r.attributions.is_empty());
        assert_eq!(r.metrics.body_words, 0);
    }
}

#[test]
fn a_byte_order_mark_is_kept_and_changes_nothing() {
    let plain = "The bridge is safe, the mayor said.\n";
    let bom = format!("\u{feff}{plain}");
    assert_eq!(decode(bom.as_bytes(), "x"), Ok(bom.as_str()));
    for format in FORMATS {
        let with = report(&bom, format);
        let without = report(plain, format);
        assert_eq!(cues(&with), cues(&without), "{format:?}");
        assert_eq!(cues(&with), ["said"], "{format:?}");
    }
}

#[test]
fn nul_bytes_are_a_binary_error_when_read_and_harmless_when_analysed() {
    let text = "The mayor said\0 the bridge\0 is safe.\n";
    assert_eq!(
        decode(text.as_bytes(), "n.txt"),
        Err(Error::Binary {
            input: "n.txt".into(),
            offset: 14
        })
    );
    for r in reports(text) {
        assert!(r.metrics.body_words > 0);
    }
}

#[test]
fn invalid_utf8_is_an_error_naming_the_byte_offset() {
    let mut bytes = "Officials said “fine”".as_bytes().to_vec();
    let at = bytes.len();
    bytes.extend_from_slice(b"\xe2\x80 and more");
    let err = decode(&bytes, "bad.txt").expect_err("invalid UTF-8");
    assert_eq!(
        err,
        Error::InvalidUtf8 {
            input: "bad.txt".into(),
            offset: at
        }
    );
    assert_eq!(
        err.to_string(),
        format!("bad.txt: not valid UTF-8 at byte {at}")
    );
}

#[test]
fn crlf_and_lone_cr_line_ends_split_lines_as_newlines_do() {
    let lines = [
        "The bridge is safe, the mayor said.",
        "",
        "It will reopen in May, according to the Boston Globe.",
    ];
    let lf = lines.join("\n");
    for end in ["\r\n", "\r"] {
        let text = lines.join(end);
        for format in FORMATS {
            assert_eq!(
                cues(&report(&text, format)),
                cues(&report(&lf, format)),
                "{format:?} with {end:?}"
            );
        }
    }
}

#[test]
fn a_ten_megabyte_single_line_is_analysed() {
    let sentence = "The bridge is safe, the mayor said, according to the Post. ";
    let text = sentence.repeat(10 * 1024 * 1024 / sentence.len());
    let r = report(&text, InputFormat::Text);
    assert!(r.metrics.body_words > 1_000_000);
    assert!(!r.attributions.is_empty());
}

#[test]
fn a_megabyte_of_mixed_quotation_marks_is_analysed() {
    let marks = "\"“”‘’«»'„‟‹›「」\"'`";
    let mut text = String::new();
    while text.len() < 1 << 20 {
        text.push_str(marks);
        text.push_str(" said ");
    }
    reports(&text);
}

#[test]
fn a_hundred_thousand_nested_brackets_are_analysed() {
    let n = 100_000;
    for (open, close) in [("(", ")"), ("[", "]"), ("{", "}"), ("(“[", "]”)")] {
        let text = format!(
            "{} the mayor said it was safe {}\n",
            open.repeat(n),
            close.repeat(n)
        );
        reports(&text);
    }
}

#[test]
fn a_hundred_thousand_nested_html_elements_do_not_overflow_the_stack() {
    let n = 100_000;
    for tag in ["div", "b", "blockquote", "li", "q", "table"] {
        let html = format!(
            "{}<p>The bridge is safe, the mayor said.</p>{}",
            format!("<{tag}>").repeat(n),
            format!("</{tag}>").repeat(n)
        );
        let r = report(&html, InputFormat::Html);
        assert!(r.text.contains("the mayor said"), "{tag}");
    }
    // Unclosed, and never closed.
    let html = "<div><span>".repeat(n) + "Officials told Reuters it was fine.";
    assert!(report(&html, InputFormat::Html).text.contains("Reuters"));
}

#[test]
fn a_million_saids_are_analysed() {
    let text = "said ".repeat(1_000_000);
    for r in reports(&text) {
        assert_eq!(r.metrics.body_words, 1_000_000);
    }
    let text = "said. ".repeat(1_000_000);
    reports(&text);
}

#[test]
fn right_to_left_text_emoji_and_combining_marks_in_names_keep_spans_on_boundaries() {
    let text = "محمد الأحمد said the port would close, according to Ha\u{308}aretz.\n\n\
                “It is over,” Zoe\u{301} Martі\u{301}nez 👩‍🔬 told the Times of I\u{300}ndia.\n\n\
                שרה לוי (\u{202e}reversed\u{202c}) said 🇫🇷 officials agreed.\n";
    for r in reports(text) {
        assert!(!r.attributions.is_empty(), "{:?}", cues(&r));
    }
}

#[test]
fn an_html_file_that_is_really_a_png_is_a_binary_error() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa";
    assert_eq!(
        decode(png, "photo.html"),
        Err(Error::Binary {
            input: "photo.html".into(),
            offset: 8
        })
    );
    // Without its NUL bytes it is still not text.
    let stripped: Vec<u8> = png.iter().copied().filter(|&b| b != 0).collect();
    assert!(matches!(
        decode(&stripped, "photo.html"),
        Err(Error::InvalidUtf8 { offset: 0, .. })
    ));
}

#[test]
fn the_binary_names_a_png_posing_as_html_and_goes_on() {
    let dir = std::env::temp_dir().join(format!("secondhand-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let png = dir.join("photo.html");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").expect("write");
    let good = dir.join("good.txt");
    std::fs::write(&good, "The mayor said the bridge is safe.\n").expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_secondhand"))
        .args(["report", "--format", "json-lines"])
        .arg(&png)
        .arg(&good)
        .output()
        .expect("secondhand runs");
    let _ = std::fs::remove_dir_all(&dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stdout.contains("binary"), "{stdout}");
    assert!(stdout.contains("the bridge is safe"), "{stdout}");
}

#[test]
fn markdown_with_a_hundred_thousand_nested_quotes_or_lists_is_analysed() {
    let n = 100_000;
    for prefix in ["> ", "- ", "1. ", "> - ", "* > "] {
        let text = format!("{}The bridge is safe, the mayor said.\n", prefix.repeat(n));
        report(&text, InputFormat::Markdown);
    }
    // One level more on each line.
    let mut text = String::new();
    for depth in 0..2_000 {
        text.push_str(&">".repeat(depth));
        text.push_str(" Officials said it was fine.\n");
    }
    report(&text, InputFormat::Markdown);
}

#[test]
fn a_jsonl_stream_with_broken_records_gives_one_item_a_line() {
    let stream = "{\"id\": \"a\", \"text\": \"The mayor said so.\"}\n\
                  {\"id\": \"b\", \"text\": \"Unterminated\n\
                  {\"id\": \"c\", \"url\": \"https://example.com\"}\n\
                  \n\
                  {\"id\": \"d\", \"html\": \"<p>Officials said so.</p>\"}\n";
    let items: Vec<_> = Records::new("s.jsonl", stream.as_bytes(), 1 << 20)
        .collect::<io::Result<_>>()
        .expect("a byte slice reads");
    let got: Vec<(usize, &str, bool)> = items
        .iter()
        .map(|i| (i.line, i.id.as_str(), i.article.is_ok()))
        .collect();
    assert_eq!(
        got,
        [
            (1, "a", true),
            (2, "s.jsonl:2", false),
            (3, "c", false),
            (5, "d", true)
        ]
    );
    let no_text = items[2].article.as_ref().expect_err("no text");
    assert!(no_text.to_string().contains("s.jsonl:3"), "{no_text}");
    assert!(no_text.to_string().contains("\"text\""), "{no_text}");
}

#[test]
fn a_jsonl_line_over_a_hundred_megabytes_is_an_error_read_in_bounded_memory() {
    // The line is never in memory: the reader generates it.
    let long = io::repeat(b'x').take(100 * 1024 * 1024);
    let stream = b"{\"text\": \""
        .chain(long)
        .chain(&b"\"}\n{\"id\": \"after\", \"text\": \"The mayor said so.\"}\n"[..]);
    let items: Vec<_> = Records::new("big.jsonl", io::BufReader::new(stream), 1 << 20)
        .collect::<io::Result<_>>()
        .expect("reads");
    assert_eq!(items.len(), 2);
    let err = items[0].article.as_ref().expect_err("over the limit");
    assert_eq!(
        err.to_string(),
        "big.jsonl:1: record is over the limit of 1048576 bytes"
    );
    assert_eq!((items[1].line, items[1].id.as_str()), (2, "after"));
    assert!(items[1].article.is_ok());
}
