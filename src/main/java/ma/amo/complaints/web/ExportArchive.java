package ma.amo.complaints.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import de.siegmar.fastcsv.writer.CsvWriter;
import ma.amo.claims.ClaimsOfPerson;
import ma.amo.complaints.ComplainantView;
import ma.amo.complaints.PersonalDataExport;
import ma.amo.enrolment.RightsEvents;
import ma.amo.population.Person;
import tools.jackson.databind.json.JsonMapper;

/**
 * The personal data export as a zip: the whole export in JSON, and the parts people read in a spreadsheet (identity,
 * rights, care, declared salaries, complaints) as CSV with French headers.
 */
final class ExportArchive {

	private ExportArchive() {
	}

	static byte[] zip(PersonalDataExport.Export export, JsonMapper json) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
			entry(zip, "donnees.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(export));
			entry(zip, "identite.csv", identity(export.person()));
			entry(zip, "droits.csv", rights(export.rightsHistory()));
			entry(zip, "soins.csv", care(export.claims()));
			entry(zip, "salaires-declares.csv", salaries(export.memberships()));
			entry(zip, "reclamations.csv", complaints(export.complaints()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static String identity(Person p) {
		return csv(List.of("idcs", "cin", "nom", "prenom", "nom_ar", "prenom_ar", "date_naissance", "sexe", "commune",
				"province", "region", "date_deces"), List.of(List.of(p.idcs(), s(p.cin()), p.lastName(), p.firstName(),
						s(p.lastNameAr()), s(p.firstNameAr()), s(p.birthDate()), s(p.sex()), s(p.commune()), s(p.province()),
						s(p.region()), s(p.deathDate()))));
	}

	private static String rights(List<RightsEvents.Change> changes) {
		return csv(List.of("a_compter_du", "statut", "regle", "motif", "evenement", "date_evenement"),
				changes.stream().map(c -> List.of(s(c.validFrom()), s(c.status()), s(c.rule()), s(c.reason()),
						s(c.event().summary()), s(c.event().occurredOn()))).toList());
	}

	private static String care(List<ClaimsOfPerson.PatientClaim> claims) {
		List<List<String>> rows = new ArrayList<>();
		for (ClaimsOfPerson.PatientClaim c : claims) {
			for (ClaimsOfPerson.Line l : c.lines()) {
				rows.add(List.of(s(c.id()), s(c.careDate()), s(c.status()), s(c.executingInpe()), s(l.lineNo()),
						s(l.actCode()), s(l.medicineCode()), s(l.quantity()), s(l.billed()), s(l.outcome()), s(l.covered())));
			}
		}
		return csv(List.of("dossier", "date_soins", "statut", "inpe_executant", "ligne", "acte", "medicament", "quantite",
				"facture", "decision", "pris_en_charge"), rows);
	}

	private static String salaries(List<PersonalDataExport.Membership> memberships) {
		List<List<String>> rows = new ArrayList<>();
		for (PersonalDataExport.Membership m : memberships) {
			m.declaredSalaries().forEach(d -> rows.add(List.of(m.member().registrationNumber(), d.employer(),
					s(d.month()), s(d.days()), s(d.grossSalary().amount()))));
		}
		return csv(List.of("immatriculation", "employeur", "mois", "jours", "salaire_brut"), rows);
	}

	private static String complaints(List<ComplainantView> complaints) {
		return csv(List.of("reclamation", "deposee_le", "categorie", "objet", "statut", "repondue_le", "reponse"),
				complaints.stream().map(c -> List.of(s(c.id()), s(c.filedOn()), c.categoryLabel(), c.subject(),
						c.statusLabel(), s(c.answeredOn()), s(c.answer()))).toList());
	}

	private static String csv(List<String> header, List<List<String>> rows) {
		StringWriter out = new StringWriter();
		CsvWriter writer = CsvWriter.builder().build(out);
		writer.writeRecord(header);
		rows.forEach(writer::writeRecord);
		try {
			writer.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private static String s(Object value) {
		return value == null ? "" : value.toString();
	}
}
