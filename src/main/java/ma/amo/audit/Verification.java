package ma.amo.audit;

/**
 * The result of checking the chain: how many lines were checked and, when the chain is broken, the first line that
 * does not match (edited, or following a removed line) and why. The head, the last line's number and its seal (the
 * keyed HMAC of {@link ChainHash}), is given so that it can be kept outside the database (a DPO's report, a signed
 * note): lines removed from the end of the chain leave no gap, only a head older than the one noted, and a head noted
 * earlier must still be found, unchanged, at its number.
 */
public record Verification(boolean intact, long checked, Long brokenAt, String problem, long lastSeq,
		String lastHash) {

	/** The same verification, the chain found broken at {@code seq}. */
	Verification brokenAt(long seq, String why) {
		return new Verification(false, checked, seq, why, lastSeq, lastHash);
	}
}
