package ma.amo.shared;

/** The caller is known but the record is outside what their role and organisation may see: 403. */
public class AccessRefused extends RuntimeException {

	public AccessRefused(String what) {
		super(what);
	}
}
