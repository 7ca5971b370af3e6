/**
 * A reader of the ONNX protobuf wire format that keeps only what the importer maps: the
 * graph's nodes (op type, inputs, outputs, attributes) and its initializers (name, dims,
 * data type and where the numbers are). Subgraphs (Loop, Scan, If bodies) are skipped
 * unread, and tensor numbers stay as byte slices of the file until `tensorValues` needs
 * them. protobufjs's `Reader` walks the wire format; field numbers follow onnx.proto
 * (IR version 3 to 10). A damaged or hostile file throws (truncation, a bad wire type, a
 * length past the end); the caller turns that into an ImportError.
 */
import { Reader } from 'protobufjs/minimal';

/** A TensorProto as it sits in the file: dims and data type, numbers not yet decoded. */
export interface OnnxTensor {
  name: string;
  /** The shape, outermost first. */
  dims: number[];
  /** TensorProto.DataType: 1 float, 10 float16, 11 double, 16 bfloat16, 7 int64, … */
  dataType: number;
  /** `raw_data`: the numbers little-endian, when the writer used it. */
  raw?: Uint8Array;
  /** Packed repeated number fields (4 float_data, 5 int32_data, 10 double_data), by field. */
  packed: { field: number; bytes: Uint8Array }[];
  /** Numbers of the same fields written one by one (unpacked), in file order. */
  loose: { field: number; value: number }[];
  /** The external file the numbers live in (`external_data` location), or null. */
  external: string | null;
}

/** An AttributeProto: the value kinds the importer reads (subgraphs only flagged). */
export interface OnnxAttribute {
  name: string;
  f?: number;
  i?: number;
  s?: string;
  t?: OnnxTensor;
  floats: number[];
  ints: number[];
  strings: string[];
  /** The attribute holds a graph (a Loop or If body), skipped unread. */
  graph: boolean;
}

/** A NodeProto: one operator call. `''` inputs are optional inputs left out. */
export interface OnnxNode {
  name: string;
  opType: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: Map<string, OnnxAttribute>;
}

/** The main graph of a model. */
export interface OnnxGraph {
  name: string;
  /** In file order, which ONNX requires to be topological. */
  nodes: OnnxNode[];
  initializers: Map<string, OnnxTensor>;
  /** The graph's input and output names. */
  inputs: string[];
  outputs: string[];
}

/** A ModelProto: who wrote it, the opsets it uses, its graph. */
export interface OnnxModel {
  irVersion: number;
  producer: string;
  /** Opset version per domain ('' is the default ai.onnx domain). */
  opsets: Map<string, number>;
  graph: OnnxGraph;
}

/** Thrown for bytes that are not a well-formed ONNX ModelProto. */
export class OnnxWireError extends Error {
  override name = 'OnnxWireError';
}

const VARINT = 0;
const FIXED64 = 1;
const LENGTH = 2;
const FIXED32 = 5;

/** protobufjs returns int64 as a number, or as a Long where the `long` package loads. */
type Int64 = number | { toNumber(): number };
const int64 = (reader: Reader): number => {
  const value = reader.int64() as unknown as Int64;
  return typeof value === 'number' ? value : value.toNumber();
};

/** Calls `field(number, wireType)` for every field of the message in [pos, end). */
function fields(
  reader: Reader,
  end: number,
  field: (num: number, wire: number) => boolean | void,
): void {
  while (reader.pos < end) {
    const tag = reader.uint32();
    const num = tag >>> 3;
    const wire = tag & 7;
    if (num === 0) throw new OnnxWireError(`field number 0 at byte ${reader.pos}`);
    if (field(num, wire) !== true) reader.skipType(wire);
  }
  if (reader.pos !== end) throw new OnnxWireError(`a message runs past its end at byte ${end}`);
}

/** The end of the length-delimited value starting here, checked against the buffer. */
function messageEnd(reader: Reader, wire: number, what: string): number {
  if (wire !== LENGTH) throw new OnnxWireError(`${what} has wire type ${wire}, expected 2`);
  const length = reader.uint32();
  const end = reader.pos + length;
  if (end > reader.len) {
    throw new OnnxWireError(
      `${what} declares ${length} bytes; only ${reader.len - reader.pos} remain`,
    );
  }
  return end;
}

/** Reads one value of a repeated number field, packed or not, into `out`. */
function numbers(reader: Reader, wire: number, scalar: number, read: () => number, out: number[]) {
  if (wire === LENGTH) {
    const end = messageEnd(reader, wire, 'a packed list');
    while (reader.pos < end) out.push(read());
    if (reader.pos !== end) throw new OnnxWireError('a packed list ends mid-number');
  } else if (wire === scalar) {
    out.push(read());
  } else {
    throw new OnnxWireError(`a number field has wire type ${wire}`);
  }
}

