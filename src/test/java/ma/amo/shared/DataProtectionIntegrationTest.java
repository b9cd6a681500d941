package ma.amo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ma.amo.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class DataProtectionIntegrationTest {

	@Autowired
	FieldCipher cipher;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aSensitiveValueIsStoredEncryptedAndReadBackInClear() {
		String read = transactions.execute(status -> {
			jdbc.sql("create temporary table sensitive_note (id int primary key, note text) on commit drop").update();
			jdbc.sql("insert into sensitive_note values (1, ?)").param(cipher.encrypt("Cirrhose du foie, suivi mensuel"))
				.update();

			String stored = jdbc.sql("select note from sensitive_note where id = 1").query(String.class).single();
			assertThat(stored).doesNotContain("Cirrhose").startsWith("enc:k1:");
			return cipher.decrypt(stored);
		});

		assertThat(read).isEqualTo("Cirrhose du foie, suivi mensuel");
	}

	@Test
	void thePlatformRefusesToStartWithoutAValidKey() {
		ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(DataProtection.class);

		context.run(started -> assertThat(started).hasFailed());
		context.withPropertyValues("amo.data-protection.key=c2hvcnQ=")
			.run(started -> assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("32 bytes"));
		context.withPropertyValues("amo.data-protection.key=" + DataProtection.DEVELOPMENT_KEY)
			.run(started -> assertThat(started).hasSingleBean(FieldCipher.class));
	}
}
