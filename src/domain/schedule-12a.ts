// The descriptions of exempt information in Part 1 of Schedule 12A to the Local Government Act
// 1972 (England), as amended in 2006: the ground on which an item or paper is withheld.
export const SCHEDULE_12A: Readonly<Record<string, string>> = {
  "1": "Information relating to any individual",
  "2": "Information which is likely to reveal the identity of an individual",
  "3": "Information relating to the financial or business affairs of any particular person (including the authority holding that information)",
  "4": "Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter",
  "5": "Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings",
  "6": "Information which reveals that the authority proposes to give a notice, or to make an order or direction, under any enactment",
  "7": "Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime",
};
