package ma.amo.audit.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AuditWebConfiguration implements WebMvcConfigurer {

	private final AuditedAnswers answers;

	AuditWebConfiguration(AuditedAnswers answers) {
		this.answers = answers;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(answers).addPathPatterns("/api/**");
	}
}
