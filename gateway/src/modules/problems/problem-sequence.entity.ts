import { Column, Entity, PrimaryColumn } from "typeorm";

/** The last problem number handed out per site; its row lock serialises codes, as ticket_sequence does. */
@Entity("problem_sequence")
export class ProblemSequenceEntity {
  @PrimaryColumn("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column("int")
  last: number;
}
