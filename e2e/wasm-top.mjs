// What takes the bytes in a WebAssembly file: a small stand-in for `twiggy top` (twiggy cannot be
// installed offline). No dependencies: it reads the binary format itself.
//
//   node e2e/wasm-top.mjs top  FILE.wasm [-n 40|all] [--by fn|crate] [--filter REGEX]
//   node e2e/wasm-top.mjs diff OLD.wasm NEW.wasm [-n 40|all] [--by fn|crate] [--filter REGEX]
//   node e2e/wasm-top.mjs refs FILE.wasm REGEX
//
// `top` lists the items by shallow bytes (largest first) with their share of the file: each function
// body (named from the custom "name" section when present, else `code[INDEX]`, the index counting
// imported functions first), each data segment (named from the name section's data names when
// present, else `data[i]`), and every other section as one item. Then the totals per section:
// code, data, the "name" section, other custom sections, the rest. The items add up to the file's
// size: a function's bytes are its body with its length prefix; a section's own header and item
// count are a `[... header]` item.
//
// `--by crate` sums the functions per crate: the first segment of the demangled path
// (`fund_charts`, `alloc`, `reactive_graph`, `rust_decimal`, `wasm_bindgen`...), two segments for
// `core` (`core::fmt`, `core::str`...), the type's crate for `<Type as Trait>::f` (the trait's when
// the type is a primitive, a slice, a tuple or a generic parameter); wasm-bindgen's generated
// functions (`__wbg*`, `__wbindgen*`, `__externref*`, closure shims) count as `wasm_bindgen`, the
// memory and libm builtins (memcpy, memset, round, fmax...) as `compiler_builtins`. Names are
// demangled when still mangled (Rust legacy `_ZN...E` fully; v0 `_R...` to its crate only). The hash (`::h0123...`), v0's crate
// disambiguator (`core[c5930c85a12de822]`) and wasm-bindgen's duplicate counter (`[2]`) are dropped,
// so two builds' names match; `top` and `diff` then sum the functions of one name (generic copies,
// closures) into one row and say how many (`(×14)`).
//
// `diff` sets two files side by side per name (or crate): old bytes, new bytes, delta, largest
// change first, with the totals of both files. Names that do not carry across builds are pooled:
// unnamed functions into one row, data segments by their name less its number (`.rodata.234`).
//
// `--filter REGEX` keeps the rows whose name matches (case-insensitive), e.g. `--filter float`.
//
// `refs` (a little of `twiggy paths`) tells, for each function whose name matches REGEX, which
// functions call it directly, its slots in the function table (how trait objects and fmt's
// function pointers reach it), and which functions store one of those slot numbers to memory as a
// constant: candidates for taking its address (an equal number stored for another reason counts
// too, so a small slot number gives many false ones; vtables in data segments are not searched).
//
// A named wasm: the shipped file (dist/*_bg.wasm) has no names: Trunk runs `wasm-opt -Oz`, which
// drops the name section. `scripts/wasm-names.sh [OUTDIR]` builds the same file as Trunk
// (index.html's `<link data-trunk rel="rust" data-bin="japan-fund-explainer" data-wasm-opt="z">`:
// `cargo build --release --locked --target wasm32-unknown-unknown --bin japan-fund-explainer`,
// `wasm-bindgen --target web --no-typescript` (which keeps and demangles the name section), then
// `wasm-opt -Oz`) but with `-g` on wasm-opt, which keeps the names. Less its name section it is the
// shipped file byte for byte (checked on main at ba5a2a8 against `trunk build --release`: 492393
// bytes; the named file 629011). With Trunk itself, `data-wasm-opt-params="-g"` on index.html's rust link
// would do the same (not for shipping); `data-keep-debug` alone would not: it only tells
// wasm-bindgen to keep DWARF, and wasm-opt still drops the names.
//
// Exit codes: 0 done; 1 a file is missing, unreadable or not a WebAssembly module (magic `\0asm`,
// version 1) or is malformed; 2 a usage error.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// By section id (13, tag: exception handling).
const SECTION_NAMES = [
  'custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start',
  'element', 'code', 'data', 'datacount', 'tag',
];

export class WasmError extends Error {}

