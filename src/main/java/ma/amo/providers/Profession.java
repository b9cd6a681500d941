package ma.amo.providers;

/** Health professions known to the directory; a specialist also has a specialty. */
public enum Profession {
	GENERAL_PRACTITIONER, SPECIALIST, DENTIST, PHARMACIST, PHYSIOTHERAPIST, NURSE, MIDWIFE, SPEECH_THERAPIST,
	ORTHOPTIST, BIOLOGIST, RADIOLOGIST, OPTICIAN
}
