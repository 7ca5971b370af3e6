/**
 * A pickle reader that executes nothing. It knows the opcodes of protocols 0–5 that
 * `torch.save` and Python's pickler write for plain data, and resolves globals to inert
 * values: the handful of torch rebuild functions are interpreted by the caller's
 * `reduce` hook, every other class or function becomes a {@link PyObject} that records its
 * name, its arguments and the state BUILD gave it. A short deny-list of globals that only a
 * malicious file would name (os.system, builtins.eval, …) is refused outright.
 */

import {
  MAX_LONG_BYTES,
  PickleError,
  Reader,
  decodeLong,
  isDenied,
  parseIntStrict,
  utf8,
} from './pickleInput';

export { PickleError };

/** A class or function the pickle names (`module.name`); never looked up, never called. */
export interface PyGlobal {
  readonly kind: 'global';
  readonly module: string;
  readonly name: string;
}

/** An instance of a class the reader does not model: its class, arguments and state. */
export interface PyObject {
  readonly kind: 'object';
  /** `module.name` of its class or factory. */
  readonly cls: string;
  readonly args: readonly PyValue[];
  /** What BUILD set (usually the instance's `__dict__` as a Map), or undefined. */
  state?: PyValue;
}

/** A value the caller's hooks create (tensors, storages). */
export interface PyOpaque {
  readonly kind: 'tensor' | 'storage';
}

/** Anything the reader produces. Lists and tuples are arrays; dicts are Maps. */
export type PyValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | Uint8Array
  | PyValue[]
  | Map<PyValue, PyValue>
  | PyGlobal
  | PyObject
  | PyOpaque;

/** How the caller turns persistent ids into storages and rebuild calls into tensors. */
export interface PickleHooks {
  /** BINPERSID / PERSID: the storage a persistent id names. */
  persistentLoad(pid: PyValue): PyValue;
  /** REDUCE / NEWOBJ on a global: a value, or undefined to get an inert {@link PyObject}. */
  reduce(fn: PyGlobal, args: readonly PyValue[]): PyValue | undefined;
}

/** Values the stack may hold at once. */
export const MAX_PICKLE_STACK = 1_000_000;

/** Entries of the memo. */
export const MAX_PICKLE_MEMO = 1_000_000;

const MARK = Symbol('mark');
type Slot = PyValue | typeof MARK;

/** Where one pickle ended and what it produced. */
export interface Unpickled {
  readonly value: PyValue;
  /** The offset just after its STOP opcode. */
  readonly end: number;
}

/**
 * Runs the pickle that starts at `start` in `bytes` up to its STOP. Each opcode consumes at
 * least one byte, so the work is bounded by the input; the stack and memo are capped by
 * {@link MAX_PICKLE_STACK} and {@link MAX_PICKLE_MEMO}. Throws {@link PickleError}.
 */