class Reader {
  constructor(buf, pos = 0, end = buf.length) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }
  fail(what) {
    throw new WasmError(`malformed wasm: ${what} at byte ${this.pos}`);
  }
  byte() {
    if (this.pos >= this.end) this.fail('unexpected end');
    return this.buf[this.pos++];
  }
  // Unsigned LEB128 (up to 64 bits; returned as a Number, exact up to 2^53).
  u32() {
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.byte();
      result += (b & 0x7f) * mul;
      if (!(b & 0x80)) return result;
      mul *= 128;
    }
    return this.fail('LEB128 too long');
  }
  // Signed LEB128 up to 32 bits (i32.const).
  sleb() {
    let result = 0;
    let shift = 0;
    let b;
    do {
      b = this.byte();
      if (shift < 32) result |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80 && shift < 70);
    if (shift < 32 && b & 0x40) result |= -1 << shift;
    return result | 0;
  }
  // Signed LEB128, only skipped (constant expressions).
  skipLeb() {
    for (let i = 0; i < 10; i++) if (!(this.byte() & 0x80)) return;
    this.fail('LEB128 too long');
  }
  skip(n) {
    if (this.pos + n > this.end) this.fail('unexpected end');
    this.pos += n;
  }
  name() {
    const len = this.u32();
    const start = this.pos;
    this.skip(len);
    return this.buf.toString('utf8', start, start + len);
  }
  // A reference or value type: one byte, or (typed function references/GC) 0x63/0x64 + heap type.
  valType() {
    const b = this.byte();
    if (b === 0x63 || b === 0x64) this.skipLeb();
  }
  limits() {
    const flags = this.byte();
    this.u32();
    if (flags & 1) this.u32();
  }
  // A constant expression: instructions up to `end` (0x0b).
  constExpr() {
    for (;;) {
      const op = this.byte();
      if (op === 0x0b) return;
      if (op === 0x41 || op === 0x42 || op === 0x23 || op === 0xd2) this.skipLeb();
      else if (op === 0x43) this.skip(4);
      else if (op === 0x44) this.skip(8);
      else if (op === 0xd0) this.skipLeb(); // ref.null heaptype
      else if ([0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e].includes(op)) continue; // extended-const
      else if (op === 0xfd) { this.u32(); this.skip(16); } // v128.const
      else this.fail(`unsupported constant expression opcode 0x${op.toString(16)}`);
    }
  }
}

// Parses a wasm binary into sections and sized items. Throws WasmError when it is not one.
export function parseWasm(buf, label = 'input') {
  if (buf.length < 8 || buf.readUInt32BE(0) !== 0x0061736d) {
    throw new WasmError(`${label}: not a WebAssembly module (no \\0asm magic at the start)`);
  }
  const version = buf.readUInt32LE(4);
  if (version !== 1) {
    throw new WasmError(`${label}: unsupported WebAssembly version ${version} (want 1; a component or layer is not a core module)`);
  }
  const r = new Reader(buf, 8);
  const sections = [];
  while (r.pos < buf.length) {
    const start = r.pos;
    const id = r.byte();
    const size = r.u32();
    const payload = r.pos;
    if (payload + size > buf.length) r.fail(`section ${id} runs past the end of the file`);
    let name = SECTION_NAMES[id];
    if (name === undefined) r.fail(`unknown section id ${id}`);
    let customName = null;
    if (id === 0) {
      const cr = new Reader(buf, payload, payload + size);
      customName = cr.name();
      name = `custom "${customName}"`;
    }
    sections.push({ id, name, customName, start, payload, end: payload + size, bytes: payload + size - start });
    r.pos = payload + size;
  }

  let importedFuncs = 0;
  let functionNames = new Map();
  let dataNames = new Map();
  const items = [];
  const sectionOf = (id) => sections.find((s) => s.id === id);

  const imp = sectionOf(2);
  if (imp) {
    const ir = new Reader(buf, imp.payload, imp.end);
    const count = ir.u32();
    for (let i = 0; i < count; i++) {
      ir.name();
      ir.name();
      const kind = ir.byte();
      if (kind === 0) { ir.u32(); importedFuncs++; }
      else if (kind === 1) { ir.valType(); ir.limits(); }
      else if (kind === 2) ir.limits();
      else if (kind === 3) { ir.valType(); ir.byte(); }
      else if (kind === 4) { ir.byte(); ir.u32(); }
      else ir.fail(`unknown import kind ${kind}`);
    }
  }

  const nameSec = sections.find((s) => s.id === 0 && s.customName === 'name');
  if (nameSec) {
    try {
      const nr = new Reader(buf, nameSec.payload, nameSec.end);
      nr.name();
      while (nr.pos < nr.end) {
        const sub = nr.byte();
        const len = nr.u32();
        const subEnd = nr.pos + len;
        if (sub === 1 || sub === 9) {
          const map = new Map();
          const sr = new Reader(buf, nr.pos, subEnd);
          const count = sr.u32();
          for (let i = 0; i < count; i++) {
            const idx = sr.u32();
            map.set(idx, sr.name());
          }
          if (sub === 1) functionNames = map;
          else dataNames = map;
        }
        nr.pos = subEnd;
      }
    } catch (e) {
      if (!(e instanceof WasmError)) throw e;
      // A broken name section leaves the functions unnamed; the sizes still hold.
    }
  }

  for (const s of sections) {
    if (s.id === 10 || s.id === 11) {
      const sr = new Reader(buf, s.payload, s.end);
      const count = sr.u32();
      const kind = s.id === 10 ? 'code' : 'data';
      items.push({ kind: 'header', section: kind, name: `[${kind} section header]`, bytes: sr.pos - s.start });
      for (let i = 0; i < count; i++) {
        const at = sr.pos;
        if (s.id === 10) {
          const size = sr.u32();
          sr.skip(size);
          const index = importedFuncs + i;
          const raw = functionNames.get(index);
          items.push({ kind: 'function', section: 'code', index, raw: raw ?? null, name: raw ?? `code[${index}]`, bytes: sr.pos - at, bodyStart: sr.pos - size, bodyEnd: sr.pos });
        } else {
          const flags = sr.u32();
          let address = null;
          if (flags === 0) address = constI32(sr);
          else if (flags === 2) { sr.u32(); address = constI32(sr); }
          else if (flags !== 1) sr.fail(`unknown data segment flags ${flags}`);
          const size = sr.u32();
          sr.skip(size);
          const dn = dataNames.get(i);
          items.push({ kind: 'data', section: 'data', index: i, raw: dn ?? null, name: dn ? `data ${dn}` : `data[${i}]`, bytes: sr.pos - at, address, dataStart: sr.pos - size, dataEnd: sr.pos });
        }
      }
      if (sr.pos !== s.end) items.push({ kind: 'header', section: kind, name: `[${kind} section trailing bytes]`, bytes: s.end - sr.pos });
    } else {
      items.push({ kind: 'section', section: s.name, name: s.id === 0 ? `custom section "${s.customName}"` : `${s.name} section`, bytes: s.bytes });
    }
  }
  items.push({ kind: 'header', section: 'header', name: '[wasm header]', bytes: 8 });

  const totals = { code: 0, data: 0, names: 0, customOther: new Map(), other: new Map(), header: 8 };
  for (const s of sections) {
    if (s.id === 10) totals.code += s.bytes;
    else if (s.id === 11) totals.data += s.bytes;
    else if (s.id === 0 && s.customName === 'name') totals.names += s.bytes;
    else if (s.id === 0) totals.customOther.set(s.customName, (totals.customOther.get(s.customName) ?? 0) + s.bytes);
    else totals.other.set(s.name, (totals.other.get(s.name) ?? 0) + s.bytes);
  }
  return {
    size: buf.length,
    sections,
    items,
    importedFuncs,
    hasFunctionNames: functionNames.size > 0,
    functionNames,
    buf,
    totals,
  };
}

