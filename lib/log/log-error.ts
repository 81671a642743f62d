/** Server log line without request bodies; callers never pass secrets here. */
export function logError(context: string, error: unknown): void {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`[patrimonio] ${context}: ${detail}`);
}