export function unpickle(bytes: Uint8Array, hooks: PickleHooks, start = 0): Unpickled {
  const r = new Reader(bytes, start);
  const stack: Slot[] = [];
  const marks: number[] = [];
  const memo = new Map<number, PyValue>();
  const push = (v: Slot): void => {
    if (stack.length >= MAX_PICKLE_STACK) {
      throw new PickleError(`the pickle's stack grows past ${MAX_PICKLE_STACK} values`);
    }
    stack.push(v);
  };
  const pop = (): PyValue => {
    const v = stack.pop();
    if (v === undefined || v === MARK) throw new PickleError(`stack underflow at byte ${r.at}`);
    return v;
  };
  const top = (): PyValue => {
    const v = stack[stack.length - 1];
    if (v === undefined || v === MARK) throw new PickleError(`stack underflow at byte ${r.at}`);
    return v;
  };
  const popN = (n: number): PyValue[] => {
    const items: PyValue[] = [];
    for (let k = 0; k < n; k++) items.unshift(pop());
    return items;
  };
  const popMark = (): PyValue[] => {
    const m = marks.pop();
    if (m === undefined) throw new PickleError(`a MARK is missing at byte ${r.at}`);
    const items = stack.splice(m) as Slot[];
    items.shift();
    if (items.includes(MARK)) throw new PickleError(`unbalanced MARK at byte ${r.at}`);
    return items as PyValue[];
  };
  const put = (k: number): void => {
    if (memo.size >= MAX_PICKLE_MEMO && !memo.has(k)) {
      throw new PickleError(`the pickle's memo grows past ${MAX_PICKLE_MEMO} entries`);
    }
    memo.set(k, top());
  };
  const get = (k: number): void => {
    if (!memo.has(k)) throw new PickleError(`memo entry ${k} is read before it is written`);
    push(memo.get(k)!);
  };
  const global = (module: string, name: string): PyGlobal => {
    if (isDenied(module, name)) {
      throw new PickleError(
        `the pickle names ${module}.${name}, which no PyTorch file needs (it could run code); refused`,
      );
    }
    return { kind: 'global', module, name };
  };
  const call = (fn: PyValue, args: PyValue): PyValue => {
    if (!Array.isArray(args)) throw new PickleError(`REDUCE/NEWOBJ arguments are not a tuple`);
    if (fn === null || typeof fn !== 'object' || !('kind' in fn) || fn.kind !== 'global') {
      throw new PickleError(`REDUCE/NEWOBJ on something that is not a class or function`);
    }
    return hooks.reduce(fn, args) ?? { kind: 'object', cls: `${fn.module}.${fn.name}`, args };
  };
  const setItems = (target: PyValue, items: PyValue[]): void => {
    if (items.length % 2) throw new PickleError(`SETITEMS with an odd number of values`);
    for (let k = 0; k < items.length; k += 2) setItem(target, items[k]!, items[k + 1]!);
  };
  const setItem = (target: PyValue, key: PyValue, value: PyValue): void => {
    if (target instanceof Map) target.set(key, value);
    else if (isObject(target)) {
      // A dict subclass the reader does not model: keep its items as its state.
      if (!(target.state instanceof Map)) target.state = new Map();
      target.state.set(key, value);
    } else throw new PickleError(`SETITEM on something that is not a dict`);
  };
  const append = (target: PyValue, items: PyValue[]): void => {
    if (Array.isArray(target)) for (const v of items) target.push(v);
    else if (!isObject(target)) throw new PickleError(`APPEND on something that is not a list`);
  };

  for (;;) {
    const op = r.u8();
    switch (op) {
      case 0x80: // PROTO
        if (r.u8() > 5) throw new PickleError('pickle protocol above 5');
        break;
      case 0x95: // FRAME
        r.take(8);
        break;
      case 0x2e: // STOP
        return { value: pop(), end: r.at };
      case 0x28: // MARK
        marks.push(stack.length);
        push(MARK);
        break;
      case 0x30: // POP
        if (stack[stack.length - 1] === MARK) popMark();
        else pop();
        break;
      case 0x31: // POP_MARK
        popMark();
        break;
      case 0x32: // DUP
        push(top());
        break;
      case 0x4e: // NONE
        push(null);
        break;
      case 0x88: // NEWTRUE
        push(true);
        break;
      case 0x89: // NEWFALSE
        push(false);
        break;
      case 0x4a: // BININT
        push(r.i32());
        break;
      case 0x4b: // BININT1
        push(r.u8());
        break;
      case 0x4d: // BININT2
        push(r.u16());
        break;
      case 0x8a: // LONG1
        push(decodeLong(r.take(r.u8())));
        break;
      case 0x8b: {
        // LONG4
        const n = r.u32();
        if (n > MAX_LONG_BYTES) throw new PickleError(`a ${n}-byte integer`);
        push(decodeLong(r.take(n)));
        break;
      }
      case 0x49: {
        // INT (protocol 0): also True/False as 01/00
        const s = r.line();
        push(s === '01' ? true : s === '00' ? false : parseIntStrict(s));
        break;
      }
      case 0x4c: // LONG (protocol 0)
        push(parseIntStrict(r.line().replace(/L$/, '')));
        break;
      case 0x47: // BINFLOAT (big-endian)
        push(new DataView(r.take(8).slice().buffer).getFloat64(0, false));
        break;
      case 0x46: // FLOAT (protocol 0)
        push(Number(r.line()));
        break;
      case 0x58: // BINUNICODE
        push(utf8.decode(r.take(r.u32())));
        break;
      case 0x8c: // SHORT_BINUNICODE
        push(utf8.decode(r.take(r.u8())));
        break;
      case 0x8d: // BINUNICODE8
        push(utf8.decode(r.take(r.u64())));
        break;
      case 0x54: // BINSTRING (Python 2 str)
        push(utf8.decode(r.take(r.i32())));
        break;
      case 0x55: // SHORT_BINSTRING
        push(utf8.decode(r.take(r.u8())));
        break;
      case 0x42: // BINBYTES
        push(r.take(r.u32()));
        break;
      case 0x43: // SHORT_BINBYTES
        push(r.take(r.u8()));
        break;
      case 0x8e: // BINBYTES8
      case 0x96: // BYTEARRAY8
        push(r.take(r.u64()));
        break;
      case 0x29: // EMPTY_TUPLE
        push([]);
        break;
      case 0x85: // TUPLE1
      case 0x86: // TUPLE2
      case 0x87: // TUPLE3
        push(popN(op - 0x84));
        break;
      case 0x74: // TUPLE
      case 0x6c: // LIST
        push(popMark());
        break;
      case 0x5d: // EMPTY_LIST
        push([]);
        break;
      case 0x7d: // EMPTY_DICT
        push(new Map());
        break;
      case 0x64: {
        // DICT
        const d = new Map<PyValue, PyValue>();
        setItems(d, popMark());
        push(d);
        break;
      }
      case 0x8f: // EMPTY_SET
        push({ kind: 'object', cls: 'builtins.set', args: [] });
        break;
      case 0x91: // FROZENSET
        push({ kind: 'object', cls: 'builtins.frozenset', args: popMark() });
        break;
      case 0x90: // ADDITEMS
        popMark();
        if (!isObject(top())) throw new PickleError(`ADDITEMS on something that is not a set`);
        break;
      case 0x61: {
        // APPEND
        const v = pop();
        append(top(), [v]);
        break;
      }
      case 0x65: {
        // APPENDS
        const items = popMark();
        append(top(), items);
        break;
      }
      case 0x73: {
        // SETITEM
        const v = pop();
        const k = pop();
        setItem(top(), k, v);
        break;
      }
      case 0x75: {
        // SETITEMS
        const items = popMark();
        setItems(top(), items);
        break;
      }
      case 0x70: // PUT
        put(parseIntStrict(r.line()) as number);
        break;
      case 0x71: // BINPUT
        put(r.u8());
        break;
      case 0x72: // LONG_BINPUT
        put(r.u32());
        break;
      case 0x94: // MEMOIZE
        put(memo.size);
        break;
      case 0x67: // GET
        get(parseIntStrict(r.line()) as number);
        break;
      case 0x68: // BINGET
        get(r.u8());
        break;
      case 0x6a: // LONG_BINGET
        get(r.u32());
        break;
      case 0x63: {
        // GLOBAL
        const module = r.line();
        push(global(module, r.line()));
        break;
      }
      case 0x93: {
        // STACK_GLOBAL
        const name = pop();
        const module = pop();
        if (typeof module !== 'string' || typeof name !== 'string') {
          throw new PickleError('STACK_GLOBAL with names that are not strings');
        }
        push(global(module, name));
        break;
      }
      case 0x52: // REDUCE
      case 0x81: {
        // NEWOBJ
        const args = pop();
        push(call(pop(), args));
        break;
      }
      case 0x92: {
        // NEWOBJ_EX
        pop(); // kwargs
        const args = pop();
        push(call(pop(), args));
        break;
      }
      case 0x62: {
        // BUILD
        const state = pop();
        const target = top();
        if (isObject(target)) target.state = state;
        // BUILD on a dict or a tensor (OrderedDict._metadata, tensor hooks): nothing to keep.
        break;
      }
      case 0x51: // BINPERSID
        push(hooks.persistentLoad(pop()));
        break;
      case 0x50: // PERSID
        push(hooks.persistentLoad(r.line()));
        break;
      default:
        throw new PickleError(
          `opcode 0x${op.toString(16).padStart(2, '0')} at byte ${r.at - 1} is not one a PyTorch file uses`,
        );
    }
  }
}

/** True for a {@link PyObject}. */
export function isObject(v: unknown): v is PyObject {
  return typeof v === 'object' && v !== null && (v as PyObject).kind === 'object';
}

/** True for a {@link PyGlobal}. */
export function isGlobal(v: unknown): v is PyGlobal {
  return typeof v === 'object' && v !== null && (v as PyGlobal).kind === 'global';
}
