/** A concrete path matched to a template of the document. */
export interface PathMatch {
  /** The template, e.g. `/v2/bookings/{bookingUid}/cancel`. */
  readonly template: string;
  /** The path parameter values, URL-decoded, e.g. `{ bookingUid: 'abc' }`. */
  readonly params: Readonly<Record<string, string>>;
}

/** One template split into segments; a parameter segment holds its name. */
interface CompiledTemplate {
  readonly template: string;
  readonly segments: readonly ({ readonly literal: string } | { readonly param: string })[];
}

/** Matches concrete request paths to the path templates of an OpenAPI document. */
export interface PathMatcher {
  /**
   * Lists every template the path fits, best first: at the first segment where two templates differ, a literal
   * segment beats a parameter (`/v2/bookings/by-seat/{seatUid}` before `/v2/bookings/{bookingUid}/…`).
   *
   * @param path The concrete path, e.g. `/v2/bookings/abc/cancel` (no query string).
   * @returns The matches, best first; empty when none fits.
   */
  match(path: string): PathMatch[];
}

/**
 * Compiles the path templates of a document for matching.
 *
 * @param templates The templates, e.g. the keys of `document.paths`.
 * @returns The matcher.
 */
export function createPathMatcher(templates: Iterable<string>): PathMatcher {
  const compiled: CompiledTemplate[] = [...templates].map((template) => ({
    template,
    segments: splitPath(template).map((segment) => {
      const parameter = /^\{([^{}]+)\}$/.exec(segment);
      return parameter?.[1] === undefined ? { literal: segment } : { param: parameter[1] };
    }),
  }));
  return {
    match(path) {
      const segments = splitPath(path);
      const matches: { match: PathMatch; rank: string }[] = [];
      for (const candidate of compiled) {
        const params = matchSegments(candidate, segments);
        if (params !== undefined) {
          // Rank: one character per segment, `0` for a literal and `1` for a parameter; smaller is more specific.
          const rank = candidate.segments.map((segment) => ('literal' in segment ? '0' : '1')).join('');
          matches.push({ match: { template: candidate.template, params }, rank });
        }
      }
      matches.sort((left, right) => (left.rank < right.rank ? -1 : left.rank > right.rank ? 1 : 0));
      return matches.map(({ match }) => match);
    },
  };
}

/**
 * Splits a path into its segments, ignoring one trailing slash.
 *
 * @param path The path or template.
 * @returns The segments without the leading empty one.
 */
function splitPath(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/').slice(1);
}

/**
 * Matches the segments of a path against one template.
 *
 * @param template The compiled template.
 * @param segments The path's segments.
 * @returns The parameter values, or `undefined` when the path does not fit.
 */
function matchSegments(template: CompiledTemplate, segments: readonly string[]): Record<string, string> | undefined {
  if (template.segments.length !== segments.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (const [index, expected] of template.segments.entries()) {
    const actual = segments[index] ?? '';
    if ('literal' in expected) {
      if (expected.literal !== actual) {
        return undefined;
      }
    } else {
      if (actual === '') {
        return undefined;
      }
      params[expected.param] = safeDecode(actual);
    }
  }
  return params;
}

/**
 * Decodes a percent-encoded path segment, keeping it as is when it is not valid percent-encoding.
 *
 * @param segment The raw segment.
 * @returns The decoded value.
 */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
