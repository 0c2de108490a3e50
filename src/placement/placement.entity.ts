import { registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PlaceCategory } from '../common/enums.js';

export enum ClaimStatus {
  HELD = 'HELD',
  ADMITTED = 'ADMITTED',
  RELEASED = 'RELEASED',
  EXPIRED = 'EXPIRED',
}

export enum OutflowBlocker {
  HOUSING = 'HOUSING',
  DEBTS = 'DEBTS',
  BENEFITS = 'BENEFITS',
  RESIDENCE_STATUS = 'RESIDENCE_STATUS',
  OTHER = 'OTHER',
}
registerEnumType(OutflowBlocker, { name: 'OutflowBlocker', description: 'Why a client ready to leave cannot leave yet.' });

export enum DischargeDestination {
  INDEPENDENT_HOUSING = 'INDEPENDENT_HOUSING',
  RETURN_HOME_SAFE = 'RETURN_HOME_SAFE',
  FAMILY_OR_NETWORK = 'FAMILY_OR_NETWORK',
  OTHER_SHELTER = 'OTHER_SHELTER',
  SOCIAL_SHELTER = 'SOCIAL_SHELTER',
  CARE_INSTITUTION = 'CARE_INSTITUTION',
  UNKNOWN = 'UNKNOWN',
  OTHER = 'OTHER',
}
registerEnumType(DischargeDestination, { name: 'DischargeDestination' });

export enum StayStatus {
  ACTIVE = 'ACTIVE',
  DISCHARGED = 'DISCHARGED',
}

/** Read model of a claim; every write goes through PlacementService's SQL transactions. */
@Entity({ name: 'claim' })
export class ClaimEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'enum', enum: ClaimStatus, enumName: 'claim_status' }) status: ClaimStatus;
  @Column({ name: 'shelter_id', type: 'uuid' }) shelterId: string;
  @Column({ name: 'household_size', type: 'int' }) householdSize: number;
  @Column({ type: 'int' }) beds: number;
  @Column({ name: 'request_id', type: 'uuid', nullable: true }) requestId: string | null;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'claimed_by', type: 'text' }) claimedBy: string;
  @Column({ name: 'claimed_by_role', type: 'text' }) claimedByRole: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ name: 'end_reason', type: 'text', nullable: true }) endReason: string | null;
}

@Entity({ name: 'stay' })
export class StayEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'claim_id', type: 'uuid' }) claimId: string;
  @Column({ type: 'enum', enum: StayStatus, enumName: 'stay_status' }) status: StayStatus;
  @Column({ name: 'shelter_id', type: 'uuid' }) shelterId: string;
  @Column({ name: 'region_id', type: 'uuid' }) regionId: string;
  @Column({ type: 'enum', enum: PlaceCategory, enumName: 'place_category' }) category: PlaceCategory;
  @Column({ name: 'origin_region_id', type: 'uuid' }) originRegionId: string;
  @Column({ name: 'referrer_type', type: 'text', nullable: true }) referrerType: string | null;
  @Column({ name: 'household_size', type: 'int' }) householdSize: number;
  @Column({ type: 'int' }) adults: number;
  @Column({ type: 'int' }) children: number;
  @Column({ name: 'admitted_at', type: 'timestamptz' }) admittedAt: Date;
  @Column({ name: 'admitted_by', type: 'text' }) admittedBy: string;
  @Column({ name: 'ready_for_outflow_at', type: 'timestamptz', nullable: true }) readyForOutflowAt: Date | null;
  @Column({ name: 'outflow_blockers', type: 'enum', enum: OutflowBlocker, enumName: 'outflow_blocker', array: true })
  outflowBlockers: OutflowBlocker[];
  @Column({ name: 'discharged_at', type: 'timestamptz', nullable: true }) dischargedAt: Date | null;
  @Column({ type: 'enum', enum: DischargeDestination, enumName: 'discharge_destination', nullable: true })
  destination: DischargeDestination | null;
  @Column({ name: 'discharge_note', type: 'text', nullable: true }) dischargeNote: string | null;
}
