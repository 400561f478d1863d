import { config } from "@mcp-platform/eslint-config";

export default config(import.meta.dirname, { sdkServer: true });
