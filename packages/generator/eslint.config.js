import { config } from "@mcp-platform/eslint-config";

// bin/ is only the committed entry that loads dist/main.js, outside the TypeScript project.
export default [...config(import.meta.dirname), { ignores: ["bin/**"] }];
