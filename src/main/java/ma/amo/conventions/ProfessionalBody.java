package ma.amo.conventions;

import java.util.EnumSet;
import java.util.Set;

import ma.amo.providers.Profession;

/** The professional bodies that sign conventions with the payer bodies, and the professions whose members adhere. */
public enum ProfessionalBody {
	PHYSICIANS_ORDER("Ordre national des médecins",
			EnumSet.of(Profession.GENERAL_PRACTITIONER, Profession.SPECIALIST, Profession.RADIOLOGIST)),
	DENTISTS_ORDER("Ordre national des médecins dentistes", EnumSet.of(Profession.DENTIST)),
	PHARMACISTS_FEDERATION("Fédération nationale des pharmaciens", EnumSet.of(Profession.PHARMACIST)),
	BIOLOGISTS_FEDERATION("Fédération des biologistes médicaux", EnumSet.of(Profession.BIOLOGIST)),
	PARAMEDICAL_FEDERATION("Fédération des professions paramédicales", EnumSet.of(Profession.PHYSIOTHERAPIST,
			Profession.NURSE, Profession.MIDWIFE, Profession.SPEECH_THERAPIST, Profession.ORTHOPTIST, Profession.OPTICIAN));

	private final String french;
	private final Set<Profession> members;

	ProfessionalBody(String french, Set<Profession> members) {
		this.french = french;
		this.members = members;
	}

	public String french() {
		return french;
	}

	/** Whether a professional of this profession adheres through this body. */
	public boolean represents(Profession profession) {
		return members.contains(profession);
	}
}
