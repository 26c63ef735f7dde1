/** What happens to an unhandled request that does not go to Cal.com. */
export type OtherRequests = 'warn' | 'bypass' | 'error';

/** msw's callback form of `onUnhandledRequest`. */
type UnhandledRequestCallback = (request: Request, print: { warning(): void; error(): void }) => void;

const OTHER_REQUESTS: readonly OtherRequests[] = ['warn', 'bypass', 'error'];

/**
 * Builds msw's `onUnhandledRequest` callback: an unhandled request to one of Cal.com's origins is always an error
 * (msw refuses it, nothing leaves the machine); any other request follows the suite's choice.
 *
 * @param calComOrigins The origins that must never be reached.
 * @param otherRequests The strategy for every other unhandled request; default `'warn'`, as msw.
 * @returns The callback.
 * @throws A `TypeError` naming `calComTestkit.otherRequests` when the choice is not one of the three strategies.
 */
export function unhandledRequestStrategy(
  calComOrigins: readonly string[],
  otherRequests: OtherRequests = 'warn',
): UnhandledRequestCallback {
  if (!OTHER_REQUESTS.includes(otherRequests)) {
    throw new TypeError(
      `calComTestkit.otherRequests is "${String(otherRequests)}". Use one of ${OTHER_REQUESTS.map((name) => `'${name}'`).join(', ')} in vitest's test.provide.`,
    );
  }
  return (request, print) => {
    if (calComOrigins.includes(new URL(request.url).origin)) {
      print.error();
    } else if (otherRequests === 'error') {
      print.error();
    } else if (otherRequests === 'warn') {
      print.warning();
    }
  };
}
