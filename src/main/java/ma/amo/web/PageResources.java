package ma.amo.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The links of the pages to their style sheets and scripts go through Spring's resource chain (the web jars' paths
 * without their version), which wraps each answer to rewrite them. Only pages have such links: the REST API
 * ({@code /api/}) and the FHIR server ({@code /fhir/}) answer JSON, and wrapping every one of their answers was a
 * sixtieth of the eligibility path.
 */
@Configuration(proxyBeanMethods = false)
class PageResources {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> pageResourceUrls() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new PagesOnly());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	private static final class PagesOnly extends ResourceUrlEncodingFilter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String path = request instanceof HttpServletRequest http ? http.getRequestURI() : "";
			if (path.startsWith("/api/") || path.startsWith("/fhir/")) {
				chain.doFilter(request, response);
			}
			else {
				super.doFilter(request, response, chain);
			}
		}
	}
}
