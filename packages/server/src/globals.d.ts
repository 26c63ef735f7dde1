/** The package version, replaced at build time (tsup `define`) and in tests (vitest `define`). */
declare const __PACKAGE_VERSION__: string;
