//! A compact JSON writer: a serde [`Serializer`](ser::Serializer) that
//! appends straight to a `Vec<u8>`.
//!
//! Why it exists: `report --format json-lines` spent 160M of 818M
//! instructions on bench3 (3 MB of news) in `serde_json::to_writer`, 122M
//! of them in its string escaper, which looks every byte up in a table
//! (about 9 instructions a byte) and sends every struct key, begin and end
//! quote through `io::Write`. This writer appends to the vector directly
//! and (on bench3, 108M in all):
//! - finds the next byte needing an escape eight bytes at a time, copying
//!   the clean run before it whole;
//! - reads a string of up to 16 bytes (most keys and values) as two
//!   overlapping words, checks both at once, and appends it with its
//!   quotes as one fixed-size block;
//! - remembers each short clean struct key (a `&'static str`) by its
//!   address while it writes a value, so that the 540,000 keys of bench3
//!   cost a lookup and one block each rather than a check and three
//!   appends.
//!
//! Its output is byte-identical to `serde_json::to_writer` (compact
//! formatter) for every value of the serde data model: the same escapes
//! (`\"`, `\\`, `\b \f \n \r \t`, other bytes below 0x20 as lower-case
//! `\u00XX`, nothing else), integers through `itoa`, floats through
//! serde_json's own formatter (`null` for NaN and infinities), enums as
//! `"variant"` or `{"variant":...}`, and map keys as serde_json's
//! `MapKeySerializer` writes them (numbers and bools quoted; floats must be
//! finite; other keys are errors). serde_json stays the reference (the
//! tests compare with it) and the pretty writer.

use std::fmt::{self, Display};

use serde::ser::{self, Impossible, Serialize};
use serde_json::ser::{CompactFormatter, Formatter};

/// Appends `value` as compact JSON to `out`, exactly as
/// `serde_json::to_writer` would. On an error, `out` holds what was
/// written before it.
pub fn write<T: ?Sized + Serialize>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    value.serialize(&mut Compact {
        out,
        known_keys: &mut [NO_KEY; KNOWN_KEYS],
    })
}

/// An error: a `Serialize` impl failed, or a map key cannot be a JSON key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// serde_json's error for a key that is not a string, number, bool or char.
fn key_must_be_a_string() -> Error {
    Error("key must be a string".to_string())
}

/// The serializer: the buffer it appends to, and the struct keys it has
/// written.
pub struct Compact<'a> {
    out: &'a mut Vec<u8>,
    /// Short clean struct keys by the address of their `&'static str`, in
    /// a direct-mapped table: a report writes some 800 keys, but only a
    /// few dozen distinct ones, and a hit here replaces reading and
    /// checking the key by comparing two words.
    known_keys: &'a mut KnownKeys,
}

/// Where an array or object stands: written closed already (its length was
/// 0), nothing written yet, or after an element. A separator is written
/// before every element but the `First`, as serde_json does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Empty,
    First,
    Rest,
}

/// The open array or object of a [`Compact`] serializer.
pub struct Compound<'s, 'a> {
    ser: &'s mut Compact<'a>,
    state: State,
}

impl<'s, 'a> Compound<'s, 'a> {
    /// The `,` before every element but the first.
    fn separate(&mut self) {
        if self.state != State::First {
            self.ser.out.push(b',');
        }
        self.state = State::Rest;
    }

    /// Writes `close` unless the array or object was closed when opened;
    /// gives the serializer back, for an enclosing variant's `}`.
    fn close(self, close: u8) -> &'s mut Compact<'a> {
        if self.state != State::Empty {
            self.ser.out.push(close);
        }
        self.ser
    }
}

