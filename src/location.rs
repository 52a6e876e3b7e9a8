//! Paths into a JSON document (`nodes[12].then.yes`) and the line and column they point at.
//!
//! Diagnostics name the value they are about by path. Positions are found afterwards, only when
//! there is something to report, by one pass over the text ([`locate`]): the happy path parses
//! straight into typed structs and never pays for spans.

use std::collections::HashMap;
use std::fmt;

/// One step of a [`JsonPath`]: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Seg {
    /// A key of an object.
    Key(String),
    /// An index into an array.
    Index(usize),
}

/// A path from the root of a JSON document to one value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JsonPath(pub Vec<Seg>);

impl JsonPath {
    /// The path of the document itself.
    pub fn root() -> JsonPath {
        JsonPath(Vec::new())
    }

    /// `section[index]`, the path of one element of a top-level array.
    pub fn item(section: &str, index: usize) -> JsonPath {
        JsonPath(vec![Seg::Key(section.to_owned()), Seg::Index(index)])
    }

    /// This path extended by an object key.
    pub fn key(mut self, key: &str) -> JsonPath {
        self.0.push(Seg::Key(key.to_owned()));
        self
    }

    /// This path extended by an array index.
    pub fn index(mut self, index: usize) -> JsonPath {
        self.0.push(Seg::Index(index));
        self
    }

    /// True for the root path.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(document)");
        }
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Index(n) => write!(f, "[{n}]")?,
                Seg::Key(k) if is_plain_key(k) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(k)?;
                }
                Seg::Key(k) => write!(f, "[{}]", serde_json::Value::String(k.clone()))?,
            }
        }
        Ok(())
    }
}

fn is_plain_key(k: &str) -> bool {
    !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'$')
}

/// A 1-based line and column (columns count characters, as editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Line number, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub column: u32,
}

/// Line starts of a text, to turn byte offsets into [`Position`]s.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// The position of the byte at `offset` (clamped to the text).
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        Position {
            line: line as u32 + 1,
            column: column as u32 + 1,
        }
    }

    /// The positions of many byte offsets, in one pass over the text.
    ///
    /// [`LineIndex::position`] counts the characters from the start of the line, which on a
    /// minified file (one line of 97 MB) is the whole file for each of 100 000 diagnostics.
    /// Here the offsets are visited in order and each stretch of text is counted once.
    pub fn positions(&self, offsets: &[usize]) -> Vec<Position> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_unstable_by_key(|&i| offsets[i]);
        let mut out = vec![Position { line: 1, column: 1 }; offsets.len()];
        // Where the last count ended: its line, byte offset and column (in characters).
        let mut at: Option<(usize, usize, usize)> = None;
        for i in order {
            let offset = offsets[i].min(self.text.len());
            let line = self.starts.partition_point(|&s| s <= offset) - 1;
            let (from, chars) = match at {
                Some((l, o, c)) if l == line && o <= offset => (o, c),
                _ => (self.starts[line], 0),
            };
            let column = chars
                + self
                    .text
                    .get(from..offset)
                    .map_or(offset - from, |s| s.chars().count());
            at = Some((line, offset, column));
            out[i] = Position {
                line: line as u32 + 1,
                column: column as u32 + 1,
            };
        }
        out
    }

    /// The byte offset of a 1-based line and a 1-based byte column (as `serde_json` reports).
    pub fn offset_of_byte_column(&self, line: usize, column: usize) -> usize {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        (start + column.saturating_sub(1)).min(self.text.len())
    }
}

/// Finds the byte offset of the value at each path in `text`, which must be valid JSON.
///
/// A path that does not exist (a missing field, say) resolves to its longest existing
/// ancestor, so a diagnostic always has a position. The scan is iterative: a deeply nested
/// document cannot overflow the stack.
pub fn locate(text: &str, wanted: &[&JsonPath]) -> Vec<usize> {
    let mut found: HashMap<Vec<Seg>, Option<usize>> = HashMap::new();
    for path in wanted {
        for len in 0..=path.0.len() {
            found.entry(path.0[..len].to_vec()).or_insert(None);
        }
    }
    let max_depth = wanted.iter().map(|p| p.0.len()).max().unwrap_or(0);
    scan(text, max_depth, &mut found);
    wanted
        .iter()
        .map(|path| {
            (0..=path.0.len())
                .rev()
                .find_map(|len| found.get(&path.0[..len]).copied().flatten())
                .unwrap_or(0)
        })
        .collect()
}

enum Frame {
    Object,
    Array,
}

