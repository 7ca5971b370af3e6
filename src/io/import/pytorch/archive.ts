/**
 * The zip container of torch ≥ 1.6: `<root>/data.pkl` (the object pickle, whose persistent
 * ids name storages) and `<root>/data/<key>` (each storage's raw bytes), `<root>/byteorder`.
 */
import { openZip, ZipError, type ZipArchive } from '../zip';
import { PickleError, unpickle, type PyValue } from './pickle';
import { torchHooks } from './rebuild';
import { storageDType, type Storage } from './storages';

/** What the archive holds: its object tree and the devices its storages were saved from. */
export interface TorchPickle {
  readonly root: PyValue;
  readonly locations: ReadonlySet<string>;
  readonly dtypes: ReadonlySet<string>;
}

/**
 * Reads a torch zip archive. Throws {@link ZipError} for a damaged zip, {@link PickleError}
 * for a damaged or refused pickle, and a PickleError that says what to do for a
 * TorchScript archive (which holds code, not a plain pickle of tensors).
 */
export function readTorchZip(bytes: Uint8Array): TorchPickle {
  const zip = openZip(bytes);
  const names = zip.entries.map((e) => e.name);
  if (names.some((n) => /(^|\/)constants\.pkl$/.test(n) || /(^|\/)code\//.test(n))) {
    throw new PickleError(
      "it is a TorchScript archive (torch.jit.save: compiled code, constants.pkl), which Gatescope does not run. In Python, load it with torch.jit.load and save its weights with torch.save(model.state_dict(), 'model.pt'), then open that file",
    );
  }
  const pkl = names.find((n) => /^([^/]+\/)?data\.pkl$/.test(n));
  if (pkl === undefined) {
    throw new ZipError(
      `a zip archive without data.pkl, so not a PyTorch checkpoint; it holds ${names.slice(0, 5).join(', ') || 'nothing'}${names.length > 5 ? ', …' : ''}`,
    );
  }
  const root = pkl.slice(0, -'data.pkl'.length);
  const order = zip.find(`${root}byteorder`);
  const bigEndian =
    order !== undefined && new TextDecoder().decode(zip.read(order)).trim() === 'big';
  const locations = new Set<string>();
  const dtypes = new Set<string>();
  const storages = new Map<string, Storage>();
  const persistentLoad = (pid: PyValue): PyValue => {
    const [tag, cls, key, location, numel] = Array.isArray(pid) ? pid : [];
    if (tag !== 'storage' || typeof key !== 'string' || typeof numel !== 'number') {
      throw new PickleError('a persistent id that is not a storage');
    }
    const known = storages.get(key);
    if (known) return known;
    const dtype = storageDType(cls ?? null);
    const record = `${root}data/${key}`;
    const loc = typeof location === 'string' ? location : 'cpu';
    locations.add(loc);
    dtypes.add(dtype);
    const storage = zipStorage(zip, record, { dtype, key, location: loc, numel, bigEndian });
    storages.set(key, storage);
    return storage;
  };
  const { value } = unpickle(zip.read(zip.find(pkl)!), torchHooks(persistentLoad));
  return { root: value, locations, dtypes };
}

function zipStorage(
  zip: ZipArchive,
  record: string,
  info: Pick<Storage, 'dtype' | 'key' | 'location' | 'numel' | 'bigEndian'>,
): Storage {
  let cached: Uint8Array | undefined;
  return {
    kind: 'storage',
    ...info,
    record,
    bytes: () => {
      if (cached) return cached;
      const entry = zip.find(record);
      if (!entry)
        throw new PickleError(`the storage record '${record}' is missing from the archive`);
      cached = zip.read(entry);
      return cached;
    },
  };
}
