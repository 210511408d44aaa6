// A small PNG reader and writer on node's zlib, for e2e/drawings.mjs (no npm dependency).
//
//   import { decodePng, encodePng } from './png.mjs';
//   const { width, height, data } = decodePng(bytes);   // data: RGBA, 8 bits per channel
//   const bytes = encodePng({ width, height, data });    // RGBA in, PNG out
//
// decodePng reads every non-interlaced PNG the project makes (Chromium's screenshots, resvg's
// output): greyscale, RGB, palette, grey+alpha and RGBA, at bit depths 1-16 (16-bit samples keep
// their high byte), with tRNS transparency. Interlaced (Adam7) files are refused with an error.

import zlib from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Decodes a PNG into { width, height, data } with data as RGBA bytes (Uint8Array). */
export function decodePng(bytes, name = 'PNG') {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  if (buf.length < 8 || !buf.subarray(0, 8).equals(SIGNATURE)) throw new Error(`${name}: not a PNG file (bad signature)`);
  let pos = 8;
  let ihdr = null;
  let palette = null;
  let trns = null;
  const idat = [];
  while (pos + 8 <= buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + len);
    if (body.length !== len) throw new Error(`${name}: truncated ${type} chunk`);
    if (type === 'IHDR') {
      ihdr = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        depth: body[8],
        colour: body[9],
        interlace: body[12],
      };
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') trns = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    pos += 12 + len;
  }
  if (!ihdr) throw new Error(`${name}: no IHDR chunk`);
  const { width, height, depth, colour, interlace } = ihdr;
  const channels = CHANNELS[colour];
  if (!channels) throw new Error(`${name}: unknown colour type ${colour}`);
  if (![1, 2, 4, 8, 16].includes(depth)) throw new Error(`${name}: unsupported bit depth ${depth}`);
  if (interlace) throw new Error(`${name}: interlaced PNGs are not supported`);
  if (colour === 3 && !palette) throw new Error(`${name}: palette image without PLTE`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const bitsPerPixel = channels * depth;
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const bpp = Math.max(1, bitsPerPixel >> 3); // bytes per pixel for the filters
  if (raw.length < height * (stride + 1)) throw new Error(`${name}: image data too short`);
  const lines = Buffer.alloc(height * stride);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const line = lines.subarray(y * stride, (y + 1) * stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? line[i - bpp] : 0;
      const b = prev[i];
      const c = i >= bpp ? prev[i - bpp] : 0;
      let v = src[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`${name}: bad filter type ${filter} on row ${y}`);
      line[i] = v & 0xff;
    }
    prev = line;
  }
  // One sample (0-255) of pixel x, channel ch, on a row.
  const maxSample = (1 << Math.min(depth, 8)) - 1;
  const sample = (row, x, ch) => {
    const idx = x * channels + ch;
    if (depth === 8) return row[idx];
    if (depth === 16) return row[idx * 2];
    const bit = idx * depth;
    const v = (row[bit >> 3] >> (8 - depth - (bit & 7))) & maxSample;
    return colour === 3 ? v : Math.round((v * 255) / maxSample);
  };
  const rawSample = (row, x, ch) => {
    // The unscaled value, for comparing with tRNS (which is in the image's own bit depth).
    const idx = x * channels + ch;
    if (depth === 16) return row.readUInt16BE(idx * 2);
    if (depth === 8) return row[idx];
    const bit = idx * depth;
    return (row[bit >> 3] >> (8 - depth - (bit & 7))) & maxSample;
  };
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = lines.subarray(y * stride, (y + 1) * stride);
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      let r;
      let g;
      let b;
      let a = 255;
      if (colour === 0 || colour === 4) {
        r = g = b = sample(row, x, 0);
        if (colour === 4) a = sample(row, x, 1);
        else if (trns && trns.length >= 2 && rawSample(row, x, 0) === trns.readUInt16BE(0)) a = 0;
      } else if (colour === 2 || colour === 6) {
        r = sample(row, x, 0);
        g = sample(row, x, 1);
        b = sample(row, x, 2);
        if (colour === 6) a = sample(row, x, 3);
        else if (
          trns && trns.length >= 6 &&
          rawSample(row, x, 0) === trns.readUInt16BE(0) &&
          rawSample(row, x, 1) === trns.readUInt16BE(2) &&
          rawSample(row, x, 2) === trns.readUInt16BE(4)
        ) a = 0;
      } else {
        const i = sample(row, x, 0);
        if (i * 3 + 2 >= palette.length) throw new Error(`${name}: palette index ${i} out of range`);
        r = palette[i * 3];
        g = palette[i * 3 + 1];
        b = palette[i * 3 + 2];
        if (trns && i < trns.length) a = trns[i];
      }
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
      data[o + 3] = a;
    }
  }
  return { width, height, data };
}

function chunk(type, body) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), body])) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

/** Encodes { width, height, data } (RGBA bytes) as an 8-bit RGBA PNG (filter 0 on every row). */
export function encodePng({ width, height, data }) {
  if (data.length !== width * height * 4) throw new Error(`encodePng: ${data.length} bytes for ${width}x${height} RGBA`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(data.buffer, data.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 6 })), chunk('IEND', Buffer.alloc(0))]);
}
