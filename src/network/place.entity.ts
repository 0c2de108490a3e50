import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PlaceCategory, PlaceStatus } from '../common/enums.js';

/**
 * A unit one household can occupy. `status` is written only inside placement transactions;
 * `claimId`/`stayId` say who holds it and a CHECK constraint keeps them consistent with status.
 */
@Entity({ name: 'place' })
export class PlaceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'shelter_id', type: 'uuid' }) shelterId: string;
  @Column({ type: 'enum', enum: PlaceCategory, enumName: 'place_category' }) category: PlaceCategory;
  @Column({ type: 'text' }) label: string;
  @Column({ type: 'int' }) beds: number;
  @Column({ type: 'enum', enum: PlaceStatus, enumName: 'place_status' }) status: PlaceStatus;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'status_changed_at', type: 'timestamptz' }) statusChangedAt: Date;
  @Column({ name: 'national_reserve', type: 'boolean' }) nationalReserve: boolean;
  @Column({ name: 'out_of_service_reason', type: 'text', nullable: true }) outOfServiceReason: string | null;
  @Column({ name: 'claim_id', type: 'uuid', nullable: true }) claimId: string | null;
  @Column({ name: 'held_until', type: 'timestamptz', nullable: true }) heldUntil: Date | null;
  @Column({ name: 'stay_id', type: 'uuid', nullable: true }) stayId: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
