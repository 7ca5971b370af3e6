/**
 * The torch functions a pickle may call, interpreted without running anything:
 * `_rebuild_tensor_v2` and `_rebuild_parameter` make tensors, `OrderedDict` makes a Map.
 * Every other global stays an inert object; a storage pickled by value is refused.
 */
import { PickleError, isGlobal, type PickleHooks, type PyGlobal, type PyValue } from './pickle';
import { rebuildTensor } from './storages';

const REBUILD_TENSOR = new Set(['torch._utils._rebuild_tensor_v2', 'torch._utils._rebuild_tensor']);
const REBUILD_PARAMETER = new Set([
  'torch._utils._rebuild_parameter',
  'torch._utils._rebuild_parameter_with_state',
]);

/** The hooks of one torch pickle, given how its container turns persistent ids into storages. */
export function torchHooks(persistentLoad: (pid: PyValue) => PyValue): PickleHooks {
  const reduce = (fn: PyGlobal, args: readonly PyValue[]): PyValue | undefined => {
    const full = `${fn.module}.${fn.name}`;
    if (REBUILD_TENSOR.has(full)) return rebuildTensor(fn, args);
    if (REBUILD_PARAMETER.has(full)) return args[0] ?? null;
    if (full === 'collections.OrderedDict') {
      const map = new Map<PyValue, PyValue>();
      const items = args[0];
      if (Array.isArray(items)) {
        for (const pair of items)
          if (Array.isArray(pair) && pair.length === 2) map.set(pair[0]!, pair[1]!);
      }
      return map;
    }
    if (
      full === 'torch._tensor._rebuild_from_type_v2' ||
      full === 'torch._tensor._rebuild_from_type'
    ) {
      // (func, type, args, state): a tensor subclass; rebuild the plain tensor inside.
      const [inner, , innerArgs] = args;
      if (isGlobal(inner) && Array.isArray(innerArgs)) return reduce(inner, innerArgs);
      return undefined;
    }
    if (full === 'torch.storage._load_from_bytes') {
      throw new PickleError(
        'it holds a storage pickled by value (torch.storage._load_from_bytes), which needs torch to read; save the weights with torch.save(model.state_dict(), path)',
      );
    }
    return undefined;
  };
  return { persistentLoad, reduce };
}
