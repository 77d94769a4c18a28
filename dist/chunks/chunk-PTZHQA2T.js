import { createRequire as __lgCreateRequire } from 'node:module'; const require = __lgCreateRequire(import.meta.url);
import {
  hasUtf8Bom
} from "./chunk-TPH6OF3P.js";
import {
  HandoffPayloadSchema,
  parseHandoffMarker
} from "./chunk-W33SWCQ6.js";
import {
  ACTIONS_APP_SLUG,
  DEFAULT_CHECK_NAME,
  HANDOFF_MARKER,
  HANDOFF_PREFIX
} from "./chunk-74QD6PXN.js";
import {
  applyAllowList,
  applyRuleOverrides,
  globMatch,
  isExpired
} from "./chunk-RZOBS62O.js";
import {
  VERSION
} from "./chunk-KOHQH5XZ.js";
import {
  ConfigSchema,
  ReportSchema,
  external_exports
} from "./chunk-CMKO3ROG.js";
import {
  RULES,
  isRuleId
} from "./chunk-JAJAJYEP.js";
import {
  REPORT_SCHEMA_ID,
  isIncomplete
} from "./chunk-4GMCL7QT.js";

// src/app/limits.ts
var LIMITS = {
  /** `check_run.output.text` is at most 65 535 characters on GitHub; anything larger is not ours. */
  markerChars: 65536,
  /** Report artifact: zip size as listed by the Actions API, and the report JSON inside it. */
  artifactBytes: 10 * 1024 * 1024,
  reportBytes: 10 * 1024 * 1024,
  /** Findings in one report. */
  findings: 2e3,
  /** Length of a repository path named by a report. */
  pathChars: 1024,
  /** One IaC file read from the repository. */
  blobBytes: 1024 * 1024,
  /** IaC files read per delivery, and their total size. */
  files: 400,
  totalBytes: 24 * 1024 * 1024,
  /** The repository archive (one download per delivery that needs the IaC): gzip size, unpacked size, entries. */
  archiveBytes: 100 * 1024 * 1024,
  archiveUnpackedBytes: 512 * 1024 * 1024,
  archiveEntries: 2e5,
  /** Findings listed in one pull request or issue (the rest are counted). */
  findingsPerBody: 200,
  /** GitHub rejects bodies over 65 536 characters. */
  bodyChars: 6e4
};

// node_modules/fflate/esm/index.mjs
import { createRequire } from "module";
var require2 = createRequire("/");
var _a;
var Worker;
var isMarkedAsUntransferable;
try {
  _a = require2("worker_threads"), Worker = _a.Worker, isMarkedAsUntransferable = _a.isMarkedAsUntransferable;
} catch (e) {
}
var u8 = Uint8Array;
var u16 = Uint16Array;
var i32 = Int32Array;
var fleb = new u8([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  1,
  1,
  1,
  1,
  2,
  2,
  2,
  2,
  3,
  3,
  3,
  3,
  4,
  4,
  4,
  4,
  5,
  5,
  5,
  5,
  0,
  /* unused */
  0,
  0,
  /* impossible */
  0
]);
var fdeb = new u8([
  0,
  0,
  0,
  0,
  1,
  1,
  2,
  2,
  3,
  3,
  4,
  4,
  5,
  5,
  6,
  6,
  7,
  7,
  8,
  8,
  9,
  9,
  10,
  10,
  11,
  11,
  12,
  12,
  13,
  13,
  /* unused */
  0,
  0
]);
var clim = new u8([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);
var freb = function(eb, start) {
  var b = new u16(31);
  for (var i2 = 0; i2 < 31; ++i2) {
    b[i2] = start += 1 << eb[i2 - 1];
  }
  var r = new i32(b[30]);
  for (var i2 = 1; i2 < 30; ++i2) {
    for (var j = b[i2]; j < b[i2 + 1]; ++j) {
      r[j] = j - b[i2] << 5 | i2;
    }
  }
  return { b, r };
};
var _a = freb(fleb, 2);
var fl = _a.b;
var revfl = _a.r;
fl[28] = 258, revfl[258] = 28;
var _b = freb(fdeb, 0);
var fd = _b.b;
var revfd = _b.r;
var rev = new u16(32768);
for (i = 0; i < 32768; ++i) {
  x = (i & 43690) >> 1 | (i & 21845) << 1;
  x = (x & 52428) >> 2 | (x & 13107) << 2;
  x = (x & 61680) >> 4 | (x & 3855) << 4;
  rev[i] = ((x & 65280) >> 8 | (x & 255) << 8) >> 1;
}
var x;
var i;
var hMap = (function(cd, mb, r) {
  var s = cd.length;
  var i2 = 0;
  var l = new u16(mb);
  for (; i2 < s; ++i2) {
    if (cd[i2])
      ++l[cd[i2] - 1];
  }
  var le = new u16(mb);
  for (i2 = 1; i2 < mb; ++i2) {
    le[i2] = le[i2 - 1] + l[i2 - 1] << 1;
  }
  var co;
  if (r) {
    co = new u16(1 << mb);
    var rvb = 15 - mb;
    for (i2 = 0; i2 < s; ++i2) {
      if (cd[i2]) {
        var sv = i2 << 4 | cd[i2];
        var r_1 = mb - cd[i2];
        var v = le[cd[i2] - 1]++ << r_1;
        for (var m = v | (1 << r_1) - 1; v <= m; ++v) {
          co[rev[v] >> rvb] = sv;
        }
      }
    }
  } else {
    co = new u16(s);
    for (i2 = 0; i2 < s; ++i2) {
      if (cd[i2]) {
        co[i2] = rev[le[cd[i2] - 1]++] >> 15 - cd[i2];
      }
    }
  }
  return co;
});
var flt = new u8(288);
for (i = 0; i < 144; ++i)
  flt[i] = 8;
var i;
for (i = 144; i < 256; ++i)
  flt[i] = 9;
var i;
for (i = 256; i < 280; ++i)
  flt[i] = 7;
var i;
for (i = 280; i < 288; ++i)
  flt[i] = 8;
var i;
var fdt = new u8(32);
for (i = 0; i < 32; ++i)
  fdt[i] = 5;
var i;
var flrm = /* @__PURE__ */ hMap(flt, 9, 1);
var fdrm = /* @__PURE__ */ hMap(fdt, 5, 1);
var max = function(a) {
  var m = a[0];
  for (var i2 = 1; i2 < a.length; ++i2) {
    if (a[i2] > m)
      m = a[i2];
  }
  return m;
};
var bits = function(d, p, m) {
  var o = p / 8 | 0;
  return (d[o] | d[o + 1] << 8) >> (p & 7) & m;
};
var bits16 = function(d, p) {
  var o = p / 8 | 0;
  return (d[o] | d[o + 1] << 8 | d[o + 2] << 16) >> (p & 7);
};
var shft = function(p) {
  return (p + 7) / 8 | 0;
};
var slc = function(v, s, e) {
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  return new u8(v.subarray(s, e));
};
var ec = [
  "unexpected EOF",
  "invalid block type",
  "invalid length/literal",
  "invalid distance",
  "stream finished",
  "no stream handler",
  ,
  // determined by compression function
  "no callback",
  "invalid UTF-8 data",
  "extra field too long",
  "date not in range 1980-2099",
  "filename too long",
  "stream finishing",
  "invalid zip data"
  // determined by unknown compression method
];
var err = function(ind, msg, nt) {
  var e = new Error(msg || ec[ind]);
  e.code = ind;
  if (Error.captureStackTrace)
    Error.captureStackTrace(e, err);
  if (!nt)
    throw e;
  return e;
};
var inflt = function(dat, st, buf, dict) {
  var sl = dat.length, dl = dict ? dict.length : 0;
  if (!sl || st.f && !st.l)
    return buf || new u8(0);
  var noBuf = !buf;
  var resize = noBuf || st.i != 2;
  var noSt = st.i;
  if (noBuf)
    buf = new u8(sl * 3);
  var cbuf = function(l2) {
    var bl = buf.length;
    if (l2 > bl) {
      var nbuf = new u8(Math.max(bl * 2, l2));
      nbuf.set(buf);
      buf = nbuf;
    }
  };
  var final = st.f || 0, pos = st.p || 0, bt = st.b || 0, lm = st.l, dm = st.d, lbt = st.m, dbt = st.n;
  var tbts = sl * 8;
  do {
    if (!lm) {
      final = bits(dat, pos, 1);
      var type = bits(dat, pos + 1, 3);
      pos += 3;
      if (!type) {
        var s = shft(pos) + 4, l = dat[s - 4] | dat[s - 3] << 8, t = s + l;
        if (t > sl) {
          if (noSt)
            err(0);
          break;
        }
        if (resize)
          cbuf(bt + l);
        buf.set(dat.subarray(s, t), bt);
        st.b = bt += l, st.p = pos = t * 8, st.f = final;
        continue;
      } else if (type == 1)
        lm = flrm, dm = fdrm, lbt = 9, dbt = 5;
      else if (type == 2) {
        var hLit = bits(dat, pos, 31) + 257, hcLen = bits(dat, pos + 10, 15) + 4;
        var tl = hLit + bits(dat, pos + 5, 31) + 1;
        pos += 14;
        var ldt = new u8(tl);
        var clt = new u8(19);
        for (var i2 = 0; i2 < hcLen; ++i2) {
          clt[clim[i2]] = bits(dat, pos + i2 * 3, 7);
        }
        pos += hcLen * 3;
        var clb = max(clt), clbmsk = (1 << clb) - 1;
        var clm = hMap(clt, clb, 1);
        for (var i2 = 0; i2 < tl; ) {
          var r = clm[bits(dat, pos, clbmsk)];
          pos += r & 15;
          var s = r >> 4;
          if (s < 16) {
            ldt[i2++] = s;
          } else {
            var c = 0, n = 0;
            if (s == 16)
              n = 3 + bits(dat, pos, 3), pos += 2, c = ldt[i2 - 1];
            else if (s == 17)
              n = 3 + bits(dat, pos, 7), pos += 3;
            else if (s == 18)
              n = 11 + bits(dat, pos, 127), pos += 7;
            while (n--)
              ldt[i2++] = c;
          }
        }
        var lt = ldt.subarray(0, hLit), dt = ldt.subarray(hLit);
        lbt = max(lt);
        dbt = max(dt);
        lm = hMap(lt, lbt, 1);
        dm = hMap(dt, dbt, 1);
      } else
        err(1);
      if (pos > tbts) {
        if (noSt)
          err(0);
        break;
      }
    }
    if (resize)
      cbuf(bt + 131072);
    var lms = (1 << lbt) - 1, dms = (1 << dbt) - 1;
    var lpos = pos;
    for (; ; lpos = pos) {
      var c = lm[bits16(dat, pos) & lms], sym = c >> 4;
      pos += c & 15;
      if (pos > tbts) {
        if (noSt)
          err(0);
        break;
      }
      if (!c)
        err(2);
      if (sym < 256)
        buf[bt++] = sym;
      else if (sym == 256) {
        lpos = pos, lm = null;
        break;
      } else {
        var add = sym - 254;
        if (sym > 264) {
          var i2 = sym - 257, b = fleb[i2];
          add = bits(dat, pos, (1 << b) - 1) + fl[i2];
          pos += b;
        }
        var d = dm[bits16(dat, pos) & dms], dsym = d >> 4;
        if (!d)
          err(3);
        pos += d & 15;
        var dt = fd[dsym];
        if (dsym > 3) {
          var b = fdeb[dsym];
          dt += bits16(dat, pos) & (1 << b) - 1, pos += b;
        }
        if (pos > tbts) {
          if (noSt)
            err(0);
          break;
        }
        if (resize)
          cbuf(bt + 131072);
        var end = bt + add;
        if (bt < dt) {
          var shift = dl - dt, dend = Math.min(dt, end);
          if (shift + bt < 0)
            err(3);
          for (; bt < dend; ++bt)
            buf[bt] = dict[shift + bt];
        }
        for (; bt < end; ++bt)
          buf[bt] = buf[bt - dt];
      }
    }
    st.l = lm, st.p = lpos, st.b = bt, st.f = final;
    if (lm)
      final = 1, st.m = lbt, st.d = dm, st.n = dbt;
  } while (!final);
  return bt != buf.length && noBuf ? slc(buf, 0, bt) : buf.subarray(0, bt);
};
var et = /* @__PURE__ */ new u8(0);
var b2 = function(d, b) {
  return d[b] | d[b + 1] << 8;
};
var b4 = function(d, b) {
  return (d[b] | d[b + 1] << 8 | d[b + 2] << 16 | d[b + 3] << 24) >>> 0;
};
var b8 = function(d, b) {
  return b4(d, b) + b4(d, b + 4) * 4294967296;
};
function inflateSync(data, opts) {
  return inflt(data, { i: 2 }, opts && opts.out, opts && opts.dictionary);
}
var td = typeof TextDecoder != "undefined" && /* @__PURE__ */ new TextDecoder();
var tds = 0;
try {
  td.decode(et, { stream: true });
  tds = 1;
} catch (e) {
}
var dutf8 = function(d) {
  for (var r = "", i2 = 0; ; ) {
    var c = d[i2++];
    var eb = (c > 127) + (c > 223) + (c > 239);
    if (i2 + eb > d.length)
      return { s: r, r: slc(d, i2 - 1) };
    if (!eb)
      r += String.fromCharCode(c);
    else if (eb == 3) {
      c = ((c & 15) << 18 | (d[i2++] & 63) << 12 | (d[i2++] & 63) << 6 | d[i2++] & 63) - 65536, r += String.fromCharCode(55296 | c >> 10, 56320 | c & 1023);
    } else if (eb & 1)
      r += String.fromCharCode((c & 31) << 6 | d[i2++] & 63);
    else
      r += String.fromCharCode((c & 15) << 12 | (d[i2++] & 63) << 6 | d[i2++] & 63);
  }
};
function strFromU8(dat, latin1) {
  if (latin1) {
    var r = "";
    for (var i2 = 0; i2 < dat.length; i2 += 16384)
      r += String.fromCharCode.apply(null, dat.subarray(i2, i2 + 16384));
    return r;
  } else if (td) {
    return td.decode(dat);
  } else {
    var _a2 = dutf8(dat), s = _a2.s, r = _a2.r;
    if (r.length)
      err(8);
    return s;
  }
}
var slzh = function(d, b) {
  return b + 30 + b2(d, b + 26) + b2(d, b + 28);
};
var zh = function(d, b, z) {
  var fnl = b2(d, b + 28), efl = b2(d, b + 30), fn = strFromU8(d.subarray(b + 46, b + 46 + fnl), !(b2(d, b + 8) & 2048)), es = b + 46 + fnl;
  var _a2 = z64hs(d, es, efl, z, b4(d, b + 20), b4(d, b + 24), b4(d, b + 42)), sc = _a2[0], su = _a2[1], off = _a2[2];
  return [b2(d, b + 10), sc, su, fn, es + efl + b2(d, b + 32), off];
};
var z64hs = function(d, b, l, z, sc, su, off) {
  var nsc = sc == 4294967295, nsu = su == 4294967295, noff = off == 4294967295, e = b + l;
  var nf = nsc + nsu + noff;
  if (z && nf) {
    for (; b + 4 < e; b += 4 + b2(d, b + 2)) {
      if (b2(d, b) == 1) {
        return [
          nsc ? b8(d, b + 4 + 8 * nsu) : sc,
          nsu ? b8(d, b + 4) : su,
          noff ? b8(d, b + 4 + 8 * (nsu + nsc)) : off,
          1
        ];
      }
    }
    if (z < 2)
      err(13);
  }
  return [sc, su, off, 0];
};
function unzipSync(data, opts) {
  var files = {};
  var e = data.length - 22;
  for (; b4(data, e) != 101010256; --e) {
    if (!e || data.length - e > 65558)
      err(13);
  }
  ;
  var c = b2(data, e + 8);
  if (!c)
    return {};
  var o = b4(data, e + 16);
  var z = b4(data, e - 20) == 117853008;
  if (z) {
    var ze = b4(data, e - 12);
    z = b4(data, ze) == 101075792;
    if (z) {
      c = b4(data, ze + 32);
      o = b4(data, ze + 48);
    }
  }
  var fltr = opts && opts.filter;
  for (var i2 = 0; i2 < c; ++i2) {
    var _a2 = zh(data, o, z), c_2 = _a2[0], sc = _a2[1], su = _a2[2], fn = _a2[3], no = _a2[4], off = _a2[5], b = slzh(data, off);
    o = no;
    if (!fltr || fltr({
      name: fn,
      size: sc,
      originalSize: su,
      compression: c_2
    })) {
      if (!c_2)
        files[fn] = slc(data, b, b + sc);
      else if (c_2 == 8)
        files[fn] = inflateSync(data.subarray(b, b + sc), { out: new u8(su) });
      else
        err(14, "unknown compression type " + c_2);
    }
  }
  return files;
}

// src/app/zip.ts
function readZipEntry(zip, pick, maxBytes) {
  let tooBig = null;
  let chosen = null;
  let files;
  try {
    files = unzipSync(new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength), {
      filter: (f) => {
        if (chosen !== null || !pick(f.name)) return false;
        if (f.originalSize > maxBytes) {
          tooBig = `zip entry ${f.name} is ${f.originalSize} bytes (limit ${maxBytes})`;
          return false;
        }
        chosen = f.name;
        return true;
      }
    });
  } catch (err2) {
    throw new Error(`not a readable zip archive: ${err2 instanceof Error ? err2.message : String(err2)}`);
  }
  if (tooBig) throw new Error(tooBig);
  if (chosen === null) return null;
  const data = files[chosen];
  if (!data || data.length > maxBytes)
    throw new Error(`zip entry ${chosen} exceeds the limit of ${maxBytes} bytes`);
  return { name: chosen, data: Buffer.from(data) };
}

