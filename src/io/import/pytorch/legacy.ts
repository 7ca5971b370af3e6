/**
 * The legacy container of torch < 1.6 (`_use_new_zipfile_serialization=False`): five
 * pickles in a row — the magic number, the protocol version, `sys_info`, the object pickle
 * (whose persistent ids name storages, or module classes with their source), the list of
 * storage keys — then each storage's raw bytes, prefixed by its element count (int64).
 */
import { PickleError, unpickle, type PickleHooks, type PyValue } from './pickle';
import { torchHooks } from './rebuild';
import { ITEM_SIZE, storageDType, type Storage } from './storages';
import type { TorchPickle } from './archive';

/** The legacy format's magic number, the first pickle of the file. */
const MAGIC = 0x1950a86a20f9469cfc6cn;
const PROTOCOL_VERSION = 1001;

const plain: PickleHooks = {
  persistentLoad: () => {
    throw new PickleError('a persistent id in the header');
  },
  reduce: () => undefined,
};

/** True when the bytes start with the legacy format's magic-number pickle. */
export function isLegacyTorch(bytes: Uint8Array): boolean {
  try {
    return unpickle(bytes.subarray(0, 64), plain).value === MAGIC;
  } catch {
    return false;
  }
}

interface RootStorage {
  readonly dtype: Storage['dtype'];
  readonly numel: number;
  data?: Uint8Array;
}

/**
 * Reads a legacy torch file. Throws {@link PickleError} for a damaged or refused pickle, a
 * storage count or size beyond the file's end, or a storage listed but never written.
 */
export function readLegacyTorch(bytes: Uint8Array): TorchPickle {
  let at = unpickle(bytes, plain).end;
  const version = unpickle(bytes, plain, at);
  if (version.value !== PROTOCOL_VERSION) {
    throw new PickleError(
      `legacy protocol version ${String(version.value)} (expected ${PROTOCOL_VERSION})`,
    );
  }
  const sysInfo = unpickle(bytes, plain, version.end);
  const bigEndian = sysInfo.value instanceof Map && sysInfo.value.get('little_endian') === false;
  at = sysInfo.end;

  const roots = new Map<string, RootStorage>();
  const locations = new Set<string>();
  const dtypes = new Set<string>();
  const persistentLoad = (pid: PyValue): PyValue => {
    const parts = Array.isArray(pid) ? pid : [];
    // A module class, pickled with its source code: the class itself (an inert global).
    if (parts[0] === 'module') return parts[1] ?? null;
    const [tag, cls, key, location, numel, view] = parts;
    if (tag !== 'storage' || typeof key !== 'string' || typeof numel !== 'number') {
      throw new PickleError('a persistent id that is not a storage');
    }
    const dtype = storageDType(cls ?? null);
    let root = roots.get(key);
    if (!root) {
      root = { dtype, numel };
      roots.set(key, root);
    }
    const loc = typeof location === 'string' ? location : 'cpu';
    locations.add(loc);
    dtypes.add(dtype);
    return legacyStorage(root, key, loc, bigEndian, view);
  };
  const main = unpickle(bytes, torchHooks(persistentLoad), at);
  const keys = unpickle(bytes, plain, main.end);
  if (!Array.isArray(keys.value) || !keys.value.every((k) => typeof k === 'string')) {
    throw new PickleError('the list of storage keys after the object pickle is missing');
  }
  at = keys.end;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const key of keys.value as string[]) {
    const root = roots.get(key);
    if (!root) throw new PickleError(`storage '${key}' is listed but no tensor uses it`);
    if (at + 8 > bytes.length) {
      throw new PickleError(
        `the file ends before storage '${key}' (byte ${at} of ${bytes.length}): it is truncated`,
      );
    }
    const numel = Number(view.getBigInt64(at, !bigEndian));
    const size = numel * ITEM_SIZE[root.dtype];
    if (numel < 0 || at + 8 + size > bytes.length) {
      throw new PickleError(
        `storage '${key}' declares ${numel} ${root.dtype} elements (${size} bytes) but only ${bytes.length - at - 8} bytes remain: the file is truncated or corrupt`,
      );
    }
    root.data = bytes.subarray(at + 8, at + 8 + size);
    at += 8 + size;
  }
  return { root: main.value, locations, dtypes };
}

function legacyStorage(
  root: RootStorage,
  key: string,
  location: string,
  bigEndian: boolean,
  view: PyValue | undefined,
): Storage {
  // A view of a root storage: (view key, offset, size) in elements.
  const [, offset, size] = Array.isArray(view) ? view : [];
  const isView = typeof offset === 'number' && typeof size === 'number';
  const record = `legacy storage '${key}'`;
  return {
    kind: 'storage',
    dtype: root.dtype,
    key,
    location,
    numel: isView ? size : root.numel,
    record,
    bigEndian,
    bytes: () => {
      if (!root.data) throw new PickleError(`${record} is never written in the file`);
      if (!isView) return root.data;
      const item = ITEM_SIZE[root.dtype];
      return root.data.subarray(offset * item, Math.min(root.data.length, (offset + size) * item));
    },
  };
}
