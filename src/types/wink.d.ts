// Types for the two winkjs packages triage uses; neither ships its own.

declare module "wink-tokenizer" {
  interface WinkToken {
    value: string;
    /** word, number, punctuation, emoji, emoticon, symbol, time, url, email, mention, hashtag, … */
    tag: string;
  }
  interface WinkTokenizer {
    tokenize(text: string): WinkToken[];
    defineConfig(config: Record<string, boolean>): number;
  }
  export default function createTokenizer(): WinkTokenizer;
}

declare module "wink-porter2-stemmer" {
  export default function stem(word: string): string;
}
