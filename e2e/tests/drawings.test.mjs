// e2e/drawings.mjs compare, on synthetic drawings (no build, no browser): the same drawing and
// an antialiasing difference pass; a fill of another colour, a label moved by 10 px, another
// size and a missing image fail. Also the PNG reader and writer (e2e/png.mjs) round trip.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { decodePng, encodePng } from '../png.mjs';
import { diffImages } from '../drawings.mjs';

const TOOL = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'drawings.mjs');
const W = 640;
const H = 400;

// A 3x5 pixel font, enough for a year label.
const GLYPHS = {
  0: ['111', '101', '101', '101', '111'],
  2: ['111', '001', '111', '100', '111'],
  7: ['111', '001', '010', '010', '010'],
};

/** A chart-like drawing: white, a bar with antialiased ends, a thin diagonal, a label. */
function drawing({ barFrom = 40.3, barTo = 420.6, bar = [0, 114, 178], labelX = 300, width = W, height = H } = {}) {
  const data = new Uint8Array(width * height * 4).fill(255);
  const put = (x, y, rgb, cover = 1) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return;
    const o = (y * width + x) * 4;
    for (let c = 0; c < 3; c++) data[o + c] = Math.round(data[o + c] * (1 - cover) + rgb[c] * cover);
  };
  for (let y = 100; y < 140; y++) {
    for (let x = Math.floor(barFrom); x < Math.ceil(barTo); x++) {
      const cover = Math.min(x + 1, barTo) - Math.max(x, barFrom);
      put(x, y, bar, cover);
    }
  }
  for (let x = 40; x < 600; x++) {
    const y = 300 - x * 0.3;
    put(x, Math.floor(y), [26, 26, 26], 1 - (y % 1));
    put(x, Math.floor(y) + 1, [26, 26, 26], y % 1);
  }
  [...'2027'].forEach((ch, i) => {
    GLYPHS[ch].forEach((row, gy) => {
      [...row].forEach((bit, gx) => {
        if (bit === '1') for (let sy = 0; sy < 2; sy++) for (let sx = 0; sx < 2; sx++) put(labelX + i * 8 + gx * 2 + sx, 360 + gy * 2 + sy, [89, 89, 89]);
      });
    });
  });
  return { width, height, data };
}

function writeCapture(dir, images) {
  fs.mkdirSync(dir, { recursive: true });
  const list = [];
  for (const [file, img] of Object.entries(images)) {
    fs.writeFileSync(path.join(dir, file), encodePng(img));
    list.push({ file, kind: 'page', width: img.width, height: img.height });
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ images: list, problems: [] }));
}

test('the PNG writer and reader round trip', () => {
  const img = drawing({ width: 50, height: 20 });
  const back = decodePng(encodePng(img));
  assert.equal(back.width, 50);
  assert.equal(back.height, 20);
  assert.deepEqual(Buffer.from(back.data), Buffer.from(img.data));
  assert.throws(() => decodePng(Buffer.from('not a png')), /not a PNG/);
});

test('antialiasing passes; a colour, a moved label, a size and a missing image fail', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'drawings-test-'));
  try {
    const base = drawing();
    writeCapture(path.join(tmp, 'base'), { 'same.png': base, 'aa.png': base, 'colour.png': base, 'label.png': base, 'size.png': base, 'missing.png': base });
    writeCapture(path.join(tmp, 'new'), {
      'same.png': drawing(),
      'aa.png': drawing({ barFrom: 40.7, barTo: 420.2 }),
      'colour.png': drawing({ bar: [213, 94, 0] }),
      'label.png': drawing({ labelX: 310 }),
      'size.png': drawing({ height: H + 3 }),
    });
    // The label alone is a small share of the picture: the unexplained pixels catch it.
    const label = diffImages(base, drawing({ labelX: 310 }));
    assert.ok(label.share < 0.002, `a moved label is ${label.share} of the picture`);
    assert.ok(label.unexplained > 24, `a moved label leaves ${label.unexplained} unexplained pixels`);
    const aa = diffImages(base, drawing({ barFrom: 40.7, barTo: 420.2 }));
    assert.ok(aa.differing > 0 && aa.unexplained === 0, JSON.stringify({ differing: aa.differing, unexplained: aa.unexplained }));

    const r = spawnSync(process.execPath, [TOOL, 'compare', '--base', path.join(tmp, 'base'), '--new', path.join(tmp, 'new')], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const result = (name) => r.stdout.split('\n').find((l) => l.startsWith(name + ' '))?.match(/\b(PASS|FAIL|MISSING)\b/)?.[1];
    assert.equal(result('same.png'), 'PASS');
    assert.equal(result('aa.png'), 'PASS');
    assert.equal(result('colour.png'), 'FAIL');
    assert.equal(result('label.png'), 'FAIL');
    assert.equal(result('size.png'), 'FAIL');
    assert.equal(result('missing.png'), 'MISSING');
    assert.match(r.stdout, /640x400 -> 640x403 .*size differs by \+0 x \+3 px/);
    assert.match(r.stdout, /2 PASS, 3 FAIL, 1 MISSING/);
    for (const f of ['colour.png', 'label.png', 'size.png']) assert.ok(fs.existsSync(path.join(tmp, 'new', 'diff', f)), `diff image for ${f}`);
    const diff = decodePng(fs.readFileSync(path.join(tmp, 'new', 'diff', 'colour.png')));
    const mid = (120 * W + 200) * 4;
    assert.deepEqual([...diff.data.subarray(mid, mid + 3)], [255, 0, 0], 'the bar is red in the diff');

    const ok = spawnSync(process.execPath, [TOOL, 'compare', '--base', path.join(tmp, 'base'), '--new', path.join(tmp, 'new'), '--only', '^(same|aa)'], { encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);

    const bad = spawnSync(process.execPath, [TOOL, 'compare', '--base', path.join(tmp, 'base'), '--new', path.join(tmp, 'new'), '--tolerance', 'lots'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--tolerance must be a non-negative number/);
    const none = spawnSync(process.execPath, [TOOL, 'compare', '--base', path.join(tmp, 'nowhere'), '--new', path.join(tmp, 'new')], { encoding: 'utf8' });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /no manifest\.json there/);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
