import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  start
} from "../chunks/chunk-SPOHJENR.js";
import "../chunks/chunk-UXHTJEUV.js";
import "../chunks/chunk-IRVZLWLP.js";
import "../chunks/chunk-MLTFN5F3.js";
import "../chunks/chunk-VGJACZUW.js";
import "../chunks/chunk-YJKMSLDG.js";
import "../chunks/chunk-UHFGVGZX.js";
import "../chunks/chunk-L2NGQFZB.js";
import "../chunks/chunk-KSYRYJIR.js";
import "../chunks/chunk-2KAQWDJQ.js";
import "../chunks/chunk-PVAH4OCG.js";
import "../chunks/chunk-TU3U2KXJ.js";
import "../chunks/chunk-2VBLC6YG.js";
import "../chunks/chunk-KBE33ETN.js";
import "../chunks/chunk-E6L6MX7O.js";
import "../chunks/chunk-KURXN222.js";
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
import "../chunks/chunk-3OTJC4XZ.js";
import "../chunks/chunk-75E5FFQV.js";
import "../chunks/chunk-EBLIIYWC.js";
import "../chunks/chunk-VQOPCL6L.js";
import "../chunks/chunk-LSF6AO4J.js";
import "../chunks/chunk-23CPCSRS.js";
import "../chunks/chunk-KZI3EHBT.js";
import "../chunks/chunk-LYD5ERHY.js";

// src/action/start.ts
await start();
