/** What a page's JSON-LD says about its article. Every field is checked here: JSON-LD is outside input. */
export interface JsonLdArticle {
  readonly headline: string | null;
  readonly authors: readonly string[];
  readonly published: string | null;
  readonly publisher: string | null;
  readonly language: string | null;
  readonly url: string | null;
  readonly body: string | null;
}

// schema.org types of a news or blog article (https://schema.org/Article and its subtypes).
const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'AskPublicNewsArticle',
  'BlogPosting',
  'LiveBlogPosting',
  'Report',
  'ScholarlyArticle',
  'SocialMediaPosting',
  'TechArticle',
]);

/**
 * Finds the article in the JSON-LD blocks of a page: a top-level object, an array, or an `@graph`, with an `@type`
 * (string or array, with or without a `schema:` / URL prefix) naming an article type. Unparseable blocks are
 * skipped: sites ship JSON-LD with trailing commas and raw newlines in strings.
 */
export function articleFromJsonLd(blocks: readonly string[]): JsonLdArticle | null {
  const parsed: unknown[] = [];
  for (const raw of blocks) {
    // Some CMSs wrap the JSON in CDATA markers, sometimes behind `//` comments: `//<![CDATA[ {...} //]]>`.
    const block = raw.replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[|(?:\/\/\s*)?\]\]>\s*$/g, '');
    let data: unknown;
    try {
      data = JSON.parse(block);
    } catch {
      try {
        data = JSON.parse(block.replace(/[\r\n\t]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
      } catch {
        continue;
      }
    }
    parsed.push(data);
  }
  // Yoast and others name the author by reference: `"author": {"@id": "https://site/#/schema/person/1"}`.
  const byId = new Map<string, Record<string, unknown>>();
  for (const data of parsed) collectIds(data, byId, 0);
  for (const data of parsed) {
    const found = findArticle(data, 0);
    if (found) return read(found, byId);
  }
  return null;
}

function collectIds(data: unknown, byId: Map<string, Record<string, unknown>>, depth: number): void {
  if (depth > 4) return;
  if (Array.isArray(data)) {
    for (const item of data) collectIds(item, byId, depth + 1);
    return;
  }
  if (!isObject(data)) return;
  const id = data['@id'];
  if (typeof id === 'string' && Object.keys(data).length > 1) byId.set(id, data);
  collectIds(data['@graph'], byId, depth + 1);
}

function findArticle(data: unknown, depth: number): Record<string, unknown> | null {
  if (depth > 4) return null;
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticle(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (!isObject(data)) return null;
  if (typesOf(data['@type']).some((type) => ARTICLE_TYPES.has(type))) return data;
  return findArticle(data['@graph'], depth + 1) ?? findArticle(data['mainEntity'], depth + 1);
}

function typesOf(value: unknown): string[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list.filter((type): type is string => typeof type === 'string').map((type) => type.replace(/^.*[/:]/, ''));
}

function read(article: Record<string, unknown>, byId: ReadonlyMap<string, Record<string, unknown>>): JsonLdArticle {
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    const id = isObject(value) ? value['@id'] : undefined;
    return isObject(value) && value['name'] === undefined && typeof id === 'string' ? (byId.get(id) ?? value) : value;
  };
  const publisher = resolve(article['publisher']);
  return {
    headline: text(article['headline']) ?? text(article['name']),
    authors: names(resolve(article['author'])),
    published: text(article['datePublished']) ?? text(article['dateCreated']),
    publisher: isObject(publisher) ? text(publisher['name']) : text(publisher),
    language: text(article['inLanguage']),
    url: text(article['url']) ?? idOf(article['mainEntityOfPage']),
    body: text(article['articleBody']),
  };
}

/** Author names from a string, a Person or Organization, or an array of either. */
function names(value: unknown): string[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of list) {
    const name = isObject(item) ? text(item['name']) : text(item);
    // Some sites put a profile URL where the name belongs; it is not a byline.
    if (name !== null && !/^https?:\/\//.test(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

function idOf(value: unknown): string | null {
  if (isObject(value)) return text(value['@id']) ?? text(value['url']);
  return text(value);
}

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
