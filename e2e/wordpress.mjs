// What a WordPress site does with a pasted chart address, for the end-to-end tests: discovery
// (WP_oEmbed::discover: the first 150 KB, up to </head>, the first application/json+oembed link),
// the fetch (WP_oEmbed::fetch adds maxwidth, maxheight, url, dnt and format), and the sanitiser
// wp_filter_oembed_result (wp-includes/embed.php of WordPress 6.1, Debian's package), ported
// line by line; then a post page that loads WordPress's own wp-embed.js.
//
// wp_kses is ported only as far as this filter uses it: allowed elements keep their allowed
// attributes (re-quoted), every other tag is dropped (its text stays), comments go.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Where wp-embed.js is: Debian's installed package, or the copy scripts/setup.sh unpacked. */
export function wpEmbedJs() {
  for (const p of [
    '/usr/share/wordpress/wp-includes/js/wp-embed.js',
    path.join(here, '.cache', 'wordpress', 'usr', 'share', 'wordpress', 'wp-includes', 'js', 'wp-embed.js'),
  ]) {
    if (fs.existsSync(p)) return p;
  }
  throw new Error("WordPress's wp-embed.js is missing: run scripts/setup.sh --browser (it unpacks Debian's wordpress package)");
}

/** The allowed HTML of wp_filter_oembed_result. */
export const ALLOWED = {
  a: ['href'],
  blockquote: [],
  iframe: ['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title'],
};

/** wp_kses, as far as wp_filter_oembed_result needs it. */
export function kses(html, allowed) {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g, (_, close, tag, attrs) => {
      const name = tag.toLowerCase();
      if (!Object.hasOwn(allowed, name)) return '';
      if (close) return `</${name}>`;
      const kept = [];
      const re = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*(?:=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
      let a;
      while ((a = re.exec(attrs))) {
        const n = a[1].toLowerCase();
        if (!allowed[name].includes(n)) continue;
        const v = a[3] ?? a[4] ?? a[5] ?? '';
        kept.push(`${n}="${v.replace(/"/g, '&quot;')}"`);
      }
      return `<${name}${kept.length ? ' ' + kept.join(' ') : ''}>`;
    });
}

/** esc_url, as far as a plain http(s) URL needs it. */
function escUrl(url) {
  return url.replace(/&(?![a-zA-Z]+;|#[0-9]+;)/g, '&#038;').replace(/'/g, '&#039;');
}

/** A secret as wp_generate_password(10, false) makes one. */
export function wpSecret() {
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let s = '';
  for (let i = 0; i < 10; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

/** wp_filter_oembed_result for a provider WordPress does not know: the HTML it puts in the post. */
export function filterOembedResult(data, secret = wpSecret()) {
  if (!['rich', 'video'].includes(data.type)) return data.html;
  let html = kses(String(data.html ?? ''), ALLOWED);
  const content = /(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s.exec(html);
  if (!content || !content[2]) return false;
  html = (content[1] || '') + content[2];
  const results = / src=(['"])(.*?)\1/.exec(html);
  if (results) {
    const url = escUrl(`${results[2]}#?secret=${secret}`);
    const q = results[1];
    html = html.split(results[0]).join(` src=${q}${url}${q} data-secret=${q}${secret}${q}`);
    html = html.split('<blockquote').join(`<blockquote data-secret="${secret}"`);
  }
  html = kses(html, { ...ALLOWED, blockquote: ['data-secret'], iframe: [...ALLOWED.iframe, 'data-secret'] });
  if (content[1]) {
    html = html.split('<iframe').join('<iframe style="position: absolute; clip: rect(1px, 1px, 1px, 1px);"');
    html = html.split('<blockquote').join('<blockquote class="wp-embedded-content"');
  }
  return html.replace(/<iframe/gi, '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
}

/** WP_oEmbed::discover: the oEmbed JSON link of a page, or null. */
export async function discover(pageUrl) {
  const res = await fetch(pageUrl);
  const text = Buffer.from(await res.arrayBuffer()).subarray(0, 150 * 1024).toString('utf8');
  const end = text.indexOf('</head>');
  if (end < 0) return null;
  const head = text.slice(0, end);
  for (const m of head.matchAll(/<link([^<>]+)\/?>/gi)) {
    const tag = m[1];
    if (!/type=(['"])application\/json\+oembed\1/i.test(tag)) continue;
    const href = /\shref=(['"])(.*?)\1/i.exec(tag);
    if (href) return { href: href[2].replace(/&amp;/g, '&'), at: m.index };
  }
  return null;
}

/** WP_oEmbed::fetch of a discovered JSON link, as WordPress asks for it. */
export async function fetchOembed(href, pageUrl, { maxwidth = 600, maxheight = 1000 } = {}) {
  const u = new URL(href);
  u.searchParams.set('maxwidth', String(maxwidth));
  u.searchParams.set('maxheight', String(maxheight));
  u.searchParams.set('url', pageUrl);
  u.searchParams.set('dnt', '1');
  u.searchParams.set('format', 'json');
  const res = await fetch(u);
  if (!res.ok) throw new Error(`oEmbed ${u}: ${res.status}`);
  return res.json();
}

/** A post page holding `embedHtml` (the sanitised embed) and WordPress's wp-embed.js. */
export function postPage(embedHtml) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A WordPress post</title>
<style>body { margin: 0; font-family: Georgia, serif; } .entry-content { max-width: 640px; margin: 0 auto; } p { margin: 1rem; }</style>
</head>
<body>
<article class="entry-content">
<p>Paragraphs of the newsroom's own post come before the chart.</p>
<figure class="wp-block-embed is-type-rich"><div class="wp-block-embed__wrapper">
${embedHtml}
</div></figure>
<p>And after it.</p>
</article>
<script src="wp-embed.js"></script>
</body>
</html>
`;
}
