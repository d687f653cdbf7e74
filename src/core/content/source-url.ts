/**
 * A source must link the article or fact sheet itself. A search page (PubMed
 * `?term=…`, a site search, a search engine) shows whatever the index returns today,
 * so it proves nothing about the fact it is cited for.
 */

/** Query parameters that carry a search. */
const SEARCH_PARAMS = ["term", "q", "query", "search", "searchterm", "keywords", "kw"];
/** Hosts that only ever serve search results. */
const SEARCH_HOSTS = /(^|\.)(google|bing|duckduckgo|yahoo|baidu|yandex)\.[a-z.]+$|^scholar\.google\./;

/**
 * Why a URL is a search page rather than a page of its own, or undefined when it is not.
 * @example searchPageReason("https://pubmed.ncbi.nlm.nih.gov/?term=vitamin+d") // "it carries a search (term=…)"
 */
export function searchPageReason(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined; // the URL check itself reports a malformed URL
  }
  const host = parsed.hostname.toLowerCase();
  if (SEARCH_HOSTS.test(host)) return `${host} is a search engine`;
  for (const key of parsed.searchParams.keys()) {
    if (SEARCH_PARAMS.includes(key.toLowerCase())) return `it carries a search (${key}=…)`;
  }
  const segments = parsed.pathname.toLowerCase().split("/");
  if (segments.includes("search") || segments.includes("searchresults")) return "its path is a search page";
  return undefined;
}
