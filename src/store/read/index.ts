// Read functions for the portal and the API. Everything here returns what the viewer may see, the
// public's records unless a viewer is given: meetings pass isMeetingPublic / publicMeetingsOnly,
// items pass publicItem, sealed rows isFromPublicBusiness, sources sourceTextFor; counts come from
// the committees' summaries, which hold only what is public (counts.ts).
export * from "./types.ts";
export { search } from "../search.ts";
export { listAuthorities } from "./authorities.ts";
export { getBody, listBodies } from "./bodies.ts";
export { listMeetings, type ListMeetingsOptions } from "./meetings.ts";
export { getMeeting } from "./meeting.ts";
export { getPerson, listPeople, type ListPeopleOptions } from "./people.ts";
export { listDecisions, type ListDecisionsOptions } from "./decisions.ts";
export { getMeetingProvenance, getMeetingSource, getProvenance, type ProvenanceEntity } from "./sources.ts";
