// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WRONG_PASSPHRASE } from '../../src/io/encrypted-export.ts';
import { EncryptExport, MISMATCH, UnlockImport } from '../../src/ui/popup/Passphrase.tsx';

afterEach(cleanup);

function type(label: string, value: string): void {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('Export encrypted', () => {
  it('warns about a short passphrase but still exports with it', async () => {
    const onExport = vi.fn(async () => undefined);
    render(<EncryptExport onExport={onExport} onCancel={() => undefined} />);
    type('Passphrase', 'hunter2');
    type('Passphrase again', 'hunter2');
    expect(screen.getByRole('status').textContent).toMatch(/This passphrase is short/);
    fireEvent.click(screen.getByRole('button', { name: 'Export encrypted' }));
    await waitFor(() => expect(onExport).toHaveBeenCalledWith('hunter2'));
  });

  it('gives no warning for a long one', () => {
    render(<EncryptExport onExport={async () => undefined} onCancel={() => undefined} />);
    type('Passphrase', 'granite otter lantern');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('refuses two passphrases that differ, and an empty one, without exporting', async () => {
    const onExport = vi.fn(async () => undefined);
    render(<EncryptExport onExport={onExport} onCancel={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export encrypted' }));
    expect(screen.getByRole('alert').textContent).toBe('Type a passphrase.');
    type('Passphrase', 'granite otter lantern');
    type('Passphrase again', 'granite otter lanterns');
    fireEvent.click(screen.getByRole('button', { name: 'Export encrypted' }));
    expect(screen.getByRole('alert').textContent).toBe(MISMATCH);
    expect(onExport).not.toHaveBeenCalled();
  });
});

describe('Import of an encrypted file', () => {
  it('shows a wrong passphrase and stays open to try again; the right one goes through', async () => {
    const onUnlock = vi.fn(async (passphrase: string) => {
      if (passphrase !== 'right one') throw new Error(WRONG_PASSPHRASE);
    });
    render(<UnlockImport fileName="backup.json" onUnlock={onUnlock} onCancel={() => undefined} />);
    type('Passphrase for backup.json', 'wrong one');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(WRONG_PASSPHRASE));
    type('Passphrase for backup.json', 'right one');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(onUnlock).toHaveBeenLastCalledWith('right one'));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
