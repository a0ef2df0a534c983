import type { Recommendation } from "../../domain/minutes.ts";
import type { ItemBlock, Located, ParseContext } from "../context.ts";

/** Recommendation / response tables ("Recommendation | Agreed Yes/No | Response | …"). */
export function parseRecommendations(_ctx: ParseContext, _items: ItemBlock[]): Located<Recommendation>[] {
  return [];
}
