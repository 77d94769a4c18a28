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
  },
});
