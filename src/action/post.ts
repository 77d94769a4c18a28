import { finalize } from "./finalize.js";

await finalize();
