// e2e/wasm-top.mjs (our stand-in for `twiggy top`) on a wasm module built here in memory: one
// imported function, three bodies of known sizes (one calling another), a data segment and a name
// section. No build, no browser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseWasm, crateOf, cleanName, demangleLegacy, v0Crate, main, WasmError } from '../wasm-top.mjs';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'wasm-top.mjs');

const leb = (n) => {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const str = (s) => [...leb(Buffer.byteLength(s)), ...Buffer.from(s)];
const vec = (items) => [...leb(items.length), ...items.flat()];
const section = (id, bytes) => [id, ...leb(bytes.length), ...bytes];

// A body: no locals, `nop` × k, `end`. Its bytes in the file: the length prefix plus the body.
const body = (k) => {
  const b = [0x00, ...Array(k).fill(0x01), 0x0b];
  return [...leb(b.length), ...b];
};

const NAMES = [
  [0, 'env_import'],
  [1, '_ZN11fund_charts8recorder4draw17h0123456789abcdefE'],
  [2, 'core::fmt::float::float_to_decimal_common_shortest::hfedcba9876543210'],
  [3, '<alloc::vec::Vec<T,A> as core::clone::Clone>::clone::h00112233445566aa'],
];

function module() {
  // 200 nops: a two-byte length prefix. The third calls the second twice (`call 2`).
  const bodies = [body(200), body(10), [6, 0x00, 0x10, 0x02, 0x10, 0x02, 0x0b]];
  const data = [0x00, 0x41, ...leb(16), 0x0b, ...leb(300), ...Array(300).fill(7)]; // active, i32.const 16
  const names = [
    ...str('name'),
    ...section(1, vec(NAMES.map(([i, n]) => [...leb(i), ...str(n)]))),
    ...section(9, vec([[0, ...str('.rodata')]])),
  ];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([[0x60, 0x00, 0x00]])), // type 0: [] -> []
    ...section(2, vec([[...str('env'), ...str('f'), 0x00, 0x00]])), // one imported function
    ...section(3, vec([[0x00], [0x00], [0x00]])),
    ...section(5, vec([[0x00, 0x01]])), // memory, 1 page
    ...section(10, vec(bodies)),
    ...section(11, vec([data])),
    ...section(0, names),
  ];
  return { buf: Buffer.from(bytes), bodies, data };
}

function tmpFile(name, buf) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-top-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, buf);
  return file;
}

// The command line in a child process (exit codes, stderr); in process for the output (quicker).
const run = (...args) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
const cli = (...args) => {
  const { code, out } = main(args);
  return { status: code, stdout: out, stderr: '' };
};

test('parses bodies, data and names; the items add up to the file', () => {
  const { buf, bodies, data } = module();
  const mod = parseWasm(buf);
  assert.equal(mod.importedFuncs, 1);
  assert.ok(mod.hasFunctionNames);
  const fns = mod.items.filter((i) => i.kind === 'function');
  assert.deepEqual(fns.map((f) => f.index), [1, 2, 3]); // the import takes index 0
  assert.deepEqual(fns.map((f) => f.bytes), bodies.map((b) => b.length));
  assert.equal(fns[0].bytes, 2 + 202); // two-byte LEB128 prefix, locals count, 200 nops, end
  assert.equal(fns[0].raw, NAMES[1][1]);
  const segs = mod.items.filter((i) => i.kind === 'data');
  assert.equal(segs.length, 1);
  assert.equal(segs[0].bytes, data.length);
  assert.equal(segs[0].name, 'data .rodata');
  assert.equal(mod.items.reduce((s, i) => s + i.bytes, 0), buf.length);
  const codeSec = mod.sections.find((s) => s.id === 10);
  assert.equal(mod.totals.code, codeSec.bytes);
  assert.ok(mod.totals.names > 0);
});

