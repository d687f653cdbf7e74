import type { Config } from "./config.js";

/** The safety numbers the configuration gives the answer engine. */
export function knowledgeOptions(config: Config) {
  return {
    emergencyNumber: config.emergencyNumber,
    ...(config.crisisLine ? { crisisLine: config.crisisLine } : {}),
    ...(config.poisonControl ? { poisonControl: config.poisonControl } : {}),
  };
}
