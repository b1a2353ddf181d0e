import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * Round-robin's place in one technician group: the agent given the group's last ticket. Read
 * and advanced under a row lock inside the intake transaction, so turns stay fair whichever
 * gateway takes the report.
 */
@Entity("assignment_pointer")
export class AssignmentPointerEntity {
  @PrimaryColumn("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @PrimaryColumn("varchar", { length: 36, name: "group_id" })
  groupId: string;

  @Column("varchar", { length: 36, name: "last_agent_id", nullable: true })
  lastAgentId: string | null;
}
