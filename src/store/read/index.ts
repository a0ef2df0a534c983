// Read functions for the portal and the API. Everything here returns what the viewer may see, the
// public's records unless a viewer is given: meetings pass isMeetingListed / listedMeetingsOnly,
// what was read from their minutes areMinutesPublic / publicMinutesOnly, items pass publicItem, sealed rows isFromPublicBusiness, sources sourceTextFor; counts come from
// the committees' summaries, which hold only what is public (counts.ts).
export * from "./types.ts";
export { search } from "../search.ts";
export { listAuthorities, listAuthorityNames } from "./authorities.ts";
export { bodyMembers, getBody, getBodySummary, listBodies } from "./bodies.ts";
export { listMeetings, type ListMeetingsOptions } from "./meetings.ts";
export { getMeeting, getMeetingPage } from "./meeting.ts";
export { getPerson, listPeople, publicPersonId, type ListPeopleOptions } from "./people.ts";
export { personAttendance, personMotions, personRoles, personVotes } from "./person-records.ts";
export { listDecisions, type ListDecisionsOptions } from "./decisions.ts";
export { getMeetingProvenance, getMeetingSource, getProvenance, type ProvenanceEntity } from "./sources.ts";
