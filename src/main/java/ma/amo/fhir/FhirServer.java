package ma.amo.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.context.api.AddProfileTagEnum;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.ETagSupportEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.time.Clock;

import ma.amo.enrolment.Eligibility;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HAPI's plain RESTful server at {@code /fhir/*}, beside Spring's dispatcher and behind the same security chain (the
 * access rules name {@code /fhir} paths like {@code /api} ones). Parsing is strict: an unknown element, a value of the
 * wrong type or format is refused, never dropped. Answers are JSON unless the client asks for XML.
 */
@Configuration(proxyBeanMethods = false)
class FhirServer {

	/** R4, strict: HAPI's lenient default would drop what it does not know and adjudicate a claim it half read. */
	@Bean
	FhirContext fhirContext() {
		FhirContext context = FhirContext.forR4();
		context.setParserErrorHandler(new StrictErrorHandler());
		return context;
	}

	@Bean
	ServletRegistrationBean<RestfulServer> fhirServlet(FhirContext context, List<IResourceProvider> resources,
			ClaimBatches batches, BulkExportProvider exports, Refusals refusals, Reads reads) {
		RestfulServer server = new RestfulServer(context);
		server.setResourceProviders(List.copyOf(resources));
		server.registerProvider(batches);
		server.registerProvider(exports);
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		// Hot-path costs nobody asks for: the resources are built per request and never versioned (no ETag to
		// compute), answers are compact unless _pretty=true, and no profile tag is added to every resource encoded.
		server.setETagSupport(ETagSupportEnum.DISABLED);
		server.setDefaultPrettyPrint(false);
		server.setAddProfileTag(AddProfileTagEnum.NEVER);
		server.setImplementationDescription("AMO platform: FHIR R4 interface for hospital, clinic and pharmacy systems");
		server.registerInterceptor(new ParameterGuard(context));
		server.registerInterceptor(new BulkDataCapability());
		server.registerInterceptor(refusals);
		server.registerInterceptor(reads);
		server.registerInterceptor(new ClaimBatchAnswers(context));
		ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
		registration.setName("fhir");
		registration.setLoadOnStartup(1);
		return registration;
	}

	/**
	 * Eligibility's fast path, after the security chain (its order is the lowest) and before HAPI's servlet, on the
	 * operation's URL alone.
	 */
	@Bean
	FilterRegistrationBean<CoverageEligibilityFastPath> coverageEligibilityFastPath(Eligibility eligibility, Reads reads,
			Clock clock, ProfileValidation profiles) {
		FilterRegistrationBean<CoverageEligibilityFastPath> registration = new FilterRegistrationBean<>(
				new CoverageEligibilityFastPath(eligibility, reads, clock, profiles));
		registration.addUrlPatterns(CoverageEligibilityFastPath.PATH);
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		registration.setName("coverageEligibilityFastPath");
		return registration;
	}

	@Bean
	Refusals refusals() {
		return new Refusals();
	}
}
