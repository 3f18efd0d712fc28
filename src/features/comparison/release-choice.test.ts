import { describe, expect, it } from 'vitest';
import { NEWEST_KNOWN_RELEASE } from '../../domain/rke2/releases';
import { chooseRelease } from './release-choice';

describe('chooseRelease', () => {
  it('prefers the link, then the wizard, then the newest release', () => {
    expect(chooseRelease('v1.29.2+rke2r1', 'v1.33.6+rke2r1').release.requested.text).toBe('v1.29.2+rke2r1');
    expect(chooseRelease(null, 'v1.33.6+rke2r1').release.requested.text).toBe('v1.33.6+rke2r1');
    expect(chooseRelease(null, null)).toMatchObject({
      notice: null,
      release: { requested: { text: NEWEST_KNOWN_RELEASE } },
    });
  });

  it('says why a bad link release was skipped', () => {
    const c = chooseRelease('latest', 'v1.33.6+rke2r1');
    expect(c.release.requested.text).toBe('v1.33.6+rke2r1');
    expect(c.notice).toMatch(/"latest" is not an RKE2 release.*Showing another release/);
  });

  it('says when a release is newer than the table', () => {
    const c = chooseRelease('v1.99.0+rke2r1', null);
    expect(c.release.row.version.text).toBe(NEWEST_KNOWN_RELEASE);
    expect(c.notice).toMatch(/newer than the release table/);
  });
});
