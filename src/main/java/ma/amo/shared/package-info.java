/**
 * What every module may use: the database set-up (embedded PostgreSQL by default), bad-input errors reported as
 * RFC 9457 problem details, small value types, the cipher of sensitive columns and the masking of personal data in
 * logs.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package ma.amo.shared;

import org.springframework.modulith.ApplicationModule;
