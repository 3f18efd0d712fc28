import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAnswers, isFieldRelevant, missingRequired, ANSWER_MESSAGE_IDS } from './parse-answers';
import { defaultAnswers } from './defaults';
import { ANSWER_FIELDS, ANSWER_PATHS, readPath, type AnswerPath } from './answers-schema';
import { OS_PRESETS, type Answers, type ParseResult } from './types';
import { BAD_INPUT_CATALOGUE, badInputAnswers } from '../../test/bad-input-catalogue';

function expectOk(result: ParseResult): Answers {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.answers;
}

function errorIds(result: ParseResult): Array<[string, string]> {
  return result.ok ? [] : result.errors.map((e) => [e.field, e.messageId]);
}

describe('parseAnswers: valid input', () => {
  it('accepts the defaults unchanged, with nothing dropped', () => {
    expect(parseAnswers(defaultAnswers())).toEqual({ ok: true, answers: defaultAnswers(), dropped: [] });
  });

  it('fills a partial or empty mapping from the defaults', () => {
    expect(expectOk(parseAnswers({}))).toEqual(defaultAnswers());
    const a = expectOk(parseAnswers({ security: { policy: 'l7' } }));
    expect(a.security.policy).toBe('l7');
    expect(a.cluster).toEqual(defaultAnswers().cluster);
  });

  it.each<[string, unknown, AnswerPath, unknown]>([
    ['numeric text for integers', { nodes: { underlayMtu: ' 9000 ' } }, 'nodes.underlayMtu', 9000],
    ['boolean text', { cluster: { windowsNodes: 'true' } }, 'cluster.windowsNodes', true],
    ['yes/no booleans', { performance: { observability: 'no' } }, 'performance.observability', false],
    ['enums in any case', { addressing: { ipFamily: 'IPv4' } }, 'addressing.ipFamily', 'ipv4'],
    ['a release without v or revision', { cluster: { release: '1.33.6' } }, 'cluster.release', 'v1.33.6+rke2r1'],
    [
      'canonical IPv6 CIDRs',
      { addressing: { ipFamily: 'dual', clusterCidrV6: '2001:CAFE:0042::/56', serviceCidrV6: '2001:cafe:43::/112' } },
      'addressing.clusterCidrV6',
      '2001:cafe:42::/56',
    ],
    [
      'uname -r kernels as typed',
      { nodes: { osPreset: 'custom', kernel: '5.14.0-427.el9.x86_64' } },
      'nodes.kernel',
      '5.14.0-427.el9.x86_64',
    ],
    [
      'the preset kernel when kernel is empty',
      { nodes: { osPreset: 'rhel-8.10', kernel: '' } },
      'nodes.kernel',
      '4.18',
    ],
    ['the preset kernel when kernel is missing', { nodes: { osPreset: 'rhel-9' } }, 'nodes.kernel', '5.14'],
    ['a typed kernel over the preset', { nodes: { osPreset: 'rhel-9', kernel: '5.15' } }, 'nodes.kernel', '5.15'],
    ['an empty interface (autodetect)', { nodes: { interface: '' } }, 'nodes.interface', ''],
    ['VLAN interface names', { nodes: { interface: 'bond0.100' } }, 'nodes.interface', 'bond0.100'],
    ['15-character interface names', { nodes: { interface: 'enp0s31f6abcdef' } }, 'nodes.interface', 'enp0s31f6abcdef'],
    [
      'pfNames with spaces after commas',
      { extras: { mode: 'sriov', secondary: { subnet: '192.168.100.0/24' }, sriov: { pfNames: 'ens1f0, ens1f1' } } },
      'extras.sriov.pfNames',
      'ens1f0,ens1f1',
    ],
    [
      'an IPv6 API host',
      { performance: { apiServerHost: '2001:DB8::10' } },
      'performance.apiServerHost',
      '2001:db8::10',
    ],
    [
      'a DNS API host',
      { performance: { apiServerHost: 'api.example.internal' } },
      'performance.apiServerHost',
      'api.example.internal',
    ],
    [
      'a 4-byte ASN',
      { performance: { bgp: { enabled: true, peerAddress: '10.0.0.1', peerAsn: '4294967295' } } },
      'performance.bgp.peerAsn',
      4294967295,
    ],
    [
      'a /24 cluster CIDR on a single node',
      { cluster: { size: 'single' }, addressing: { clusterCidrV4: '10.42.0.0/24' } },
      'addressing.clusterCidrV4',
      '10.42.0.0/24',
    ],
    [
      'a /63 IPv6 cluster CIDR',
      { addressing: { ipFamily: 'ipv6', clusterCidrV6: '2001:cafe:42::/63', serviceCidrV6: '2001:cafe:43::/112' } },
      'addressing.clusterCidrV6',
      '2001:cafe:42::/63',
    ],
    [
      'dhcp IPAM with no subnet',
      { extras: { mode: 'multus', secondary: { master: 'eth1', ipam: 'dhcp', subnet: '' } } },
      'extras.secondary.ipam',
      'dhcp',
    ],
    [
      'an empty range (whole subnet)',
      {
        extras: {
          mode: 'multus',
          secondary: { master: 'eth1', subnet: '192.168.100.0/24', rangeStart: '', rangeEnd: '', gateway: '' },
        },
      },
      'extras.secondary.rangeStart',
      '',
    ],
  ])('accepts %s', (_name, input, path, expected) => {
    expect(readPath(expectOk(parseAnswers(input)), path)).toEqual(expected);
  });

  it('ignores unknown keys and reports them in dropped', () => {
    const r = parseAnswers({
      $schema: './schema/answers.schema.json',
      bogus: 1,
      cluster: { relase: 'x' },
      extras: { secondary: { extra: true } },
    });
    expect(r).toMatchObject({ ok: true, dropped: ['bogus', 'cluster.relase', 'extras.secondary.extra'] });
  });

  it('resets invalid values of unused fields to their default and reports them, instead of failing', () => {
    const r = parseAnswers({
      addressing: { ipFamily: 'ipv4', clusterCidrV6: 'garbage' },
      extras: { mode: 'none', sriov: { numVfs: 0 } },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.dropped).toEqual(['addressing.clusterCidrV6', 'extras.sriov.numVfs']);
    expect(r.answers.addressing.clusterCidrV6).toBe(defaultAnswers().addressing.clusterCidrV6);
    expect(r.answers.extras.sriov.numVfs).toBe(defaultAnswers().extras.sriov.numVfs);
  });

  it('does not check unused cross-field rules (overlap of IPv6 ranges in an IPv4 cluster)', () => {
    expectOk(
      parseAnswers({
        addressing: { ipFamily: 'ipv4', clusterCidrV6: '2001:cafe::/56', serviceCidrV6: '2001:cafe::/112' },
      }),
    );
  });

  it('gives every OS preset a kernel the parser accepts', () => {
    for (const osPreset of OS_PRESETS.filter((p) => p !== 'custom')) {
      expect(expectOk(parseAnswers({ nodes: { osPreset } })).nodes.osPreset).toBe(osPreset);
    }
  });
});

describe('parseAnswers: invalid input', () => {
  it.each(BAD_INPUT_CATALOGUE.map((e) => [e.why, e] as const))('catalogue: %s', (_why, entry) => {
    const result = parseAnswers(badInputAnswers(entry));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.field, e.messageId])).toContainEqual([entry.field, entry.messageId]);
    const error = result.errors.find((e) => e.field === entry.field)!;
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.message).not.toMatch(/undefined|\[object/);
    expect(parseAnswers(result.partial).ok).toBe(true);
    // A Multus or SR-IOV setup types what those modes need: the bad value is then the only mistake (the e2e
    // journey opens the wizard with the setup alone).
    if (entry.setup?.['extras.mode'] !== undefined) {
      const setupOnly = parseAnswers(badInputAnswers({ ...entry, field: 'nodes.interface', value: '' }));
      expect(setupOnly.ok ? [] : setupOnly.errors.map((e) => e.field)).toEqual([]);
    }
  });

  it('covers every message id that parseAnswers itself can give', () => {
    const catalogued = new Set<string>(BAD_INPUT_CATALOGUE.map((e) => e.messageId));
    const elsewhere = [
      'notAMapping',
      'internalError',
      'expectedText',
      'tooLong',
      'inputNotText',
      'inputTooLarge',
      'inputEmpty',
      'inputBinary',
      'yamlSyntax',
      'yamlMultipleDocuments',
      'yamlAliases',
      'yamlTooDeep',
      // discover/discover.test.ts: discover.sh output that cannot be merged
      'discoverInvalid',
    ];
    expect(ANSWER_MESSAGE_IDS.filter((id) => !catalogued.has(id) && !elsewhere.includes(id))).toEqual([]);
  });

  it.each<[string, unknown, Array<[string, string]>]>([
    ['a non-object', 'cluster: x', [['', 'notAMapping']]],
    ['null', null, [['', 'notAMapping']]],
    ['an array', [1, 2], [['', 'notAMapping']]],
    ['a section that is a list', { cluster: ['v1.33.6+rke2r1'] }, [['cluster', 'notAMapping']]],
    ['a nested section that is text', { extras: { sriov: 'yes' } }, [['extras.sriov', 'notAMapping']]],
    ['a kernel given as a YAML number', { nodes: { kernel: 5.1 } }, [['nodes.kernel', 'expectedText']]],
    ['a huge string', { cluster: { release: 'v'.repeat(1_000_000) } }, [['cluster.release', 'tooLong']]],
    [
      'a dual-stack pair in one field',
      { addressing: { clusterCidrV4: '10.42.0.0/16,2001:cafe:42::/56' } },
      [['addressing.clusterCidrV4', 'cidrSyntax']],
    ],
    [
      'an IPv4 cluster CIDR too large for node masks',
      { addressing: { clusterCidrV4: '0.0.0.0/7' } },
      [['addressing.clusterCidrV4', 'clusterCidrTooLarge']],
    ],
    [
      'an IPv4 service CIDR above /12',
      { addressing: { serviceCidrV4: '10.0.0.0/11' } },
      [['addressing.serviceCidrV4', 'serviceCidrTooLarge']],
    ],
    [
      'a /24 cluster CIDR with several nodes',
      { addressing: { clusterCidrV4: '10.42.0.0/24' } },
      [['addressing.clusterCidrV4', 'clusterCidrTooSmall']],
    ],
    [
      'IPv6 overlap in dual-stack',
      { addressing: { ipFamily: 'dual', clusterCidrV6: '2001:cafe:42::/56', serviceCidrV6: '2001:cafe:42::/112' } },
      [['addressing.serviceCidrV6', 'cidrOverlap']],
    ],
    [
      'a host:port API host',
      { performance: { kubeProxyReplacement: true, apiServerHost: '10.0.0.1:6443' } },
      [['performance.apiServerHost', 'hostInvalid']],
    ],
    [
      'an empty pfNames item',
      { extras: { mode: 'sriov', secondary: { subnet: '192.168.100.0/24' }, sriov: { pfNames: 'ens1f0,,ens1f1' } } },
      [['extras.sriov.pfNames', 'interfaceNameInvalid']],
    ],
    [
      'an interface shown with its parent',
      { nodes: { interface: 'eth0.100@eth0' } },
      [['nodes.interface', 'interfaceNameInvalid']],
    ],
    ['a reserved interface name', { nodes: { interface: '..' } }, [['nodes.interface', 'interfaceNameInvalid']]],
    ['an infinite MTU', { nodes: { underlayMtu: Infinity } }, [['nodes.underlayMtu', 'expectedInteger']]],
  ])('refuses %s', (_name, input, expected) => {
    const result = parseAnswers(input);
    expect(errorIds(result)).toEqual(expected);
  });

  it('keeps every valid answer in partial and resets only the invalid ones', () => {
    const result = parseAnswers({ security: { policy: 'l7' }, nodes: { underlayMtu: 99999, interface: 'eth1' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.partial.security.policy).toBe('l7');
    expect(result.partial.nodes.interface).toBe('eth1');
    expect(result.partial.nodes.underlayMtu).toBe(defaultAnswers().nodes.underlayMtu);
  });

  it('settles partial answers when the default of a bad field clashes with a valid field', () => {
    // The user's cluster CIDR is valid but takes 10.43.0.0/16, the default service CIDR.
    const result = parseAnswers({ addressing: { clusterCidrV4: '10.40.0.0/14', serviceCidrV4: '10.41.0.0/16' } });
    expect(errorIds(result)).toEqual([['addressing.serviceCidrV4', 'cidrOverlap']]);
    if (result.ok) return;
    expect(parseAnswers(result.partial).ok).toBe(true);
  });

  it('reports unknown keys in the failed case too', () => {
    const r = parseAnswers({ bogus: true, nodes: { underlayMtu: 1 } });
    expect(r).toMatchObject({ ok: false, dropped: ['bogus'] });
  });

  it('never touches Object.prototype', () => {
    const r = parseAnswers(
      JSON.parse(
        '{"__proto__": {"polluted": 1}, "cluster": {"__proto__": {"polluted": 2}, "constructor": {"prototype": {"polluted": 3}}}}',
      ),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r).toMatchObject({ ok: true, dropped: ['__proto__', 'cluster.__proto__', 'cluster.constructor'] });
  });

  it('survives hostile objects (throwing getters, proxies)', () => {
    const hostile = {
      get cluster(): unknown {
        throw new Error('boom');
      },
    };
    expect(parseAnswers(hostile)).toMatchObject({ ok: false, errors: [{ field: '', messageId: 'internalError' }] });
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    expect(() => parseAnswers(proxy)).not.toThrow();
  });

  it('survives deep nesting without walking it', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { cluster: deep };
    expect(parseAnswers(deep)).toMatchObject({ ok: true, dropped: ['cluster.cluster'] });
  });
});

