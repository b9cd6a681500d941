package ma.amo.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderFirewallTest {

	@Test
	void printableTextAndTabsPassTheFirewallInAnyScript() {
		assertThat(SecuritySetup.printable("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjbGluaWMifQ.c2lnbmF0dXJl")).isTrue();
		assertThat(SecuritySetup.printable("text/html;\tq=0.9, */*")).isTrue();
		assertThat(SecuritySetup.printable("Hôpital Ibn Sina, الرباط")).isTrue();
		assertThat(SecuritySetup.printable("")).isTrue();
	}

	@Test
	void controlCharactersAndUnassignedCodePointsAreRefused() {
		for (String refused : new String[] { "a\u0000b", "line\r\nInjected: 1", "bell\u0007", "del\u007f", "c1\u0085",
				"unassigned\u0378" }) {
			assertThat(SecuritySetup.printable(refused)).as(refused.codePoints().boxed().toList().toString()).isFalse();
		}
	}
}
