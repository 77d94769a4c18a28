import { startEmulator, parseEmulatorState } from "/work/wt/i13/src/emulator/index.js";
import { CloudTrailClient, StartQueryCommand } from "@aws-sdk/client-cloudtrail";
import { callersQuery } from "/work/wt/i13/src/aws/lg004/cloudtrail-lake.js";
const n = Number(process.argv[2] ?? 200000);
const events = Array.from({ length: n }, (_, k) => ({
  eventID: `e-${k}`, eventTime: new Date(Date.now() - (k % 300) * 86400000).toISOString(), eventSource: "lambda.amazonaws.com",
  eventName: "GetFunction20150331v2", awsRegion: "us-east-1",
  userIdentity: { type: "AssumedRole", arn: `arn:aws:sts::111122223333:assumed-role/r${k % 10}/s${k % 5}`, accountId: "111122223333",
    sessionContext: { sessionIssuer: { type: "Role", arn: `arn:aws:iam::111122223333:role/r${k % 10}` } } },
  requestParameters: { functionName: `fn-${k % 100}` } }));
const state = parseEmulatorState({ schema: "lambda-guard/emulator-state@1", accountId: "111122223333", regions: ["us-east-1"], cloudtrail: events,
  cloudtrailLake: { eventDataStores: [{ id: "eds-x", organization: true }] } }, "x");
const h = await startEmulator(state, { log: (l) => { if (!/ 200$/.test(l)) console.log(l.slice(0, 2000)); } });
const t = Date.now();
const c = new CloudTrailClient({ region: "us-east-1", endpoint: h.url, credentials: { accessKeyId: "A", secretAccessKey: "B" }, maxAttempts: 1 });
try { const r = await c.send(new StartQueryCommand({ QueryStatement: callersQuery("eds-x", new Date(Date.now() - 400 * 86400000)) })); console.log("ok", r.QueryId, Date.now() - t, "ms", process.memoryUsage().rss / 1e6); } catch (e) { console.log("err", e); }
await h.close();
