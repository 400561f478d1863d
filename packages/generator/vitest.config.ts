import { packageTests } from "@mcp-platform/vitest-config";

// Its longest files (a copy of the repository built, installed and checked) overlap: they wait on processes.
export default packageTests({ filesAtOnce: 2 });
