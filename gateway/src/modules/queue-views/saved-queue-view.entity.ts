import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { TIMESTAMP } from "../../db/columns.js";
import type { SavedFilter } from "./saved-filter.js";

/** A queue view an agent saved under a name: their filters, shown beside the built-in views. */
@Entity("saved_queue_view")
// One agent's views in the order they were saved; names compare by queue-views.rules' key.
@Index("ix_saved_queue_view_agent", ["agentId", "createdAt"])
@Index("uq_saved_queue_view_name", ["agentId", "nameKey"], { unique: true })
export class SavedQueueViewEntity {
  @PrimaryColumn("varchar", { length: 36 })
  id: string;

  @Column("varchar", { length: 36, name: "site_id" })
  siteId: string;

  @Column("varchar", { length: 36, name: "agent_id" })
  agentId: string;

  @Column("varchar", { length: 60 })
  name: string;

  /** The name as uniqueness sees it (case and accents ignored), so both databases refuse the same clash. */
  @Column("varchar", { length: 60, name: "name_key" })
  nameKey: string;

  @Column("simple-json")
  filter: SavedFilter;

  @Column({ ...TIMESTAMP, name: "created_at" })
  createdAt: Date;
}