function readTensor(reader: Reader, end: number): OnnxTensor {
  const tensor: OnnxTensor = {
    name: '',
    dims: [],
    dataType: 0,
    packed: [],
    loose: [],
    external: null,
  };
  let location = false;
  fields(reader, end, (num, wire) => {
    if (num === 1) numbers(reader, wire, VARINT, () => int64(reader), tensor.dims);
    else if (num === 2 && wire === VARINT) tensor.dataType = reader.int32();
    else if (num === 8 && wire === LENGTH) tensor.name = reader.string();
    else if (num === 9 && wire === LENGTH) tensor.raw = reader.bytes();
    else if (num === 14 && wire === VARINT) location = reader.int32() === 1;
    else if (num === 13) {
      // StringStringEntryProto { key = 1; value = 2 }: keep "location".
      const entryEnd = messageEnd(reader, wire, 'external_data');
      let key = '';
      let value = '';
      fields(reader, entryEnd, (n, w) => {
        if (w !== LENGTH || (n !== 1 && n !== 2)) return false;
        if (n === 1) key = reader.string();
        else value = reader.string();
        return true;
      });
      if (key === 'location') tensor.external = value;
    } else if (num === 4 || num === 5 || num === 10) {
      if (wire === LENGTH) {
        tensor.packed.push({ field: num, bytes: reader.bytes() });
        return true;
      }
      const value =
        num === 4 && wire === FIXED32
          ? reader.float()
          : num === 10 && wire === FIXED64
            ? reader.double()
            : num === 5 && wire === VARINT
              ? reader.int32()
              : null;
      if (value === null) throw new OnnxWireError(`tensor field ${num} has wire type ${wire}`);
      tensor.loose.push({ field: num, value });
    } else return false;
    return true;
  });
  if (location && tensor.external === null) tensor.external = '(no location given)';
  return tensor;
}

function readAttribute(reader: Reader, end: number): OnnxAttribute {
  const attr: OnnxAttribute = { name: '', floats: [], ints: [], strings: [], graph: false };
  fields(reader, end, (num, wire) => {
    if (num === 1 && wire === LENGTH) attr.name = reader.string();
    else if (num === 2 && wire === FIXED32) attr.f = reader.float();
    else if (num === 3 && wire === VARINT) attr.i = int64(reader);
    else if (num === 4 && wire === LENGTH) attr.s = reader.string();
    else if (num === 5) attr.t = readTensor(reader, messageEnd(reader, wire, 'a tensor attribute'));
    else if (num === 7) numbers(reader, wire, FIXED32, () => reader.float(), attr.floats);
    else if (num === 8) numbers(reader, wire, VARINT, () => int64(reader), attr.ints);
    else if (num === 9 && wire === LENGTH) attr.strings.push(reader.string());
    else if (num === 6 || num === 11) {
      attr.graph = true;
      return false; // skipped unread
    } else return false;
    return true;
  });
  return attr;
}

function readNode(reader: Reader, end: number): OnnxNode {
  const node: OnnxNode = {
    name: '',
    opType: '',
    domain: '',
    inputs: [],
    outputs: [],
    attributes: new Map(),
  };
  fields(reader, end, (num, wire) => {
    if (wire !== LENGTH) return false;
    if (num === 1) node.inputs.push(reader.string());
    else if (num === 2) node.outputs.push(reader.string());
    else if (num === 3) node.name = reader.string();
    else if (num === 4) node.opType = reader.string();
    else if (num === 7) node.domain = reader.string();
    else if (num === 5) {
      const attr = readAttribute(reader, messageEnd(reader, wire, 'an attribute'));
      node.attributes.set(attr.name, attr);
    } else return false;
    return true;
  });
  return node;
}

/** A ValueInfoProto's name (field 1); its type is not needed. */
function readValueName(reader: Reader, end: number): string {
  let name = '';
  fields(reader, end, (num, wire) => {
    if (num !== 1 || wire !== LENGTH) return false;
    name = reader.string();
    return true;
  });
  return name;
}

function readGraph(reader: Reader, end: number): OnnxGraph {
  const graph: OnnxGraph = {
    name: '',
    nodes: [],
    initializers: new Map(),
    inputs: [],
    outputs: [],
  };
  fields(reader, end, (num, wire) => {
    if (num === 2 && wire === LENGTH) graph.name = reader.string();
    else if (num === 1) graph.nodes.push(readNode(reader, messageEnd(reader, wire, 'a node')));
    else if (num === 5) {
      const tensor = readTensor(reader, messageEnd(reader, wire, 'an initializer'));
      graph.initializers.set(tensor.name, tensor);
    } else if (num === 11)
      graph.inputs.push(readValueName(reader, messageEnd(reader, wire, 'an input')));
    else if (num === 12)
      graph.outputs.push(readValueName(reader, messageEnd(reader, wire, 'an output')));
    else return false;
    return true;
  });
  return graph;
}

/**
 * Decodes a ModelProto's header and main graph from `bytes`. Throws an
 * {@link OnnxWireError} (or protobufjs's RangeError/Error for a read past the end or a
 * bad wire type) for anything that is not a well-formed ModelProto with a graph.
 */
export function decodeModel(bytes: Uint8Array): OnnxModel {
  const reader = Reader.create(bytes);
  let irVersion = 0;
  let producer = '';
  let version = '';
  const found: { graph?: OnnxGraph } = {};
  const opsets = new Map<string, number>();
  fields(reader, bytes.length, (num, wire) => {
    if (num === 1 && wire === VARINT) irVersion = int64(reader);
    else if (num === 2 && wire === LENGTH) producer = reader.string();
    else if (num === 3 && wire === LENGTH) version = reader.string();
    else if (num === 7) found.graph = readGraph(reader, messageEnd(reader, wire, 'the graph'));
    else if (num === 8) {
      let domain = '';
      let opset = 0;
      fields(reader, messageEnd(reader, wire, 'an opset'), (n, w) => {
        if (n === 1 && w === LENGTH) domain = reader.string();
        else if (n === 2 && w === VARINT) opset = int64(reader);
        else return false;
        return true;
      });
      opsets.set(domain, opset);
    } else return false;
    return true;
  });
  if (!found.graph) throw new OnnxWireError('no graph in it');
  const producedBy = [producer, version].filter(Boolean).join(' ');
  return { irVersion, producer: producedBy, opsets, graph: found.graph };
}
