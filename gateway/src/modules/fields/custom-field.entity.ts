import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";
import type { CustomFieldType, FieldChoice } from "./custom-field.rules.js";

/** One custom field a site asks reporters for (custom-field.rules says what a definition may hold). */
@Entity("custom_field")
@Index("uq_custom_field_key", ["siteId", "key"], { unique: true })
export class CustomFieldEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  /** Stable: stored on tickets' values and filtered on, so it never changes once saved. */
  @Column("varchar", { length: 40, name: "field_key" })
  key: string;

  @Column("varchar", { length: 16 })
  type: CustomFieldType;

  @Column("varchar", { length: 120, name: "label_id" })
  labelId: string;

  @Column("varchar", { length: 120, name: "label_en" })
  labelEn: string;

  @Column("varchar", { length: 500, name: "help_id", nullable: true })
  helpId: string | null;

  @Column("varchar", { length: 500, name: "help_en", nullable: true })
  helpEn: string | null;

  @Column("boolean")
  required: boolean;

  /** CHOICE and MULTI_CHOICE: the allowed values with their labels; [] otherwise. */
  @Column("simple-json")
  choices: FieldChoice[];

  @Column("int", { name: "max_length", nullable: true })
  maxLength: number | null;

  @Column("double", { name: "min_number", nullable: true })
  min: number | null;

  @Column("double", { name: "max_number", nullable: true })
  max: number | null;

  @Column("varchar", { length: 10, name: "min_date", nullable: true })
  minDate: string | null;

  @Column("varchar", { length: 10, name: "max_date", nullable: true })
  maxDate: string | null;

  /** The services it is asked for (JSON list); null: every report. */
  @Column("simple-json", { name: "service_ids", nullable: true })
  serviceIds: string[] | null;

  @Column("int")
  position: number;

  @Column("boolean")
  retired: boolean;

  @Column({ ...TIMESTAMP, name: "created_at" })
  createdAt: Date;
}
