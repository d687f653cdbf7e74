import { describe, expect, it } from "vitest";
import { readSlips } from "../../src/core/answers/typing-slips.js";

describe("readSlips", () => {
  const words = ["creatine", "cherry", "potassium"];
  it.each([
    ["creatien loading", "creatine loading"],
    ["tart chery juice", "tart cherry juice"],
    ["potasium levels", "potassium levels"],
    ["potasssium", "potassium"],
  ])("%j -> %j", (typed, read) => {
    expect(readSlips(typed, words)).toBe(read);
  });

  it.each([["creating"], ["cheery"], ["cheers"]])("%j is a real word and stays", (typed) => {
    expect(readSlips(typed, words)).toBe(typed);
  });
});
