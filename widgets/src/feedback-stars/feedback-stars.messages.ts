import { lazyWords, type Messages } from "../shared/locale.js";

const en = {
  title: "How did we do?",
  ticket: "Ticket {code}",
  serviceRating: "Are you satisfied with how your problem report was handled?",
  restoredRating: "Can the service be used properly again?",
  informationRating: "Did the information you received meet your needs?",
  shortserviceRating: "Reporting service",
  shortrestoredRating: "Service restored",
  shortinformationRating: "Information",
  star: "{n} of 5 stars",
  suggestion: "Suggestions (optional)",
  yourSuggestion: "Suggestion",
  send: "Send",
  sending: "Sending…",
  rateAll: "Rate all three questions to send.",
  thanks: "Thank you for your feedback.",
  rated: "Thank you, you rated this ticket:",
  already: "This ticket was already rated. Thank you.",
  loadErr: "The feedback form could not be loaded.",
  retry: "Try again",
};

/** The feedback widget's words (the questions are seed 002 figure 11's); Indonesian in feedback-stars.messages.id.ts. */
export const messages: Messages<keyof typeof en> = { en };

/** The feedback widget's Indonesian words, fetched only for Indonesian readers. */
export const indonesian = lazyWords(() => import("./feedback-stars.messages.id.js"));