// ---- names ------------------------------------------------------------------------------------

const LEGACY_ESCAPES = {
  SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',',
};

// Rust legacy mangling: _ZN <len><ident>... E, the last ident `h<16 hex>` being the hash.
export function demangleLegacy(sym) {
  let s = sym;
  if (s.startsWith('__ZN')) s = s.slice(1);
  if (!s.startsWith('_ZN')) return null;
  let i = 3;
  const parts = [];
  while (i < s.length && s[i] !== 'E') {
    let j = i;
    while (j < s.length && s[j] >= '0' && s[j] <= '9') j++;
    if (j === i) return null;
    const len = Number(s.slice(i, j));
    let ident = s.slice(j, j + len);
    if (ident.length !== len) return null;
    i = j + len;
    if (ident.startsWith('_$')) ident = ident.slice(1);
    ident = ident
      .replace(/\$([A-Z]{1,2})\$/g, (m, k) => LEGACY_ESCAPES[k] ?? m)
      .replace(/\$u([0-9a-f]{2,})\$/g, (m, h) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/\.\./g, '::');
    parts.push(ident);
  }
  if (s[i] !== 'E') return null;
  if (parts.length > 1 && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  return parts.join('::');
}

// Rust v0 mangling, far enough to find the crate: _R [decimal] then N<ns>/I/M/X/Y prefixes down to
// C <ident>. Returns the crate name or null.
export function v0Crate(sym) {
  const m = /^_R[0-9]*/.exec(sym);
  if (!m) return null;
  let i = m[0].length;
  for (let guard = 0; guard < 64 && i < sym.length; guard++) {
    const c = sym[i];
    if (c === 'N') i += 2;
    else if (c === 'I') i += 1;
    else if (c === 'M' || c === 'X' || c === 'Y') {
      i += 1;
      if (sym[i] === 's') { while (i < sym.length && sym[i] !== '_') i++; i++; }
    } else if (c === 'C') {
      i += 1;
      if (sym[i] === 's') { while (i < sym.length && sym[i] !== '_') i++; i++; }
      if (sym[i] === 'u') i++;
      const d = /^[0-9]+/.exec(sym.slice(i));
      if (!d) return null;
      i += d[0].length;
      if (sym[i] === '_') i++;
      return sym.slice(i, i + Number(d[0]));
    } else return null;
  }
  return null;
}

// A display name without the hash or wasm-bindgen's duplicate counter.
export function cleanName(raw) {
  if (raw == null) return raw;
  let name = raw;
  const legacy = demangleLegacy(name);
  if (legacy) name = legacy;
  return name
    .replace(/\[\d+\]$/, '')
    .replace(/(\.llvm)?\.\d+$/, '') // a local symbol's suffix (`::h0123....749`)
    .replace(/::h[0-9a-f]{16}$/, '')
    .replace(/\[[0-9a-f]{16}\]/g, ''); // v0's crate disambiguators: core[c5930c85a12de822]::fmt
}

const BUILTINS = /^(memcpy|memmove|memset|memcmp|bcmp|strlen|(round|floor|ceil|trunc|fmax|fmin|fmod|pow|exp|log|log10|log2|sqrt|cbrt|hypot|sin|cos|tan)f?|__(ashl|ashr|lshr|mul|div|mod|udiv|umod|fix|float|extend|trunc)[a-z0-9_]*)$/;
const PRIMITIVE = /^(bool|char|str|u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize|f32|f64|!|dyn\b.*|fn\b.*)$/;

// Splits `a::b<c::d>::e` at top-level `::` (not inside <...>, (...) or [...]).
function topSegments(path) {
  const out = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (ch === '<' || ch === '(' || ch === '[') depth++;
    else if ((ch === '>' && path[i - 1] !== '-') || ch === ')' || ch === ']') depth--;
    if (depth === 0 && ch === ':' && path[i + 1] === ':') {
      out.push(cur);
      cur = '';
      i++;
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

// `<A as B>` → [A, B]; `<A>` → [A, null].
function splitQualified(seg) {
  const inner = seg.slice(1, -1);
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '<' || ch === '(' || ch === '[') depth++;
    else if ((ch === '>' && inner[i - 1] !== '-') || ch === ')' || ch === ']') depth--;
    else if (depth === 0 && inner.startsWith(' as ', i)) return [inner.slice(0, i), inner.slice(i + 4)];
  }
  return [inner, null];
}

function typeCrate(ty, depth = 0) {
  let t = ty.trim().replace(/^(&mut |&|\*const |\*mut |dyn |impl )+/, '').trim();
  if (!t || depth > 8) return null;
  if (t.startsWith('[') || t.startsWith('(')) return null; // slice, array, tuple: no crate of its own
  if (PRIMITIVE.test(t)) return null;
  if (topSegments(t).length < 2) return null; // a generic parameter (T, F)
  return pathCrate(t, depth + 1);
}

function pathCrate(name, depth = 0) {
  const segs = topSegments(name);
  const first = segs[0];
  if (first.startsWith('<') && first.endsWith('>')) {
    const [self, trait] = splitQualified(first);
    return typeCrate(self, depth) ?? (trait ? pathCrate(trait, depth + 1) : null) ?? 'core';
  }
  const base = first.replace(/<.*$/, '');
  if (!base) return null;
  if (base === 'core' && segs.length > 2) return `core::${segs[1].replace(/<.*$/, '')}`;
  return base;
}

// The crate (or group) a function name counts toward.
export function crateOf(raw) {
  if (raw == null) return '(unnamed)';
  const v0 = raw.startsWith('_R') ? v0Crate(raw) : null;
  if (v0) return v0;
  const name = cleanName(raw);
  if (/^__(wbg|wbindgen|externref)|^Closure\(/.test(name)) return 'wasm_bindgen';
  if (/ shim$/.test(name) && !/^[A-Za-z_][A-Za-z0-9_]*::/.test(name)) return 'wasm_bindgen'; // `Ref(String) -> Externref externref shim`
  if (BUILTINS.test(name)) return 'compiler_builtins';
  if (!name.includes('::')) return `(no path) ${name.length > 40 ? `${name.slice(0, 40)}…` : name}`;
  return pathCrate(name) ?? '(other)';
}

// ---- references (for `refs`) -------------------------------------------------------------------

// A constant expression's value when it is a lone i32.const (an active segment's offset).
function constI32(r) {
  const op = r.byte();
  if (op !== 0x41) { r.pos--; r.constExpr(); return null; }
  const v = r.sleb();
  if (r.byte() !== 0x0b) return null;
  return v;
}

// Function index → the table slots it is placed in (active element segments with a constant offset).
function tableSlots(mod) {
  const slots = new Map();
  const sec = mod.sections.find((x) => x.id === 9);
  if (!sec) return slots;
  const r = new Reader(mod.buf, sec.payload, sec.end);
  const count = r.u32();
  for (let i = 0; i < count; i++) {
    const flags = r.u32();
    let offset = null;
    if (flags === 0 || flags === 4) offset = constI32(r);
    else if (flags === 2 || flags === 6) { r.u32(); offset = constI32(r); }
    if (flags === 1 || flags === 2 || flags === 3) r.byte(); // elemkind
    else if (flags === 5 || flags === 6 || flags === 7) r.valType(); // reftype
    const n = r.u32();
    for (let k = 0; k < n; k++) {
      let f = null;
      if (flags & 4) {
        const op = r.byte();
        if (op === 0xd2) { f = r.u32(); r.byte(); } else { r.pos--; r.constExpr(); }
      } else f = r.u32();
      if (f !== null && offset !== null && !(flags & 1)) {
        if (!slots.has(f)) slots.set(f, []);
        slots.get(f).push(offset + k);
      }
    }
  }
  return slots;
}

// Places in the active data segments shaped like a Rust vtable whose methods include one of
// `slots`: [drop_in_place slot, size, align (a power of two up to 16, dividing size), methods...].
// Only the first 8 methods are looked at. The shape can match by chance: read the rows as leads.
function vtables(mod, slots) {
  const found = [];
  const want = new Set(slots);
  for (const seg of mod.items) {
    if (seg.kind !== 'data' || seg.address == null) continue;
    const words = Math.floor((seg.dataEnd - seg.dataStart) / 4);
    const lead = (4 - (seg.address % 4)) % 4; // align to the address, not the segment
    const word = (k) => mod.buf.readUInt32LE(seg.dataStart + lead + 4 * k);
    for (let j = 3; j < words - (lead ? 1 : 0); j++) {
      if (!want.has(word(j))) continue;
      for (let m = 0; m < 8 && j - m - 3 >= 0; m++) {
        const align = word(j - m - 1);
        const size = word(j - m - 2);
        if (![1, 2, 4, 8, 16].includes(align) || size % align !== 0 || size > 1 << 20) continue;
        found.push({ address: seg.address + lead + 4 * (j - m - 3), size, align, method: m });
        break;
      }
    }
  }
  return found;
}

const NO_IMMEDIATE = new Set([0x00, 0x01, 0x05, 0x0b, 0x0f, 0x1a, 0x1b, 0xd1]);
const BLOCK_VALTYPES = new Set([0x40, 0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x70, 0x6f]);

// Decodes one body: the functions it calls, its i32 constants, and those it stores to memory at once
// (`i32.const K` then `i32.store`: how a function pointer goes into a struct, e.g. fmt's arguments). Returns null where an
// opcode is not known here (SIMD, exceptions, GC...).
function scanBody(buf, start, end) {
  const r = new Reader(buf, start, end);
  const calls = new Map();
  const consts = new Set();
  const stored = new Set();
  let lastConst = null;
  try {
    const groups = r.u32();
    for (let i = 0; i < groups; i++) { r.u32(); r.valType(); }
    while (r.pos < end) {
      const op = r.byte();
      if (op === 0x36 && lastConst !== null) stored.add(lastConst); // i32.const K; i32.store: K stored
      lastConst = null;
      if (NO_IMMEDIATE.has(op) || (op >= 0x45 && op <= 0xc4)) continue;
      if (op >= 0x02 && op <= 0x04) {
        const b = r.byte();
        if (b === 0x63 || b === 0x64) r.skipLeb();
        else if (!BLOCK_VALTYPES.has(b)) { r.pos--; r.skipLeb(); }
      } else if (op === 0x0c || op === 0x0d || (op >= 0x20 && op <= 0x26) || op === 0xd0 || op === 0xd2) r.u32();
      else if (op === 0x0e) { const n = r.u32(); for (let i = 0; i <= n; i++) r.u32(); }
      else if (op === 0x10 || op === 0x12) { const f = r.u32(); calls.set(f, (calls.get(f) ?? 0) + 1); }
      else if (op === 0x11 || op === 0x13) { r.u32(); r.u32(); }
      else if (op === 0x1c) { const n = r.u32(); for (let i = 0; i < n; i++) r.valType(); }
      else if (op >= 0x28 && op <= 0x3e) { const align = r.u32(); if (align & 0x40) r.u32(); r.u32(); }
      else if (op === 0x3f || op === 0x40) r.u32();
      else if (op === 0x41) { lastConst = r.sleb(); consts.add(lastConst); }
      else if (op === 0x42) r.skipLeb();
      else if (op === 0x43) r.skip(4);
      else if (op === 0x44) r.skip(8);
      else if (op === 0xfc) {
        const sub = r.u32();
        if (sub <= 7) continue;
        if (sub === 8 || sub === 10 || sub === 12 || sub === 14) { r.u32(); r.u32(); }
        else if (sub === 9 || sub === 11 || sub === 13 || (sub >= 15 && sub <= 17)) r.u32();
        else return null;
      } else return null;
    }
  } catch (e) {
    if (e instanceof WasmError) return null;
    throw e;
  }
  return { calls, consts, stored };
}

// For the functions whose name matches `pattern`: their size, the functions that call them directly,
// their table slots (how `dyn` methods and fmt's function pointers reach them) and the functions that
// store one of those slot numbers to memory as a constant: candidates, not proof, for taking its
// address (any equal number stored counts; a small slot number often is); vtables in data segments
// are not searched.
export function formatRefs(mod, pattern, { file = '' } = {}) {
  const fname = (i) => {
    const raw = mod.functionNames.get(i);
    return raw == null ? `code[${i}]` : cleanName(raw);
  };
  const fns = mod.items.filter((it) => it.kind === 'function');
  const targets = fns.filter((it) => pattern.test(it.raw == null ? it.name : cleanName(it.raw)));
  const out = [];
  if (file) out.push(`${file}: ${mod.size} bytes`);
  if (!mod.hasFunctionNames) out.push('note: no function names (no "name" section): match against code[INDEX].');
  if (!targets.length) {
    out.push(`no function matches ${pattern}`);
    return out.join('\n');
  }
  const slots = tableSlots(mod);
  const scans = new Map();
  let unknown = 0;
  for (const it of fns) {
    const res = scanBody(mod.buf, it.bodyStart, it.bodyEnd);
    if (res) scans.set(it.index, res);
    else unknown++;
  }
  for (const t of targets) {
    out.push('');
    out.push(`${fname(t.index)}  [function ${t.index}, ${t.bytes} bytes]`);
    const callers = [];
    const holders = [];
    const mySlots = slots.get(t.index) ?? [];
    for (const [idx, res] of scans) {
      const n = res.calls.get(t.index);
      if (n) callers.push(`${fname(idx)}  [${idx}]${n > 1 ? ` ×${n}` : ''}`);
      if (mySlots.some((slot) => res.stored.has(slot))) holders.push(`${fname(idx)}  [${idx}]`);
    }
    out.push(`  called directly by (${callers.length}):`);
    for (const c of callers.sort()) out.push(`    ${c}`);
    out.push(`  table slots: ${mySlots.length ? mySlots.join(', ') : 'none (not reachable through a function pointer)'}`);
    if (mySlots.length) {
      out.push(`  functions storing a slot number as a constant (${holders.length}; candidates: an equal number counts too):`);
      for (const h of holders.sort()) out.push(`    ${h}`);
      const tables = vtables(mod, mySlots);
      out.push(`  vtables in data holding a slot (drop, size, align, methods...: ${tables.length}):`);
      for (const v of tables) {
        const users = [...scans].filter(([, res]) => res.consts.has(v.address)).map(([idx]) => `${fname(idx)}  [${idx}]`);
        out.push(`    at ${v.address} (size ${v.size}, align ${v.align}, method ${v.method}); functions using that address (${users.length}):`);
        for (const u of users.sort()) out.push(`      ${u}`);
      }
    }
  }
  if (unknown) out.push(`\nnote: ${unknown} function bodies use instructions not decoded here; their calls are not counted.`);
  return out.join('\n');
}

// ---- grouping and printing --------------------------------------------------------------------

// Rows for one parsed module: name → {bytes, count}. Non-function items keep their own names.
// With `diff` set, the names that differ between builds of the same code are pooled: functions
// without a name (`code[INDEX]`) and data segments' numbers (`.rodata.234`).
export function rows(mod, by, diff = false) {
  const map = new Map();
  const add = (key, bytes) => {
    const row = map.get(key) ?? { name: key, bytes: 0, count: 0 };
    row.bytes += bytes;
    row.count += 1;
    map.set(key, row);
  };
  for (const it of mod.items) {
    if (it.kind === 'function') {
      if (by === 'crate') add(crateOf(it.raw), it.bytes);
      else if (it.raw == null) add(diff ? '(functions without a name)' : it.name, it.bytes);
      else add(cleanName(it.raw), it.bytes);
    } else if (by === 'crate') {
      if (it.kind === 'data') add('[data segments]', it.bytes);
      else add(it.section === 'code' ? '[code section header]' : it.name, it.bytes);
    } else if (diff && it.kind === 'data') add(it.raw == null ? '[data segments without a name]' : `data ${it.raw.replace(/\.\d+$/, '')}`, it.bytes);
    else add(it.name, it.bytes);
  }
  return [...map.values()];
}

function pct(n, total) {
  return total ? `${((100 * n) / total).toFixed(2)}%` : '-';
}

function table(header, body, alignRight) {
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  const fmt = (r, sep) => r.map((cell, c) => {
    if (c === r.length - 1) return cell;
    return alignRight[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]);
  }).join(sep);
  const line = widths.map((w, c) => (c === widths.length - 1 ? '─'.repeat(Math.min(w, 60)) : '─'.repeat(w))).join('─┼─');
  return [fmt(header, ' │ '), line, ...body.map((r) => fmt(r, ' ┊ '))].join('\n');
}

function printSectionTotals(mod) {
  const t = mod.totals;
  const body = [];
  const add = (label, n) => body.push([String(n), pct(n, mod.size), label]);
  add('code', t.code);
  add('data', t.data);
  add('custom "name"', t.names);
  for (const [k, v] of [...t.customOther].sort((x, y) => y[1] - x[1])) add(`custom "${k}"`, v);
  let other = t.header;
  for (const v of t.other.values()) other += v;
  add(`other sections (${[...t.other.keys()].join(', ') || 'none'}) and the 8-byte header`, other);
  add('file', mod.size);
  return table(['Bytes', '% of file', 'Section'], body, [true, true, false]);
}

function limit(list, n) {
  return n === Infinity ? list : list.slice(0, n);
}

export function formatTop(mod, { n = 40, by = 'fn', filter = null, file = '' } = {}) {
  let list = rows(mod, by).sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  if (filter) list = list.filter((r) => filter.test(r.name));
  const shown = limit(list, n);
  const rest = list.slice(shown.length);
  const sum = (l) => l.reduce((s, r) => s + r.bytes, 0);
  const body = shown.map((r) => [String(r.bytes), pct(r.bytes, mod.size), r.count > 1 ? `${r.name} (×${r.count})` : r.name]);
  if (rest.length) body.push([String(sum(rest)), pct(sum(rest), mod.size), `... and ${rest.length} more`]);
  body.push([String(sum(list)), pct(sum(list), mod.size), filter ? `Σ [${list.length} rows matching ${filter}]` : `Σ [${list.length} rows]`]);
  const out = [];
  if (file) out.push(`${file}: ${mod.size} bytes`);
  if (!mod.hasFunctionNames) out.push('note: no function names (no "name" section); functions are code[INDEX]. See the header of e2e/wasm-top.mjs for a named build.');
  out.push(table(['Shallow Bytes', 'Shallow %', by === 'crate' ? 'Crate' : 'Item'], body, [true, true, false]));
  out.push('');
  out.push(printSectionTotals(mod));
  return out.join('\n');
}

export function formatDiff(oldMod, newMod, { n = 40, by = 'fn', filter = null, oldFile = '', newFile = '' } = {}) {
  const a = new Map(rows(oldMod, by, true).map((r) => [r.name, r]));
  const b = new Map(rows(newMod, by, true).map((r) => [r.name, r]));
  let list = [...new Set([...a.keys(), ...b.keys()])].map((name) => {
    const o = a.get(name);
    const w = b.get(name);
    return { name, old: o?.bytes ?? 0, new: w?.bytes ?? 0, oc: o?.count ?? 0, nc: w?.count ?? 0 };
  });
  if (filter) list = list.filter((r) => filter.test(r.name));
  list = list.filter((r) => r.old !== r.new || r.oc !== r.nc);
  list.sort((x, y) => Math.abs(y.new - y.old) - Math.abs(x.new - x.old) || x.name.localeCompare(y.name));
  const shown = limit(list, n);
  const rest = list.slice(shown.length);
  const sign = (d) => (d > 0 ? `+${d}` : String(d));
  const label = (r) => {
    if (r.oc === 0) return `${r.name} (new)`;
    if (r.nc === 0) return `${r.name} (gone)`;
    if ((r.oc > 1 || r.nc > 1) && r.oc !== r.nc) return `${r.name} (×${r.oc} → ×${r.nc})`;
    if (r.oc > 1) return `${r.name} (×${r.oc})`;
    return r.name;
  };
  const body = shown.map((r) => [String(r.old), String(r.new), sign(r.new - r.old), label(r)]);
  const sum = (l, k) => l.reduce((s, r) => s + r[k], 0);
  if (rest.length) body.push([String(sum(rest, 'old')), String(sum(rest, 'new')), sign(sum(rest, 'new') - sum(rest, 'old')), `... and ${rest.length} more changed`]);
  if (filter) body.push([String(sum(list, 'old')), String(sum(list, 'new')), sign(sum(list, 'new') - sum(list, 'old')), `Σ [${list.length} changed rows matching ${filter}]`]);
  body.push([String(oldMod.size), String(newMod.size), sign(newMod.size - oldMod.size), 'Σ [whole file]']);
  const out = [];
  if (oldFile || newFile) out.push(`old: ${oldFile} (${oldMod.size} bytes)\nnew: ${newFile} (${newMod.size} bytes)`);
  for (const [m, f] of [[oldMod, 'old'], [newMod, 'new']]) {
    if (!m.hasFunctionNames) out.push(`note: the ${f} file has no function names; functions are code[INDEX], which do not match across builds.`);
  }
  out.push(table(['Old Bytes', 'New Bytes', 'Delta', by === 'crate' ? 'Crate' : 'Item'], body, [true, true, true, false]));
  out.push('');
  const t = (m) => {
    let other = m.totals.header;
    for (const v of m.totals.other.values()) other += v;
    let custom = 0;
    for (const v of m.totals.customOther.values()) custom += v;
    return { code: m.totals.code, data: m.totals.data, names: m.totals.names, custom, other, file: m.size };
  };
  const to = t(oldMod);
  const tn = t(newMod);
  const labels = { code: 'code', data: 'data', names: 'custom "name"', custom: 'other custom sections', other: 'other sections and header', file: 'file' };
  out.push(table(['Old Bytes', 'New Bytes', 'Delta', 'Section'], Object.keys(labels).map((k) => [String(to[k]), String(tn[k]), sign(tn[k] - to[k]), labels[k]]), [true, true, true, false]));
  return out.join('\n');
}

// ---- command line -----------------------------------------------------------------------------

const USAGE = `usage:
  node e2e/wasm-top.mjs top  FILE.wasm [-n 40|all] [--by fn|crate] [--filter REGEX]
  node e2e/wasm-top.mjs diff OLD.wasm NEW.wasm [-n 40|all] [--by fn|crate] [--filter REGEX]
  node e2e/wasm-top.mjs refs FILE.wasm REGEX`;

class UsageError extends Error {}

function load(file) {
  let buf;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    if (e.code === 'ENOENT') throw new WasmError(`${file}: no such file`);
    if (e.code === 'EISDIR') throw new WasmError(`${file}: is a directory, not a .wasm file`);
    throw new WasmError(`${file}: cannot read (${e.code ?? e.message})`);
  }
  return parseWasm(buf, file);
}

