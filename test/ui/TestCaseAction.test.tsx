// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Overlay } from '../../src/ui/overlay/Overlay.tsx';
import { HOSTILE_TITLE, sambaPosting } from '../helpers/postings.ts';

afterEach(cleanup);

const noop = () => undefined;
const resolved = () => Promise.resolve();

describe('Save this page as a test case, in the panel', () => {
  it('is a labelled button that says what it saved, and that the file holds the page', async () => {
    const onSaveTestCase = vi.fn(() => Promise.resolve('joblens-test-case-lever-7597d3d7-2026-06-06.json'));
    render(<Overlay posting={sambaPosting()} saved={null} onSave={resolved} onClose={noop} onSaveTestCase={onSaveTestCase} />);
    const button = screen.getByRole('button', { name: 'Save this page as a test case' });
    expect(button.getAttribute('type')).toBe('button');
    fireEvent.click(button);
    expect(onSaveTestCase).toHaveBeenCalledTimes(1);
    const status = await screen.findByText(/^Downloaded joblens-test-case-lever-7597d3d7-2026-06-06\.json\./);
    expect(status.closest('[role="status"]')).not.toBeNull();
    expect(status.textContent).toContain('look it over before you share it');
  });

  it('says why when the file could not be made, as text', async () => {
    const onSaveTestCase = vi.fn(() => Promise.reject(new Error(`not a valid test case: url ${HOSTILE_TITLE}`)));
    const { container } = render(
      <Overlay posting={sambaPosting()} saved={null} onSave={resolved} onClose={noop} onSaveTestCase={onSaveTestCase} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save this page as a test case' }));
    await waitFor(() => expect(container.querySelector('.jl-error')?.textContent).toBe(`Could not save the test case: not a valid test case: url ${HOSTILE_TITLE}`));
    // Page text is text: nothing in the message became markup.
    expect(container.querySelector('.jl-error img, .jl-error script')).toBeNull();
  });

  it('is not offered when the panel has no way to save one', () => {
    render(<Overlay posting={sambaPosting()} saved={null} onSave={resolved} onClose={noop} />);
    expect(screen.queryByRole('button', { name: 'Save this page as a test case' })).toBeNull();
  });
});
