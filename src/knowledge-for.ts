/**
 * The configured content, read and validated from its files, as a knowledge base, and the
 * safety numbers the configuration gives the answer engine. Apart from app.ts, which
 * imports only the options: `createApp` reads the content snapshot while it matches, and
 * then neither the YAML parser nor the content schemas are loaded.
 */
import type { Config } from "./config.js";
import { loadContent } from "./core/content/load-content.js";
import { createKnowledge, type Knowledge } from "./core/knowledge/knowledge.js";
import { knowledgeOptions } from "./knowledge-options.js";

/**
 * The configured content as a knowledge base (throws ContentError on broken content).
 * @example const knowledge = knowledgeFor(parseConfig());
 */
export function knowledgeFor(config: Config): Knowledge {
  return createKnowledge(loadContent(config.contentDir), knowledgeOptions(config));
}