// src/app/artifact.ts
function checkRun(run, args) {
  if (run.head_sha !== args.headSha)
    return { ok: false, reason: `workflow run ${run.id} is for commit ${run.head_sha}, not ${args.headSha}` };
  const full = run.repository?.full_name;
  if (full && full.toLowerCase() !== `${args.owner}/${args.repo}`.toLowerCase())
    return { ok: false, reason: `workflow run ${run.id} belongs to ${full}` };
  return { ok: true, runId: run.id };
}
async function findRun(octokit, args) {
  const { owner, repo } = args;
  const byId = async (run_id) => {
    const { data } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id });
    return checkRun(data, args);
  };
  if (args.markerRunId) return byId(args.markerRunId);
  if (args.checkSuiteId) {
    const { data } = await octokit.rest.actions.listWorkflowRunsForRepo({
      owner,
      repo,
      check_suite_id: args.checkSuiteId,
      per_page: 1
    });
    const run = data.workflow_runs[0];
    if (run) return checkRun(run, args);
  }
  if (args.detailsRunId) return byId(args.detailsRunId);
  return {
    ok: false,
    reason: "cannot tell which workflow run wrote the check run (no run id in the marker, no workflow run for its check suite, no run in details_url)"
  };
}
async function downloadReportArtifact(octokit, args) {
  const { owner, repo, name } = args;
  const picked = await findRun(octokit, args);
  if (!picked.ok) return picked;
  const runId = picked.runId;
  const { data: list } = await octokit.rest.actions.listWorkflowRunArtifacts({
    owner,
    repo,
    run_id: runId,
    name,
    per_page: 10
  });
  const artifact = list.artifacts.find((a) => a.name === name && !a.expired);
  if (!artifact) return { ok: false, reason: `no unexpired artifact named ${name} in workflow run ${runId}` };
  if (artifact.size_in_bytes > LIMITS.artifactBytes) {
    return {
      ok: false,
      reason: `artifact ${name} is ${artifact.size_in_bytes} bytes (limit ${LIMITS.artifactBytes})`
    };
  }
  const res = await octokit.rest.actions.downloadArtifact({
    owner,
    repo,
    artifact_id: artifact.id,
    archive_format: "zip"
  });
  const data = res.data;
  const zip = Buffer.isBuffer(data) ? data : data instanceof ArrayBuffer ? Buffer.from(data) : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : null;
  if (!zip) return { ok: false, reason: "artifact download returned no data" };
  if (zip.length > LIMITS.artifactBytes)
    return { ok: false, reason: `artifact larger than ${LIMITS.artifactBytes} bytes` };
  try {
    const entry = readZipEntry(zip, (n) => /(^|\/)(lambda-guard-)?report\.json$/.test(n), LIMITS.reportBytes) ?? readZipEntry(zip, (n) => n.endsWith(".json") && !n.includes("/"), LIMITS.reportBytes);
    if (!entry) return { ok: false, reason: `artifact ${name} has no report JSON file` };
    args.log.debug({ entry: entry.name, bytes: entry.data.length, runId }, "report artifact read");
    return { ok: true, text: entry.data.toString("utf8"), runId };
  } catch (err2) {
    return { ok: false, reason: `artifact ${name}: ${err2.message}` };
  }
}

// src/app/paths.ts
function unsafePathReason(path) {
  if (typeof path !== "string" || path.length === 0) return "empty path";
  if (path.length > LIMITS.pathChars) return `path longer than ${LIMITS.pathChars} characters`;
  if (/[\u0000-\u001f\u007f]/.test(path)) return "control character in path";
  if (path.includes("\\")) return "backslash in path";
  if (path.startsWith("/") || /^[A-Za-z]:/.test(path)) return "absolute path";
  for (const seg of path.split("/")) {
    if (seg === "..") return "path leaves the repository (..)";
    if (seg === "" || seg === ".") return "path has an empty or '.' segment";
  }
  if (path === ".git" || path.startsWith(".git/")) return "path inside .git";
  return null;
}

