/**
 * First run as a new shop: the brand form asks the agent's name (so two agents never merge on the
 * lead's Review page), saving the first brand shows what to do next, and the starter templates are
 * there, editable and removable.
 */
import { test, expect } from './support/extension';

test('first brand: the agent is asked their name, sees the next steps and gets starter templates', async ({ openPanel }) => {
  const panel = await openPanel();
  await panel.getByRole('tab', { name: /Brands/ }).click();
  const form = panel.getByRole('form', { name: 'Brand profile' });
  await form.getByLabel(/^Your name/).fill('Dana Lee');
  await form.getByLabel('Brand name').fill('Acme');
  await form.getByLabel(/^Handles/).fill('acme');
  await form.getByRole('button', { name: 'Save' }).click();

  const next = panel.getByRole('region', { name: 'Your brand is set up. What next?' });
  await expect(next).toBeVisible();
  await expect(next).toContainText('x.com');
  await expect(next).toContainText('priority');
  await next.getByRole('button', { name: 'Got it' }).click();
  await expect(next).toHaveCount(0);

  await panel.getByRole('tab', { name: /Settings/ }).click();
  await expect(panel.getByLabel(/name/i).first()).toHaveValue('Dana Lee');

  await panel.getByRole('tab', { name: /Templates/ }).click();
  const starters = [['sorry', 'Apology with a next step'], ['where', 'Where is my order?'], ['refund', 'Refund status'], ['thanks', 'Thanks for the praise'], ['dm', 'Move to DM']];
  for (const [code, title] of starters) {
    const card = panel.locator(`[data-template-code="${code}"]`);
    await expect(card).toContainText(title ?? '');
    await expect(card.getByRole('button', { name: `Edit /${code}` })).toBeVisible();
  }
});
