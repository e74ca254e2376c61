//! Quotation regions from quotation-mark tokens, one line at a time, and
//! their continuation into the next line ("… unclosed¶“More …").
//!
//! Input type of this layer: the [`View`] (token indices). Straight marks
//! open after white space and close otherwise; a region left open runs to
//! the end of its line.

use super::view::View;

/// The most tokens a search for quotations reads.
const MAX_SCAN: usize = 4000;

/// A quotation inside one line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// The opening mark.
    pub open: usize,
    /// One past the closing mark, or the end of the line.
    pub end: usize,
    pub closed: bool,
    /// Index of the line in [`View::lines`].
    pub line: usize,
}

/// The quotation regions of a document.
pub struct Quotes {
    pub regions: Vec<Region>,
    /// For each token: 1 + the index of the region holding it, or 0.
    inside: Vec<u32>,
}

impl Quotes {
    /// Pairs the quotation marks of every line.
    pub fn new(v: &View) -> Quotes {
        let mut regions = Vec::new();
        let mut inside = vec![0u32; v.toks.len()];
        // Only the quotation marks are read, line by line.
        let mut marks = v.quote_marks().iter().copied().peekable();
        for (li, &(ls, le)) in v.lines.iter().enumerate() {
            let mut open: Option<usize> = None;
            while marks.next_if(|&i| i < ls).is_some() {}
            while let Some(i) = marks.next_if(|&i| i < le) {
                match open {
                    None if v.is_open_quote(i) || matches!(v.raw(i), b"\"" | b"'") => {
                        open = Some(i)
                    }
                    None => {}
                    Some(o) if v.is_open_quote(i) && !matches!(v.raw(i), b"\"" | b"'") => {
                        // A new opening mark: the old quotation was never closed.
                        regions.push(Region {
                            open: o,
                            end: i,
                            closed: false,
                            line: li,
                        });
                        open = Some(i);
                    }
                    Some(o) => {
                        regions.push(Region {
                            open: o,
                            end: i + 1,
                            closed: true,
                            line: li,
                        });
                        open = None;
                    }
                }
            }
            if let Some(o) = open {
                regions.push(Region {
                    open: o,
                    end: le,
                    closed: false,
                    line: li,
                });
            }
        }
        for (ri, r) in regions.iter().enumerate() {
            for slot in inside.get_mut(r.open..r.end).unwrap_or(&mut []) {
                *slot = ri as u32 + 1;
            }
        }
        Quotes { regions, inside }
    }

    /// The index of the region holding token `i`, if any.
    pub fn at(&self, i: usize) -> Option<usize> {
        match self.inside.get(i).copied().unwrap_or(0) {
            0 => None,
            r => Some(r as usize - 1),
        }
    }

    /// The region at index `r`.
    pub fn get(&self, r: usize) -> Option<Region> {
        self.regions.get(r).copied()
    }

    /// The region that continues an unclosed region `r` on the next line:
    /// one that opens at the first token of that line.
    pub fn continuation(&self, v: &View, r: usize) -> Option<usize> {
        let reg = self.get(r)?;
        if reg.closed {
            return None;
        }
        let &(ns, _) = v.lines.get(reg.line + 1)?;
        let next = self.at(ns)?;
        (self.get(next)?.open == ns).then_some(next)
    }

    /// The regions opening in `[a, b)`: the last one's end, if any.
    pub fn last_end_opening_in(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let mut best = None;
        let mut i = a;
        let b = b.min(a + MAX_SCAN);
        while i < b {
            if let Some(r) = self.at(i) {
                let reg = self.get(r)?;
                if reg.open >= a {
                    best = Some((r, reg.end));
                }
                i = reg.end.max(i + 1);
            } else {
                i += 1;
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::input::{extract, InputFormat};

    #[test]
    fn curly_and_straight_marks_pair_within_a_line() {
        let doc = Document::new(extract(
            "He said “yes” and \"no\" then “open\n“Next",
            InputFormat::Text,
        ));
        let v = View::new(&doc);
        let q = Quotes::new(&v);
        assert_eq!(q.regions.len(), 4);
        assert!(q.regions[0].closed && q.regions[1].closed && !q.regions[2].closed);
        assert_eq!(q.continuation(&v, 2), Some(3));
    }
}
