package ma.amo.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;

import ma.amo.shared.Money;
import ma.amo.support.IntegrationTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class MedicineExcelIntegrationTest {

	@Autowired
	MedicineReferentials referentials;

	@Test
	void thePayersExcelFormatWithATitleRowAndNumericCellsIsImported() throws IOException {
		byte[] file;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("GMR");
			sheet.createRow(0).createCell(0).setCellValue("Guide des médicaments remboursables");
			String[] header = { "CODE", "NOM", "DCI1", "DOSAGE1", "UNITE_DOSAGE1", "FORME", "PRESENTATION", "PPV", "PH",
					"PRIX_BR", "PRINCEPS_GENERIQUE", "TAUX_REMBOURSEMENT" };
			Row head = sheet.createRow(2);
			for (int i = 0; i < header.length; i++) {
				head.createCell(i).setCellValue(header[i]);
			}
			Object[][] rows = { { "6118000080435", "GENTAMEN 160", "GENTAMICINE", 160, "MG", "SOLUTION INJECTABLE",
					"1 BOITE 6 AMPOULE INJECTABLE", 125.0, 80.0, 119.8, "P", "70%" },
					{ "6118000031505", "GENTOSYL", "GENTAMICINE", 160, "MG", "SOLUTION INJECTABLE",
							"1 BOITE 6 AMPOULE INJECTABLE", 132.2, null, 132.2, "G", "70%" } };
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(3 + r);
				for (int c = 0; c < rows[r].length; c++) {
					Object value = rows[r][c];
					if (value instanceof Number number) {
						row.createCell(c).setCellValue(number.doubleValue());
					}
					else if (value != null) {
						row.createCell(c).setCellValue((String) value);
					}
				}
			}
			workbook.write(out);
			file = out.toByteArray();
		}
		var proposal = referentials.propose(new ByteArrayInputStream(file), true, "gmr.xlsx", LocalDate.of(2050, 1, 1),
				"agent.maker");
		assertThat(proposal.rejected()).isEmpty();
		assertThat(proposal.referential().medicines()).isEqualTo(2);
		referentials.decide(proposal.referential().id(), "agent.checker", true);
		MedicineBase base = referentials.base("6118000080435", "CNOPS", LocalDate.of(2050, 1, 1));
		assertThat(base.medicine().dosage()).isEqualTo("160 MG");
		assertThat(base.medicine().ph()).isEqualTo(Money.of("80.00"));
		assertThat(base.base()).isEqualTo(Money.of("132.20"));
	}
}
