import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  run
} from "../chunks/chunk-WNHWPTYT.js";
import "../chunks/chunk-WTP6H6O2.js";
import "../chunks/chunk-CLCPUD64.js";
import "../chunks/chunk-VGJACZUW.js";
import "../chunks/chunk-YJKMSLDG.js";
import "../chunks/chunk-D7327QEV.js";
import "../chunks/chunk-L2NGQFZB.js";
import "../chunks/chunk-VCIT4NVK.js";
import "../chunks/chunk-DWD334HJ.js";
import "../chunks/chunk-H6HMADJS.js";
import "../chunks/chunk-LWHSQW7J.js";
import "../chunks/chunk-KBE33ETN.js";
import "../chunks/chunk-E6L6MX7O.js";
import "../chunks/chunk-7KLZABIZ.js";
import "../chunks/chunk-OIVCYA3S.js";
import "../chunks/chunk-AJWMRJ5V.js";
import "../chunks/chunk-E4R4KLO7.js";
import "../chunks/chunk-4VYDAHCH.js";
import "../chunks/chunk-JOPDVS7U.js";
import "../chunks/chunk-T5AN75SP.js";
import "../chunks/chunk-WF2JIZYK.js";
import "../chunks/chunk-AHIWXY2A.js";
import "../chunks/chunk-ZOSEZ4WG.js";
import "../chunks/chunk-PLX4MXHT.js";
import "../chunks/chunk-W2GYLCDX.js";
import "../chunks/chunk-U6AM3KXG.js";
import "../chunks/chunk-RJK6TATR.js";
import "../chunks/chunk-KAVHXZAV.js";
import "../chunks/chunk-75E5FFQV.js";
import "../chunks/chunk-EBLIIYWC.js";
import "../chunks/chunk-DGMS26C2.js";
import "../chunks/chunk-LSF6AO4J.js";
import "../chunks/chunk-PITE2S6X.js";
import "../chunks/chunk-Q3QGMDKI.js";
import "../chunks/chunk-LYD5ERHY.js";

// src/action/index.ts
await run();
