/**
 * The audit trail of personal and medical data (loi 09-08): who read or changed which record, when and for which
 * purpose; append-only and chained by hashes so that an edited or deleted row is found, searched and exported by the
 * data-protection officer, purged after the retention period.
 */
@ApplicationModule(displayName = "Audit trail")
package ma.amo.audit;

import org.springframework.modulith.ApplicationModule;