describe('examples are placeholders: the Multus and SR-IOV fields a user must type', () => {
  const errorsOf = (input: unknown) => {
    const r = parseAnswers(input);
    return r.ok ? [] : r.errors.map((e) => [e.field, e.messageId, e.message]);
  };

  it('start empty and are required once Multus or SR-IOV uses them, in the wizard words', () => {
    expect(errorsOf({ extras: { mode: 'multus' } })).toEqual([
      [
        'extras.secondary.master',
        'required',
        'Host interface for the secondary network is required with a Multus secondary network.',
      ],
      [
        'extras.secondary.subnet',
        'required',
        'Secondary subnet is required with host-local, whereabouts or static address management.',
      ],
    ]);
    expect(errorsOf({ extras: { mode: 'sriov' } }).map((e) => e[0])).toEqual([
      'extras.secondary.subnet',
      'extras.sriov.pfNames',
    ]);
    // DHCP needs no subnet; the range and gateway are optional.
    expect(errorsOf({ extras: { mode: 'multus', secondary: { master: 'eth1', ipam: 'dhcp' } } })).toEqual([]);
    expect(errorsOf({ extras: { mode: 'multus', secondary: { master: 'eth1', subnet: '192.168.100.0/24' } } })).toEqual(
      [],
    );
    // Unused, they may stay empty.
    expect(errorsOf({})).toEqual([]);
    expect(missingRequired(defaultAnswers())).toEqual([]);
  });

  it('static IPAM needs the example pod address and its subnet, and checks it against the subnet', () => {
    const staticNet = (secondary: Record<string, string>) => ({
      extras: { mode: 'multus', secondary: { master: 'eth1', ipam: 'static', ...secondary } },
    });
    expect(errorsOf(staticNet({})).map((e) => e.slice(0, 2))).toEqual([
      ['extras.secondary.subnet', 'required'],
      ['extras.secondary.rangeStart', 'required'],
    ]);
    expect(errorsOf(staticNet({ subnet: '10.10.0.0/24', rangeStart: '10.10.1.5' })).map((e) => e[1])).toEqual([
      'addressOutsideSubnet',
    ]);
    expect(errorsOf(staticNet({ subnet: '10.10.0.0/24', rangeStart: '10.10.0.5' }))).toEqual([]);
    // The range end and gateway are not used with static IPAM: an old value there is not checked.
    expect(errorsOf(staticNet({ subnet: '10.10.0.0/24', rangeStart: '10.10.0.5', gateway: '192.168.100.1' }))).toEqual(
      [],
    );
  });

  it('keeps answers saved with the old example values: they are answers like any other', () => {
    const old = {
      extras: {
        mode: 'multus',
        secondary: {
          master: 'eth1',
          subnet: '192.168.100.0/24',
          rangeStart: '192.168.100.10',
          rangeEnd: '192.168.100.200',
          gateway: '192.168.100.1',
        },
        sriov: { pfNames: 'ens1f0' },
      },
    };
    const a = expectOk(parseAnswers(old));
    expect(a.extras.secondary).toMatchObject(old.extras.secondary);
    expect(a.extras.sriov.pfNames).toBe('ens1f0');
  });

  it('missingRequired lists what a change would leave empty (a fix must never need it)', () => {
    const a = defaultAnswers();
    a.extras.mode = 'sriov';
    expect(missingRequired(a)).toEqual(['extras.secondary.subnet', 'extras.sriov.pfNames']);
    a.extras.mode = 'multus';
    a.extras.secondary.ipam = 'static';
    expect(missingRequired(a)).toEqual([
      'extras.secondary.master',
      'extras.secondary.subnet',
      'extras.secondary.rangeStart',
    ]);
    a.addressing.ipFamily = 'dual';
    expect(missingRequired(a).slice(0, 2)).toEqual(['addressing.clusterCidrV6', 'addressing.serviceCidrV6']);
  });
});