export function main(argv) {
  const [cmd, ...rest] = argv;
  if (cmd === '-h' || cmd === '--help') return { code: 0, out: USAGE };
  if (cmd === 'refs') {
    if (rest.length !== 2) throw new UsageError('refs takes a file and a REGEX');
    let re;
    try { re = new RegExp(rest[1], 'i'); } catch (e) { throw new UsageError(`refs: ${e.message}`); }
    return { code: 0, out: formatRefs(load(rest[0]), re, { file: rest[0] }) };
  }
  if (cmd !== 'top' && cmd !== 'diff') throw new UsageError(cmd ? `unknown command ${JSON.stringify(cmd)}` : 'no command');
  const files = [];
  const opts = { n: 40, by: 'fn', filter: null };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const next = () => {
      if (i + 1 >= rest.length) throw new UsageError(`${a} needs a value`);
      return rest[++i];
    };
    if (a === '-n') {
      const v = next();
      if (v === 'all') opts.n = Infinity;
      else if (/^[0-9]+$/.test(v)) opts.n = Number(v);
      else throw new UsageError(`-n needs a whole number or "all", got ${JSON.stringify(v)}`);
    } else if (a === '--by') {
      const v = next();
      if (v !== 'fn' && v !== 'crate') throw new UsageError(`--by is fn or crate, got ${JSON.stringify(v)}`);
      opts.by = v;
    } else if (a === '--filter') {
      const v = next();
      try { opts.filter = new RegExp(v, 'i'); } catch (e) { throw new UsageError(`--filter: ${e.message}`); }
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  const want = cmd === 'top' ? 1 : 2;
  if (files.length !== want) throw new UsageError(`${cmd} takes ${want === 1 ? 'one file' : 'two files'}, got ${files.length}`);
  if (cmd === 'top') return { code: 0, out: formatTop(load(files[0]), { ...opts, file: files[0] }) };
  return { code: 0, out: formatDiff(load(files[0]), load(files[1]), { ...opts, oldFile: files[0], newFile: files[1] }) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { code, out } = main(process.argv.slice(2));
    process.stdout.write(`${out}\n`);
    process.exitCode = code;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`wasm-top: ${e.message}\n${USAGE}`);
      process.exitCode = 2;
    } else if (e instanceof WasmError) {
      console.error(`wasm-top: ${e.message}`);
      process.exitCode = 1;
    } else throw e;
  }
}
