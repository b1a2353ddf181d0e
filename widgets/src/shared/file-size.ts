/** A file size limit as the reader reads it: "2.5 MB", "300 KB" (the form's hint and the evidence part's refusals). */
export const megabytes = (bytes: number): string => (bytes >= 1048576 ? `${Math.round(bytes / 104857.6) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`);