describe('isFieldRelevant', () => {
  it('follows the IP family, extras mode, IPAM and BGP switch', () => {
    const a = defaultAnswers();
    expect(isFieldRelevant('addressing.clusterCidrV4', a)).toBe(true);
    expect(isFieldRelevant('addressing.clusterCidrV6', a)).toBe(false);
    expect(isFieldRelevant('extras.secondary.subnet', a)).toBe(false);
    a.addressing.ipFamily = 'ipv6';
    a.extras.mode = 'sriov';
    expect(isFieldRelevant('addressing.clusterCidrV4', a)).toBe(false);
    expect(isFieldRelevant('addressing.serviceCidrV6', a)).toBe(true);
    expect(isFieldRelevant('extras.secondary.subnet', a)).toBe(true);
    expect(isFieldRelevant('extras.secondary.master', a)).toBe(false);
    a.extras.secondary.ipam = 'dhcp';
    expect(isFieldRelevant('extras.secondary.subnet', a)).toBe(false);
    expect(isFieldRelevant('performance.bgp.peerAddress', a)).toBe(false);
  });
});

/** Answer-shaped input: mostly sensible values, sometimes junk, sometimes missing. */
const leafValue = (path: AnswerPath): fc.Arbitrary<unknown> => {
  const spec = ANSWER_FIELDS[path];
  const junk = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.jsonValue({ maxDepth: 1 }),
  );
  const good = (() => {
    switch (spec.kind) {
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return fc.oneof(
          fc.integer({ min: spec.min, max: spec.max }),
          fc.integer({ min: spec.min, max: spec.max }).map(String),
        );
      case 'enum':
        return fc.constantFrom(...spec.values);
      case 'text':
        return fc.constantFrom(
          String(readPath(defaultAnswers(), path)),
          '',
          '10.44.0.0/16',
          '10.43.0.0/16',
          '2001:cafe:44::/56',
          '2001:cafe:43::/112',
          '192.168.100.50',
          '10.0.0.1',
          'eth0',
          'v1.33.6+rke2r1',
          '5.4',
          'ens1f0,ens1f1',
          'net-a',
        );
    }
  })();
  return fc.option(fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: junk }), { nil: undefined });
};