// src/app/handoff.ts
var SUFFIX = " -->";
function readHandoff(text2, maxChars) {
  if (typeof text2 !== "string") return { ok: false, reason: "check run has no output text", absent: true };
  if (text2.length > maxChars) return { ok: false, reason: `output text longer than ${maxChars} characters` };
  const start = text2.indexOf(HANDOFF_PREFIX);
  if (start < 0) return { ok: false, reason: "no lambda-guard:report@1 marker in the output", absent: true };
  const from = start + HANDOFF_PREFIX.length;
  const end = text2.indexOf(SUFFIX, from);
  if (end < 0) return { ok: false, reason: "the report marker is not closed" };
  const json = text2.slice(from, end);
  let raw;
  try {
    if (json.includes("\n")) throw new Error("newline");
    raw = JSON.parse(json);
  } catch {
    return { ok: false, reason: "the report marker is not valid JSON" };
  }
  const why = findingsProblem(raw);
  if (why) return { ok: false, reason: why };
  const parsed = HandoffPayloadSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `the report marker does not match lambda-guard:report@1 (${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid"})`
    };
  }
  if (!parseHandoffMarker(text2))
    return { ok: false, reason: "the report marker was refused by the shared parser" };
  return { ok: true, payload: parsed.data };
}
function findingsProblem(raw) {
  const findings = raw?.findings;
  if (!Array.isArray(findings)) return null;
  for (const [i2, f] of findings.entries()) {
    const rule = f?.rule;
    if (typeof rule !== "string" || !isRuleId(rule)) {
      return `finding ${i2} has unknown rule id ${JSON.stringify(String(rule).slice(0, 40))}`;
    }
    const loc = f.location;
    if (loc && typeof loc === "object") {
      const why = unsafePathReason(loc.path);
      if (why)
        return `finding ${i2} (${rule}) names an unsafe path ${JSON.stringify(String(loc.path).slice(0, 120))}: ${why}`;
    }
  }
  return null;
}
function runIdFromDetailsUrl(detailsUrl) {
  const m = detailsUrl ? /\/actions\/runs\/(\d{1,20})(?:[/?#]|$)/.exec(detailsUrl) : null;
  return m ? Number(m[1]) : null;
}

// src/app/octokit.ts
function httpStatus(err2) {
  const s = err2?.status;
  return typeof s === "number" ? s : void 0;
}
function errorText(err2) {
  const e = err2;
  const parts = [];
  if (typeof e?.message === "string") parts.push(e.message);
  const data = e?.response?.data;
  if (typeof data?.message === "string") parts.push(data.message);
  if (Array.isArray(data?.errors)) {
    for (const x2 of data.errors) {
      if (typeof x2 === "string") parts.push(x2);
      else if (x2 && typeof x2.message === "string")
        parts.push(x2.message);
    }
  }
  return parts.join(" | ");
}
function isAlreadyExists(err2) {
  return httpStatus(err2) === 422 && /already exists/i.test(errorText(err2));
}

// src/app/tarball.ts
import { gunzipSync } from "node:zlib";
var ArchiveError = class extends Error {
};
var BLOCK = 512;
function field(buf, at, len) {
  const raw = buf.subarray(at, at + len);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul < 0 ? len : nul).toString("utf8");
}
function octal(buf, at, len) {
  const s = field(buf, at, len).trim();
  if (!/^[0-7]*$/.test(s)) throw new ArchiveError(`bad number in tar header at ${at}`);
  return s ? parseInt(s, 8) : 0;
}
function paxRecords(data) {
  const out = {};
  let i2 = 0;
  while (i2 < data.length) {
    const sp = data.indexOf(32, i2);
    if (sp < 0) break;
    const len = Number(data.subarray(i2, sp).toString("ascii"));
    if (!Number.isInteger(len) || len <= 0 || i2 + len > data.length) break;
    const rec = data.subarray(sp + 1, i2 + len - 1).toString("utf8");
    const eq = rec.indexOf("=");
    if (eq > 0) out[rec.slice(0, eq)] = rec.slice(eq + 1);
    i2 += len;
  }
  return out;
}
function readTarGz(gz, limits) {
  let tar;
  try {
    tar = gunzipSync(gz, { maxOutputLength: limits.maxBytes });
  } catch (err2) {
    const m = err2 instanceof Error ? err2.message : String(err2);
    throw new ArchiveError(
      /maxOutputLength|Cannot create a Buffer larger|ERR_BUFFER_TOO_LARGE/i.test(m) ? `repository archive is larger than ${limits.maxBytes} bytes unpacked` : `repository archive is not gzip: ${m}`
    );
  }
  const files = [];
  let commit = null;
  let longName = null;
  let entries = 0;
  let off = 0;
  while (off + BLOCK <= tar.length) {
    const h = tar.subarray(off, off + BLOCK);
    if (h.every((b) => b === 0)) break;
    if (++entries > limits.maxEntries)
      throw new ArchiveError(`repository archive has more than ${limits.maxEntries} entries`);
    const size = octal(h, 124, 12);
    const type = String.fromCharCode(h[156] || 48);
    const dataStart = off + BLOCK;
    const dataEnd = dataStart + size;
    if (dataEnd > tar.length) throw new ArchiveError("repository archive is truncated");
    const data = tar.subarray(dataStart, dataEnd);
    off = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === "g") {
      const c = paxRecords(data).comment;
      if (c && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(c)) commit = c;
      continue;
    }
    if (type === "x") {
      longName = paxRecords(data).path ?? longName;
      continue;
    }
    if (type === "L") {
      longName = field(data, 0, data.length);
      continue;
    }
    const prefix = field(h, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(h, 0, 100)}` : field(h, 0, 100));
    longName = null;
    if (type !== "0" && type !== "\0") continue;
    const slash = name.indexOf("/");
    const path = slash < 0 ? name : name.slice(slash + 1);
    if (!path) continue;
    const mode = (octal(h, 100, 8) & 73) !== 0 ? "100755" : "100644";
    files.push({ path, mode, size, data });
  }
  return { files, commit };
}

// src/app/iac-files.ts
var SKIP_DIRS = /* @__PURE__ */ new Set([
  ".git",
  ".github",
  "node_modules",
  ".terraform",
  "cdk.out",
  ".serverless",
  ".aws-sam",
  "vendor",
  "__pycache__",
  ".venv",
  "venv",
  ".tox"
]);
var NOT_TEMPLATES = /^(package(-lock)?\.json|npm-shrinkwrap\.json|tsconfig(\..+)?\.json|jsconfig\.json|composer\.json|renovate\.json|\.?eslintrc(\..+)?|\.prettierrc(\..+)?|\.pre-commit-config\.ya?ml|docker-compose(\..+)?\.ya?ml|mkdocs\.ya?ml|\.gitlab-ci\.yml|\.travis\.yml|codecov\.ya?ml|pnpm-lock\.yaml|yarn\.lock|.*\.schema\.json)$/i;
function iacKind(path, cdkRoots = []) {
  const segments = path.split("/");
  if (segments.slice(0, -1).some((d) => SKIP_DIRS.has(d))) return null;
  const name = (segments[segments.length - 1] ?? "").toLowerCase();
  if (/\.(tf|tf\.json|tfvars|tfvars\.json)$/.test(name)) return "terraform";
  if (/^serverless\.ya?ml$/.test(name)) return "serverless";
  if (name === "cdk.json") return "cdk-config";
  if (name === "samconfig.toml") return "sam-config";
  if (/\.(ya?ml|json|template)$/.test(name)) return NOT_TEMPLATES.test(name) ? null : "template";
  if (/\.(ts|py)$/.test(name) && !name.endsWith(".d.ts") && !/(\.test|\.spec|_test)\.(ts|py)$/.test(name)) {
    const dir = segments.slice(0, -1).join("/");
    if (segments.some((s) => s === "test" || s === "tests" || s === "__tests__")) return null;
    if (cdkRoots.some((r) => r === "" || dir === r || dir.startsWith(`${r}/`))) return "cdk";
  }
  return null;
}
var KIND_ORDER = {
  terraform: 0,
  template: 1,
  serverless: 1,
  "sam-config": 1,
  "cdk-config": 1,
  cdk: 2
};
function selectEntries(entries, preferred) {
  const blobs = entries.filter((e) => e.type === "blob" && (e.mode === "100644" || e.mode === "100755"));
  const cdkRoots = blobs.filter((e) => e.path === "cdk.json" || e.path.endsWith("/cdk.json")).map((e) => e.path.slice(0, -"cdk.json".length).replace(/\/$/, ""));
  const skipped = [];
  const candidates = [];
  for (const e of blobs) {
    const kind = iacKind(e.path, cdkRoots);
    if (!kind) continue;
    if ((e.size ?? 0) > LIMITS.blobBytes) {
      skipped.push(`${e.path}: larger than ${LIMITS.blobBytes} bytes`);
      continue;
    }
    candidates.push({ e, kind });
  }
  candidates.sort(
    (a, b) => Number(preferred.has(b.e.path)) - Number(preferred.has(a.e.path)) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.e.path < b.e.path ? -1 : a.e.path > b.e.path ? 1 : 0)
  );
  const chosen = [];
  let total = 0;
  for (const { e } of candidates) {
    if (chosen.length >= LIMITS.files) {
      skipped.push(`${e.path}: over the limit of ${LIMITS.files} files`);
      continue;
    }
    if (total + (e.size ?? 0) > LIMITS.totalBytes) {
      skipped.push(`${e.path}: over the limit of ${LIMITS.totalBytes} bytes read`);
      continue;
    }
    total += e.size ?? 0;
    chosen.push(e);
  }
  chosen.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { chosen, skipped };
}
var utf8 = new TextDecoder("utf-8", { fatal: true });
async function readIacFiles(octokit, args) {
  const { owner, repo, commitSha, treeSha } = args;
  const res = await octokit.rest.repos.downloadTarballArchive({ owner, repo, ref: commitSha });
  const gz = toBuffer(res.data);
  if (!gz) throw new ArchiveError("the repository archive download returned no data");
  if (gz.length > LIMITS.archiveBytes)
    throw new ArchiveError(`repository archive is larger than ${LIMITS.archiveBytes} bytes`);
  const { files: all } = readTarGz(gz, {
    maxBytes: LIMITS.archiveUnpackedBytes,
    maxEntries: LIMITS.archiveEntries
  });
  const byPath = /* @__PURE__ */ new Map();
  const entries = [];
  for (const f of all) {
    if (unsafePathReason(f.path)) continue;
    byPath.set(f.path, f);
    entries.push({ path: f.path, mode: f.mode, type: "blob", sha: "", size: f.size });
  }
  const { chosen, skipped } = selectEntries(entries, args.preferred);
  const files = [];
  const modes = /* @__PURE__ */ new Map();
  const bom = /* @__PURE__ */ new Set();
  for (const e of chosen) {
    const bytes = byPath.get(e.path).data;
    if (bytes.subarray(0, 8e3).includes(0)) {
      skipped.push(`${e.path}: binary`);
      continue;
    }
    try {
      files.push({ path: e.path, text: utf8.decode(bytes) });
      modes.set(e.path, e.mode);
      if (hasUtf8Bom(bytes)) bom.add(e.path);
    } catch {
      skipped.push(`${e.path}: not UTF-8`);
    }
  }
  if (skipped.length)
    args.log.info({ skipped: skipped.slice(0, 20), count: skipped.length }, "IaC files left out");
  return { commitSha, treeSha, files, modes, bom, skipped, truncated: false };
}
function toBuffer(data) {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

// src/app/markers.ts
import { createHash } from "node:crypto";
var MarkerSchema = external_exports.looseObject({
  check: external_exports.string().max(200),
  digest: external_exports.string().regex(/^[0-9a-f]{8,64}$/),
  fingerprints: external_exports.array(external_exports.string().max(100)).max(5e3).default([]),
  /** The app closed it because a complete scan no longer reported its findings (not a dismissal). */
  resolved: external_exports.boolean().optional()
});
function open(kind) {
  return `<!-- lambda-guard:${kind}@1 `;
}
function renderMarker(kind, marker) {
  return `${open(kind)}${JSON.stringify(marker).replace(/>/g, "\\u003e")} -->`;
}
function readMarker(kind, body) {
  if (!body) return null;
  const start = body.indexOf(open(kind));
  if (start < 0) return null;
  const from = start + open(kind).length;
  const end = body.indexOf(" -->", from);
  if (end < 0 || end - from > 4e5) return null;
  try {
    const parsed = MarkerSchema.safeParse(JSON.parse(body.slice(from, end)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
function replaceMarker(kind, body, marker) {
  const start = body.indexOf(open(kind));
  if (start < 0) return `${renderMarker(kind, marker)}
${body}`;
  const end = body.indexOf(" -->", start);
  return `${body.slice(0, start)}${renderMarker(kind, marker)}${body.slice(end + 4)}`;
}
function findingsDigest(check, fingerprints) {
  const sorted = [...new Set(fingerprints)].sort();
  return createHash("sha256").update(JSON.stringify([check, sorted])).digest("hex").slice(0, 32);
}
function patchDigest(check, fingerprints, changes, toolVersion) {
  const h = createHash("sha256").update(
    JSON.stringify([check, [...new Set(fingerprints)].sort(), toolVersion])
  );
  for (const c of [...changes].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) {
    h.update(`\0${c.path}\0`);
    h.update(createHash("sha256").update(c.after).digest());
  }
  return h.digest("hex").slice(0, 32);
}
function branchName(check) {
  const slug = check.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/\.{2,}/g, ".").replace(/^[-.]+|[-.]+$/g, "").replace(/\.lock$/, "-lock").slice(0, 60) || "scan";
  return `lambda-guard/${slug}`;
}

// src/app/body.ts
function text(s, max2 = 300) {
  let v = String(s ?? "").replace(/\s+/g, " ").trim();
  if (v.length > max2) v = `${v.slice(0, max2 - 1)}\u2026`;
  return v.replace(/<!--/g, "<!\u200B--").replace(/[\\`*_[\]<>|#~!]/g, (c) => `\\${c}`).replace(/@(?=\w)/g, "@\u200B");
}
function code(s, max2 = 200) {
  let v = String(s ?? "").replace(/\s+/g, " ");
  if (v.length > max2) v = `${v.slice(0, max2 - 1)}\u2026`;
  v = v.replace(/<!--/g, "<!\u200B--");
  const longest = Math.max(0, ...[...v.matchAll(/`+/g)].map((m) => m[0].length));
  const fence2 = "`".repeat(longest + 1);
  const pad = v.startsWith("`") || v.endsWith("`") ? " " : "";
  return `${fence2}${pad}${v}${pad}${fence2}`;
}
var SAFE_COMMAND = /^aws lambda [a-z][a-z-]{2,40}( [A-Za-z0-9:/._=,@*+"'\- ]{1,400})?$/;
function commandsIn(note) {
  return [...note.matchAll(/aws lambda [a-z][a-z-]+(?: --[a-z][a-z-]*(?: [^\s()\u{2014},;]+)?)+/g)].map(
    (m) => m[0].replace(/[.]$/, "")
  );
}
function safeCommands(commands) {
  const shown = [];
  let omitted = 0;
  for (const c of commands ?? []) {
    if (typeof c === "string" && SAFE_COMMAND.test(c) && !/[;&|`$<>\\(){}]/.test(c)) shown.push(c);
    else omitted++;
  }
  return { shown, omitted };
}
var SEVERITY_ICON = { critical: "\u{1F534}", high: "\u{1F7E0}", medium: "\u{1F7E1}", low: "\u26AA" };
function resourceName(f) {
  return f.resource.iac?.address ?? f.resource.arn ?? f.resource.functionName ?? f.resource.kind;
}
function where(f) {
  return f.location ? code(`${f.location.path}:${f.location.startLine}`) : "\u2014";
}
function evidence(f) {
  const entries = Object.entries(f.evidence ?? {}).slice(0, 6);
  if (entries.length === 0) return "";
  return entries.map(([k, v]) => `${code(k, 60)}: ${code(typeof v === "string" ? v : JSON.stringify(v), 200)}`).join(", ");
}
function findingRow(f) {
  return `| ${SEVERITY_ICON[f.severity] ?? ""} ${f.severity} | ${f.rule} ${text(RULES[f.rule].title, 80)} | ${code(resourceName(f), 120)} | ${where(f)} |`;
}
function fence(s) {
  const longest = Math.max(2, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(longest + 1);
}
function commandBlock(commands) {
  if (commands.length === 0) return "";
  const body = commands.join("\n");
  const f = fence(body);
  return `${f}sh
${body}
${f}`;
}
function clip(body) {
  if (body.length <= LIMITS.bodyChars) return body;
  return `${body.slice(0, LIMITS.bodyChars - 80)}

\u2026(shortened: GitHub limits the size of a body)
`;
}
function sourceLine(s) {
  const run = s.checkRunUrl && /^https:\/\/[^\s)]+$/.test(s.checkRunUrl) ? ` ([check run](${s.checkRunUrl}))` : "";
  return `Reported by the ${code(s.check, 80)} check on ${code(s.headSha.slice(0, 12))}${run}.`;
}
function checkSuffix(check) {
  const c = check.toLowerCase();
  return c === "lambda-guard" || c === DEFAULT_CHECK_NAME.toLowerCase() ? "" : ` (${check.slice(0, 60)})`;
}
function prTitle(check, fixed) {
  return `lambda-guard: fix ${fixed} Lambda exposure finding${fixed === 1 ? "" : "s"}${checkSuffix(check)}`;
}
function renderPrBody(i2) {
  const out = [renderMarker("pr", i2.marker), ""];
  const fixed = i2.fixed.slice(0, LIMITS.findingsPerBody);
  out.push(`## What lambda-guard found`, "", sourceLine(i2), "");
  out.push(`| Severity | Rule | Resource | Location |`, `| --- | --- | --- | --- |`);
  for (const { finding } of fixed) out.push(findingRow(finding));
  if (i2.fixed.length > fixed.length) out.push("", `\u2026and ${i2.fixed.length - fixed.length} more.`);
  out.push("", `## What this change does`, "");
  for (const { finding, notes } of fixed) {
    out.push(`<details><summary>${finding.rule} \xB7 ${text(resourceName(finding), 120)}</summary>`, "");
    out.push(`${text(finding.title, 200)}. ${text(finding.message, 600)}`, "");
    const ev = evidence(finding);
    if (ev) out.push(`**Evidence:** ${ev}`, "");
    out.push(`**Fix:** ${text(finding.remediation.summary || RULES[finding.rule].help, 600)}`, "");
    for (const n of notes.slice(0, 5)) out.push(`- ${text(n, 400)}`);
    out.push("", `</details>`, "");
  }
  out.push(`Files changed: ${i2.changes.map((c) => code(c.path, 200)).join(", ")}`, "");
  out.push(`## What you still need to do`, "");
  out.push(
    `- [ ] Review the diff, merge it and deploy: the change takes effect only when the IaC is applied.`
  );
  const commands = [];
  let omitted = 0;
  for (const { finding, notes } of fixed) {
    const s = safeCommands([...finding.remediation.commands ?? [], ...notes.flatMap(commandsIn)]);
    commands.push(...s.shown);
    omitted += s.omitted;
  }
  const uniqueCommands = [...new Set(commands)].slice(0, 30);
  if (uniqueCommands.length) {
    out.push(
      `- [ ] Statements added outside this code (by the console, the CLI or a provider) are not removed by the diff. Check them and remove them where they exist:`,
      "",
      commandBlock(uniqueCommands)
    );
  }
  if (omitted)
    out.push(`- [ ] ${omitted} remediation command(s) in the report were not shown here: see the check run.`);
  out.push(
    `- lambda-guard closes this pull request and deletes its branch when a complete scan no longer reports these findings.`
  );
  if (i2.unfixed.length) {
    out.push("", `## Not fixed by this pull request`, "");
    for (const { finding, reason } of i2.unfixed.slice(0, LIMITS.findingsPerBody)) {
      out.push(
        `- ${finding.rule} ${code(resourceName(finding), 120)} (${finding.severity}): ${text(reason, 300)}`
      );
    }
    if (i2.issueNumber) out.push("", `These are tracked in #${i2.issueNumber}.`);
  }
  const dismissed = i2.dismissed ?? [];
  if (dismissed.length) {
    out.push("", `## Dismissed earlier (not changed here)`, "");
    out.push(
      `A lambda-guard pull request for these was closed without merging, so this one leaves them alone.`,
      ""
    );
    for (const { finding, pr } of dismissed.slice(0, LIMITS.findingsPerBody)) {
      out.push(
        `- ${finding.rule} ${code(resourceName(finding), 120)} (${finding.severity}): dismissed in #${Math.trunc(pr)}`
      );
    }
    if (dismissed.length > LIMITS.findingsPerBody)
      out.push(`- \u2026and ${dismissed.length - LIMITS.findingsPerBody} more.`);
  }
  if (i2.skipped.length) {
    out.push("", `<details><summary>Files not read (${i2.skipped.length})</summary>`, "");
    for (const s of i2.skipped.slice(0, 50)) out.push(`- ${text(s, 200)}`);
    out.push("", `</details>`);
  }
  out.push(
    "",
    `<sub>Opened by lambda-guard. Closing it unmerged dismisses these findings: it will not be reopened for them.</sub>`
  );
  return clip(out.join("\n"));
}
function issueTitle(check) {
  return `lambda-guard: findings that need action outside the code${checkSuffix(check)}`;
}
var SECTIONS = {
  expired: {
    title: "Intended exposure past its expiry date",
    intro: "These were allowed in `.github/lambda-guard.yml` until a date that has passed. Renew `expires` with a reason, or remove the exposure."
  },
  principal: {
    title: "Principals defined outside this repository",
    intro: "These callers use `GetFunction` but are not allowed `lambda:ListTags`, and their policies are not in this repository's IaC. Grant `lambda:ListTags` where the principal is managed."
  },
  unlocated: {
    title: "Findings with no location in this repository's IaC",
    intro: "lambda-guard could not find the code that creates these resources; fix them where they are managed."
  },
  engine: {
    title: "Findings the fix engine could not patch",
    intro: "The fix engine failed on this repository's code, so no pull request proposes these fixes. lambda-guard tries again on the next scan; run `lambda-guard fix` locally to see the error, or fix them by hand."
  },
  code: {
    title: "Findings to fix in code",
    intro: "Pull requests are turned off in `.github/lambda-guard.yml` (`pullRequests.enabled: false`). Run `lambda-guard fix` locally for a patch."
  }
};
function renderIssueBody(i2) {
  const out = [renderMarker("issue", i2.marker), "", sourceLine(i2), ""];
  for (const cat of ["expired", "principal", "unlocated", "engine", "code"]) {
    const items = i2.items.filter((x2) => x2.category === cat);
    if (items.length === 0) continue;
    out.push(`## ${SECTIONS[cat].title}`, "", SECTIONS[cat].intro, "");
    const account = (x2) => x2.finding.resource.accountId ?? "";
    items.sort((a, b) => account(a).localeCompare(account(b)));
    let shownAccount = "";
    for (const { finding, reason } of items.slice(0, LIMITS.findingsPerBody)) {
      const acct = finding.resource.accountId ?? "";
      if (acct && acct !== shownAccount) out.push(`### AWS account ${code(acct, 20)}`, "");
      shownAccount = acct;
      out.push(
        `- [ ] ${SEVERITY_ICON[finding.severity] ?? ""} **${finding.rule}** ${text(RULES[finding.rule].title, 80)}: ${code(resourceName(finding), 160)}`
      );
      out.push(`  ${text(reason, 400)}`);
      const ev = evidence(finding);
      if (ev) out.push(`  Evidence: ${ev}`);
      const { shown } = safeCommands(finding.remediation.commands);
      if (shown.length) out.push("", commandBlock(shown).replace(/^/gm, "  "), "");
    }
    if (items.length > LIMITS.findingsPerBody)
      out.push(`- \u2026and ${items.length - LIMITS.findingsPerBody} more.`);
    out.push("");
  }
  if (i2.prNumber) out.push(`Findings that can be fixed in code are in #${i2.prNumber}.`, "");
  out.push(
    `<sub>Maintained by lambda-guard: updated in place, closed when a complete scan no longer reports these findings. Closing it yourself dismisses these findings.</sub>`
  );
  return clip(out.join("\n"));
}

// src/app/issue.ts
async function reconcileIssue(octokit, i2) {
  const { repo: r, log } = i2;
  const fingerprints = i2.items.map((x2) => x2.finding.fingerprint).sort();
  const digest = findingsDigest(i2.check, fingerprints);
  const marker = { check: i2.check, digest, fingerprints };
  const issues = i2.issues;
  const existing = issues.find((x2) => x2.state === "open") ?? issues[0];
  if (i2.items.length === 0) {
    if (existing?.state === "open" && i2.resolvable) {
      await octokit.rest.issues.createComment({
        ...r,
        issue_number: existing.number,
        body: `A complete scan (${i2.check} on \`${i2.headSha.slice(0, 12)}\`) no longer reports these findings. Closing.`
      });
      await octokit.rest.issues.update({
        ...r,
        issue_number: existing.number,
        state: "closed",
        state_reason: "completed",
        body: replaceMarker("issue", existing.body, { ...existing.marker, resolved: true })
      });
      log.info({ issue: existing.number }, "closed resolved tracking issue");
      return { action: "closed", number: existing.number };
    }
    return { action: "none" };
  }
  const body = renderIssueBody({ ...i2, marker });
  const title = issueTitle(i2.check);
  if (existing?.state === "open") {
    if (existing.marker.digest === digest) return { action: "unchanged", number: existing.number };
    if (!i2.resolvable && fingerprints.every((fp) => existing.marker.fingerprints.includes(fp))) {
      log.info({ issue: existing.number }, "incomplete report: keeping the issue's larger list");
      return { action: "unchanged", number: existing.number };
    }
    await octokit.rest.issues.update({ ...r, issue_number: existing.number, title, body });
    log.info({ issue: existing.number, digest }, "updated tracking issue");
    return { action: "updated", number: existing.number };
  }
  if (existing) {
    if (!existing.marker.resolved && fingerprints.every((fp) => existing.marker.fingerprints.includes(fp))) {
      log.info(
        { issue: existing.number },
        "these findings were dismissed (issue closed by a person); not reopening"
      );
      return { action: "dismissed", number: existing.number };
    }
    await octokit.rest.issues.update({ ...r, issue_number: existing.number, title, body, state: "open" });
    log.info({ issue: existing.number, digest }, "reopened tracking issue");
    return { action: "reopened", number: existing.number };
  }
  const { data } = await octokit.rest.issues.create({
    ...r,
    title,
    body,
    ...i2.config.issues.labels.length ? { labels: i2.config.issues.labels } : {}
  });
  log.info({ issue: data.number, digest }, "opened tracking issue");
  return { action: "created", number: data.number };
}

// src/app/own-items.ts
var OWN_ITEM_PAGES = 3;
async function listOwnItems(octokit, r, check, botLogin) {
  const out = { prs: [], issues: [] };
  for (let page = 1; page <= OWN_ITEM_PAGES; page++) {
    const { data } = await octokit.rest.issues.listForRepo({
      ...r,
      creator: botLogin,
      state: "all",
      sort: "created",
      direction: "desc",
      per_page: 100,
      page
    });
    for (const item of data) {
      if (item.user?.login !== botLogin) continue;
      const body = item.body ?? "";
      if (item.pull_request) {
        const marker = readMarker("pr", body);
        if (marker?.check !== check) continue;
        const merged = Boolean(item.pull_request.merged_at);
        out.prs.push({ number: item.number, state: item.state, merged, body, marker });
      } else {
        const marker = readMarker("issue", body);
        if (marker?.check !== check) continue;
        out.issues.push({ number: item.number, state: item.state, body, marker });
      }
    }
    if (data.length < 100) break;
  }
  return out;
}

// src/app/plan.ts
function dismissedFingerprints(prs) {
  const out = /* @__PURE__ */ new Map();
  for (const pr of prs) {
    if (pr.state !== "closed" || pr.merged || pr.marker.resolved) continue;
    for (const fp of pr.marker.fingerprints) if (!out.has(fp)) out.set(fp, pr.number);
  }
  return out;
}
function expiredIntent(f, now) {
  const ea = f.evidence?.expiredAllow;
  if (ea && typeof ea === "object")
    return { expires: String(ea.expires ?? "?"), reason: String(ea.reason ?? "") };
  if (f.suppression?.expires && isExpired({ expires: f.suppression.expires }, now)) {
    return { expires: f.suppression.expires, reason: f.suppression.reason };
  }
  return null;
}
function planDelivery(args) {
  const { config, now } = args;
  const findings = applyAllowList(applyRuleOverrides([...args.findings], config), config, now);
  const items = [];
  const toFix = [];
  const dismissed = [];
  for (const f of findings) {
    const exp = expiredIntent(f, now);
    if (exp) {
      items.push({
        finding: f,
        category: "expired",
        reason: `Allowed until ${exp.expires}${exp.reason ? ` ("${exp.reason}")` : ""}; that date has passed.`
      });
      continue;
    }
    if (f.suppression) continue;
    if (!config.pullRequests.enabled) {
      items.push({ finding: f, category: "code", reason: f.remediation.summary });
      continue;
    }
    const pr = args.dismissedBy.get(f.fingerprint);
    if (pr === void 0) toFix.push(f);
    else dismissed.push({ finding: f, pr });
  }
  const reported = new Set(findings.filter((f) => !f.suppression).map((f) => f.fingerprint));
  return { items, toFix, dismissed, reported };
}
function decidePr(f) {
  const open2 = f.prs.find((p) => p.state === "open");
  if (!f.hasPatch) {
    if (open2 && f.resolvable && !open2.marker.fingerprints.some((fp) => f.reported.has(fp)))
      return { kind: "close-resolved", pr: open2 };
    if (open2) return { kind: "keep-open", pr: open2 };
    if (f.dismissedCount > 0 && f.otherFindings === 0)
      return {
        kind: "dismissed",
        ...f.firstDismissedPr !== void 0 ? { number: f.firstDismissedPr } : {}
      };
    return { kind: "none" };
  }
  if (open2) {
    if (open2.marker.digest === f.digest) return { kind: "unchanged", pr: open2, why: "same-digest" };
    if (!f.resolvable && f.fingerprints.every((fp) => open2.marker.fingerprints.includes(fp)))
      return { kind: "unchanged", pr: open2, why: "incomplete-report" };
    return { kind: "update", pr: open2 };
  }
  const dismissed = dismissedFingerprints(f.prs);
  if (dismissed.size > 0 && f.fingerprints.every((fp) => dismissed.has(fp))) {
    const number = dismissed.get(f.fingerprints[0] ?? "") ?? f.prs.find((p) => p.state === "closed")?.number;
    return { kind: "dismissed", ...number !== void 0 ? { number } : {} };
  }
  return { kind: "create" };
}

// src/app/problems.ts
import { createHash as createHash2 } from "node:crypto";

// src/app/git.ts
async function createFixCommit(octokit, r, args) {
  const { data: tree } = await octokit.rest.git.createTree({
    ...r,
    base_tree: args.baseTree,
    tree: args.changes.map((c) => ({
      path: c.path,
      mode: args.modes.get(c.path) === "100755" ? "100755" : "100644",
      type: "blob",
      content: args.bom?.has(c.path) ? `\uFEFF${c.after}` : c.after
    }))
  });
  const { data: commit } = await octokit.rest.git.createCommit({
    ...r,
    message: args.message,
    tree: tree.sha,
    parents: [args.baseCommit]
  });
  return commit.sha;
}
async function branchTouchedByOthers(octokit, r, args) {
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      ...r,
      basehead: `${args.base}...${args.branch}`,
      per_page: 100
    });
    const by = /* @__PURE__ */ new Set();
    for (const c of data.commits) {
      const author = c.author?.login;
      const committer = c.committer?.login;
      const ours = author === args.botLogin && (committer === args.botLogin || committer === "web-flow");
      if (!ours) by.add(author ?? c.commit.author?.name ?? "unknown");
    }
    if (data.total_commits > data.commits.length) by.add("(more commits than listed)");
    return { exists: true, touched: by.size > 0, by: [...by] };
  } catch (err2) {
    if (httpStatus(err2) === 404) return { exists: false, touched: false, by: [] };
    throw err2;
  }
}
async function deleteBranch(octokit, r, branch, log) {
  try {
    await octokit.rest.git.deleteRef({ ...r, ref: `heads/${branch}` });
    log.info({ branch }, "deleted branch");
  } catch (err2) {
    if (httpStatus(err2) === 422 || httpStatus(err2) === 404) return;
    throw err2;
  }
}

// src/app/pull-request.ts
function commitMessage(fixed) {
  const lines = fixed.slice(0, 50).map(
    ({ finding: f }) => `- ${f.rule} ${(f.resource.iac?.address ?? f.resource.arn ?? "").slice(0, 150)}`
  );
  return `fix(lambda-guard): ${fixed.length} Lambda exposure finding${fixed.length === 1 ? "" : "s"}

${lines.join("\n")}
`;
}
async function reconcilePr(octokit, i2) {
  const { repo: r, log } = i2;
  const branch = branchName(i2.check);
  const fingerprints = i2.fixed.map((f) => f.finding.fingerprint).sort();
  const digest = patchDigest(i2.check, fingerprints, i2.changes, VERSION);
  const marker = { check: i2.check, digest, fingerprints };
  const title = prTitle(i2.check, i2.fixed.length);
  const body = () => renderPrBody({ ...i2, marker, changes: i2.changes, skipped: i2.snapshot?.skipped ?? [] });
  let prs = i2.prs;
  let open2;
  const decide = () => decidePr({
    prs,
    hasPatch: i2.changes.length > 0 && i2.snapshot !== null,
    digest,
    fingerprints,
    reported: i2.reported,
    resolvable: i2.resolvable,
    dismissedCount: i2.dismissed.length,
    firstDismissedPr: i2.dismissed[0]?.pr,
    otherFindings: i2.fixed.length + i2.unfixed.length
  });
  const first = decide();
  switch (first.kind) {
    case "close-resolved":
      await closeResolved(octokit, i2, first.pr, branch);
      return { action: "closed", number: first.pr.number };
    case "keep-open":
      log.info({ pr: first.pr.number }, "no fix to propose; leaving the open pull request as it is");
      return { action: "none" };
    case "none":
      return { action: "none" };
    case "dismissed":
      log.info(
        { pr: first.number, dismissed: i2.dismissed.length },
        "only dismissed findings to fix (pull request closed unmerged); not recreating it"
      );
      return { action: "dismissed", ...first.number !== void 0 ? { number: first.number } : {} };
  }
  if (!i2.snapshot) return { action: "none" };
  const snapshot = i2.snapshot;
  const writeCommit = () => createFixCommit(octokit, r, {
    baseCommit: snapshot.commitSha,
    baseTree: snapshot.treeSha,
    changes: i2.changes,
    modes: snapshot.modes,
    bom: snapshot.bom,
    message: commitMessage(i2.fixed)
  });
  const updateOpen = async (pr, d) => {
    if (d.kind === "unchanged") {
      log.info(
        { pr: pr.number, digest },
        d.why === "same-digest" ? "pull request already proposes these fixes" : "incomplete report: keeping the pull request's larger set of fixes"
      );
      return { action: "unchanged", number: pr.number };
    }
    const touched = await branchTouchedByOthers(octokit, r, {
      base: i2.defaultBranch,
      branch,
      botLogin: i2.botLogin
    });
    if (touched.touched) {
      await commentOnce(octokit, r, pr.number, digest, log, [
        `lambda-guard has an updated fix for this pull request (${fingerprints.length} finding(s)), but ${touched.by.map((b) => `\`${b.replace(/`/g, "")}\``).join(", ")} committed to \`${branch}\`, so it will not overwrite the branch.`,
        "",
        "Run `lambda-guard fix` locally to get the patch, or delete the branch and close this pull request to let lambda-guard open a fresh one."
      ]);
      log.warn(
        { pr: pr.number, by: touched.by },
        "branch has commits by others; commented instead of updating"
      );
      return { action: "blocked", number: pr.number };
    }
    const sha2 = await writeCommit();
    await octokit.rest.git.updateRef({ ...r, ref: `heads/${branch}`, sha: sha2, force: true });
    await octokit.rest.pulls.update({ ...r, pull_number: pr.number, title, body: body() });
    log.info({ pr: pr.number, digest }, "updated pull request");
    return { action: "updated", number: pr.number };
  };
  if (first.kind === "update" || first.kind === "unchanged") return updateOpen(first.pr, first);
  const sha = await writeCommit();
  try {
    await octokit.rest.git.createRef({ ...r, ref: `refs/heads/${branch}`, sha });
  } catch (err2) {
    if (!isAlreadyExists(err2)) throw err2;
    log.info({ branch }, "branch already exists; re-reading");
    prs = (await listOwnItems(octokit, r, i2.check, i2.botLogin)).prs;
    const again = decide();
    if (again.kind === "update" || again.kind === "unchanged") return updateOpen(again.pr, again);
    const touched = await branchTouchedByOthers(octokit, r, {
      base: i2.defaultBranch,
      branch,
      botLogin: i2.botLogin
    });
    if (touched.touched) {
      log.warn(
        { branch, by: touched.by },
        "branch exists with commits by others and no pull request; leaving it alone"
      );
      return { action: "blocked" };
    }
    await octokit.rest.git.updateRef({ ...r, ref: `heads/${branch}`, sha, force: true });
  }
  let number;
  try {
    const { data } = await octokit.rest.pulls.create({
      ...r,
      title,
      head: branch,
      base: i2.defaultBranch,
      body: body(),
      maintainer_can_modify: false
    });
    number = data.number;
  } catch (err2) {
    if (!isAlreadyExists(err2)) throw err2;
    log.info({ branch }, "pull request already exists; re-reading");
    prs = (await listOwnItems(octokit, r, i2.check, i2.botLogin)).prs;
    open2 = prs.find((p) => p.state === "open");
    if (!open2) throw err2;
    if (open2.marker.digest !== digest) {
      await octokit.rest.pulls.update({ ...r, pull_number: open2.number, title, body: body() });
      return { action: "updated", number: open2.number };
    }
    return { action: "unchanged", number: open2.number };
  }
  log.info({ pr: number, digest }, "opened pull request");
  if (i2.config.pullRequests.labels.length) {
    await octokit.rest.issues.addLabels({ ...r, issue_number: number, labels: i2.config.pullRequests.labels });
  }
  if (i2.config.pullRequests.reviewers.length) {
    const reviewers = i2.config.pullRequests.reviewers.filter((x2) => !x2.includes("/"));
    const team_reviewers = i2.config.pullRequests.reviewers.filter((x2) => x2.includes("/")).map((x2) => x2.split("/")[1]);
    try {
      await octokit.rest.pulls.requestReviewers({ ...r, pull_number: number, reviewers, team_reviewers });
    } catch (err2) {
      if (httpStatus(err2) !== 422) throw err2;
      log.warn({ pr: number }, "could not request reviewers (not collaborators?)");
    }
  }
  return { action: "created", number };
}
async function closeResolved(octokit, i2, pr, branch) {
  const r = i2.repo;
  await octokit.rest.issues.createComment({
    ...r,
    issue_number: pr.number,
    body: `A complete scan (${i2.check} on \`${i2.headSha.slice(0, 12)}\`) no longer reports the findings this pull request fixes. Closing it.`
  });
  await octokit.rest.pulls.update({
    ...r,
    pull_number: pr.number,
    state: "closed",
    body: replaceMarker("pr", pr.body, { ...pr.marker, resolved: true })
  });
  const touched = await branchTouchedByOthers(octokit, r, {
    base: i2.defaultBranch,
    branch,
    botLogin: i2.botLogin
  });
  if (touched.exists && !touched.touched) await deleteBranch(octokit, r, branch, i2.log);
  i2.log.info({ pr: pr.number }, "closed resolved pull request");
}
async function commentOnce(octokit, r, issueNumber, digest, log, lines) {
  const { data } = await octokit.rest.issues.listComments({ ...r, issue_number: issueNumber, per_page: 100 });
  if (data.some((c) => readMarker("comment", c.body)?.digest === digest)) {
    log.debug({ issue: issueNumber }, "already commented for this digest");
    return;
  }
  const marker = renderMarker("comment", { check: "", digest, fingerprints: [] });
  await octokit.rest.issues.createComment({
    ...r,
    issue_number: issueNumber,
    body: `${marker}
${lines.join("\n")}`
  });
}

// src/app/problems.ts
async function reportProblem(octokit, args) {
  const { repo: r, check, problem, log } = args;
  const digest = createHash2("sha256").update(JSON.stringify([check, problem.title, problem.lines])).digest("hex").slice(0, 32);
  const lines = [
    `**${text(problem.title, 300)}**`,
    "",
    ...problem.lines.slice(0, 20).map((l) => text(l, 600))
  ];
  const own = await listOwnItems(octokit, r, check, args.botLogin);
  const open2 = own.issues.find((i2) => i2.state === "open");
  if (open2?.marker.digest === digest) {
    log.info({ issue: open2.number }, `already reported in the tracking issue: ${problem.title}`);
    return;
  }
  if (open2) {
    await commentOnce(octokit, r, open2.number, digest, log, lines);
    log.warn({ issue: open2.number }, `reported in the tracking issue: ${problem.title}`);
    return;
  }
  const body = [
    renderMarker("issue", { check, digest, fingerprints: [] }),
    "",
    `lambda-guard could not act on the \`${text(check, 80)}\` check on \`${args.headSha.slice(0, 12)}\`.`,
    "",
    ...lines,
    "",
    "<sub>Maintained by lambda-guard: updated or closed by the next report it can act on.</sub>"
  ].join("\n");
  const { data } = await octokit.rest.issues.create({ ...r, title: issueTitle(check), body });
  log.warn({ issue: data.number }, `opened a tracking issue: ${problem.title}`);
}

// src/app/trust.ts
function sameRepository(a, b) {
  return a.toLowerCase() === b.toLowerCase();
}
function checkFindings(findings) {
  if (findings.length > LIMITS.findings)
    return `report has ${findings.length} findings (limit ${LIMITS.findings})`;
  for (const [i2, f] of findings.entries()) {
    if (typeof f.rule !== "string" || !isRuleId(f.rule)) {
      return `finding ${i2} has unknown rule id ${JSON.stringify(String(f.rule).slice(0, 40))}`;
    }
    if (f.location !== void 0) {
      const why = unsafePathReason(f.location.path);
      if (why)
        return `finding ${i2} (${f.rule}) names an unsafe path ${JSON.stringify(String(f.location.path).slice(0, 120))}: ${why}`;
    }
  }
  return null;
}
function checkTarget(target, ctx) {
  if (typeof target.repository === "string" && !sameRepository(target.repository, ctx.repository)) {
    return `report is for repository ${target.repository}, not ${ctx.repository}`;
  }
  if (typeof target.commit === "string" && target.commit !== ctx.headSha) {
    return `report is for commit ${target.commit.slice(0, 40)}, not the check run's ${ctx.headSha}`;
  }
  return null;
}
function validateReportText(text2, ctx) {
  if (Buffer.byteLength(text2, "utf8") > LIMITS.reportBytes) {
    return { ok: false, reason: `report larger than ${LIMITS.reportBytes} bytes` };
  }
  let raw;
  try {
    raw = JSON.parse(text2);
  } catch {
    return { ok: false, reason: "report is not valid JSON" };
  }
  return validateReport(raw, ctx);
}
function validateReport(raw, ctx) {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, reason: "report is not a JSON object" };
  }
  const obj = raw;
  if (obj.schema !== REPORT_SCHEMA_ID) {
    return {
      ok: false,
      reason: `report schema is ${JSON.stringify(obj.schema)}, expected ${REPORT_SCHEMA_ID}`
    };
  }
  if (Array.isArray(obj.findings)) {
    const why2 = checkFindings(obj.findings);
    if (why2) return { ok: false, reason: why2 };
  }
  const parsed = ReportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `report does not match the ${REPORT_SCHEMA_ID} schema (${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid"})`
    };
  }
  const why = checkTarget(parsed.data.target, ctx);
  if (why) return { ok: false, reason: why };
  return { ok: true, value: parsed.data };
}
function reportFromHandoff(payload, ctx) {
  const why = checkFindings(payload.findings) ?? checkTarget(payload, ctx);
  if (why) return { ok: false, reason: why };
  const findings = payload.findings.map((f) => expandFinding(f));
  const t = payload.target;
  const target = t?.kind === "iac" ? { kind: "iac", root: "." } : t?.kind === "aws-organization" ? {
    kind: "aws-organization",
    organizationId: "unknown",
    partition: t.partition ?? "aws",
    accounts: [
      ...new Set(findings.map((f) => f.resource.accountId).filter((a) => a !== void 0))
    ].sort()
  } : {
    kind: "aws-account",
    accountId: t?.accountId ?? "unknown",
    partition: t?.partition ?? "aws",
    regions: []
  };
  const raw = {
    schema: REPORT_SCHEMA_ID,
    tool: { name: "lambda-guard", version: payload.tool?.version ?? "unknown" },
    generatedAt: ctx.generatedAt,
    target: {
      ...target,
      repository: payload.repository ?? ctx.repository,
      ...payload.commit ? { commit: payload.commit } : {}
    },
    coverage: [{ scope: "handoff", status: payload.complete ? "complete" : "partial" }],
    summary: payload.summary ?? { critical: 0, high: 0, medium: 0, low: 0, suppressed: 0 },
    findings
  };
  return validateReport(raw, ctx);
}
function expandFinding(f) {
  const rule = RULES[f.rule];
  const out = {
    fingerprint: f.fingerprint,
    rule: f.rule,
    severity: f.severity,
    title: rule.title,
    // What the detector said about this finding when the marker carries it; the rule's text otherwise.
    message: f.message ?? rule.description,
    resource: f.resource,
    evidence: f.evidence ?? {},
    remediation: { summary: f.fix ?? rule.help, ...f.commands?.length ? { commands: f.commands } : {} }
  };
  if (f.location) out.location = f.location;
  return out;
}
function isResolvable(report, handoffComplete) {
  return handoffComplete && !isIncomplete(report.coverage);
}

