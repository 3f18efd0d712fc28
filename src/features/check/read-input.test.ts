import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { readCheckInput } from './read-input';
import { INPUT_LIMITS } from '../../domain/validate/parse';

const text = (name: string, contents: string) => ({ name, bytes: strToU8(contents) });

describe('readCheckInput: what the /check page hands the doctor', () => {
  it('reads a bundle zip, strips its root folder, and lists other entries for the name checks', () => {
    const zip = zipSync({
      'bundle/etc/rancher/rke2/config.yaml': strToU8('cni: cilium\n'),
      'bundle/README.md': strToU8('# hi'),
    });
    const r = readCheckInput([{ name: 'bundle.zip', bytes: zip }]);
    expect(r).toEqual({
      ok: true,
      files: [
        { path: 'README.md', contents: '' },
        { path: 'etc/rancher/rke2/config.yaml', contents: 'cni: cilium\n' },
      ],
    });
  });

  it('keeps folder paths inside the chosen folder', () => {
    const r = readCheckInput([text('mine/config.yaml', 'cni: canal\n'), text('mine/manifests/x.yaml', 'a: 1\n')]);
    expect(r.ok && r.files.map((f) => f.path)).toEqual(['config.yaml', 'manifests/x.yaml']);
  });

  it('refuses what the CLI refuses, with a message', () => {
    expect(readCheckInput([text('notes.txt', 'hello')])).toMatchObject({ ok: false });
    expect(readCheckInput([{ name: 'x.yaml', bytes: new Uint8Array([0xff, 0xfe, 0x00]) }])).toMatchObject({
      ok: false,
      message: expect.stringContaining('not UTF-8'),
    });
    expect(readCheckInput([{ name: 'broken.zip', bytes: strToU8('PK\u0003\u0004garbage') }])).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a readable zip'),
    });
    const big = { name: 'big.yaml', bytes: new Uint8Array(INPUT_LIMITS.maxTotalBytes + 1) };
    expect(readCheckInput([big])).toMatchObject({ ok: false, message: expect.stringContaining('at most') });
  });
});
