package ma.amo.audit;

/**
 * The result of checking the hash chain: how many lines were checked and, when the chain is broken, the first line
 * that does not match (edited, or following a removed line) and why. The last line's number and hash are given so
 * that they can be kept outside the database (a DPO's report, a signed note): lines removed from the end of the
 * chain leave no gap, only a head older than the one noted.
 */
public record Verification(boolean intact, long checked, Long brokenAt, String problem, long lastSeq,
		String lastHash) {
}
