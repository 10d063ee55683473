export { PROVIDER_IDS, PROVIDER_PROFILES, getProviderProfile, resolveProviderBaseUrl, type ProviderId, type ProviderProfile } from './provider-profiles.js';
export { adaptRequest } from './adapt-request.js';
