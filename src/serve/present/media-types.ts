// The media types of the files a meeting's records link to, as the API names them.
export const MEDIA_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html",
  text: "text/plain",
} as const;
