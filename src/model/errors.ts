/**
 * Bad usage, config or input: the CLI exits 2 and prints the message as is.
 * Messages say what is wrong, where (file, field, line) and how to fix it.
 */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(
    message: string,
    readonly where?: string,
  ) {
    super(where ? `${where}: ${message}` : message);
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