fn scan(text: &str, max_depth: usize, found: &mut HashMap<Vec<Seg>, Option<usize>>) {
    let bytes = text.as_bytes();
    let mut path: Vec<Seg> = Vec::new();
    let mut frames: Vec<Frame> = Vec::new();
    let mut i = 0;
    let skip_ws = |mut i: usize| {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    // At the top of the loop we are positioned where a value starts.
    'value: loop {
        i = skip_ws(i);
        if i >= bytes.len() {
            return;
        }
        if path.len() <= max_depth {
            if let Some(slot @ None) = found.get_mut(path.as_slice()) {
                *slot = Some(i);
            }
        }
        match bytes[i] {
            b'{' => {
                i = skip_ws(i + 1);
                if bytes.get(i) == Some(&b'}') {
                    i += 1;
                } else {
                    frames.push(Frame::Object);
                    path.push(Seg::Index(0));
                    match read_key(text, i) {
                        Some((key, after)) => {
                            *path.last_mut().expect("pushed") = Seg::Key(key);
                            i = after;
                            continue 'value;
                        }
                        None => return,
                    }
                }
            }
            b'[' => {
                i = skip_ws(i + 1);
                if bytes.get(i) == Some(&b']') {
                    i += 1;
                } else {
                    frames.push(Frame::Array);
                    path.push(Seg::Index(0));
                    continue 'value;
                }
            }
            b'"' => i = string_end(bytes, i),
            _ => {
                while i < bytes.len() && !matches!(bytes[i], b',' | b'}' | b']') {
                    if bytes[i].is_ascii_whitespace() {
                        break;
                    }
                    i += 1;
                }
            }
        }
        // After a complete value: a comma continues the container, a bracket closes it.
        loop {
            i = skip_ws(i);
            let Some(&b) = bytes.get(i) else { return };
            match (b, frames.last()) {
                (b',', Some(Frame::Array)) => {
                    if let Some(Seg::Index(n)) = path.last_mut() {
                        *n += 1;
                    }
                    i += 1;
                    continue 'value;
                }
                (b',', Some(Frame::Object)) => match read_key(text, skip_ws(i + 1)) {
                    Some((key, after)) => {
                        *path.last_mut().expect("inside object") = Seg::Key(key);
                        i = after;
                        continue 'value;
                    }
                    None => return,
                },
                (b'}' | b']', Some(_)) => {
                    frames.pop();
                    path.pop();
                    i += 1;
                }
                _ => return,
            }
        }
    }
}

/// Reads `"key" :` at `i`; returns the key and the offset just after the colon.
fn read_key(text: &str, i: usize) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    if bytes.get(i) != Some(&b'"') {
        return None;
    }
    let end = string_end(bytes, i);
    let raw = text.get(i..end)?;
    let key = if raw.contains('\\') {
        serde_json::from_str::<String>(raw).ok()?
    } else {
        raw[1..raw.len() - 1].to_owned()
    };
    let mut j = end;
    while j < bytes.len() && bytes[j].is_ascii_whitespace() {
        j += 1;
    }
    (bytes.get(j) == Some(&b':')).then_some((key, j + 1))
}

/// The offset just past the string that starts with the quote at `i`.
fn string_end(bytes: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(s: &[Seg]) -> JsonPath {
        JsonPath(s.to_vec())
    }

    #[test]
    fn displays_like_code() {
        let p = JsonPath::item("nodes", 12).key("then").key("yes");
        assert_eq!(p.to_string(), "nodes[12].then.yes");
        assert_eq!(JsonPath::root().key("a b").to_string(), r#"["a b"]"#);
    }

    #[test]
    fn finds_values_at_paths() {
        let text = "{\n  \"nodes\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\", \"then\": {\"yes\": \"c\"}}\n  ]\n}";
        let idx = LineIndex::new(text);
        let p1 = JsonPath::item("nodes", 1).key("then").key("yes");
        let p2 = JsonPath::item("nodes", 0).key("id");
        let offsets = locate(text, &[&p1, &p2]);
        assert_eq!(
            idx.position(offsets[0]),
            Position {
                line: 4,
                column: 33
            }
        );
        assert_eq!(
            idx.position(offsets[1]),
            Position {
                line: 3,
                column: 12
            }
        );
    }

    #[test]
    fn missing_path_falls_back_to_nearest_ancestor() {
        let text = r#"{"nodes": [{"id": "a"}]}"#;
        let p = JsonPath::item("nodes", 0).key("next");
        let offsets = locate(text, &[&p]);
        assert_eq!(offsets[0], 11);
    }

    #[test]
    fn handles_escapes_empty_containers_and_scalars() {
        let text = r#"{"a": [], "b": {}, "c\"d": [1, true, null, "x\"]"], "e": 2}"#;
        let e = path(&[Seg::Key("e".into())]);
        let c2 = path(&[Seg::Key("c\"d".into()), Seg::Index(3)]);
        let offsets = locate(text, &[&e, &c2]);
        assert_eq!(&text[offsets[0]..offsets[0] + 1], "2");
        assert_eq!(&text[offsets[1]..offsets[1] + 3], "\"x\\");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let text = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let p = JsonPath(vec![Seg::Index(0); 3]);
        assert_eq!(locate(&text, &[&p])[0], 3);
    }

    /// Regression (issue 14.7): every position was counted from the start of its line, so a
    /// minified file cost line length × diagnostics. Counted in one pass, the answers are the
    /// same as one by one, whatever the order of the offsets.
    #[test]
    fn many_positions_match_one_by_one() {
        let text = "{\"é\": [\"ü\", 1, 2],\n \"x\": \"ß\", \"y\": 3}\n\n{}";
        let lines = LineIndex::new(text);
        let offsets: Vec<usize> = (0..=text.len() + 3)
            .rev()
            .chain([5, 5, 0])
            .filter(|&o| o > text.len() || text.is_char_boundary(o))
            .collect();
        let one_by_one: Vec<Position> = offsets.iter().map(|&o| lines.position(o)).collect();
        assert_eq!(lines.positions(&offsets), one_by_one);
    }

    #[test]
    fn columns_count_characters() {
        let text = "{\"é\": \"ü\", \"x\": 1}";
        let idx = LineIndex::new(text);
        let p = JsonPath::root().key("x");
        let off = locate(text, &[&p])[0];
        assert_eq!(
            idx.position(off),
            Position {
                line: 1,
                column: 17
            }
        );
    }
}
