package ma.amo.audit.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import ma.amo.audit.Audited;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/** Shows the {@code X-Purpose} header, and the default purpose, on every audited operation of the API description. */
@Component
class PurposeHeaderDocumentation implements OperationCustomizer {

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		Audited audited = handler.getMethodAnnotation(Audited.class);
		if (audited != null) {
			operation.addParametersItem(new HeaderParameter().name(AuditedAnswers.PURPOSE).required(false)
				.description("Why the data are read or changed (loi 09-08), recorded in the audit trail; default "
						+ audited.purpose())
				.schema(new StringSchema().pattern("[A-Z][A-Z0-9_]{1,63}")._default(audited.purpose())));
		}
		return operation;
	}
}
