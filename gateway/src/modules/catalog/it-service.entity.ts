import { Column, Entity, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";
import { TicketType } from "../tickets/ticket.enums.js";

/**
 * An IT service of the site's catalogue that incidents affect (seed 002, table 1). Its names and
 * help texts are catalog_text rows, one per language.
 */
@Entity("it_service")
export class ItServiceEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  /** Order in the form's and the desk's lists, lowest first. */
  @Column("int", { default: 0 })
  position: number;

  /** The type of ticket a report under it opens. */
  @Column("varchar", { length: 16, name: "ticket_type", default: TicketType.INCIDENT })
  ticketType: TicketType;

  /**
   * Whether a request under it waits for approval: kept in step with its service_approval steps
   * by approvals/ in the same transaction, so intake learns it from the row it already reads.
   */
  @Column("boolean", { name: "needs_approval", default: false })
  needsApproval: boolean;

  /** When an admin retired it: gone from the pickers, still named on old tickets. */
  @Column({ ...TIMESTAMP, name: "retired_at", nullable: true })
  retiredAt: Date | null;
}
