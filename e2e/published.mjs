// The site as it is published, with its public origin set (FUND_PUBLIC_ORIGIN): what oEmbed, the
// sitemap and absolute structured data need, and what dist/ (built without an origin, so that it
// works at any path) cannot show. A copy of dist/ is written again by fund-site for that origin,
// from the page shell its last run kept beside its executable (`fund-site --shell`).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { REPO, DIST, requireDist } from './tests/helpers.mjs';

/** fund-site's executable and the shell its last run kept. */
export function fundSite() {
  const target = process.env.CARGO_TARGET_DIR ? path.resolve(process.env.CARGO_TARGET_DIR) : path.join(REPO, 'target');
  const exe = path.join(target, 'debug', 'fund-site');
  const shell = path.join(target, 'debug', 'fund-site-shell.html');
  if (!fs.existsSync(exe) || !fs.existsSync(shell)) {
    throw new Error(`${exe} or ${shell} is missing: run trunk build --release (its post_build hook runs fund-site)`);
  }
  return { exe, shell };
}

/** An empty folder for a published copy (the caller serves it, then calls `publish`). */
export function publishDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'published-'));
}

/**
 * Fills `dir` with dist/ written again for `origin` (an absolute URL ending in `/`). Returns
 * fund-site's output.
 */
export function publish(dir, origin, env = {}) {
  requireDist();
  const { exe, shell } = fundSite();
  fs.cpSync(DIST, dir, { recursive: true });
  return execFileSync(exe, ['--text-only', '--shell', shell, dir], {
    env: { ...process.env, FUND_PUBLIC_ORIGIN: origin, ...env },
    encoding: 'utf8',
    timeout: 240_000,
  });
}
