// @vitest-environment jsdom
import { render, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useScene } from '../../../src/store';
import { clearNumbersProblem, useNumbersProblem } from '../../../src/views/controls/numbersFile';
import { useImportStatus } from '../../../src/views/imports/importStatus';
import { useModelDrop } from '../../../src/views/imports/useModelDrop';

function Page() {
  useModelDrop();
  return null;
}

/** Drops `files` on the window, as a drag from the desktop does. */
function drop(files: File[]): Event {
  const event = new Event('drop', { cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types: ['Files'], files } });
  window.dispatchEvent(event);
  return event;
}

beforeEach(() => {
  useScene.setState(useScene.getInitialState(), true);
  useImportStatus.setState({ byPane: {} });
  clearNumbersProblem();
});

describe('files dropped on the page', () => {
  it('a .csv becomes the input’s numbers, not a model file', async () => {
    render(<Page />);
    expect(drop([new File(['1,2\n3,4\n5,6'], 'data.csv')]).defaultPrevented).toBe(true);
    await waitFor(() => expect(useScene.getState().input.kind).toBe('numbers'));
    expect(useScene.getState().input.numbers).toBe('1,2\n3,4\n5,6');
    expect(useImportStatus.getState().byPane.A).toBeUndefined();
  });

  it('a model file dropped with a data file still goes to the importer; a bad data file is named', async () => {
    render(<Page />);
    drop([new File(['x'], 'm.pt'), new File(['1\tz'], 'steps.tsv')]);
    await waitFor(() =>
      expect(useNumbersProblem.getState().problem?.message).toMatch(
        /^steps\.tsv: Row 1, column 2: 'z' is not a number/,
      ),
    );
    expect(useScene.getState().input.kind).toBe('text');
    const message = () => {
      const status = useImportStatus.getState().byPane.A;
      return status && 'message' in status ? status.message : '';
    };
    await waitFor(() => expect(message()).toContain('m.pt'));
    expect(message()).not.toContain('steps.tsv');
  });
});
