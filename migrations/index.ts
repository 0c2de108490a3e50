// Every migration, in order. `npm run migration:generate` prints the line to add here; a test
// checks that no file in this folder is missing from the list.
import { NetworkSchema1763920000000 } from './1763920000000-NetworkSchema.js';
import { PlacementSchema1763920100000 } from './1763920100000-PlacementSchema.js';
import { ReferralSchema1763920200000 } from './1763920200000-ReferralSchema.js';
import { FlowSchema1763920300000 } from './1763920300000-FlowSchema.js';
import { RetentionSchema1763920400000 } from './1763920400000-RetentionSchema.js';
import { ShelterSecrets1763920500000 } from './1763920500000-ShelterSecrets.js';
import { FreeTextRetention1763920600000 } from './1763920600000-FreeTextRetention.js';
import { DistancePreference1763920700000 } from './1763920700000-DistancePreference.js';
import { WaitingStatus1763920800000 } from './1763920800000-WaitingStatus.js';
import { WaitingList1763920810000 } from './1763920810000-WaitingList.js';
import { PageIndexes1764700000000 } from './1764700000000-PageIndexes.js';
import { RateLimitSchema1764800000000 } from './1764800000000-RateLimitSchema.js';
import { TransferStayIndex1764800200000 } from './1764800200000-TransferStayIndex.js';
import { WaitingListFlows1764800300000 } from './1764800300000-WaitingListFlows.js';
import { SecretsSearchPath1764800400000 } from './1764800400000-SecretsSearchPath.js';
import { FlowAggregates1764900000000 } from './1764900000000-FlowAggregates.js';
import { RegionLocalityExtent1764950000000 } from './1764950000000-RegionLocalityExtent.js';
import { FlowPercentileFloats1765000000000 } from './1765000000000-FlowPercentileFloats.js';
import { ReadinessClearedMarkedIndex1765000100000 } from './1765000100000-ReadinessClearedMarkedIndex.js';
import { FlowValueBins1765100000000 } from './1765100000000-FlowValueBins.js';
import { FlowCountMonths1765100100000 } from './1765100100000-FlowCountMonths.js';
import { PlaceFreeShelterIndex1765200100000 } from './1765200100000-PlaceFreeShelterIndex.js';

export const migrations = [
  NetworkSchema1763920000000,
  PlacementSchema1763920100000,
  ReferralSchema1763920200000,
  FlowSchema1763920300000,
  RetentionSchema1763920400000,
  ShelterSecrets1763920500000,
  FreeTextRetention1763920600000,
  DistancePreference1763920700000,
  WaitingStatus1763920800000,
  WaitingList1763920810000,
  PageIndexes1764700000000,
  RateLimitSchema1764800000000,
  TransferStayIndex1764800200000,
  WaitingListFlows1764800300000,
  SecretsSearchPath1764800400000,
  FlowAggregates1764900000000,
  RegionLocalityExtent1764950000000,
  FlowPercentileFloats1765000000000,
  ReadinessClearedMarkedIndex1765000100000,
  FlowValueBins1765100000000,
  FlowCountMonths1765100100000,
  PlaceFreeShelterIndex1765200100000,
];
