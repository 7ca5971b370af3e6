// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { UnitField } from '../../../src/views/equations/UnitField';

describe('UnitField of a 512-unit imported model', () => {
  it('takes unit 300 and snaps 600 to the last unit, 512', () => {
    const onChange = vi.fn();
    render(<UnitField unit={0} hiddenSize={512} onChange={onChange} />);
    const field = screen.getByRole('spinbutton', { name: 'Unit' });
    expect(field).toHaveAttribute('max', '512');
    expect(screen.getByText('of 512')).toBeInTheDocument();
    fireEvent.change(field, { target: { value: '300' } });
    expect(onChange).toHaveBeenLastCalledWith(299);
    fireEvent.change(field, { target: { value: '600' } });
    expect(onChange).toHaveBeenLastCalledWith(511);
  });
});
