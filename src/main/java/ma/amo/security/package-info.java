/**
 * Security: the platform's users (password hash, role and scope, second factor for agents, lockout) and the
 * establishments' systems (OAuth2 client credentials issued by the platform, bound to an INPE), the access rules of
 * every endpoint by role, and the request limits (body size, rate per client).
 */
@ApplicationModule(displayName = "Security")
package ma.amo.security;

import org.springframework.modulith.ApplicationModule;
