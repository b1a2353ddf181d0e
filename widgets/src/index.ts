/** All Sigap widgets; import one entry (e.g. `@sigap/widgets/report-form`) to load just that one. */
export { SigapReportForm } from "./report-form/sigap-report-form.js";
export { SigapTicketTracker } from "./ticket-tracker/sigap-ticket-tracker.js";
export { SigapFeedbackStars } from "./feedback-stars/sigap-feedback-stars.js";
export { SigapAgentQueue } from "./agent-queue/sigap-agent-queue.js";
export { SigapDeskAdmin } from "./desk-admin/sigap-desk-admin.js";
export { SigapDeskReport } from "./desk-report/sigap-desk-report.js";
export { SigapKnowledgeBase } from "./knowledge-base/sigap-knowledge-base.js";
export { SigapRequestError, type FieldProblem } from "./client/graphql-error.js";
