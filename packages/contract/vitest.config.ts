import { packageTests } from "@mcp-platform/vitest-config";

export default packageTests();