// src/app/check-run.ts
var CONFIG_FILE = "lambda-guard.yml";
function checkNameAllowed(name, patterns) {
  if (patterns.length === 0) return true;
  const n = name.toLowerCase();
  return patterns.some((p) => globMatch(p.toLowerCase(), n));
}
function gate(payload, checkNames) {
  const cr = payload.check_run;
  if (cr.status !== "completed") return { act: false, level: "debug", reason: `status is ${cr.status}` };
  const text2 = cr.output?.text;
  if (typeof text2 !== "string" || !text2.includes(HANDOFF_PREFIX))
    return { act: false, level: "debug", reason: `no ${HANDOFF_MARKER} marker in the output` };
  const slug = cr.app?.slug ?? null;
  if (slug !== ACTIONS_APP_SLUG) {
    return {
      act: false,
      level: "warn",
      reason: `check run ${JSON.stringify(cr.name.slice(0, 100))} carries the ${HANDOFF_MARKER} report but was created by app ${JSON.stringify(slug)}, not GitHub Actions; lambda-guard only trusts reports written with the workflow's own token. Leave the Action's 'github-token' input at its default (github.token) and give the job 'permissions: checks: write'.`
    };
  }
  if (!checkNameAllowed(cr.name, checkNames))
    return {
      act: false,
      level: "info",
      reason: `check name ${JSON.stringify(cr.name.slice(0, 100))} does not match LAMBDA_GUARD_CHECK_NAMES (${checkNames.join(", ").slice(0, 200)})`
    };
  return { act: true };
}
async function loadRepoConfig(context, log) {
  let raw;
  try {
    raw = await context.config(CONFIG_FILE);
  } catch (err2) {
    const why = errorText(err2).slice(0, 300);
    log.warn({ err: why }, `cannot read .github/${CONFIG_FILE}; not acting`);
    return {
      problem: {
        title: `.github/${CONFIG_FILE} could not be read`,
        lines: [why, "Fix the file (it must be YAML) so lambda-guard can act on the next report."]
      }
    };
  }
  const parsed = ConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 10);
    log.warn(
      { field: issues[0]?.path.join("."), problem: issues[0]?.message },
      `.github/${CONFIG_FILE} is invalid; not acting`
    );
    return {
      problem: {
        title: `.github/${CONFIG_FILE} is invalid, so lambda-guard did not act on this report`,
        lines: [
          ...issues.map((i2) => `${i2.path.join(".") || "(top level)"}: ${i2.message}`),
          "",
          "Fix the file on the default branch (run `lambda-guard scan --config .github/lambda-guard.yml` locally to see every error); the next report will then be acted on."
        ]
      }
    };
  }
  return { config: parsed.data };
}
function shortError(err2) {
  const name = err2 instanceof Error && err2.name && err2.name !== "Error" ? `${err2.name}: ` : "";
  const raw = err2 instanceof Error ? err2.message : String(err2);
  const line = `${name}${raw}`.replace(/\s+/g, " ").trim() || "unknown error";
  return line.length > 200 ? `${line.slice(0, 199)}\u2026` : line;
}
function uniqueBy(items, key) {
  const seen = /* @__PURE__ */ new Set();
  return items.filter((t) => seen.has(key(t)) ? false : (seen.add(key(t)), true));
}
async function handleCheckRun(context, deps, queue) {
  const payload = context.payload;
  const log = context.log;
  const verdict = gate(payload, deps.checkNames);
  if (!verdict.act) {
    const check = payload.check_run.name.slice(0, 100);
    if (verdict.level === "warn") {
      log.warn({ check }, `refusing check run: ${verdict.reason}`);
      return { rejected: verdict.reason };
    }
    log[verdict.level]({ check }, `ignoring check run: ${verdict.reason}`);
    return { ignored: verdict.reason };
  }
  const cr = payload.check_run;
  const handoff = readHandoff(cr.output?.text, LIMITS.markerChars);
  if (!handoff.ok) {
    if (handoff.absent) log.info({ check: cr.name }, `ignoring check run: ${handoff.reason}`);
    else log.warn({ check: cr.name }, `rejecting report: ${handoff.reason}`);
    return handoff.absent ? { ignored: handoff.reason } : { rejected: handoff.reason };
  }
  const repository = payload.repository;
  const foreign = handoff.payload.repository && handoff.payload.repository.toLowerCase() !== repository.full_name.toLowerCase() ? `report is for repository ${handoff.payload.repository}, not ${repository.full_name}` : handoff.payload.commit && handoff.payload.commit !== cr.head_sha ? `report is for commit ${handoff.payload.commit}, not the check run's ${cr.head_sha}` : null;
  if (foreign) {
    log.warn({ check: cr.name }, `rejecting report: ${foreign}`);
    return { rejected: foreign };
  }
  let outcome = { queued: true };
  await queue.run(
    repository.full_name.toLowerCase(),
    async () => {
      outcome = await act(context, deps, handoff.payload);
    },
    async (err2, attempts) => {
      const message = shortError(err2);
      log.error(
        { check: cr.name, sha: cr.head_sha, attempts, error: message },
        "giving up on this check run"
      );
      outcome = { failed: message };
      await reportProblem(context.octokit, {
        repo: { owner: repository.owner.login, repo: repository.name },
        check: cr.name,
        botLogin: await deps.botLogin(),
        headSha: cr.head_sha,
        problem: {
          title: `lambda-guard could not finish acting on this report (${attempts} attempts)`,
          lines: [message, "It tries again on the next report; nothing was lost from the report itself."]
        },
        log
      });
    }
  );
  return outcome;
}
async function act(context, deps, handoff) {
  const { payload, log } = context;
  const octokit = context.octokit;
  const cr = payload.check_run;
  const repository = payload.repository;
  const r = { owner: repository.owner.login, repo: repository.name };
  const defaultBranch = repository.default_branch;
  const headBranch = cr.check_suite?.head_branch ?? null;
  const reject = (reason) => {
    log.warn({ check: cr.name, sha: cr.head_sha }, `rejecting report: ${reason}`);
    return { rejected: reason };
  };
  const loaded = await loadRepoConfig(context, log);
  if ("problem" in loaded) {
    await reportProblem(octokit, {
      repo: r,
      check: cr.name,
      botLogin: await deps.botLogin(),
      headSha: cr.head_sha,
      problem: loaded.problem,
      log
    });
    return { rejected: loaded.problem.title };
  }
  const config = loaded.config;
  if (!config.pullRequests.enabled && !config.issues.enabled)
    return { ignored: "pull requests and issues are disabled" };
  if (!headBranch || headBranch !== defaultBranch && !config.branches.includes(headBranch)) {
    log.info({ branch: headBranch }, "ignoring check run: not for the default branch or a configured branch");
    return { ignored: `branch ${headBranch ?? "(none)"}` };
  }
  let branchHead = null;
  try {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      ...r,
      basehead: `${headBranch}...${cr.head_sha}`,
      per_page: 1
    });
    if (data.status !== "identical" && data.status !== "behind") {
      return reject(`commit ${cr.head_sha} is not on ${headBranch} (${data.status})`);
    }
    const base = data.base_commit;
    if (base?.sha && base.commit?.tree?.sha)
      branchHead = { commitSha: base.sha, treeSha: base.commit.tree.sha };
  } catch (err2) {
    if (httpStatus(err2) === 404) return reject(`commit ${cr.head_sha} or branch ${headBranch} not found`);
    throw err2;
  }
  const trust = { repository: repository.full_name, headSha: cr.head_sha };
  let verdict;
  if (handoff.truncated) {
    const art = await downloadReportArtifact(octokit, {
      ...r,
      markerRunId: handoff.run?.id,
      checkSuiteId: cr.check_suite?.id,
      detailsRunId: runIdFromDetailsUrl(cr.details_url),
      name: handoff.artifact,
      headSha: cr.head_sha,
      log
    });
    if (!art.ok) return reject(art.reason);
    verdict = validateReportText(art.text, trust);
  } else {
    verdict = reportFromHandoff(handoff, {
      ...trust,
      generatedAt: cr.completed_at ?? (/* @__PURE__ */ new Date(0)).toISOString()
    });
  }
  if (!verdict.ok) return reject(verdict.reason);
  const report = verdict.value;
  const resolvable = isResolvable(report, handoff.complete);
  const now = deps.now();
  const botLogin = await deps.botLogin();
  const own = await listOwnItems(octokit, r, cr.name, botLogin);
  const prs = config.pullRequests.enabled ? own.prs : [];
  const { items, toFix, dismissed, reported } = planDelivery({
    findings: report.findings,
    config,
    now,
    dismissedBy: dismissedFingerprints(prs)
  });
  let snapshot = null;
  let changes = [];
  let fixed = [];
  let unfixed = [];
  let engineFailed = false;
  if (config.pullRequests.enabled && toFix.length > 0) {
    const preferred = new Set(toFix.flatMap((f) => f.location ? [f.location.path] : []));
    let base = headBranch === defaultBranch ? branchHead : null;
    if (!base) {
      const { data: b } = await octokit.rest.repos.getBranch({ ...r, branch: defaultBranch });
      base = { commitSha: b.commit.sha, treeSha: b.commit.commit.tree.sha };
    }
    snapshot = await readIacFiles(octokit, { ...r, ...base, preferred, log });
    let plan;
    try {
      plan = await deps.planFixes(snapshot.files, {
        config,
        report: { ...report, findings: toFix },
        now
      });
    } catch (err2) {
      const message = shortError(err2);
      log.error(
        { check: cr.name, sha: cr.head_sha, findings: toFix.length, error: message },
        "the fix engine failed; listing its findings in the tracking issue instead of opening a pull request"
      );
      snapshot = null;
      plan = {
        changes: [],
        fixed: [],
        unfixed: toFix.map((finding) => ({
          finding,
          reason: `the fix engine could not patch the code: ${message}`
        }))
      };
      engineFailed = true;
    }
    const read = new Map((snapshot?.files ?? []).map((f) => [f.path, f.text]));
    changes = plan.changes.filter((c) => {
      const ok = read.get(c.path) === c.before && !unsafePathReason(c.path) && c.after !== c.before;
      if (!ok)
        log.warn(
          { path: c.path.slice(0, 200) },
          "dropping a change the engine made to a file it was not given"
        );
      return ok;
    });
    const byFp = new Map(toFix.map((f) => [f.fingerprint, f]));
    for (const x2 of plan.fixed) {
      if (!byFp.has(x2.finding.fingerprint)) continue;
      if (changes.length === 0)
        unfixed.push({ finding: x2.finding, reason: "no change could be made safely" });
      else fixed.push(x2);
    }
    for (const x2 of plan.unfixed) {
      if (byFp.has(x2.finding.fingerprint) && !x2.finding.suppression) unfixed.push(x2);
    }
    fixed = uniqueBy(fixed, (x2) => x2.finding.fingerprint);
    const fixedFps = new Set(fixed.map((x2) => x2.finding.fingerprint));
    unfixed = uniqueBy(
      unfixed.filter((x2) => !fixedFps.has(x2.finding.fingerprint)),
      (x2) => x2.finding.fingerprint
    );
    const seen = /* @__PURE__ */ new Set([...fixedFps, ...unfixed.map((x2) => x2.finding.fingerprint)]);
    for (const f of toFix) {
      if (!seen.has(f.fingerprint))
        unfixed.push({ finding: f, reason: "not found in this repository's IaC" });
    }
    for (const x2 of unfixed) {
      items.push({
        finding: x2.finding,
        category: engineFailed ? "engine" : x2.finding.rule === "LG004" ? "principal" : "unlocated",
        reason: x2.reason
      });
    }
  }
  const source = { check: cr.name, headSha: cr.head_sha, checkRunUrl: cr.html_url ?? void 0 };
  const outcome = {};
  if (config.issues.enabled) {
    outcome.issue = await reconcileIssue(octokit, {
      ...source,
      repo: r,
      botLogin,
      config,
      items,
      resolvable,
      issues: own.issues,
      log
    });
  }
  if (config.pullRequests.enabled) {
    outcome.pr = await reconcilePr(octokit, {
      ...source,
      repo: r,
      defaultBranch,
      botLogin,
      config,
      snapshot,
      changes,
      fixed,
      unfixed,
      dismissed,
      prs,
      reported,
      resolvable,
      issueNumber: outcome.issue?.number,
      log
    });
  }
  log.info({ check: cr.name, pr: outcome.pr, issue: outcome.issue, resolvable }, "check run handled");
  return outcome;
}

