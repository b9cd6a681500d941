/**
 * What every module may use: the database set-up (embedded PostgreSQL by default), bad-input errors reported as
 * RFC 9457 problem details, and small value types.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package ma.amo.shared;

import org.springframework.modulith.ApplicationModule;
