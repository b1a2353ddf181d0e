import { Impact, Priority, Urgency } from "./ticket.enums.js";

/**
 * The urgency × impact matrix of seed 002, table 5, kept as a literal so the code reads like
 * the table it comes from.
 */
const PRIORITY_MATRIX: Readonly<Record<Urgency, Readonly<Record<Impact, Priority>>>> = {
  [Urgency.HIGH]: { [Impact.HIGH]: Priority.P1, [Impact.MEDIUM]: Priority.P2, [Impact.LOW]: Priority.P3 },
  [Urgency.MEDIUM]: { [Impact.HIGH]: Priority.P2, [Impact.MEDIUM]: Priority.P3, [Impact.LOW]: Priority.P4 },
  [Urgency.LOW]: { [Impact.HIGH]: Priority.P3, [Impact.MEDIUM]: Priority.P4, [Impact.LOW]: Priority.P5 },
};

/** The priority of an incident from its urgency and impact (seed 002, table 5). */
export function priorityOf(urgency: Urgency, impact: Impact): Priority {
  return PRIORITY_MATRIX[urgency][impact];
}

/** Display names of each priority in English and Indonesian (seed 002, "Keterangan kode prioritas"). */
export const PRIORITY_LABEL: Record<Priority, { en: string; id: string }> = {
  [Priority.P1]: { en: "Critical", id: "Kritis" },
  [Priority.P2]: { en: "High", id: "Tinggi" },
  [Priority.P3]: { en: "Medium", id: "Sedang" },
  [Priority.P4]: { en: "Low", id: "Rendah" },
  [Priority.P5]: { en: "Planning", id: "Perencanaan" },
};

const PRIORITY_RANK: Readonly<Record<Priority, number>> = {
  [Priority.P1]: 1,
  [Priority.P2]: 2,
  [Priority.P3]: 3,
  [Priority.P4]: 4,
  [Priority.P5]: 5,
};

/** Sort key of a priority: 1 for P1 … 5 for P5, lower is more urgent. */
export function priorityRank(p: Priority): number {
  return PRIORITY_RANK[p];
}

/**
 * Help text for each urgency level (seed 002, table 3), worded for any company rather than the
 * seed's Balikpapan post office.
 */
export const URGENCY_HELP: Record<Urgency, { en: string[]; id: string[] }> = {
  [Urgency.HIGH]: {
    en: [
      "The service is unavailable.",
      "The IT equipment that supports the service cannot be used.",
      "The request or report comes from the head of the office or a head of division.",
    ],
    id: [
      "Layanan tidak tersedia.",
      "Perangkat TI pendukung layanan tidak dapat digunakan.",
      "Permintaan atau laporan gangguan diajukan oleh pimpinan kantor atau kepala bidang.",
    ],
  },
  [Urgency.MEDIUM]: {
    en: [
      "The service is available only for short, unpredictable periods.",
      "The IT equipment that supports the service can be used only in a limited way.",
      "The request or report comes from an employee.",
    ],
    id: [
      "Layanan hanya tersedia sebentar dan tidak menentu.",
      "Perangkat TI pendukung layanan hanya dapat digunakan secara terbatas.",
      "Permintaan atau laporan gangguan diajukan oleh karyawan.",
    ],
  },
  [Urgency.LOW]: {
    en: [
      "The IT equipment that supports the service can still be used.",
      "The service is available but not at its best, which holds up some activities.",
    ],
    id: [
      "Perangkat TI pendukung layanan masih dapat digunakan.",
      "Layanan tersedia tetapi tidak maksimal sehingga menghambat beberapa aktivitas tertentu.",
    ],
  },
};

/** Help text for each impact level (seed 002, table 4), worded for any company. */
export const IMPACT_HELP: Record<Impact, { en: string[]; id: string[] }> = {
  [Impact.HIGH]: {
    en: [
      "It can disrupt a core business process.",
      "Many users or employees cannot finish their work.",
      "It can disrupt a business-critical function.",
    ],
    id: [
      "Dapat mengganggu proses bisnis utama.",
      "Banyak pengguna atau karyawan tidak dapat menyelesaikan pekerjaan.",
      "Dapat mengganggu fungsi bisnis yang kritis.",
    ],
  },
  [Impact.MEDIUM]: {
    en: [
      "Users cannot carry out a particular business function as expected, but can still get it done another way.",
    ],
    id: [
      "Pengguna tidak dapat menjalankan fungsi bisnis tertentu sebagaimana mestinya, tetapi masih bisa dikerjakan dengan cara lain.",
    ],
  },
  [Impact.LOW]: {
    en: ["It holds up the work of a single user or employee."],
    id: ["Menghambat pekerjaan pengguna atau karyawan secara perorangan."],
  },
};

/** One cell of the urgency × impact matrix. */
export interface PriorityCell {
  urgency: Urgency;
  impact: Impact;
  priority: Priority;
}

/** All nine cells of the matrix (seed 002, table 5), urgency HIGH first, then impact HIGH first. */
export function priorityMatrix(): PriorityCell[] {
  return Object.values(Urgency).flatMap((urgency) => Object.values(Impact).map((impact) => ({ urgency, impact, priority: priorityOf(urgency, impact) })));
}
