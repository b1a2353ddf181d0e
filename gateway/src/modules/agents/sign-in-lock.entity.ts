import { Column, Entity, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";

/** Failed password sign-ins of one address of a site (agent or not): see sign-in.rules.ts. */
@Entity("sign_in_lock")
export class SignInLockEntity {
  @PrimaryColumn("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @PrimaryColumn("varchar", { length: 254 })
  email: string;

  @Column("int")
  failures: number;

  @Column({ ...TIMESTAMP, name: "window_started_at", nullable: true })
  windowStartedAt: Date | null;

  @Column({ ...TIMESTAMP, name: "locked_until", nullable: true })
  lockedUntil: Date | null;
}
