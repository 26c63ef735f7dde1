declare const __PACKAGE_VERSION__: string;

/** The package version, injected by tsup and vitest (`define`). */
export const PACKAGE_VERSION: string = __PACKAGE_VERSION__;

/** The `User-Agent` header value. */
export const USER_AGENT = `calcom-int/${PACKAGE_VERSION}`;
