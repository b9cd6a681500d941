package ma.amo.population;

/**
 * A register extract or a household file was imported and committed: modules that follow the registers (the targeting
 * of Tadamon) react to it. Published once per completed job; a listener may receive it again after a crash, so it
 * acts once per job.
 *
 * @param importJobId the job, whose rows carry its id in the register tables
 * @param kind what was imported
 * @param rowsChanged rows inserted or updated (zero when the file repeated what the register holds)
 */
public record RegisterImported(long importJobId, ImportKind kind, long rowsChanged) {
}
