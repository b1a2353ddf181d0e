/** What each ticket type is called, in both languages: the desk's ticket view, recaps and documents read it here. */
import { TicketType } from "./ticket.enums.js";

export const TICKET_TYPE_LABEL: Readonly<Record<TicketType, { en: string; id: string }>> = Object.freeze({
  [TicketType.INCIDENT]: { en: "Incident", id: "Insiden" },
  [TicketType.SERVICE_REQUEST]: { en: "Service request", id: "Permintaan layanan" },
  [TicketType.WORK_ORDER]: { en: "Work order", id: "Perintah kerja" },
});
