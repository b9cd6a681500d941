package ma.amo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import ma.amo.population.Person;
import ma.amo.population.Sex;
import ma.amo.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingIntegrationTest {

	private final Person person = new Person("7000012344", "AB123456", "Bennani", "Karim", "بناني", "كريم",
			LocalDate.of(1980, 3, 4), Sex.M, "Rabat", "Rabat", "Rabat-Salé-Kénitra", null);

	@Test
	void anIdcsOrACinWrittenInALogMessageIsMasked(CapturedOutput output) {
		LoggerFactory.getLogger("ma.amo.audit").warn("Eligibility asked for {} (CIN {})", "7000012344", "AB123456");

		assertThat(output.getOut()).contains("Eligibility asked for ********44 (CIN ***)")
			.doesNotContain("7000012344")
			.doesNotContain("AB123456");
	}

	@Test
	void aPersonLoggedByMistakeShowsNoNameNoCinAndNoBirthDate(CapturedOutput output) {
		LoggerFactory.getLogger("ma.amo.audit").warn("Read {}", person);

		assertThat(output.getOut()).contains("idcs=********44")
			.doesNotContain("Bennani")
			.doesNotContain("Karim")
			.doesNotContain("1980-03-04")
			.doesNotContain("AB123456");
	}

	@Test
	void masksOnlyWholeIdentifiers() {
		assertThat(Masking.text("registration 50000012345 on 2026-06-01 for 120.00 MAD, IDCS 7000012344"))
			.isEqualTo("registration 50000012345 on 2026-06-01 for 120.00 MAD, IDCS ********44");
		assertThat(Masking.idcs("7000012344")).isEqualTo("********44");
		assertThat(Masking.hidden("Diabète")).isEqualTo("***");
	}
}
