package ma.amo.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST endpoint that returns or changes a person's data: each successful answer leaves one audit entry per
 * record it names, with the caller (the request's principal, {@code anonymous} without one) and the purpose (header
 * {@code X-Purpose}, else {@link #purpose()}).
 * <p>
 * The record ids come from the answer when {@link #returned()} is given (a dotted path of record accessors, applied
 * to each element of a list or page), so that a search by CIN is recorded under the IDCS actually returned;
 * otherwise from the path variable or request parameter named by {@link #id()}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

	/** The kind of record, e.g. {@code PERSON}, {@code MEMBER}, {@code CLAIM}. */
	String record();

	/** The path variable or request parameter that holds the record's id. */
	String id() default "";

	/** The path of the record's id in the answer, e.g. {@code idcs} or {@code member.registrationNumber}. */
	String returned() default "";

	AuditEntry.Action action() default AuditEntry.Action.READ;

	/** The purpose recorded when the request does not state one, e.g. {@code ELIGIBILITY_CHECK}. */
	String purpose();
}
