/**
 * The PyTorch reader: `.pt`/`.pth` files of torch ≥ 1.6 (zip) and older (legacy pickles),
 * holding a state dict, a checkpoint or a whole pickled module. The pickles are read by a
 * reader that executes nothing (./pytorch/pickle); the tensors become models in
 * ./stateDict. Every failure is an {@link ImportError} that names the file.
 */
import { ZipError, hasZipEnd } from './zip';
import { readTorchZip, type TorchPickle } from './pytorch/archive';
import { isLegacyTorch, readLegacyTorch } from './pytorch/legacy';
import { describe, findStateDict } from './pytorch/modules';
import { PickleError } from './pytorch/pickle';
import { checkTensor, tensorValues } from './pytorch/storages';
import { modelsFromStateDict, type NamedTensor } from './stateDict';
import { ImportError, type FormatReader, type ImportedModel } from './types';

const ZIP_MAGIC = [0x50, 0x4b];

/** Reads a PyTorch file into one model per recurrent module, in file order. */
export const readPytorch: FormatReader = async (file) => {
  const { name, bytes } = file;
  const fail = (what: string): never => {
    throw new ImportError(`${name}: ${what}`);
  };
  if (bytes.length === 0) fail('the file is empty (0 bytes).');
  const isZip = ZIP_MAGIC.every((b, k) => bytes[k] === b);
  let container: TorchPickle;
  let version: string;
  try {
    if (isZip) {
      if (!hasZipEnd(bytes)) {
        fail(
          'a PyTorch zip archive, but it is truncated: the zip end-of-central-directory record is missing. Re-download or re-save it.',
        );
      }
      container = readTorchZip(bytes);
      version = 'zip, torch ≥ 1.6';
    } else if (isLegacyTorch(bytes)) {
      container = readLegacyTorch(bytes);
      version = 'legacy format, torch < 1.6';
    } else if (
      bytes.length >= 262 &&
      new TextDecoder().decode(bytes.subarray(257, 262)) === 'ustar'
    ) {
      return fail(
        'a tar archive (the format of torch < 0.1.10), which Gatescope does not read. Load it in Python and save it again with torch.save(model.state_dict(), path).',
      );
    } else {
      return fail(
        'not a PyTorch file: neither a zip archive (torch ≥ 1.6) nor a legacy torch pickle (magic number). Nothing was imported.',
      );
    }
  } catch (e) {
    if (e instanceof ZipError || e instanceof PickleError) {
      return fail(`a PyTorch file (${isZip ? 'zip' : 'legacy pickle'}), but ${e.message}.`);
    }
    throw e;
  }
  return toModels(name, container, version);
};

function toModels(file: string, container: TorchPickle, version: string): ImportedModel[] {
  const found = findStateDict(container.root);
  if (!found) {
    throw new ImportError(
      `${file}: a PyTorch file, but it holds ${describe(container.root)}, not a state dict, a checkpoint with one, or a pickled nn.Module.`,
    );
  }
  // Every tensor's record is checked, not only the ones a model uses.
  for (const [key, t] of found.tensors) wrap(file, () => checkTensor(t, key));
  const tensors: NamedTensor[] = found.tensors.map(([key, t]) => ({
    name: key,
    shape: t.shape,
    values: () => wrap(file, () => tensorValues(t, key)),
  }));
  const notes: string[] = [];
  if (found.where) notes.push(`The weights are the ${found.kind}${found.where}.`);
  const devices = [...container.locations].filter((l) => l !== 'cpu');
  if (devices.length)
    notes.push(`Tensors saved on ${devices.join(', ')}: read the same way as on the CPU.`);
  const narrow = [...container.dtypes].filter((d) => d === 'float16' || d === 'bfloat16');
  if (narrow.length) notes.push(`${narrow.join(' and ')} weights, widened exactly to float64.`);
  return modelsFromStateDict(tensors, {
    file,
    format: `PyTorch ${found.kind} (${version})`,
    notes,
    hints: found.hints,
    classes: found.classes,
    vocabulary: found.vocabulary,
  });
}

/** Runs `read`, turning the container's errors into an {@link ImportError} naming the file. */
function wrap<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof PickleError || e instanceof ZipError)
      throw new ImportError(`${file}: ${e.message}`);
    throw e;
  }
}
