import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { SCENARIOS } from '../src/test/scenarios';
import { discoverOutput } from '../src/test/discover-fixture';

/**
 * Issue 14, section 4: the output of scripts/discover.sh, from one node or several concatenated, goes in through
 * "Import answers". Only the node facts change (oldest kernel, smallest MTU, IP families, the interface when every
 * node names it the same); the user's other answers stay, and an interface mismatch is shown with its source.
 */

const l7 = SCENARIOS.l7Policy.answers;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  test(`imports discover output of two nodes over the current answers at ${viewport.width}px`, async ({
    wizard,
    page,
  }) => {
    await page.setViewportSize(viewport);
    await wizard.open(l7);
    const text =
      discoverOutput({ hostname: 'node-a', kernel: '6.8.0-45-generic', iface: 'ens192', mtu: 9000, family: 'dual' }) +
      discoverOutput({ hostname: 'node-b', kernel: '5.15.0-105-generic', iface: 'eth0', mtu: 1450, family: 'dual' });
    await page
      .getByLabel('Import an answers.yaml or a bundle zip')
      .setInputFiles({ name: 'nodes.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });

    const notice = page.getByRole('status').filter({ hasText: 'Node facts imported' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('From 2 nodes');
    const notes = notice.getByRole('list', { name: 'Discovery notes' });
    await expect(notes).toContainText('node-a: ens192, node-b: eth0');
    await expect(notes.getByRole('link', { name: /rancher\/rke2#1889/ })).toBeVisible();

    // The node facts are in the form; the answers of the other steps are the user's as before.
    await wizard.goToStep('nodes');
    expect(await wizard.shownValue('nodes.kernel')).toBe('5.15.0-105-generic');
    expect(await wizard.shownValue('nodes.underlayMtu')).toBe('1450');
    expect(await wizard.shownValue('nodes.interface')).toBe('');
    await wizard.expectAnswers(l7, ['cluster', 'security']);
    // Both nodes are dual-stack, but the IPv6 pod and service ranges are the user's to type: the family waits.
    await expect(notes).toContainText('type the IPv6 pod and service ranges');
    await wizard.goToStep('addressing');
    expect(await wizard.shownValue('addressing.ipFamily')).toBe(l7.addressing.ipFamily);

    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
}

test('discover output mixed with another document fails the import and changes nothing', async ({ wizard, page }) => {
  await wizard.open(l7);
  const text = `${discoverOutput({ hostname: 'a', kernel: '6.8.0', iface: 'eth0', mtu: 1500, family: 'ipv4' })}---\ncluster: {size: large}\n`;
  await page
    .getByLabel('Import an answers.yaml or a bundle zip')
    .setInputFiles({ name: 'mixed.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });
  const failed = page.getByRole('alert').filter({ hasText: 'Import failed' });
  await expect(failed).toContainText('Document 2 is not discover.sh output');
  await wizard.expectAnswers(l7, ['cluster', 'nodes', 'security']);
});
