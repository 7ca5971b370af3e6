/**
 * The ONNX reader (`torch.onnx.export`, tf2onnx): every `LSTM`, `GRU` and `RNN` node of the
 * main graph becomes one ImportedModel with one layer (a stacked export has one node per
 * layer, each checkable on its own), in graph order; a linear read-out after the last one
 * becomes its head. Loaded only when an .onnx file arrives.
 */
import { findHead, consumers, reachedFrom } from './onnx/head';
import { mapRecurrentNode, RECURRENT_OPS } from './onnx/recurrent';
import { producers } from './onnx/tensor';
import { decodeModel, type OnnxModel, type OnnxNode } from './onnx/wire';
import { ImportError, type FormatReader, type ImportedModel } from './types';

/** Ops that hide a recurrence Gatescope cannot map (tf2onnx lowers Keras GRUs to Loop). */
const LOOP_OPS = new Set(['Loop', 'Scan']);

/** "MatMul ×30, Add ×30, Slice ×33": the ops of a graph, most frequent first. */
function opSummary(nodes: readonly OnnxNode[]): string {
  const counts = new Map<string, number>();
  for (const n of nodes) counts.set(n.opType, (counts.get(n.opType) ?? 0) + 1);
  const list = [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([op, n]) => (n > 1 ? `${op} ×${n}` : op));
  return list.length === 0
    ? 'no operators at all'
    : `operators: ${list.slice(0, 12).join(', ')}${list.length > 12 ? ', …' : ''}`;
}

/** The format in words: "ONNX (tf2onnx 1.17.0, opset 13)". */
function formatName(model: OnnxModel): string {
  const opset = model.opsets.get('') ?? model.opsets.get('ai.onnx');
  const parts = [model.producer, opset !== undefined ? `opset ${opset}` : ''].filter(Boolean);
  return parts.length > 0 ? `ONNX (${parts.join(', ')})` : 'ONNX';
}

/** Maps a decoded model; throws ImportErrors whose messages lack only the file name. */
function mapModel(model: OnnxModel): ImportedModel[] {
  const { graph } = model;
  const isRecurrent = (n: OnnxNode) =>
    n.opType in RECURRENT_OPS && (n.domain === '' || n.domain === 'ai.onnx');
  const nodes = graph.nodes.filter(isRecurrent);
  if (nodes.length === 0) {
    const loop = graph.nodes.some((n) => LOOP_OPS.has(n.opType));
    throw new ImportError(
      loop
        ? `an ONNX model, but no LSTM, GRU or RNN node; its recurrence is a Loop subgraph, which Gatescope cannot map (${opSummary(graph.nodes)}). Export the model so that the recurrent layers stay ONNX LSTM/GRU/RNN operators (torch.onnx.export does).`
        : `an ONNX model, but no LSTM, GRU or RNN node (${opSummary(graph.nodes)}).`,
    );
  }
  const writers = producers(graph);
  const readers = consumers(graph);
  const format = formatName(model);
  return nodes.map((node, k) => {
    const name = node.name || `${node.opType} node ${k + 1}`;
    let mapped;
    try {
      mapped = mapRecurrentNode(graph, writers, node);
    } catch (error) {
      if (error instanceof ImportError) {
        throw new ImportError(`ONNX ${node.opType} node "${name}": ${error.message}`);
      }
      throw error;
    }
    const imported: ImportedModel = {
      name,
      spec: mapped.spec,
      params: mapped.params,
      assumed: [],
      format,
      notes: mapped.notes,
    };
    if (mapped.goBackwards) imported.goBackwards = true;
    const feeds = reachedFrom(node, readers).find((n) => nodes.includes(n));
    if (feeds) {
      imported.notes.push(
        `Its outputs feed the next recurrent node, "${feeds.name || feeds.opType}".`,
      );
    } else if (k === nodes.length - 1) {
      const width = (mapped.spec.bidirectional ? 2 : 1) * mapped.spec.hiddenSize;
      const found = findHead(graph, writers, readers, node, width);
      if (found.head) imported.head = found.head;
      imported.notes.push(
        found.note ?? 'No linear read-out follows the last recurrent node: no head.',
      );
    }
    return imported;
  });
}

/**
 * Reads an .onnx file (a ModelProto). Rejects with an ImportError naming the file for a
 * damaged file, external tensor data, no recurrent node (a Loop-lowered recurrence says
 * so), or a node that cannot be mapped exactly.
 */
export const readOnnx: FormatReader = async (file) => {
  let model: OnnxModel;
  try {
    model = decodeModel(file.bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError(
      `${file.name}: expected an ONNX model (a protobuf ModelProto), but the bytes do not decode as one: ${reason}.`,
    );
  }
  try {
    return mapModel(model);
  } catch (error) {
    if (error instanceof ImportError) throw new ImportError(`${file.name}: ${error.message}`);
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportError(`${file.name}: a damaged ONNX model (${reason}).`);
  }
};
