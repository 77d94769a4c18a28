import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default leaves one core idle (2 cores → 1 worker); many files here wait on child processes
    // and sockets rather than on the CPU, so two workers on two cores roughly halve the wall time.
    maxWorkers: 2,
    // One module graph per worker, not per file: re-importing the AWS SDK, Probot and the emulator for each of
    // 80+ files cost more CPU than all the tests together. Files therefore must not leave process-wide state
    // behind (nock's interception, process.env, listeners); each restores what it changes in afterAll/afterEach.
    isolate: false,
  },
});
