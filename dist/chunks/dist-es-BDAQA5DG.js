import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  DEFAULT_REQUEST_TIMEOUT,
  NodeHttp2Handler,
  NodeHttpHandler
} from "./chunk-PLX4MXHT.js";
import "./chunk-W2GYLCDX.js";
import {
  streamCollector
} from "./chunk-U6AM3KXG.js";
import "./chunk-RJK6TATR.js";
import "./chunk-LYD5ERHY.js";
export {
  DEFAULT_REQUEST_TIMEOUT,
  NodeHttp2Handler,
  NodeHttpHandler,
  streamCollector
};
