package ma.amo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ma.amo.claims.ClaimPaid;
import ma.amo.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry of events keeps what it must deliver and forgets what was delivered: publications completed more than
 * a week ago are removed by the nightly purge, those completed since and those never completed stay, and these are
 * delivered again when the platform starts.
 */
@IntegrationTest
class CompletedEventsPurgeIntegrationTest {

	@Autowired
	CompletedEventsPurge purge;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Value("${spring.modulith.events.republish-outstanding-events-on-restart}")
	boolean republishedAtStart;

	@Value("${amo.events.completed-retention}")
	Duration retention;

	UUID publication(String batch, Instant published, Instant completed) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
				  completion_date, status, completion_attempts)
				values (?, 'ma.amo.claims.ClaimPaidFollower.on(ma.amo.claims.ClaimPaid)', ?, ?, ?, ?, ?, 1)""")
			.params(id, ClaimPaid.class.getName(), "{\"claimId\":-1,\"batchReference\":\"" + batch + "\"}",
					Timestamp.from(published), completed == null ? null : Timestamp.from(completed),
					completed == null ? "FAILED" : "COMPLETED")
			.update();
		return id;
	}

	List<UUID> kept(List<UUID> ids) {
		return jdbc.sql("select id from event_publication where id = any(?)").param(ids.toArray(UUID[]::new))
			.query(UUID.class).list();
	}

	@Test
	void publicationsCompletedMoreThanAWeekAgoAreRemovedAndTheOthersKept() {
		assertThat(retention).isEqualTo(Duration.ofDays(7));
		Instant now = clock.instant();
		String batch = "purge-" + UUID.randomUUID();
		UUID old = publication(batch, now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8)));
		UUID recent = publication(batch, now.minus(Duration.ofDays(6)), now.minus(Duration.ofDays(6)));
		UUID undelivered = publication(batch, now.minus(Duration.ofDays(30)), null);
		try {
			purge.run();
			assertThat(kept(List.of(old, recent, undelivered))).containsExactlyInAnyOrder(recent, undelivered);
		}
		finally {
			jdbc.sql("delete from event_publication where id = any(?)")
				.param(new UUID[] { old, recent, undelivered }).update();
		}
	}

	@Test
	void publicationsNotCompletedAreDeliveredAgainAtStart() {
		assertThat(republishedAtStart).isTrue();
	}
}