// src/app/closed.ts
async function handlePullRequestClosed(context, botLogin) {
  const { payload } = context;
  const log = context.log;
  const pr = payload.pull_request;
  const marker = readMarker("pr", pr.body);
  if (!pr.head.ref.startsWith("lambda-guard/") || !marker)
    return { ignored: "not a lambda-guard pull request" };
  if (pr.head.repo?.full_name !== payload.repository.full_name)
    return { ignored: "head branch in another repository" };
  if (pr.user.type !== "Bot") return { ignored: "not opened by a bot" };
  const bot = await botLogin();
  if (pr.user.login !== bot) return { ignored: "opened by another bot" };
  if (payload.sender.login === bot) return { ignored: "closed by lambda-guard itself" };
  const octokit = context.octokit;
  const r = { owner: payload.repository.owner.login, repo: payload.repository.name };
  if (pr.merged) {
    const t = await branchTouchedByOthers(octokit, r, {
      base: pr.base.ref,
      branch: pr.head.ref,
      botLogin: bot
    });
    if (t.exists && !t.touched) await deleteBranch(octokit, r, pr.head.ref, log);
    log.info({ pr: pr.number }, "lambda-guard pull request merged");
    return { action: "merged" };
  }
  await commentOnce(octokit, r, pr.number, marker.digest, log, [
    "Closed without merging: lambda-guard takes this as a dismissal and will not open a pull request for these findings again. It opens a new one if a scan reports other findings.",
    "",
    "If the exposure is intended, record it under `allow` in `.github/lambda-guard.yml` with a reason."
  ]);
  log.info({ pr: pr.number, digest: marker.digest }, "lambda-guard pull request dismissed");
  return { action: "dismissed" };
}
async function handleIssueClosed(context, botLogin) {
  const { payload } = context;
  const log = context.log;
  const issue = payload.issue;
  const marker = readMarker("issue", issue.body);
  if (!marker || issue.user.type !== "Bot") return { ignored: "not a lambda-guard issue" };
  const bot = await botLogin();
  if (issue.user.login !== bot) return { ignored: "opened by another bot" };
  if (payload.sender.login === bot) return { ignored: "closed by lambda-guard itself" };
  const r = { owner: payload.repository.owner.login, repo: payload.repository.name };
  await commentOnce(context.octokit, r, issue.number, marker.digest, log, [
    "Closed by hand: lambda-guard will not reopen this issue for these findings. It reopens it if a scan reports new ones."
  ]);
  log.info({ issue: issue.number, digest: marker.digest }, "lambda-guard issue dismissed");
  return { action: "dismissed" };
}

