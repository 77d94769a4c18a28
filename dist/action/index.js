import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  run
} from "../chunks/chunk-3MOCAIWE.js";
import "../chunks/chunk-G2FYUFJQ.js";
import "../chunks/chunk-UFQJIOIH.js";
import "../chunks/chunk-TU3U2KXJ.js";
import "../chunks/chunk-WW3IQY35.js";
import "../chunks/chunk-KURXN222.js";
import "../chunks/chunk-LJAYWSMZ.js";
import "../chunks/chunk-3IJVQIT4.js";
import "../chunks/chunk-75E5FFQV.js";
import "../chunks/chunk-VQOPCL6L.js";
import "../chunks/chunk-UN2YP2GD.js";
import "../chunks/chunk-KZI3EHBT.js";
import "../chunks/chunk-LYD5ERHY.js";

// src/action/index.ts
await run();
