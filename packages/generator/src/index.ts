export { GeneratorError, generate, loadGenerators } from "./generate.js";
export { addTool, scaffoldServer, type AddToolOptions, type ScaffoldServerOptions } from "./scaffold.js";
export { InvalidAnswer } from "./answers/fields.js";
export { default as plopfile } from "./plopfile.js";
export { scratchClone, type ScratchClone } from "./scratch-clone.js";
