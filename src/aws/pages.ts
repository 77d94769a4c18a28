/**
 * A page chain is untrusted input: a faulty endpoint or proxy can hand back a next-page token forever. Each
 * listing runs through a guard that ends it with `PagingError` when the same token comes back twice in a row
 * or the chain passes `maxPages` (chosen per API, far above any real account); the caller reports that as
 * coverage, like any other failed call.
 */
export class PagingError extends Error {
  override readonly name = "PagingError";
}

/** Returns a function to pass each page's next token through: it returns the token, or throws PagingError. */
export function pageGuard(call: string, maxPages: number): (token: string | undefined) => string | undefined {
  let pages = 0;
  let last: string | undefined;
  return (token) => {
    pages++;
    if (!token) return undefined;
    if (token === last) throw new PagingError(`${call} returned the same page token twice; listing stopped`);
    if (pages >= maxPages)
      throw new PagingError(`${call} listed more than ${maxPages} pages; listing stopped`);
    last = token;
    return token;
  };
}