test('names: legacy demangling, hashes dropped, crates', () => {
  assert.equal(demangleLegacy('_ZN11fund_charts8recorder4draw17h0123456789abcdefE'), 'fund_charts::recorder::draw');
  assert.equal(demangleLegacy('_ZN4core3fmt5float29float_to_decimal_common_exact17h0000000000000000E'), 'core::fmt::float::float_to_decimal_common_exact');
  assert.equal(demangleLegacy('_ZN60_$LT$alloc..string..String$u20$as$u20$core..fmt..Display$GT$3fmt17habcdefabcdefabcdE'), '<alloc::string::String as core::fmt::Display>::fmt');
  assert.equal(v0Crate('_RNvCs1234_7mycrate3foo'), 'mycrate');
  assert.equal(v0Crate('_RNvNtCsd4rMj0Ygf_11fund_charts5scene4draw'), 'fund_charts');
  assert.equal(cleanName('core::fmt::Formatter::pad::h0123456789abcdef[2]'), 'core::fmt::Formatter::pad');
  assert.equal(cleanName('rust_decimal::ops::Sub::sub::h266703fd13ae0834.749'), 'rust_decimal::ops::Sub::sub');
  assert.equal(cleanName('core[c5930c85a12de822]::fmt::float::float_to_decimal_common_exact::<f64>'), 'core::fmt::float::float_to_decimal_common_exact::<f64>');
  assert.equal(crateOf('_ZN11fund_charts8recorder4draw17h0123456789abcdefE'), 'fund_charts');
  assert.equal(crateOf('core::fmt::float::float_to_decimal_common_shortest::h0123456789abcdef'), 'core::fmt');
  assert.equal(crateOf('<alloc::vec::Vec<T,A> as core::clone::Clone>::clone::h00112233445566aa'), 'alloc');
  assert.equal(crateOf('<&T as core::fmt::Display>::fmt'), 'core::fmt');
  assert.equal(crateOf('<f64 as core::fmt::Display>::fmt'), 'core::fmt');
  assert.equal(crateOf('<[T]>::sort'), 'core');
  assert.equal(crateOf('reactive_graph::effect::Effect::new::{{closure}}'), 'reactive_graph');
  assert.equal(crateOf('__wbindgen_malloc'), 'wasm_bindgen');
  assert.equal(crateOf('memcpy'), 'compiler_builtins');
});

test('top attributes bytes to names; --by crate groups them; refs finds the caller', () => {
  const { buf, bodies } = module();
  const file = tmpFile('m.wasm', buf);
  const res = cli('top', file, '-n', 'all');
  assert.equal(res.status, 0, res.stderr);
  const line = (name) => res.stdout.split('\n').find((l) => l.endsWith(`┊ ${name}`));
  assert.match(line('fund_charts::recorder::draw') ?? '', new RegExp(`^\\s*${bodies[0].length} ┊`));
  assert.match(line('core::fmt::float::float_to_decimal_common_shortest') ?? '', new RegExp(`^\\s*${bodies[1].length} ┊`));
  assert.match(line('data .rodata') ?? '', /^\s*30\d ┊/);
  assert.match(res.stdout, new RegExp(`^\\s*${buf.length} ┊ +100\\.00% ┊ file$`, 'm'));
  const byCrate = cli('top', file, '--by', 'crate');
  assert.equal(byCrate.status, 0, byCrate.stderr);
  assert.match(byCrate.stdout, new RegExp(`^\\s*${bodies[0].length} ┊ +[0-9.]+% ┊ fund_charts$`, 'm'));
  assert.match(byCrate.stdout, /┊ core::fmt$/m);
  assert.match(byCrate.stdout, /┊ alloc$/m);
  const refs = cli('refs', file, 'float_to_decimal');
  assert.equal(refs.status, 0, refs.stderr);
  assert.match(refs.stdout, /float_to_decimal_common_shortest  \[function 2, 13 bytes\]\n  called directly by \(1\):\n    <alloc::vec::Vec<T,A> as core::clone::Clone>::clone  \[3\] ×2/);
  const diff = cli('diff', file, file, '--by', 'crate');
  assert.equal(diff.status, 0, diff.stderr);
  assert.match(diff.stdout, new RegExp(`${buf.length} ┊ +${buf.length} ┊ +0 ┊ Σ \\[whole file\\]`));
});

test('refuses a missing file, a non-wasm file and a wrong version', () => {
  const missing = run('top', path.join(os.tmpdir(), 'no-such-dir-wasm-top', 'x.wasm'));
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no such file/);
  const text = run('top', tmpFile('page.wasm', Buffer.from('<!doctype html><p>not wasm</p>')));
  assert.equal(text.status, 1);
  assert.match(text.stderr, /not a WebAssembly module/);
  assert.throws(() => parseWasm(Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00])), (e) => e instanceof WasmError && /unsupported WebAssembly version/.test(e.message));
  assert.throws(() => parseWasm(module().buf.subarray(0, 40)), (e) => e instanceof WasmError && /malformed wasm/.test(e.message));
  const usage = run('top');
  assert.equal(usage.status, 2);
});