/// Whether a JSON string must escape the byte: below 0x20, `"` and `\`.
fn escaped(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// The high bit of each byte of a word where that byte needs an escape.
/// Only the lowest set bit is sure (borrows can set bits above a true
/// hit, never below one), which is all [`clean_len`] reads.
fn escape_mask(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte below 0x20 wraps when 0x20 is taken from it; a byte that is
    // `"` or `\\` is 0 after the xor, and wraps when 1 is taken from it.
    // The `& !x` drops bytes whose own high bit was set.
    let below_space = word.wrapping_sub(ONES * 0x20) & !word;
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let is_quote = quote.wrapping_sub(ONES) & !quote;
    let is_backslash = backslash.wrapping_sub(ONES) & !backslash;
    (below_space | is_quote | is_backslash) & HIGHS
}

/// The offset of the first byte of a word (read little-endian) that needs
/// an escape, if any.
fn first_escaped(word: u64) -> Option<usize> {
    let mask = escape_mask(word);
    (mask != 0).then_some((mask.trailing_zeros() / 8) as usize)
}

/// Spaces (bytes that need no escape), the word [`word8`] gives for a
/// slice of another length, which it never gets.
const SPACES: u64 = 0x2020_2020_2020_2020;

/// Eight bytes as a little-endian word.
fn word8(bytes: &[u8]) -> u64 {
    <[u8; 8]>::try_from(bytes).map_or(SPACES, u64::from_le_bytes)
}

/// Four bytes as the low half of a word.
fn word4(bytes: &[u8]) -> u64 {
    <[u8; 4]>::try_from(bytes).map_or(SPACES, |b| u64::from(u32::from_le_bytes(b)))
}

/// A string of at most 16 bytes as one little-endian word, if none of its
/// bytes needs an escape. It is read as two smaller words (1 to 3 bytes
/// as their first, middle and last byte; 4 to 8 as their first and last
/// four; 9 to 16 as their first and last eight) that overlap where the
/// string is shorter than both; overlapping bytes are the same bytes, so
/// the check sees every byte and the two words OR-ed in place are the
/// string. Most keys, kinds, ids and names are such strings.
#[inline]
fn short_word(bytes: &[u8]) -> Option<u128> {
    let len = bytes.len();
    let head = |n: usize| bytes.get(..n).unwrap_or_default();
    let tail = |n: usize| bytes.get(len.saturating_sub(n)..).unwrap_or_default();
    let (mask, word) = match len {
        0 => return Some(0),
        1..=3 => {
            let byte = |at: usize| u64::from(bytes.get(at).copied().unwrap_or(b' '));
            let word = byte(0) | byte(len / 2) << 8 | byte(len - 1) << 16;
            let check = word | SPACES << 24;
            (escape_mask(check), word & !(u64::MAX << (8 * len)))
        }
        4..=8 => {
            let (first, last) = (word4(head(4)), word4(tail(4)));
            let word = first | last << (8 * (len - 4));
            (escape_mask(first | last << 32), word)
        }
        9..=16 => {
            let (first, last) = (word8(head(8)), word8(tail(8)));
            let word = u128::from(first) | u128::from(last) << (8 * (len - 8));
            let mask = escape_mask(first) | escape_mask(last);
            return (mask == 0).then_some(word);
        }
        _ => return None,
    };
    (mask == 0).then_some(u128::from(word))
}

/// A short string written out: `"`, the string, a closing `"` or `":`, in
/// the first `len` bytes of a fixed-size block, so that it is appended
/// with a few fixed-size stores instead of a call to copy a few bytes.
#[derive(Clone, Copy)]
struct Block {
    bytes: [u8; 20],
    len: usize,
}

impl Block {
    /// `"`, a short clean string given as its [`short_word`] and its
    /// length, and `close`.
    #[inline]
    fn new(word: u128, len: usize, close: &[u8]) -> Block {
        let mut bytes = [b'"'; 20];
        if let Some(body) = bytes.get_mut(1..17) {
            body.copy_from_slice(&word.to_le_bytes());
        }
        if let Some(end) = bytes.get_mut(len + 1..len + 1 + close.len()) {
            end.copy_from_slice(close);
        }
        Block {
            bytes,
            len: len + 1 + close.len(),
        }
    }

    /// Appends the block's bytes: all of them, then the vector cut back.
    #[inline]
    fn append_to(&self, out: &mut Vec<u8>) {
        let keep = out.len() + self.len;
        out.extend_from_slice(&self.bytes);
        out.truncate(keep);
    }
}

/// How many struct keys [`Compact`] remembers (a power of two).
const KNOWN_KEYS: usize = 128;

/// A struct key written before: the address and length of its
/// `&'static str`, and its `"key":` block. A `&'static str` is never
/// changed nor freed, so the same address and length are the same bytes.
#[derive(Clone, Copy)]
struct KnownKey {
    addr: usize,
    key_len: usize,
    block: Block,
}

/// Short clean struct keys already written, by the address of their
/// `&'static str`, in a direct-mapped table.
type KnownKeys = [KnownKey; KNOWN_KEYS];

/// A slot no key has: no reference has address 0.
const NO_KEY: KnownKey = KnownKey {
    addr: 0,
    key_len: 0,
    block: Block {
        bytes: [0; 20],
        len: 0,
    },
};

/// The length of the prefix of `bytes` that needs no escape, read eight
/// bytes at a time. A tail shorter than a word is read as the last whole
/// word, overlapping bytes already known clean, so its first hit is still
/// the first.
fn clean_len(bytes: &[u8]) -> usize {
    let len = bytes.len();
    if len < 8 {
        return bytes.iter().position(|&b| escaped(b)).unwrap_or(len);
    }
    let mut chunks = bytes.chunks_exact(8);
    let mut start = 0;
    for chunk in &mut chunks {
        if let Some(at) = first_escaped(word8(chunk)) {
            return start + at;
        }
        start += 8;
    }
    if chunks.remainder().is_empty() {
        return len;
    }
    let tail = bytes.get(len - 8..).map_or(SPACES, word8);
    first_escaped(tail).map_or(len, |at| len - 8 + at)
}

/// Appends the escape of a byte that needs one.
fn write_escape(out: &mut Vec<u8>, byte: u8) {
    let hex = |n: u8| if n < 10 { b'0' + n } else { b'a' + (n - 10) };
    let short = match byte {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0C => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => {
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', hex(byte >> 4), hex(byte & 0xF)]);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
}

/// Appends the contents of a JSON string (no quotes): clean runs copied
/// whole, the bytes between them escaped.
fn write_contents(out: &mut Vec<u8>, s: &str) {
    let mut rest = s.as_bytes();
    loop {
        let (run, tail) = rest.split_at(clean_len(rest));
        out.extend_from_slice(run);
        let Some((&byte, tail)) = tail.split_first() else {
            return;
        };
        write_escape(out, byte);
        rest = tail;
    }
}

/// Appends a value's `Display` output as a JSON string, escaped as it
/// comes, with no `String` between.
fn write_display<T: ?Sized + Display>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    /// Escapes each piece of the `Display` output into the buffer.
    struct Escaper<'b>(&'b mut Vec<u8>);
    impl fmt::Write for Escaper<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            write_contents(self.0, s);
            Ok(())
        }
    }
    out.push(b'"');
    fmt::write(&mut Escaper(out), format_args!("{value}"))
        .map_err(|_| Error("a Display implementation returned an error".to_string()))?;
    out.push(b'"');
    Ok(())
}