const answerShaped: fc.Arbitrary<Record<string, unknown>> = fc
  .record(Object.fromEntries(ANSWER_PATHS.map((p) => [p, leafValue(p)])) as Record<AnswerPath, fc.Arbitrary<unknown>>)
  .map((flat) => {
    const root: Record<string, unknown> = {};
    for (const [path, value] of Object.entries(flat)) {
      if (value === undefined) continue;
      const keys = path.split('.');
      let node = root;
      for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
      node[keys[keys.length - 1]!] = value;
    }
    return root;
  });

describe('parseAnswers: properties', () => {
  const invariant = (input: unknown) => {
    const r = parseAnswers(input);
    if (r.ok) {
      // ok answers are a fixed point: parsing them again changes nothing.
      expect(parseAnswers(r.answers)).toEqual({ ok: true, answers: r.answers, dropped: [] });
    } else {
      expect(r.errors.length).toBeGreaterThan(0);
      for (const e of r.errors) expect(ANSWER_MESSAGE_IDS).toContain(e.messageId);
      expect(parseAnswers(r.partial).ok).toBe(true);
    }
  };

  it('never throws on arbitrary JSON, and a failed parse always has a partial that parses', () => {
    fc.assert(fc.property(fc.jsonValue(), invariant), { numRuns: 1000 });
  }, 60_000);

  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withObjectString: true,
          withNullPrototype: true,
          withMap: true,
          withSet: true,
          withBigInt: true,
          withDate: true,
          withTypedArray: true,
          withSparseArray: true,
          withBoxedValues: true,
        }),
        invariant,
      ),
      { numRuns: 1000 },
    );
  }, 60_000);

  it('holds on answer-shaped input, where most fields are sensible', () => {
    fc.assert(fc.property(answerShaped, invariant), { numRuns: 1000 });
  }, 60_000);
});
