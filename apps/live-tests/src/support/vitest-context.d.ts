declare module 'vitest' {
  /** Values the config provides to every test file. */
  export interface ProvidedContext {
    /** The folder where workers write timing samples and the target description for the report. */
    runDirectory: string;
  }
}

export {};
