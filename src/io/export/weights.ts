import { toStateDict, type Model } from '../../engine';

/**
 * The model's parameters as PyTorch-named JSON, exactly `toStateDict(model)`: one line
 * per matrix row, numbers in full precision (JSON's shortest exact form), so that
 * `createModel(spec, JSON.parse(text))` rebuilds the same model and, in Python,
 * `model.load_state_dict({k: torch.tensor(v) for k, v in json.load(f).items()})` loads it.
 */
export function weightsJson(model: Model): string {
  const entries = Object.entries(toStateDict(model)).map(([name, value]) => {
    const body = value.every((v): v is number[] => Array.isArray(v))
      ? `[\n${value.map((row) => `    ${JSON.stringify(row)}`).join(',\n')}\n  ]`
      : JSON.stringify(value);
    return `  ${JSON.stringify(name)}: ${body}`;
  });
  return `{\n${entries.join(',\n')}\n}\n`;
}
