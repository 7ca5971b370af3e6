// @vitest-environment jsdom
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shareLink } from '../../src/io/links';
import { useLinkNotice } from '../../src/io/notices';
import { decodeScene } from '../../src/io/sceneUrl';
import { createSceneStore } from '../../src/store';
import { LinkNotice } from '../../src/views/LinkNotice';
import { ShareButtons } from '../../src/views/ShareButtons';

beforeEach(() => useLinkNotice.getState().dismiss());
afterEach(() => vi.restoreAllMocks());

describe('shareLink', () => {
  it('is this page’s address plus the scene; a lesson link hides the editing panels', () => {
    const store = createSceneStore();
    store.getState().setPresentation(true);
    store.getState().setInputText('lesson text');
    const base = `${location.origin}${location.pathname}`;
    const link = shareLink(store.getState());
    expect(link).toBe(`${base}#v=1&text=lesson%20text&present=1`);
    const lesson = shareLink(store.getState(), { lesson: true });
    const scene = decodeScene(new URL(lesson).hash.slice(1)).scene;
    expect(scene).toMatchObject({ editingHidden: true, presentation: true });
    expect(scene.input.text).toBe('lesson text');
    expect(store.getState().editingHidden).toBe(false);
    expect(shareLink(store.getState(), { base: 'https://example.org/gs/' })).toMatch(
      /^https:\/\/example\.org\/gs\/#v=1&/,
    );
  });
});

describe('<LinkNotice />', () => {
  it('lists what could not be read, in a status region, until dismissed', async () => {
    const { container } = render(<LinkNotice />);
    expect(container).toBeEmptyDOMElement();
    act(() =>
      useLinkNotice
        .getState()
        .show('Some settings of this link could not be read', [
          "Could not read the hidden size 'abc' of model B; used 8.",
        ]),
    );
    const notice = screen.getByRole('status', {
      name: 'Some settings of this link could not be read',
    });
    expect(notice).toHaveTextContent("Could not read the hidden size 'abc' of model B; used 8.");
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('<ShareButtons />', () => {
  it('copies the link and confirms', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn<(text: string) => Promise<void>>().mockResolvedValue(undefined);
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
    const store = createSceneStore();
    store.getState().setStep(3);
    render(<ShareButtons store={store} />);
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(`${location.origin}${location.pathname}#v=1&t=3`);
    expect(screen.getByRole('status')).toHaveTextContent('Copied the link.');
    await user.click(screen.getByRole('button', { name: 'Copy view-only link' }));
    expect(writeText).toHaveBeenLastCalledWith(expect.stringContaining('noedit=1'));
    expect(screen.getByRole('status')).toHaveTextContent('Copied the view-only link.');
  });

  it('falls back to a selected read-only field when the clipboard refuses', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn().mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
    render(<ShareButtons store={createSceneStore()} />);
    await user.click(screen.getByRole('button', { name: 'Copy view-only link' }));
    const field = screen.getByRole('textbox', { name: 'Link to copy' });
    expect(field).toHaveAttribute('readonly');
    expect((field as HTMLInputElement).value).toMatch(/#v=1&noedit=1$/);
    // Focus moves to the field in an effect after it renders.
    await waitFor(() => expect(field).toHaveFocus());
    expect(screen.getByRole('status')).toHaveTextContent('to copy the view-only link');
  });
});
