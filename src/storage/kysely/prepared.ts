/**
 * Queries built once and then run with new parameters. Kysely builds and compiles a
 * query on every call, and for our small hot statements (cooldowns, last answers, event
 * claims) that costs more than running them: about 20 µs hot, and several hundred µs
 * when the process idles between requests and every layer it touches is cold
 * (bench/discord.ts). The SQL is still written with Kysely's builder and compiled for the
 * dialect in use, so nothing dialect-specific is written by hand.
 */
import { type Compilable, CompiledQuery, type Kysely, type QueryResult } from "kysely";

/** Runs compiled SQL. The SQLite backend runs it on its connection at once when it can. */
export type QueryRunner = <R>(query: CompiledQuery<R>) => Promise<QueryResult<R>>;

/** Kysely's own way: through the driver's connection handling and any plugins. */
export const viaKysely =
  <DB>(db: Kysely<DB>): QueryRunner =>
  (query) =>
    db.executeQuery(query);

/** Marks a parameter's place in the compiled query; never a value people can type. */
const MARK = "\u0000vitabot-param:";

type Slot = { name: string } | { value: unknown };

/** Stands in for a parameter while building: `param("userId")`. */
export type ParamOf<P> = <K extends keyof P & string>(name: K) => P[K];

/** A prepared query: run it with this call's parameters, get its rows. */
export type Prepared<P, R> = (params: P) => Promise<R[]>;

function slotsOf(parameters: readonly unknown[]): Slot[] {
  return parameters.map((value) =>
    typeof value === "string" && value.startsWith(MARK) ? { name: value.slice(MARK.length) } : { value },
  );
}

/**
 * Builds the query once (on first use) with placeholders and runs it with new values.
 * @example
 * const byUser = prepare<{ user: string }, { id: string }>(db, run, (param) =>
 *   db.selectFrom("feedback").select("id").where("user_id", "=", param("user")));
 * const rows = await byUser({ user: "U1" });
 * @throws Error when a placeholder has no value in `params` (a programming error).
 */
export function prepare<P extends Record<string, unknown>, R>(
  run: QueryRunner,
  build: (param: ParamOf<P>) => Compilable<R>,
): Prepared<P, R> {
  let compiled: { sql: string; slots: Slot[] } | undefined;
  const param = ((name: string) => `${MARK}${name}`) as ParamOf<P>;
  return async (params) => {
    if (!compiled) {
      const query = build(param).compile();
      compiled = { sql: query.sql, slots: slotsOf(query.parameters) };
    }
    const values = compiled.slots.map((slot) => {
      if (!("name" in slot)) return slot.value;
      const value = params[slot.name];
      if (value === undefined) throw new Error(`prepared query: no value for "${slot.name}"`);
      return value;
    });
    const result = await run(CompiledQuery.raw(compiled.sql, values) as CompiledQuery<R>);
    return result.rows;
  };
}
