import "server-only";
import { loadEnv } from "./config/load-env";

export type { TAppEnv } from "./config/parse-env";
export const getEnv = loadEnv;
