import { describe, expect, it } from 'vitest';
import { parseModelFile } from '../../src/io/modelFile';
import { LIMITS } from '../../src/scene/limits';
import { edited, put, validFile } from './modelFixtures';

const ID = 'remember-first-5-lstm';

describe('a model file is held to the limits of the controls and links', () => {
  it('refuses 65 units, naming the limit', () => {
    const json = edited((f) => put(f, ['spec', 'hiddenSize'], LIMITS.hiddenSize.max + 1));
    expect(() => parseModelFile(json)).toThrow(
      /spec\.hiddenSize is 65, more than the 64 units per layer Gatescope runs/,
    );
  });

  it('refuses 4 layers, naming the limit', () => {
    const json = edited((f) => put(f, ['spec', 'numLayers'], 4));
    expect(() => parseModelFile(json)).toThrow(/spec\.numLayers is 4, more than the 3 layers/);
  });

  it('refuses a task longer than the longest sequence a link can hold', () => {
    const json = edited((f) => put(f, ['task', 'length'], 2001));
    expect(() => parseModelFile(json)).toThrow(/task\.length is 2001, more than the 2000 steps/);
  });

  it('accepts the largest model the controls offer: 64 units, 3 layers', () => {
    // Checked before any model is built: the sizes alone pass the limits, so what fails
    // is the parameters' shape (the file's weights are for 3 units), not a limit.
    const json = edited((f) => {
      put(f, ['spec', 'hiddenSize'], 64);
      put(f, ['spec', 'numLayers'], 3);
    });
    expect(() => parseModelFile(json)).toThrow(/weight_ih_l0|shape/);
    expect(() => parseModelFile(json)).not.toThrow(/more than/);
  });
});

describe('a model file may not carry reserved keys', () => {
  it('refuses "__proto__" among the parameters by name (JSON keeps it as a plain key)', () => {
    const text = JSON.stringify(validFile()).replace('"params":{', '"params":{"__proto__":[1],');
    const json: unknown = JSON.parse(text);
    expect(() => parseModelFile(json)).toThrow(/the key "params\.__proto__" is reserved/);
  });

  it('refuses "constructor" in the task record by name', () => {
    const json = edited((f) => put(f, ['task', 'constructor'], 1));
    expect(() => parseModelFile(json)).toThrow(/the key "task\.constructor" is reserved/);
  });
});

describe('a model file must be the model asked for', () => {
  it('refuses another id, naming both', () => {
    expect(() => parseModelFile(validFile(), 'remember-first-50-lstm')).toThrow(
      `Model "${ID}": this file is model "${ID}", not the "remember-first-50-lstm" that was asked for.`,
    );
  });

  it('accepts its own id', () => {
    expect(parseModelFile(validFile(), ID).file.id).toBe(ID);
  });
});

describe('every number of a model file is finite', () => {
  it('names the parameter holding a number beyond float64 (1e999 reads as Infinity)', () => {
    const text = JSON.stringify(validFile()).replace(
      /("weight_hh_l0":\[\[)[-0-9.e]+/,
      (_, head: string) => `${head}1e999`,
    );
    expect(() => parseModelFile(JSON.parse(text))).toThrow(
      /parameter "weight_hh_l0"\[0\]\[0\] \(row 0\) is Infinity; every entry must be a finite number/,
    );
  });
});
