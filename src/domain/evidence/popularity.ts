import { SOURCES, type Source } from '../sources';

/**
 * GitHub figures as printed by the Rancher CNI FAQ ("CNI Community Popularity"), which says
 * "This data was collected in January 2022". No newer figures are in our sources, so none are shown:
 * popularity is context, never a reason.
 */
export interface PopularityFigure {
  cni: 'canal' | 'flannel' | 'calico' | 'weave' | 'cilium';
  project: string;
  stars: string;
  forks: string;
  contributors: number;
}

export const POPULARITY = {
  collected: 'January 2022',
  source: SOURCES.rancherCniFaqPopularity as Source,
  figures: [
    { cni: 'canal', project: 'https://github.com/projectcalico/canal', stars: '679', forks: '100', contributors: 21 },
    { cni: 'flannel', project: 'https://github.com/flannel-io/flannel', stars: '7k', forks: '2.5k', contributors: 185 },
    {
      cni: 'calico',
      project: 'https://github.com/projectcalico/calico',
      stars: '3.1k',
      forks: '741',
      contributors: 224,
    },
    { cni: 'weave', project: 'https://github.com/weaveworks/weave/', stars: '6.2k', forks: '635', contributors: 84 },
    { cni: 'cilium', project: 'https://github.com/cilium/cilium', stars: '10.6k', forks: '1.3k', contributors: 352 },
  ] satisfies PopularityFigure[] as readonly PopularityFigure[],
} as const;
