import { headToStateDict, toStateDict, type Head, type Model, type StateDict } from '../../engine';

/**
 * The model's parameters as PyTorch-named JSON, exactly `toStateDict(model)`: one line
 * per matrix row, numbers in full precision (JSON's shortest exact form), so that
 * `createModel(spec, JSON.parse(text))` rebuilds the same model and, in Python,
 * `model.load_state_dict({k: torch.tensor(v) for k, v in json.load(f).items()})` loads it.
 * With a trained model's read-out `head`, 'head.weight' [O][H] and 'head.bias' [O] follow,
 * as in the model files (split them off before `createModel`: `splitStateDict`).
 */
export function weightsJson(model: Model, head?: Head | null): string {
  const dict: StateDict = { ...toStateDict(model), ...(head ? headToStateDict(head) : {}) };
  const entries = Object.entries(dict).map(([name, value]) => {
    const body = value.every((v): v is number[] => Array.isArray(v))
      ? `[\n${value.map((row) => `    ${JSON.stringify(row)}`).join(',\n')}\n  ]`
      : JSON.stringify(value);
    return `  ${JSON.stringify(name)}: ${body}`;
  });
  return `{\n${entries.join(',\n')}\n}\n`;
}
