import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PlaceCategory, Sex } from '../common/enums.js';

@Entity({ name: 'shelter' })
export class ShelterEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId: string;
  @Column({ name: 'region_id', type: 'uuid' }) regionId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'enum', enum: PlaceCategory, enumName: 'place_category', array: true }) categories: PlaceCategory[];
  @Column({ name: 'intake_phone', type: 'text' }) intakePhone: string;
  @Column({ name: 'admitted_sexes', type: 'enum', enum: Sex, enumName: 'sex', array: true }) admittedSexes: Sex[];
  @Column({ name: 'min_age', type: 'int' }) minAge: number;
  @Column({ name: 'max_age', type: 'int', nullable: true }) maxAge: number | null;
  @Column({ name: 'max_boy_age', type: 'int', nullable: true }) maxBoyAge: number | null;
  @Column({ name: 'wheelchair_accessible', type: 'boolean' }) wheelchairAccessible: boolean;
  @Column({ name: 'pets_allowed', type: 'boolean' }) petsAllowed: boolean;
  @Column({ type: 'text', array: true }) languages: string[];
  // The secret address, exact location and meeting instructions are not mapped: the service's
  // database role cannot read them; see network/shelter-secrets.ts.
  @Column({ name: 'locality_name', type: 'text' }) localityName: string;
  @Column({ name: 'locality_latitude', type: 'double precision' }) localityLatitude: number;
  @Column({ name: 'locality_longitude', type: 'double precision' }) localityLongitude: number;
  @Column({ name: 'status_confirmed_at', type: 'timestamptz' }) statusConfirmedAt: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
