import { afterEach, vi } from "vitest";

// A console.error during a test is a bug that would otherwise scroll past unnoticed.
const originalError = console.error;
afterEach(() => {
  vi.restoreAllMocks();
});
console.error = (...args: unknown[]) => {
  originalError(...args);
  throw new Error(`console.error called in a test: ${args.map(String).join(" ")}`);
};
