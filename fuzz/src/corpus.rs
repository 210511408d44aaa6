//! A deterministic generator of pseudo-random and adversarial inputs, so
//! the targets can be run on stable without libFuzzer (no extra crates: a
//! SplitMix64 generator and fixed dictionaries).

use fund_core::model::Model;
use fund_core::params::{param_names, to_query, ThemeParam, UrlState};

/// SplitMix64: small, fast, good enough to pick inputs.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator with a fixed seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number below `n` (0 if `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
    /// One of `items` (which must not be empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Values that have broken parsers before: numbers at and past the edges,
/// odd encodings, markup, control characters.
pub const VALUES: &[&str] = &[
    "",
    "0",
    "-0",
    "0.0",
    "-0.0",
    "00000",
    "1",
    "1.5",
    "75",
    "100",
    "100.0000000001",
    "101",
    "-1",
    "25",
    "25.000001",
    "50",
    "49.999999",
    "500",
    "500.0000001",
    "550",
    "550.00000000001",
    "0.00000000001",
    "0.000000000001",
    "1e400",
    "1E2",
    "-1e-400",
    "NaN",
    "inf",
    "-inf",
    "Infinity",
    "99999999999999999999999999999",
    "79228162514264337593543950335",
    "79228162514264337593543950336",
    "-79228162514264337593543950336",
    "0.0000000000000000000000000001",
    "0.00000000000000000000000000001",
    "1.0000000000000000000000000000000000000000000001",
    "1_000",
    "1,5",
    "+1",
    "++1",
    " 1 ",
    "1.",
    ".5",
    ".",
    "-",
    "--1",
    "0x10",
    "１２",
    "٣",
    "1.2.3",
    "auto",
    "AUTO",
    "buy",
    "sell",
    "article",
    "record",
    "Article",
    "auto ",
    "light",
    "dark",
    "waffle",
    "%",
    "%FF%FE",
    "%00",
    "%",
    "%%",
    "%2",
    "%zz",
    "&",
    "=",
    "==",
    "&&&",
    "?",
    "#",
    ";",
    "\u{0}",
    "\u{1b}[31m",
    "\u{202e}evil",
    "\u{200b}",
    "\u{feff}1",
    "a\u{301}\u{301}\u{301}\u{301}",
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
    "'-alert(1)-'",
    "</textarea><svg onload=alert(1)>",
    "{{7*7}}",
    "${7*7}",
    "\r\nSet-Cookie: a=b",
    "4294967295",
    "4294967296",
    "18446744073709551616",
    "-4294967296",
    "12",
    "13",
    "1.0",
];

/// Characters to build random strings from.
const ALPHABET: &[char] = &[
    'a', 'e', 'r', 't', 'x', 'y', '0', '1', '5', '9', '.', '-', '+', '%', '&', '=', '?', '#', ' ',
    '<', '>', '"', '\'', 'F', 'E', '2', '\u{0}', '\u{7f}', 'é', '€', '😀', '\u{202e}', '\u{fffd}',
];

fn random_string(rng: &mut Rng, max: usize) -> String {
    let len = rng.below(max + 1);
    (0..len).map(|_| *rng.pick(ALPHABET)).collect()
}

fn value(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => random_string(rng, 12),
        1 if rng.below(10) == 0 => "9".repeat(rng.below(200)),
        _ => (*rng.pick(VALUES)).to_string(),
    }
}

/// A query made of known and unknown names with dictionary or random
/// values, sometimes percent-encoded, sometimes raw.
pub fn query(rng: &mut Rng, names: &[String]) -> String {
    let n = rng.below(40);
    let mut out = String::new();
    if rng.below(4) == 0 {
        out.push('?');
    }
    for i in 0..n {
        if i > 0 {
            out.push(*rng.pick(&['&', '&', '&', ';']));
        }
        let name = match rng.below(10) {
            0 => random_string(rng, 8),
            1 => rng.pick(names).to_uppercase(),
            _ => rng.pick(names).clone(),
        };
        let v = value(rng);
        if rng.below(2) == 0 {
            let mut ser = form_urlencoded::Serializer::new(String::new());
            ser.append_pair(&name, &v);
            out.push_str(&ser.finish());
        } else {
            out.push_str(&name);
            if rng.below(8) != 0 {
                out.push('=');
            }
            out.push_str(&v);
        }
    }
    out
}

/// A valid full query with a few bytes changed, inserted or removed.
pub fn mutated_valid_query(rng: &mut Rng) -> Vec<u8> {
    let mut bytes = to_query(&UrlState::new(
        Model::default(),
        *rng.pick(&ThemeParam::ALL),
        None,
    ))
    .into_bytes();
    for _ in 0..=rng.below(6) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(3) {
            0 if at < bytes.len() => bytes[at] = (rng.next_u64() & 0xFF) as u8,
            1 => bytes.insert(at, *rng.pick(b"0123456789.-&=%+xFF")),
            _ if at < bytes.len() => {
                bytes.remove(at);
            }
            _ => {}
        }
    }
    bytes
}

/// Raw random bytes, any value.
pub fn bytes(rng: &mut Rng, max: usize) -> Vec<u8> {
    let len = rng.below(max + 1);
    (0..len).map(|_| (rng.next_u64() & 0xFF) as u8).collect()
}

/// A structured input for the targets: parts separated by [`crate::SEP`],
/// each an opcode (or parameter-picking) byte and a dictionary value.
pub fn structured(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..rng.below(30) {
        out.push((rng.next_u64() & 0x7F) as u8);
        out.extend_from_slice(value(rng).as_bytes());
        out.push(crate::SEP);
    }
    out
}

/// `count` inputs for the `url_state` target, the same every run.
pub fn url_state_inputs(count: usize) -> impl Iterator<Item = Vec<u8>> {
    let names = param_names();
    let mut rng = Rng::new(0x5EED_0F55_0B11);
    (0..count).map(move |i| match i % 5 {
        0 => bytes(&mut rng, 300),
        1 => mutated_valid_query(&mut rng),
        2 => structured(&mut rng),
        _ => query(&mut rng, &names).into_bytes(),
    })
}

/// `count` inputs for the `scenario` target, the same every run.
pub fn scenario_inputs(count: usize) -> impl Iterator<Item = Vec<u8>> {
    let mut rng = Rng::new(0x05CE_0A12_0550);
    (0..count).map(move |i| match i % 4 {
        0 => bytes(&mut rng, 200),
        _ => structured(&mut rng),
    })
}
