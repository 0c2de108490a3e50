import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'region' })
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Stable short code, e.g. `amsterdam`; the data file is keyed on it. */
  @Column({ type: 'text', unique: true }) code: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'centre_municipality', type: 'text' }) centreMunicipality: string;
  @Column({ name: 'municipality_code', type: 'text', nullable: true }) municipalityCode: string | null;
  @Column({ type: 'double precision' }) latitude: number;
  @Column({ type: 'double precision' }) longitude: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
