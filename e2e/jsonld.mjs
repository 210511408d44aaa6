// A small validator of the structured data (JSON-LD) the site writes, for the tests.
//
// Neither offline option fits: the `schemaorg-validate` crate is not on the npm registry, and
// @adobe/structured-data-validator (which installs) checks only types it has handlers for (none
// of NewsArticle, Dataset, DataDownload or ClaimReview) and wants the schema.org vocabulary,
// which it downloads. So this checks, for the types the site uses:
// - `@context` is schema.org and every node has a known `@type`;
// - the required properties (schema.org has none; these are Google's required ones for Dataset
//   and ClaimReview, its recommended ones that the issue asks for on NewsArticle, and those of
//   DataDownload that make a download usable) are present and not empty;
// - every property is one schema.org defines for that type (or its parents), from the
//   vocabulary's own lists, abridged to what these types can carry;
// - dates are ISO 8601 days, URLs parse, text fits Google's bounds (Dataset description 50–5000
//   characters, headline at most 110).

const THING = ['@id', '@type', 'name', 'description', 'url', 'image', 'identifier', 'sameAs', 'alternateName', 'mainEntityOfPage'];
const CREATIVE_WORK = [
  ...THING, 'headline', 'inLanguage', 'dateModified', 'datePublished', 'dateCreated', 'author', 'publisher', 'creator',
  'license', 'isAccessibleForFree', 'isPartOf', 'hasPart', 'keywords', 'citation', 'isBasedOn', 'about', 'version',
  'temporalCoverage', 'spatialCoverage', 'correction', 'encodingFormat', 'thumbnailUrl', 'abstract', 'text', 'workTranslation', 'translationOfWork',
];
export const TYPES = {
  NewsArticle: { props: [...CREATIVE_WORK, 'articleBody', 'articleSection', 'wordCount', 'dateline'], required: ['headline', 'image', 'dateModified', 'inLanguage', 'url'] },
  Dataset: { props: [...CREATIVE_WORK, 'distribution', 'variableMeasured', 'measurementTechnique', 'includedInDataCatalog'], required: ['name', 'description', 'license', 'distribution'] },
  DataDownload: { props: [...CREATIVE_WORK, 'contentUrl', 'contentSize', 'uploadDate'], required: ['contentUrl', 'encodingFormat'] },
  ClaimReview: { props: [...CREATIVE_WORK, 'claimReviewed', 'reviewRating', 'itemReviewed'], required: ['claimReviewed', 'reviewRating', 'url'] },
  Rating: { props: [...THING, 'ratingValue', 'bestRating', 'worstRating', 'ratingExplanation'], required: ['alternateName'] },
  Claim: { props: [...CREATIVE_WORK, 'appearance', 'firstAppearance'], required: [] },
  Organization: { props: [...THING, 'logo'], required: ['name'] },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const URL_PROPS = new Set(['url', 'contentUrl', 'license', 'mainEntityOfPage', 'thumbnailUrl']);

/** Validates one JSON-LD document (parsed); `base` resolves relative URLs. Returns problems. */
export function validate(doc, base) {
  const problems = [];
  if (doc['@context'] !== 'https://schema.org') problems.push(`@context is ${JSON.stringify(doc['@context'])}`);
  const nodes = Array.isArray(doc['@graph']) ? doc['@graph'] : [doc];
  const seen = [];
  const visit = (node, where) => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const type = node['@type'];
    if (type === undefined) {
      // A reference to a node of this document.
      if (Object.keys(node).length === 1 && typeof node['@id'] === 'string') return;
      problems.push(`${where}: a node without @type`);
      return;
    }
    const spec = TYPES[type];
    if (!spec) {
      problems.push(`${where}: unknown @type ${JSON.stringify(type)}`);
      return;
    }
    seen.push(type);
    for (const r of spec.required) {
      const v = node[r];
      if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) problems.push(`${where} (${type}): missing ${r}`);
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === '@context') continue;
      if (!spec.props.includes(k)) problems.push(`${where} (${type}): ${k} is not a property of ${type}`);
      if ((k === 'dateModified' || k === 'datePublished') && !DATE.test(String(v))) problems.push(`${where}: ${k} ${JSON.stringify(v)} is not yyyy-mm-dd`);
      if (URL_PROPS.has(k) || k === 'image') {
        for (const u of [v].flat()) {
          if (typeof u !== 'string') continue;
          try {
            new URL(u, base);
          } catch {
            problems.push(`${where}: ${k} ${JSON.stringify(u)} is not a URL`);
          }
        }
      }
      for (const [i, child] of [v].flat().entries()) visit(child, `${where}.${k}[${i}]`);
    }
    if (type === 'Dataset') {
      const n = [...String(node.description ?? '')].length;
      if (n < 50 || n > 5000) problems.push(`${where}: Dataset description is ${n} characters (50–5000)`);
    }
    if (type === 'NewsArticle' && [...String(node.headline ?? '')].length > 110) problems.push(`${where}: headline longer than 110 characters`);
  };
  nodes.forEach((n, i) => visit(n, `node ${i}`));
  return { problems, types: seen };
}

/** The JSON-LD blocks of an HTML page, as text. */
export function jsonLdBlocks(html) {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}
