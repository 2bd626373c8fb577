// DICOM attributes that identify a patient, clinician, institution or device: the attributes of
// the PS3.15 Annex E basic application level confidentiality profile most often filled in by
// modalities and PACS exports. Private tags (odd groups) are reported as one field: their
// content is unknown and often holds names.
import type { FieldCategory, IdentifyingField } from '../types';
import type { DicomDataSet } from './read-dicom';

const TAGS: Array<[string, string, FieldCategory]> = [
  ['00100010', 'PatientName', 'name'], ['00100020', 'PatientID', 'id'], ['00100021', 'IssuerOfPatientID', 'institution'],
  ['00100030', 'PatientBirthDate', 'date'], ['00100032', 'PatientBirthTime', 'date'], ['00100040', 'PatientSex', 'other'],
  ['00101000', 'OtherPatientIDs', 'id'], ['00101001', 'OtherPatientNames', 'name'], ['00101005', 'PatientBirthName', 'name'],
  ['00101010', 'PatientAge', 'other'], ['00101040', 'PatientAddress', 'address'], ['00101060', 'PatientMotherBirthName', 'name'],
  ['00102154', 'PatientTelephoneNumbers', 'address'], ['00102160', 'EthnicGroup', 'other'], ['00104000', 'PatientComments', 'free-text'],
  ['00080020', 'StudyDate', 'date'], ['00080021', 'SeriesDate', 'date'], ['00080022', 'AcquisitionDate', 'date'], ['00080023', 'ContentDate', 'date'],
  ['00080050', 'AccessionNumber', 'id'], ['00080080', 'InstitutionName', 'institution'], ['00080081', 'InstitutionAddress', 'address'],
  ['00080090', 'ReferringPhysicianName', 'name'], ['00080092', 'ReferringPhysicianAddress', 'address'],
  ['00080094', 'ReferringPhysicianTelephoneNumbers', 'address'], ['00081010', 'StationName', 'device'],
  ['00081040', 'InstitutionalDepartmentName', 'institution'], ['00081048', 'PhysiciansOfRecord', 'name'],
  ['00081050', 'PerformingPhysicianName', 'name'], ['00081060', 'NameOfPhysiciansReadingStudy', 'name'],
  ['00081070', 'OperatorsName', 'name'], ['00081030', 'StudyDescription', 'free-text'], ['0008103E', 'SeriesDescription', 'free-text'],
  ['00181000', 'DeviceSerialNumber', 'device'], ['00181030', 'ProtocolName', 'free-text'], ['00200010', 'StudyID', 'id'],
  ['0020000D', 'StudyInstanceUID', 'id'], ['0020000E', 'SeriesInstanceUID', 'id'], ['00080018', 'SOPInstanceUID', 'id'],
  ['00204000', 'ImageComments', 'free-text'], ['00321032', 'RequestingPhysician', 'name'], ['00400006', 'ScheduledPerformingPhysicianName', 'name'],
  ['00402016', 'PlacerOrderNumberImagingServiceRequest', 'id'], ['00402017', 'FillerOrderNumberImagingServiceRequest', 'id'],
  ['00380010', 'AdmissionID', 'id'], ['00380300', 'CurrentPatientLocation', 'address'], ['00380400', 'PatientInstitutionResidence', 'address'],
  ['00400275', 'RequestAttributesSequence', 'id'], ['0040A730', 'ContentSequence', 'free-text'],
  ['00020016', 'SourceApplicationEntityTitle', 'device'], ['00081155', 'ReferencedSOPInstanceUID', 'id'],
];

const BY_TAG = new Map(TAGS.map(([tag, name, category]) => [`x${tag.toLowerCase()}`, { name, category }]));

function tagLabel(tag: string): string {
  return `(${tag.slice(1, 5).toUpperCase()},${tag.slice(5, 9).toUpperCase()})`;
}

/** Walks the data set and its sequences; reports a field once per place, and never its value. */
export function dicomFields(dataSet: DicomDataSet): IdentifyingField[] {
  const out: IdentifyingField[] = [];
  const seen = new Set<string>();
  let privateCount = 0;
  const visit = (set: DicomDataSet, inside: string, depth: number): void => {
    for (const [tag, element] of Object.entries(set.elements)) {
      const group = parseInt(tag.slice(1, 5), 16);
      if (group % 2 === 1 && group > 8) { privateCount++; continue; }
      const known = BY_TAG.get(tag);
      if (known && element.length > 0) {
        const where = `DICOM ${tagLabel(tag)}${inside}`;
        if (!seen.has(where)) { seen.add(where); out.push({ field: known.name, where, category: known.category }); }
      }
      if (element.items && depth < 8) {
        for (const item of element.items) if (item.dataSet) visit(item.dataSet, `${inside} in ${tagLabel(tag)}`, depth + 1);
      }
    }
  };
  visit(dataSet, '', 0);
  if (privateCount > 0) out.push({ field: `Private tags (${privateCount})`, where: 'DICOM odd-numbered groups', category: 'other' });
  if ((dataSet.string('x00280301') ?? '').trim().toUpperCase() === 'YES') {
    out.push({ field: 'BurnedInAnnotation', where: 'DICOM (0028,0301): text is drawn into the pixels', category: 'free-text' });
  }
  return out;
}
