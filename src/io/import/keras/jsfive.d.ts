/**
 * The part of jsfive (a pure-JS HDF5 reader, no types of its own) that the Keras reader
 * uses. jsfive throws strings as well as Errors; ./h5 turns both into ImportErrors.
 */
declare module 'jsfive' {
  /** A group: its member names and its attributes (strings, numbers or arrays of them). */
  export class Group {
    readonly keys: string[];
    readonly attrs: Record<string, unknown>;
    get(path: string): Group | Dataset | null;
  }
  /** A dataset: `dtype` like '<f4'; `value` reads the data (row-major, plain numbers). */
  export class Dataset {
    readonly shape: number[];
    readonly dtype: unknown;
    readonly value: ArrayLike<number>;
    readonly attrs: Record<string, unknown>;
  }
  /** An HDF5 file read from its bytes. */
  export class File extends Group {
    constructor(buffer: ArrayBuffer, filename?: string);
  }
}
