import type { Source } from '../sources';

/** Cilium's versioned system requirements page, e.g. https://docs.cilium.io/en/v1.13/operations/system_requirements/ */
export function ciliumRequirementsSource(minor: number): Source {
  return {
    title: `Cilium 1.${minor} docs: System requirements`,
    url: `https://docs.cilium.io/en/v1.${minor}/operations/system_requirements/`,
  };
}
