import { z } from "zod";

/** The one trivial tool every contender serves, so that what is measured is the framework. */
export const echoInput = { text: z.string() };
export const echoText = (text: string) => `echo: ${text}`;
