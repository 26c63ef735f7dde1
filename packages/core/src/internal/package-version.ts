declare const __PACKAGE_VERSION__: string;

/** The package version, injected by tsup and vitest. */
export const PACKAGE_VERSION: string = typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : '0.0.0';

/** The `User-Agent` header value. */
export const USER_AGENT = `calcom-int/${PACKAGE_VERSION}`;
