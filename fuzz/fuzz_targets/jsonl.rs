//! Arbitrary bytes read as a JSONL stream, with a limit the first byte
//! picks (often small, so over-long lines are common): the reader ends,
//! never fails on a byte slice, and gives one item per non-blank line in
//! order, an error for each line over the limit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use secondhand::input::jsonl::Records;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, stream)) = data.split_first() else {
        return;
    };
    let max_bytes = match pick % 4 {
        0 => usize::from(pick / 4),
        1 => 64,
        _ => 1 << 20,
    };
    let mut items = Vec::new();
    for item in Records::new("fuzz.jsonl", stream, max_bytes) {
        match item {
            Ok(item) => items.push(item),
            Err(e) => panic!("reading a byte slice failed: {e}"),
        }
    }
    let mut seen = items.iter().map(|i| i.line).peekable();
    let mut previous = 0;
    for (n, line) in stream.split(|&b| b == b'\n').enumerate() {
        let number = n + 1;
        let blank = line.iter().all(u8::is_ascii_whitespace);
        let within = line.len() <= max_bytes;
        let over = line.len() > max_bytes + 1;
        let item = seen.next_if_eq(&number);
        if item.is_some() {
            assert!(number > previous, "line numbers go back at {number}");
            previous = number;
        }
        if (!blank && within) || over {
            assert!(item.is_some(), "line {number} gave no item");
        }
        if over {
            let item = items.iter().find(|i| i.line == number);
            assert!(
                item.is_some_and(|i| i.article.is_err()),
                "line {number} over the limit of {max_bytes} bytes is not an error"
            );
        }
    }
    assert!(seen.next().is_none(), "an item names a line that is not there");
    for item in &items {
        if let Ok(article) = &item.article {
            assert!(!article.text.trim().is_empty(), "line {} has empty text", item.line);
        }
    }
});
