import type { ProviderProfile } from './provider-profiles.js';

/**
 * A request as the provider accepts it: without `cache_control` markers when the server has no prompt
 * caching (a server that validates its fields rejects them). Pure; returns the same object when
 * nothing changes. Applied by the API client to every request it sends.
 */
export function adaptRequest<P extends object>(params: P, profile: Pick<ProviderProfile, 'promptCaching'>): P {
  if (profile.promptCaching) return params;
  const request = params as P & { system?: unknown; messages?: unknown; tools?: unknown };
  if (!hasCacheControl(request.system) && !hasCacheControl(request.messages) && !hasCacheControl(request.tools)) return params;
  return stripCacheControl(params) as P;
}

function hasCacheControl(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasCacheControl);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, inner]) => key === 'cache_control' || hasCacheControl(inner));
}

function stripCacheControl(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripCacheControl);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'cache_control').map(([key, inner]) => [key, stripCacheControl(inner)]));
}