/// Appends a JSON string.
fn write_str(out: &mut Vec<u8>, s: &str) {
    if let Some(word) = short_word(s.as_bytes()) {
        Block::new(word, s.len(), b"\"").append_to(out);
        return;
    }
    out.push(b'"');
    write_contents(out, s);
    out.push(b'"');
}

/// Appends `"key":` for a key not in the [`Compact::known_keys`] table,
/// and puts it in its slot there if it is short and clean.
#[inline(never)]
fn new_key(out: &mut Vec<u8>, slot: Option<&mut KnownKey>, key: &'static str) {
    match (slot, short_word(key.as_bytes())) {
        (Some(slot), Some(word)) => {
            let block = Block::new(word, key.len(), b"\":");
            *slot = KnownKey {
                addr: key.as_ptr().addr(),
                key_len: key.len(),
                block,
            };
            block.append_to(out);
        }
        _ => write_key(out, key),
    }
}

/// Appends `"key":`: a key needing no escape is copied as it is.
fn write_key(out: &mut Vec<u8>, key: &str) {
    if let Some(word) = short_word(key.as_bytes()) {
        Block::new(word, key.len(), b"\":").append_to(out);
    } else if clean_len(key.as_bytes()) == key.len() {
        out.push(b'"');
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(b"\":");
    } else {
        write_str(out, key);
        out.push(b':');
    }
}

