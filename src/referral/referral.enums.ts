import { registerEnumType } from '@nestjs/graphql';

export enum Urgency {
  IMMEDIATE = 'IMMEDIATE',
  WITHIN_24H = 'WITHIN_24H',
  PLANNED = 'PLANNED',
}

export enum RiskLevel {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  SEVERE = 'SEVERE',
}

export enum RequestStatus {
  OPEN = 'OPEN',
  CLAIMED = 'CLAIMED',
  ADMITTED = 'ADMITTED',
  NOT_ADMITTED = 'NOT_ADMITTED',
  CANCELLED = 'CANCELLED',
  ESCALATED = 'ESCALATED',
  WAITING = 'WAITING',
}

export enum DistancePreference {
  FAR = 'FAR',
  NEAR_MINIMUM = 'NEAR_MINIMUM',
}

export enum NotAdmittedReason {
  NO_CAPACITY = 'NO_CAPACITY',
  CLIENT_DECLINED = 'CLIENT_DECLINED',
  TOO_CLOSE_TO_PERPETRATOR = 'TOO_CLOSE_TO_PERPETRATOR',
  TOO_FAR = 'TOO_FAR',
  NEEDS_NOT_MET = 'NEEDS_NOT_MET',
  AMBULATORY_HELP_INSTEAD = 'AMBULATORY_HELP_INSTEAD',
  REFERRED_ELSEWHERE_FOR_SAFETY = 'REFERRED_ELSEWHERE_FOR_SAFETY',
  CONTACT_LOST = 'CONTACT_LOST',
  ONLY_NEEDS_A_ROOF = 'ONLY_NEEDS_A_ROOF',
  OTHER = 'OTHER',
}

registerEnumType(Urgency, {
  name: 'Urgency',
  valuesMap: {
    IMMEDIATE: { description: 'Now; an emergency bed is acceptable. Escalates after 15 minutes without a claim.' },
    WITHIN_24H: { description: 'Today. Escalates after 4 hours without a claim.' },
    PLANNED: { description: 'Planned; does not escalate by time.' },
  },
});
registerEnumType(RiskLevel, { name: 'RiskLevel', description: 'opvangnet\'s own scale; the instrument\'s score is kept as given.' });
registerEnumType(RequestStatus, {
  name: 'RequestStatus',
  valuesMap: { WAITING: { description: 'On the waiting list: offered the first fitting place that becomes free.' } },
});
registerEnumType(NotAdmittedReason, { name: 'NotAdmittedReason' });
registerEnumType(DistancePreference, {
  name: 'DistancePreference',
  description: 'At high risk only (HIGH/SEVERE, honour-related, perpetrator network): how far beyond the minimum distance to look first.',
  valuesMap: {
    FAR: { description: 'As far away as possible (default): the safety advice for high risk ("deliberately far").' },
    NEAR_MINIMUM: { description: 'Just beyond the minimum distance, e.g. to keep school or work within reach.' },
  },
});
