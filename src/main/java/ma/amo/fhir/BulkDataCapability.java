package ma.amo.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceOperationComponent;

/**
 * Declares the beneficiary feed as FHIR Bulk Data in the CapabilityStatement HAPI builds from the providers: the
 * statement instantiates Bulk Data's, and the {@code $export} operations at system and Patient level point at Bulk
 * Data's OperationDefinitions rather than at ones of HAPI's making, so that a Bulk Data client recognises them.
 */
@Interceptor
class BulkDataCapability {

	static final String BULK_DATA = "http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data";
	static final String EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export";
	static final String PATIENT_EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export";

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	public void declare(IBaseConformance generated) {
		if (!(generated instanceof CapabilityStatement statement)) {
			return;
		}
		if (statement.getInstantiates().stream().noneMatch(i -> BULK_DATA.equals(i.getValue()))) {
			statement.addInstantiates(BULK_DATA);
		}
		CapabilityStatementRestComponent rest = statement.getRestFirstRep();
		operation(rest.getOperation(), "export", EXPORT);
		CapabilityStatementRestResourceComponent patient = rest.getResource().stream()
			.filter(r -> "Patient".equals(r.getType())).findFirst().orElseGet(() -> rest.addResource().setType("Patient"));
		operation(patient.getOperation(), "export", PATIENT_EXPORT);
	}

	/** The operation {@code name} of the list, with {@code definition}; added when HAPI did not list it. */
	private static void operation(java.util.List<CapabilityStatementRestResourceOperationComponent> operations,
			String name, String definition) {
		CapabilityStatementRestResourceOperationComponent found = operations.stream()
			.filter(o -> name.equals(o.getName())).findFirst().orElse(null);
		if (found == null) {
			found = new CapabilityStatementRestResourceOperationComponent().setName(name);
			operations.add(found);
		}
		found.setDefinition(definition);
	}
}
