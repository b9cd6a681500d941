package ma.amo.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import ma.amo.shared.Viewer.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of the pages: French unless the person chose Arabic ({@code ?lang=ar}, kept a year in a cookie). The
 * browser's own language is not followed: the interface is French first, as the payer bodies' forms are.
 */
@Configuration
class WebSetup implements WebMvcConfigurer {

	static final Locale FRENCH = Locale.FRENCH;
	static final Locale ARABIC = Locale.forLanguageTag("ar");
	static final List<Locale> LANGUAGES = List.of(FRENCH, ARABIC);

	/**
	 * The pages' texts: every bundle in {@code i18n/} (one per area: {@code i18n/agents.properties} in French,
	 * {@code i18n/agents_ar.properties} in Arabic), found on the class path so that an area adds its own without
	 * touching a shared list. A key no bundle has shows as the key, never as an error page.
	 */
	@Bean
	MessageSource messageSource() throws IOException {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setUseCodeAsDefaultMessage(true);
		source.setBasenames(bundles());
		return source;
	}

	private static String[] bundles() throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
		return Arrays.stream(files).map(Resource::getFilename).filter(name -> name != null && !name.contains("_"))
			.map(name -> "i18n/" + name.substring(0, name.length() - ".properties".length())).distinct().sorted()
			.toArray(String[]::new);
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("amo-langue");
		resolver.setDefaultLocale(FRENCH);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSecure(false);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		// Any other value (a forged ?lang=xx) is ignored: the page stays in the language it was.
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(new LanguageGuard(change));
	}

	@Bean
	MenuSection shellMenu() {
		return MenuSection.of(new MenuEntry("menu.home", "/", EnumSet.allOf(Role.class), 0),
				new MenuEntry("menu.complaint", "/reclamations/nouvelle", EnumSet.of(Role.MEMBER, Role.PROVIDER), 90));
	}
}
