import { describe, expect, it } from "vitest";
import { input } from "../prompts.js";
import { z } from "zod";
import { bypassValues, parseFlags } from "./flags.js";

const questions = [
  input("name", "Name", z.string()),
  input("owner", "Owner", z.string(), { default: (answers) => `team-${String(answers.name)}` }),
  input("description", "Description", z.string()),
];

describe("parseFlags", () => {
  it("reads --<question> value, with or without plop's --", () => {
    const expected = { answers: { name: "billing", owner: "team-x" }, install: true, help: false };
    expect(parseFlags(questions, ["--name", "billing", "--owner", "team-x"])).toEqual(expected);
    expect(parseFlags(questions, ["--", "--owner", "team-x", "--name", "billing"])).toEqual(expected);
    expect(parseFlags(questions, ["--name=billing", "--no-install"])).toMatchObject({ answers: { name: "billing" }, install: false });
  });

  it("names the options it knows when given another", () => {
    expect(() => parseFlags(questions, ["--nme", "billing"])).toThrow("unknown option --nme (options: --name, --owner, --description, --no-install)");
    expect(() => parseFlags(questions, ["billing"])).toThrow('unexpected argument "billing": give answers as flags (--name,');
    expect(() => parseFlags(questions, ["--name"])).toThrow("--name needs a value");
  });
});

describe("bypassValues", () => {
  it("asks for what is not given when a person is there", () => {
    expect(bypassValues(questions, { owner: "team-x" }, true)).toEqual(["_", "team-x", "_"]);
  });

  it("takes the defaults without a terminal, and wants the answers that have none", () => {
    expect(bypassValues(questions, { name: "billing", description: "d" }, false)).toEqual(["billing", "team-billing", "d"]);
    expect(() => bypassValues(questions, { name: "billing" }, false)).toThrow("--description is required (there is no terminal to ask)");
  });
});