// src/app/deps.ts
function checkNamesFromEnv(env = process.env) {
  return (env.LAMBDA_GUARD_CHECK_NAMES ?? "").split(",").map((s) => s.trim()).filter(Boolean).slice(0, 100);
}
var enginePlanFixes = async (files, opts) => {
  const engine = await import("./iac-BZLO6V2U.js");
  return engine.planFixes(files, opts);
};

// src/app/queue.ts
var DeliveryQueue = class {
  background;
  #attempts;
  #backoff;
  #sleep;
  #maxPending;
  #tails = /* @__PURE__ */ new Map();
  constructor(opts) {
    this.background = opts.background;
    this.#attempts = Math.max(1, opts.attempts ?? 3);
    this.#backoff = opts.backoffMs ?? [2e3, 1e4];
    this.#sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.#maxPending = opts.maxPending ?? 100;
  }
  /**
   * Runs `job` after the repository's earlier jobs. Background: resolves once queued (rejects only when
   * the repository's queue is full). Inline: resolves when the job is done or given up.
   */
  async run(key, job, onGiveUp) {
    const slot = this.#tails.get(key) ?? { tail: Promise.resolve(), pending: 0 };
    if (slot.pending >= this.#maxPending)
      throw new Error(`more than ${this.#maxPending} deliveries waiting for ${key}; refusing this one`);
    slot.pending++;
    const done = slot.tail.then(() => this.#attempt(job, onGiveUp));
    slot.tail = done.finally(() => {
      slot.pending--;
      if (slot.pending === 0 && this.#tails.get(key) === slot) this.#tails.delete(key);
    });
    this.#tails.set(key, slot);
    if (!this.background) await done;
  }
  /** Resolves when every queued job has finished (tests, graceful shutdown). */
  async idle() {
    while (this.#tails.size > 0) await Promise.all([...this.#tails.values()].map((s) => s.tail));
  }
  async #attempt(job, onGiveUp) {
    let last;
    for (let i2 = 1; i2 <= this.#attempts; i2++) {
      try {
        await job();
        return;
      } catch (err2) {
        last = err2;
        if (i2 < this.#attempts)
          await this.#sleep(this.#backoff[Math.min(i2 - 1, this.#backoff.length - 1)] ?? 0);
      }
    }
    try {
      await onGiveUp(last, this.#attempts);
    } catch {
    }
  }
};

// src/app/index.ts
function botLoginFor(app) {
  let cached = null;
  return () => {
    const slug = process.env.LAMBDA_GUARD_APP_SLUG;
    if (slug) return Promise.resolve(`${slug}[bot]`);
    cached ??= (async () => {
      const octokit = await app.auth();
      const { data } = await octokit.rest.apps.getAuthenticated();
      if (!data?.slug) throw new Error("GET /app returned no slug");
      return `${data.slug}[bot]`;
    })().catch((err2) => {
      cached = null;
      throw err2;
    });
    return cached;
  };
}
function createApp(overrides = {}) {
  return (app) => {
    const deps = {
      planFixes: overrides.planFixes ?? enginePlanFixes,
      now: overrides.now ?? (() => /* @__PURE__ */ new Date()),
      checkNames: overrides.checkNames ?? checkNamesFromEnv(),
      botLogin: overrides.botLogin ?? botLoginFor(app)
    };
    const queue = overrides.queue ?? new DeliveryQueue({ background: true });
    app.on(["check_run.created", "check_run.completed"], async (context) => {
      await handleCheckRun(context, deps, queue);
    });
    app.on("pull_request.closed", async (context) => {
      await handlePullRequestClosed(context, deps.botLogin);
    });
    app.on("issues.closed", async (context) => {
      await handleIssueClosed(context, deps.botLogin);
    });
  };
}
var lambdaGuardApp = createApp();
var app_default = lambdaGuardApp;

export {
  DeliveryQueue,
  createApp,
  app_default
};
