import { Entity, Column, PrimaryColumn } from "typeorm";

/** One day off of a site's business calendar: a local date on which no shift starts. Holidays are data, not code. */
@Entity("site_holiday")
export class SiteHolidayEntity {
  @PrimaryColumn("varchar", { length: 36, name: "site_id" })
  siteId: string;

  /** The local date, `YYYY-MM-DD`, in the site's time zone. */
  @PrimaryColumn("varchar", { length: 10 })
  day: string;

  @Column("varchar", { length: 120 })
  name: string;
}
