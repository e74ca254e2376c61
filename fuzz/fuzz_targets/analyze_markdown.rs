//! Arbitrary bytes analysed as markdown.
#![no_main]

mod analyze;

use libfuzzer_sys::fuzz_target;
use secondhand::InputFormat;

fuzz_target!(|data: &[u8]| analyze::run(data, InputFormat::Markdown));
