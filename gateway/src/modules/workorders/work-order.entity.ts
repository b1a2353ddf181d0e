import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";
import type { PaymentMethod, PaymentStatus } from "./work-order.rules.js";

/** A WORK_ORDER ticket's job record (seed 003): the technician's findings and the payment. One row a ticket, made on first use. */
@Entity("work_order")
// The recap's payment figures (recaps/work-order-figures.ts): payments recorded in a period.
@Index("ix_work_order_recap_paid", ["siteId", "paymentRecordedAt"])
export class WorkOrderEntity {
  @PrimaryColumn("varchar", { length: 36, name: "ticket_id" })
  ticketId: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column("text", { nullable: true })
  findings: string | null;

  @Column("varchar", { length: 12, name: "payment_status", default: "UNPAID" })
  paymentStatus: PaymentStatus;

  @Column("varchar", { length: 20, name: "payment_method", nullable: true })
  paymentMethod: PaymentMethod | null;

  /** Whole rupiah. */
  @Column("int", { name: "payment_amount", nullable: true })
  paymentAmount: number | null;

  @Column({ ...TIMESTAMP, name: "payment_recorded_at", nullable: true })
  paymentRecordedAt: Date | null;

  @Column({ ...TIMESTAMP, name: "updated_at" })
  updatedAt: Date;
}
