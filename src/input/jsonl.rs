//! JSONL records: `{"id": "...", "text": "..."}` one a line, with optional
//! `html`, `url` and `publisher`.

use std::io::{self, BufRead, Read};

use serde::Deserialize;

use super::InputFormat;
use crate::error::Error;

/// One JSONL record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct Record {
    #[serde(default, deserialize_with = "id_string")]
    pub id: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub html: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
}

/// Accepts string or number ids.
fn id_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let v = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match v {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(other) => Some(other.to_string()),
    })
}

/// One record of a JSONL stream: its 1-based line number, its id (the
/// record's `id`, else `name:line`) and its article, or the error that kept
/// the line from being one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordItem {
    pub line: usize,
    pub id: String,
    pub article: Result<RecordArticle, Error>,
}

/// The article a record carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordArticle {
    pub text: String,
    pub format: InputFormat,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

/// The line buffer is reused from line to line up to this capacity; a
/// longer line's buffer is given back once the line is parsed.
const KEEP_LINE_BYTES: usize = 1 << 20;

/// Reads JSONL records one line at a time, in bounded memory: a line is
/// never held beyond `max_bytes` (the rest of an over-long line is skipped
/// and the record is an error). Every non-blank line gives exactly one
/// item, good or bad, so that nothing is dropped; blank lines are skipped.
/// Only a failure to read the stream itself ends it, as an `Err`.
pub struct Records<R> {
    name: String,
    reader: R,
    max_bytes: usize,
    line: usize,
    buf: Vec<u8>,
    done: bool,
    lossy: bool,
}

impl<R: BufRead> Records<R> {
    /// `name` names the stream in ids and errors (a path, `<stdin>`).
    pub fn new(name: &str, reader: R, max_bytes: usize) -> Records<R> {
        Records {
            name: name.to_string(),
            reader,
            max_bytes,
            line: 0,
            buf: Vec::new(),
            done: false,
            lossy: false,
        }
    }

    /// With `true`, invalid UTF-8 in a line is replaced with U+FFFD before
    /// the line is parsed, instead of making the record an error.
    pub fn lossy(mut self, lossy: bool) -> Records<R> {
        self.lossy = lossy;
        self
    }

    fn next_item(&mut self) -> io::Result<Option<RecordItem>> {
        loop {
            self.buf.clear();
            let limit = (self.max_bytes as u64).saturating_add(2);
            let n = (&mut self.reader)
                .take(limit)
                .read_until(b'\n', &mut self.buf)?;
            if n == 0 {
                return Ok(None);
            }
            self.line += 1;
            if !self.buf.ends_with(b"\n") && self.buf.len() > self.max_bytes {
                self.skip_rest_of_line()?;
                let message = format!("record is over the limit of {} bytes", self.max_bytes);
                return Ok(Some(self.bad(self.fallback_id(), message)));
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let item = self.record();
            if self.buf.capacity() > KEEP_LINE_BYTES {
                // The record owns its text now: a long line's buffer is not
                // kept for the next line, or it would stay allocated while
                // the record is analysed and rendered.
                self.buf = Vec::new();
            }
            return Ok(Some(item));
        }
    }

    fn skip_rest_of_line(&mut self) -> io::Result<()> {
        loop {
            let (done, used) = {
                let avail = self.reader.fill_buf()?;
                match avail.iter().position(|&b| b == b'\n') {
                    Some(i) => (true, i + 1),
                    None => (avail.is_empty(), avail.len()),
                }
            };
            self.reader.consume(used);
            if done {
                return Ok(());
            }
        }
    }

    fn fallback_id(&self) -> String {
        format!("{}:{}", self.name, self.line)
    }

    fn bad(&self, id: String, message: String) -> RecordItem {
        RecordItem {
            line: self.line,
            id,
            article: Err(Error::Jsonl {
                input: self.name.clone(),
                line: self.line,
                message,
            }),
        }
    }

    fn record(&self) -> RecordItem {
        let parsed = if self.lossy {
            serde_json::from_str(&String::from_utf8_lossy(&self.buf))
        } else {
            serde_json::from_slice(&self.buf)
        };
        let record: Record = match parsed {
            Ok(r) => r,
            Err(e) => return self.bad(self.fallback_id(), format!("not a JSON record: {e}")),
        };
        let id = record.id.clone().unwrap_or_else(|| self.fallback_id());
        let (text, format) = match (record.html, record.text) {
            (Some(html), _) => (html, InputFormat::Html),
            (None, Some(text)) => (text, InputFormat::Text),
            (None, None) => {
                return self.bad(id, "record has no \"text\" (or \"html\") field".to_string())
            }
        };
        if text.trim().is_empty() {
            return self.bad(id, "record's text is empty".to_string());
        }
        RecordItem {
            line: self.line,
            id,
            article: Ok(RecordArticle {
                text,
                format,
                publisher: record.publisher,
                url: record.url,
            }),
        }
    }
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = io::Result<RecordItem>;

    fn next(&mut self) -> Option<io::Result<RecordItem>> {
        if self.done {
            return None;
        }
        match self.next_item() {
            Ok(Some(item)) => Some(Ok(item)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(input: &str, max_bytes: usize) -> Vec<RecordItem> {
        Records::new("in.jsonl", input.as_bytes(), max_bytes)
            .collect::<io::Result<Vec<_>>>()
            .unwrap()
    }

    #[test]
    fn every_non_blank_line_gives_one_item_with_its_line_number() {
        let input = "{\"id\": \"a\", \"text\": \"One.\"}\n\nnot json\n{\"id\": 7}\n{\"html\": \"<p>x</p>\"}";
        let got = items(input, 1000);
        let lines: Vec<usize> = got.iter().map(|i| i.line).collect();
        assert_eq!(lines, vec![1, 3, 4, 5]);
        assert!(got[0].article.is_ok());
        assert_eq!(got[1].id, "in.jsonl:3");
        assert!(got[1].article.is_err());
        assert_eq!(got[2].id, "7");
        assert!(got[2].article.is_err());
        assert_eq!(got[3].article.as_ref().unwrap().format, InputFormat::Html);
    }

    #[test]
    fn invalid_utf8_in_a_line_is_an_error_unless_lossy() {
        let input = b"{\"id\": \"a\", \"text\": \"Caf\xe9 owners said so.\"}\n";
        let strict: Vec<RecordItem> = Records::new("in.jsonl", &input[..], 1000)
            .collect::<io::Result<_>>()
            .unwrap();
        assert!(strict[0].article.is_err());
        let lossy: Vec<RecordItem> = Records::new("in.jsonl", &input[..], 1000)
            .lossy(true)
            .collect::<io::Result<_>>()
            .unwrap();
        let text = &lossy[0].article.as_ref().unwrap().text;
        assert_eq!(text, "Caf\u{fffd} owners said so.");
        assert_eq!(lossy[0].id, "a");
    }

    #[test]
    fn an_over_long_line_is_an_error_and_reading_goes_on() {
        let long = format!("{{\"text\": \"{}\"}}\n", "x".repeat(100));
        let input = format!("{long}{{\"text\": \"ok\"}}\n");
        let got = items(&input, 50);
        assert_eq!(got.len(), 2);
        let err = got[0].article.as_ref().unwrap_err();
        assert_eq!(
            err.to_string(),
            "in.jsonl:1: record is over the limit of 50 bytes"
        );
        assert_eq!(got[1].line, 2);
        assert!(got[1].article.is_ok());
    }
}