/// A float as serde_json writes it (finite only).
fn write_float(out: &mut Vec<u8>, value: Float) -> Result<(), Error> {
    let written = match value {
        Float::F32(v) => CompactFormatter.write_f32(out, v),
        Float::F64(v) => CompactFormatter.write_f64(out, v),
    };
    written.map_err(|e| Error(e.to_string()))
}

/// An f32 or an f64, for [`write_float`].
#[derive(Clone, Copy)]
enum Float {
    F32(f32),
    F64(f64),
}

impl Float {
    fn is_finite(self) -> bool {
        match self {
            Float::F32(v) => v.is_finite(),
            Float::F64(v) => v.is_finite(),
        }
    }
}

impl<'a> Compact<'a> {
    /// Appends `"key":` for a struct key, from [`Compact::known_keys`] when
    /// it was written before. Inline: on a hit, this is all there is.
    #[inline]
    fn key(&mut self, key: &'static str) {
        let addr = key.as_ptr().addr();
        // Fibonacci hashing: the top bits of the address times 2^64 / phi.
        let slot = (addr as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            >> (u64::BITS - KNOWN_KEYS.trailing_zeros());
        match self.known_keys.get_mut(slot as usize) {
            Some(known) if known.addr == addr && known.key_len == key.len() => {
                known.block.append_to(self.out);
            }
            known => new_key(self.out, known, key),
        }
    }

    /// A float value: `null` unless finite.
    fn float(&mut self, value: Float) -> Result<(), Error> {
        if value.is_finite() {
            write_float(self.out, value)
        } else {
            self.out.extend_from_slice(b"null");
            Ok(())
        }
    }

    /// Opens an array or object; a length of 0 closes it at once.
    fn open(&mut self, open: u8, close: u8, len: Option<usize>) -> Compound<'_, 'a> {
        self.out.push(open);
        let state = if len == Some(0) {
            self.out.push(close);
            State::Empty
        } else {
            State::First
        };
        Compound { ser: self, state }
    }

    /// `{"variant":` before an enum variant's content.
    fn open_variant(&mut self, variant: &str) {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.push(b':');
    }
}

/// Writes an integer with `itoa`.
macro_rules! integers {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, value: $ty) -> Result<(), Error> {
            self.out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
            Ok(())
        }
    )*};
}

