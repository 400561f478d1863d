// The SDK with one shared AjvJsonSchemaValidator: the fastest of its documented stateless setups.
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { buildServer, serveSdk } from "./sdk-naive.js";

const jsonSchemaValidator = new AjvJsonSchemaValidator();
serveSdk(() => buildServer({ jsonSchemaValidator }));
