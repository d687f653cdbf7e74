/**
 * MiniSearch's OR search, with each query term's results remembered. Finding one term's
 * fuzzy and prefix matches in the index and scoring them is most of what a search costs
 * (the radix-tree walk allocates heavily), and questions reuse a small vocabulary
 * ("muscle", "weak", "magnesium") far more than whole questions repeat. Scores are
 * combined in the same order and the same way as MiniSearch combines them, so every
 * score is bit-for-bit the same (only equal scores may be listed in another order).
 * @see https://lucaong.github.io/minisearch/classes/MiniSearch.MiniSearch.html#search
 */
import MiniSearch from "minisearch";

/** One search hit: the document id and MiniSearch's score. */
export interface TermSearchHit {
  id: string;
  score: number;
}

/**
 * Distinct terms remembered; user text can hold any word, so the memory is bounded. Room
 * for the content's own vocabulary (about 1,900 terms, see `warm`) and as many others.
 */
export const TERM_CACHE_MAX = 4000;

/** What the memo did since it was built (for benchmarks and health). */
export interface TermCacheStats {
  hits: number;
  misses: number;
  size: number;
}

/** One term's hits: documents (as slots, see `slotOf`) and their scores, in MiniSearch's order. */
interface TermHits {
  slots: Uint32Array;
  scores: Float64Array;
}

/**
 * @param processTerm the index's own `processTerm` (its options must not give search a different one).
 * @example const search = createTermSearch(index, processTerm); search("weak legs")[0]?.id
 */
export function createTermSearch(
  index: MiniSearch,
  processTerm: (term: string) => string | null,
  maxTerms = TERM_CACHE_MAX,
) {
  const tokenize: (text: string) => string[] = MiniSearch.getDefault("tokenize");
  const memo = new Map<string, TermHits>();
  const stats = { hits: 0, misses: 0 };
  // Documents get dense slots, so a search adds scores in typed arrays, not in maps.
  const slotOf = new Map<string, number>();
  const idOf: string[] = [];
  let sums = new Float64Array(index.documentCount);
  let counts = new Uint16Array(index.documentCount);

  function slot(id: string): number {
    let found = slotOf.get(id);
    if (found === undefined) {
      found = idOf.push(id) - 1;
      slotOf.set(id, found);
    }
    return found;
  }

  /** One processed term's hits, as `index.search(term)` gives them. */
  function termHits(term: string): TermHits {
    const known = memo.get(term);
    if (known) {
      stats.hits++;
      memo.delete(term);
      memo.set(term, known);
      return known;
    }
    stats.misses++;
    // A one-term search scores exactly like that term's part of a longer OR query (times 1).
    const results = index.search(term);
    const hits = {
      slots: Uint32Array.from(results, (hit) => slot(String(hit.id))),
      scores: Float64Array.from(results, (hit) => hit.score),
    };
    memo.set(term, hits);
    if (memo.size > maxTerms) memo.delete(memo.keys().next().value as string);
    return hits;
  }

  /**
   * Like `index.search(query)` with `combineWith: "OR"`: per document, the sum of its
   * terms' scores (in query order, as MiniSearch adds them) times the number of distinct
   * query terms it matched; best first.
   */
  function search(query: string): TermSearchHit[] {
    const terms = tokenize(query)
      .map(processTerm)
      .filter((term): term is string => Boolean(term));
    const lists = terms.map(termHits);
    if (idOf.length > sums.length) {
      sums = new Float64Array(idOf.length);
      counts = new Uint16Array(idOf.length);
    }
    const touched: number[] = [];
    lists.forEach(({ slots, scores }, t) => {
      // A repeated term adds its score again but counts once, as in MiniSearch.
      const first = terms.indexOf(terms[t] as string) === t;
      for (let i = 0; i < slots.length; i++) {
        const at = slots[i] as number;
        if (counts[at] === 0) {
          touched.push(at);
          sums[at] = scores[i] as number;
          counts[at] = 1;
        } else {
          sums[at] = (sums[at] as number) + (scores[i] as number);
          if (first) counts[at] = (counts[at] as number) + 1;
        }
      }
    });
    const hits = touched.map((at) => ({
      id: idOf[at] as string,
      score: (sums[at] as number) * (counts[at] as number),
    }));
    for (const at of touched) counts[at] = 0;
    return hits.sort((a, b) => b.score - a.score);
  }

  /**
   * Looks up processed terms ahead of any question (not counted as hits or misses), while
   * there is room: a first question then costs what a repeated one does.
   * @returns how many were added.
   */
  function warm(processed: Iterable<string>): number {
    let added = 0;
    for (const term of processed) {
      if (memo.size >= maxTerms) break;
      if (memo.has(term)) continue;
      termHits(term);
      stats.misses--;
      added++;
    }
    return added;
  }

  return { search, warm, stats: (): TermCacheStats => ({ ...stats, size: memo.size }) };
}
