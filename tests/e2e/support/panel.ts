/** Side-panel steps shared by end-to-end tests, driven through the real UI. */
import { expect, type Page } from '@playwright/test';

export interface BrandInput {
  name: string;
  handles?: string;
  names?: string;
  hashtags?: string;
  autoQueue?: boolean;
}

/** Fills the first-run brand form (the panel shows it when no brand exists). */
export async function createBrand(panel: Page, brand: BrandInput): Promise<void> {
  await panel.getByRole('tab', { name: /Brands/ }).click();
  const form = panel.getByRole('form', { name: 'Brand profile' });
  await form.getByLabel('Brand name').fill(brand.name);
  if (brand.handles) await form.getByLabel(/^Handles/).fill(brand.handles);
  if (brand.names) await form.getByLabel(/^Names people use/).fill(brand.names);
  if (brand.hashtags) await form.getByLabel(/^Hashtags/).fill(brand.hashtags);
  const auto = form.getByLabel(/automatically/);
  if ((brand.autoQueue ?? true) !== (await auto.isChecked())) await auto.click();
  await form.getByRole('button', { name: 'Save' }).click();
  await panel.getByText(brand.name, { exact: true }).waitFor();
  await panel.getByRole('tab', { name: /Queue/ }).click();
}

/** The count shown on a queue state chip, e.g. "New 3". */
export async function stateCount(panel: Page, label: string): Promise<number> {
  // Counts load after the rows (they never hold the first row back): wait for a number.
  const count = panel.getByRole('radio', { name: new RegExp(`^${label}`) }).locator('.count');
  await expect(count).toHaveText(/^\d+$/);
  return Number(await count.textContent());
}
