import { registerEnumType } from '@nestjs/graphql';

export enum PlaceCategory {
  EMERGENCY = 'EMERGENCY',
  CRISIS = 'CRISIS',
  MEN = 'MEN',
  HONOUR_RELATED = 'HONOUR_RELATED',
  HUMAN_TRAFFICKING = 'HUMAN_TRAFFICKING',
  SAFE_HOUSE = 'SAFE_HOUSE',
  FOLLOW_ON = 'FOLLOW_ON',
}

export enum PlaceStatus {
  AVAILABLE = 'AVAILABLE',
  HELD = 'HELD',
  OCCUPIED = 'OCCUPIED',
  OUT_OF_SERVICE = 'OUT_OF_SERVICE',
}

export enum Sex {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  X = 'X',
}

export enum Role {
  INTAKE = 'INTAKE',
  REFERRER = 'REFERRER',
  MUNICIPALITY = 'MUNICIPALITY',
  COORDINATOR = 'COORDINATOR',
  ADMIN = 'ADMIN',
}

export enum ReferrerType {
  POLICE = 'POLICE',
  VEILIG_THUIS = 'VEILIG_THUIS',
  PUBLIC_PROSECUTOR = 'PUBLIC_PROSECUTOR',
  GGD = 'GGD',
  SHELTER = 'SHELTER',
  TRAFFICKING_COORDINATION = 'TRAFFICKING_COORDINATION',
  HONOUR_VIOLENCE_CENTRE = 'HONOUR_VIOLENCE_CENTRE',
}

registerEnumType(PlaceCategory, {
  name: 'PlaceCategory',
  description: 'Kind of shelter place (noodbed, crisisplaats, mannenopvang, ...).',
  valuesMap: {
    EMERGENCY: { description: 'Noodbed: immediate intake 24/7, average stay ~3 days.' },
    CRISIS: { description: 'Crisisplaats (nationally accessible): average stay 6-9 weeks.' },
    MEN: { description: 'Mannenopvang: male victims.' },
    HONOUR_RELATED: { description: 'Honour-related violence: secret location, young women and girls.' },
    HUMAN_TRAFFICKING: { description: 'Categorical shelter for victims of human trafficking.' },
    SAFE_HOUSE: { description: 'Safe House: constant serious threat; police co-decide admission.' },
    FOLLOW_ON: { description: 'Vervolgopvang: longer stay after crisis, towards independent living.' },
  },
});
registerEnumType(PlaceStatus, {
  name: 'PlaceStatus',
  description: 'A hold past its expiry reads as AVAILABLE, even before the sweep has run.',
});
registerEnumType(Sex, { name: 'Sex' });
registerEnumType(Role, { name: 'Role' });
registerEnumType(ReferrerType, { name: 'ReferrerType' });