impl<'s, 'a> ser::Serializer for &'s mut Compact<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'s, 'a>;
    type SerializeTuple = Compound<'s, 'a>;
    type SerializeTupleStruct = Compound<'s, 'a>;
    type SerializeTupleVariant = Compound<'s, 'a>;
    type SerializeMap = Compound<'s, 'a>;
    type SerializeStruct = Compound<'s, 'a>;
    type SerializeStructVariant = Compound<'s, 'a>;

    fn serialize_bool(self, value: bool) -> Result<(), Error> {
        self.out
            .extend_from_slice(if value { b"true" } else { b"false" });
        Ok(())
    }

    integers!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_u128: u128);

    fn serialize_f32(self, value: f32) -> Result<(), Error> {
        self.float(Float::F32(value))
    }

    fn serialize_f64(self, value: f64) -> Result<(), Error> {
        self.float(Float::F64(value))
    }

    fn serialize_char(self, value: char) -> Result<(), Error> {
        write_str(self.out, value.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, value: &str) -> Result<(), Error> {
        write_str(self.out, value);
        Ok(())
    }

    /// Bytes are an array of numbers.
    fn serialize_bytes(self, value: &[u8]) -> Result<(), Error> {
        let mut seq = self.open(b'[', b']', None);
        for byte in value {
            ser::SerializeSeq::serialize_element(&mut seq, byte)?;
        }
        ser::SerializeSeq::end(seq)
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.open_variant(variant);
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.open(b'[', b']', len))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'s, 'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'s, 'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'s, 'a>, Error> {
        self.open_variant(variant);
        self.serialize_seq(Some(len))
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'s, 'a>, Error> {
        Ok(self.open(b'{', b'}', len))
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'s, 'a>, Error> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'s, 'a>, Error> {
        self.open_variant(variant);
        self.serialize_map(Some(len))
    }

    /// Escapes the `Display` output as it comes, with no `String` between.
    fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result<(), Error> {
        write_display(self.out, value)
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.separate();
        value.serialize(&mut *self.ser)
    }

    fn end(self) -> Result<(), Error> {
        self.close(b']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    /// Closes the array, then the `{"variant":` object around it.
    fn end(self) -> Result<(), Error> {
        self.close(b']').out.push(b'}');
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.separate();
        key.serialize(MapKey {
            out: &mut *self.ser.out,
        })
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.ser.out.push(b':');
        value.serialize(&mut *self.ser)
    }

    fn end(self) -> Result<(), Error> {
        self.close(b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.separate();
        self.ser.key(key);
        value.serialize(&mut *self.ser)
    }

    fn end(self) -> Result<(), Error> {
        ser::SerializeMap::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    /// Closes the object, then the `{"variant":` object around it.
    fn end(self) -> Result<(), Error> {
        self.close(b'}').out.push(b'}');
        Ok(())
    }
}

/// A map key, as serde_json's `MapKeySerializer` writes it: strings,
/// chars and unit variants as strings; integers, bools and finite floats
/// quoted; anything else an error.
struct MapKey<'b> {
    out: &'b mut Vec<u8>,
}

impl MapKey<'_> {
    /// Writes `text` quoted (it never needs an escape).
    fn quoted(self, text: &[u8]) -> Result<(), Error> {
        self.out.push(b'"');
        self.out.extend_from_slice(text);
        self.out.push(b'"');
        Ok(())
    }

    /// A float key: quoted, and finite or an error.
    fn float(self, value: Float) -> Result<(), Error> {
        if !value.is_finite() {
            return Err(Error("float key must be finite".to_string()));
        }
        self.out.push(b'"');
        write_float(self.out, value)?;
        self.out.push(b'"');
        Ok(())
    }
}

/// Writes an integer key with `itoa`, quoted.
macro_rules! integer_keys {
    ($($method:ident: $ty:ty),*) => {$(
        fn $method(self, value: $ty) -> Result<(), Error> {
            self.quoted(itoa::Buffer::new().format(value).as_bytes())
        }
    )*};
}

impl ser::Serializer for MapKey<'_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_bool(self, value: bool) -> Result<(), Error> {
        self.quoted(if value { b"true" } else { b"false" })
    }

    integer_keys!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64,
        serialize_i128: i128, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_u128: u128);

    fn serialize_f32(self, value: f32) -> Result<(), Error> {
        self.float(Float::F32(value))
    }

    fn serialize_f64(self, value: f64) -> Result<(), Error> {
        self.float(Float::F64(value))
    }

    fn serialize_char(self, value: char) -> Result<(), Error> {
        self.serialize_str(value.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, value: &str) -> Result<(), Error> {
        write_str(self.out, value);
        Ok(())
    }

    fn serialize_bytes(self, _value: &[u8]) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_none(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_must_be_a_string())
    }

    fn collect_str<T: ?Sized + Display>(self, value: &T) -> Result<(), Error> {
        write_display(self.out, value)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::{Serialize, Serializer};

    use super::write;

    /// Asserts that the compact writer gives serde_json's bytes, or fails
    /// where serde_json fails.
    #[track_caller]
    fn same<T: ?Sized + Serialize>(value: &T) {
        let mut got = Vec::new();
        let result = write(&mut got, value);
        match serde_json::to_vec(value) {
            Ok(expected) => {
                assert!(result.is_ok(), "{result:?}");
                assert_eq!(
                    String::from_utf8_lossy(&got),
                    String::from_utf8_lossy(&expected)
                );
                assert_eq!(got, expected);
            }
            Err(e) => assert!(result.is_err(), "serde_json failed ({e}), compact did not"),
        }
    }

    #[derive(Serialize)]
    struct UnitStruct;

    #[derive(Serialize)]
    struct Newtype(String);

    #[derive(Serialize)]
    struct Tuple(i8, char, (), Option<u8>);

    #[derive(Serialize)]
    struct Empty {}

    #[derive(Serialize)]
    enum Shape {
        Unit,
        Newtype(i32),
        Tuple(u8, String),
        EmptyTuple(),
        Struct { a: Option<f64>, b: Vec<Shape> },
        EmptyStruct {},
    }

    #[derive(Serialize)]
    struct Keys {
        #[serde(rename = "quote\"back\\slash")]
        escaped: u8,
        #[serde(rename = "tab\there\u{1}")]
        control: u8,
        #[serde(rename = "")]
        empty: u8,
        #[serde(rename = "a key longer than eight bytes, clean")]
        long: u8,
        #[serde(rename = "é €")]
        unicode: u8,
        #[serde(rename = "\"")]
        quote: u8,
        #[serde(rename = "a\nb")]
        three: u8,
        #[serde(rename = "ab\\cd")]
        five: u8,
    }

    #[derive(Serialize)]
    struct Nested {
        name: &'static str,
        unit: (),
        unit_struct: UnitStruct,
        newtype: Newtype,
        tuple: Tuple,
        empty: Empty,
        shapes: Vec<Shape>,
        child: Option<Box<Nested>>,
        map: BTreeMap<String, u32>,
        int_keys: BTreeMap<i64, bool>,
        keys: Keys,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        #[serde(flatten)]
        flat: BTreeMap<String, Vec<u8>>,
    }

    /// Bytes through `serialize_bytes`.
    struct Bytes(&'static [u8]);

    impl Serialize for Bytes {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(self.0)
        }
    }

    /// A string through `collect_str`.
    struct Shown(String);

    impl Serialize for Shown {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(&format_args!("<{}>", self.0))
        }
    }

    /// A map of any key type, in the order given.
    struct Pairs<K, V>(Vec<(K, V)>);

    impl<K: Serialize, V: Serialize> Serialize for Pairs<K, V> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
        }
    }

    fn nested(child: Option<Box<Nested>>) -> Nested {
        Nested {
            name: "a \"name\"\n",
            unit: (),
            unit_struct: UnitStruct,
            newtype: Newtype("new\u{7f}type".to_string()),
            tuple: Tuple(-128, '\u{0}', (), None),
            empty: Empty {},
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(-7),
                Shape::Tuple(255, "t\\".to_string()),
                Shape::EmptyTuple(),
                Shape::Struct {
                    a: Some(0.1),
                    b: vec![Shape::Unit, Shape::EmptyStruct {}],
                },
                Shape::Struct {
                    a: None,
                    b: Vec::new(),
                },
                Shape::EmptyStruct {},
            ],
            child,
            map: [("b", 2), ("a\u{1f}", 1), ("", 0)]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
            int_keys: [(i64::MIN, true), (0, false), (i64::MAX, true)]
                .into_iter()
                .collect(),
            keys: Keys {
                escaped: 1,
                control: 2,
                empty: 3,
                long: 4,
                unicode: 5,
                quote: 6,
                three: 7,
                five: 8,
            },
            skipped: None,
            flat: [("flat".to_string(), vec![1, 2])].into_iter().collect(),
        }
    }

    #[test]
    fn the_data_model_matches_serde_json() {
        same(&nested(Some(Box::new(nested(None)))));
        same(&());
        same(&UnitStruct);
        same(&Empty {});
        same(&Shape::Unit);
        same(&Shape::Newtype(1));
        same(&Shape::Tuple(1, "x".to_string()));
        same(&Shape::EmptyTuple());
        same(&Shape::EmptyStruct {});
        same(&(true, false, (1u8,), [0u8; 0], Vec::<u8>::new()));
        same(&Some(Some(3)));
        same(&None::<u8>);
        same(&Bytes(b""));
        same(&Bytes(b"\x00\x7f\xff"));
        same(&Shown("a\"b\\c\n\u{1}é".to_string()));
        same(&Pairs(vec![(Shown("k\t".to_string()), 1)]));
    }

    /// A value whose `Serialize` writes another value with [`write`] first.
    struct Reentrant;

    impl Serialize for Reentrant {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut inner = Vec::new();
            let written = write(&mut inner, &nested(None)).is_ok();
            (written, nested(None)).serialize(s)
        }
    }

    #[test]
    fn a_value_written_inside_another_matches_serde_json() {
        same(&(nested(None), Reentrant, nested(None)));
    }

    #[test]
    fn integers_match_serde_json() {
        same(&(i8::MIN, i8::MAX, i16::MIN, i16::MAX, i32::MIN, i32::MAX));
        same(&(i64::MIN, i64::MAX, i128::MIN, i128::MAX, 0i128, -1i64));
        same(&(u8::MAX, u16::MAX, u32::MAX, u64::MAX, u128::MAX, 0u128));
    }

    #[test]
    fn floats_match_serde_json() {
        let doubles = [
            0.0,
            -0.0,
            1.0,
            -1.5,
            0.1 + 0.2,
            1e21,
            1e20,
            1e-7,
            1e-6,
            123_456_789.0,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
            2.225_073_858_507_2e-310,
            f64::EPSILON,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        for d in doubles {
            same(&d);
            same(&(d as f32));
            same(&Pairs(vec![(d, 1)]));
            same(&Pairs(vec![(d as f32, 1)]));
        }
        same(&[1e-45f32, f32::MAX, f32::MIN_POSITIVE, 16_777_217.0f32]);
    }

    #[test]
    fn map_keys_match_serde_json() {
        same(&Pairs(vec![(true, 1), (false, 2)]));
        same(&Pairs(vec![('"', 1), ('\u{1}', 2), ('€', 3)]));
        same(&Pairs(vec![(i8::MIN, 1)]));
        same(&Pairs(vec![(u128::MAX, 1)]));
        same(&Pairs(vec![(i128::MIN, 1)]));
        same(&Pairs(vec![(Shape::Unit, 1)]));
        same(&Pairs(vec![(Newtype("n\n".to_string()), 1)]));
        same(&Pairs(vec![(Some("some"), 1)]));
        same(&Pairs(vec![((), 1)]));
        same(&Pairs(vec![(None::<&str>, 1)]));
        same(&Pairs(vec![(UnitStruct, 1)]));
        same(&Pairs(vec![(Shape::Newtype(1), 1)]));
        same(&Pairs(vec![(Shape::EmptyStruct {}, 1)]));
        same(&Pairs(vec![(vec![1], 1)]));
        same(&Pairs(vec![((1, 2), 1)]));
        same(&Pairs(vec![(Bytes(b"x"), 1)]));
        same(&Pairs(vec![(BTreeMap::<u8, u8>::new(), 1)]));
        same(&Pairs(vec![(Empty {}, 1)]));
    }

    /// The bytes and characters a string can hold, one of each class.
    const SPECIALS: [&str; 14] = [
        "\u{0}", "\u{8}", "\t", "\n", "\u{b}", "\u{c}", "\r", "\u{1f}", "\"", "\\", "\u{7f}", "é",
        "€", "😀",
    ];

    #[test]
    fn every_ascii_character_matches_serde_json() {
        for b in 0u8..=0x7f {
            let c = char::from(b);
            same(&c);
            same(&c.to_string());
            same(&format!("abcdefg{c}hijklmnop{c}"));
        }
        same(&"\u{2028}\u{2029}\u{feff}\u{10ffff}");
    }

    #[test]
    fn escapes_at_every_position_match_serde_json() {
        for len in 0..40 {
            same(&"x".repeat(len));
            for at in 0..len {
                for special in SPECIALS {
                    let s = format!("{}{special}{}", "x".repeat(at), "y".repeat(len - at));
                    same(&s);
                    let twice = format!("{s}{special}");
                    same(&twice);
                }
            }
        }
    }

    #[test]
    fn generated_strings_match_serde_json() {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |bound: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % bound
        };
        for _ in 0..3000 {
            let len = next(70);
            let mut s = String::new();
            for _ in 0..len {
                match next(4) {
                    // Mostly clean ASCII, as in news text.
                    0 | 1 => s.push(char::from(b' ' + next(95) as u8)),
                    2 => s.push(char::from(next(0x80) as u8)),
                    _ => s.push_str(SPECIALS[next(SPECIALS.len() as u64) as usize]),
                }
            }
            same(&s);
            same(&Pairs(vec![(s.clone(), s)]));
        }
    }

    #[test]
    fn every_corpus_report_matches_serde_json() {
        for report in crate::render::json::tests::corpus_reports() {
            same(&report);
            let expected = format!(
                "{{\"id\":{},\"report\":{}}}\n",
                serde_json::to_string(&report.id).unwrap(),
                serde_json::to_string(&report).unwrap()
            );
            assert_eq!(
                String::from_utf8(crate::render::json::line_bytes(&report)).unwrap(),
                expected
            );
        }
    }
}
